/**
 * Script-injection payloads for the safety tests. Each one, if it ever ran, would set
 * `window.__pwned` (or open a dialog), so a test can prove that none did.
 */
export const PAYLOADS: string[] = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '[click](javascript:window.__pwned=1)',
  '[click](JaVaScRiPt:window.__pwned=1)',
  '[click](java\tscript:window.__pwned=1)',
  '<a href="jav&#x09;ascript:window.__pwned=1">x</a>',
  '<a href="&#106;avascript:window.__pwned=1">x</a>',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<div style="background:url(javascript:window.__pwned=1)">x</div>',
  '<p style="width:expression(window.__pwned=1)">x</p>',
  '<style>@import "javascript:window.__pwned=1";</style>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="javascript:window.__pwned=1">',
  '<form action="javascript:window.__pwned=1"><button>go</button></form>',
  '<input autofocus onfocus="window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<a href="data:text/html,<script>window.__pwned=1</script>">x</a>',
  '![x](javascript:window.__pwned=1)',
  '![x](data:image/svg+xml,<svg onload=window.__pwned=1>)',
  '<img src="https://ok.example/a.png" onload="window.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="javascript:window.__pwned=1//">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<a href="https://ok.example" onclick="window.__pwned=1" target="_self">x</a>',
  '<video><source onerror="window.__pwned=1"></video>',
  '<body onload="window.__pwned=1">',
  '<template><script>window.__pwned=1</script></template>',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '<img src=x:y onerror=window.__pwned=1>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '[x](//evil.example/path)',
];

/** Short payloads for plain-text fields (names, subjects, alt texts…). */
export const FIELD_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg onload=window.__pwned=1>",
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<div style="background:url(javascript:window.__pwned=1)">x</div>',
];
