import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAIL_KINDS } from '../../../server/mail/mail.schemas.js';
import { htmlOf, parseBody, renderTemplate, sanitizedFill, shapeOf, TEMPLATES } from '../../../server/mail/templates.js';

/** `{{name}}` → the renderer's inert tokens, numbered in order (as renderTemplate does). */
const tokenized = (body: string) => {
  let n = 0;
  return body.replace(/\{\{\s*[^{}]*?\s*\}\}/g, () => `PCVAR${n++}Z`);
};

const HOSTILE = [
  'Ada Lovelace',
  `O'Brien & "Sons" <b>bold</b>`,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  'line one\nline two\r\nthree',
  'A&amp;B &lt;already&gt; &#39;encoded&#39; &unknown;',
  '**not markdown** [link](javascript:alert(3)) `code`',
  'PCVAR0Z PCVAR9Z',
  'ünïcödé — “quotes” ✓ 😀',
  '',
];

const BODIES = [
  ...MAIL_KINDS.map((kind) => tokenized(TEMPLATES[kind].body)),
  '# PCVAR0Z\n\n> PCVAR1Z\n\n- PCVAR2Z\n- **PCVAR3Z** and _PCVAR4Z_\n\n`PCVAR5Z`\n\n```\nPCVAR6Z\n```',
  'Hello PCVAR0Z, [open](PCVAR1Z) or ![alt PCVAR2Z](PCVAR3Z) or [PCVAR4Z](https://shop.example.com/PCVAR5Z)',
  '| a | b |\n| :- | -: |\n| PCVAR0Z | PCVAR1Z |\n\n<b>raw PCVAR2Z</b>',
];

describe('mail templates: a body parsed once, then filled', () => {
  it('fills each value exactly as sanitizing the filled body would, for every default and hand-made body', () => {
    let compared = 0;
    for (const body of BODIES) {
      for (let shift = 0; shift < HOSTILE.length; shift++) {
        const valueOf = (i: string) => HOSTILE[(Number(i) + shift) % HOSTILE.length]!;
        assert.equal(htmlOf(body, valueOf), sanitizedFill(parseBody(body), valueOf), `body ${JSON.stringify(body.slice(0, 60))}, shift ${shift}`);
        compared++;
      }
    }
    assert.equal(compared, BODIES.length * HOSTILE.length);
  });

  it('parses and sanitizes a commission email once; a body with a value in a link or image is sanitized each time', () => {
    assert.equal(shapeOf(tokenized(TEMPLATES.commission_earned.body)).textOnly, true, 'the commission email is filled without the sanitizer');
    assert.equal(shapeOf('Hello PCVAR0Z, [open](PCVAR1Z)').textOnly, false);
    assert.equal(shapeOf('![PCVAR0Z](https://shop.example.com/a.png)').textOnly, false);
  });

  it('a partner name with markup stays text in a commission email', () => {
    const rendered = renderTemplate(
      TEMPLATES.commission_earned,
      { 'partner.name': '<script>alert(1)</script> & co', amount: '$5.00', program: 'Main', 'sale.amount': '$50.00', payableOn: 'June 1, 2026' },
      { merchantName: 'Shop' },
    );
    assert.match(rendered.html, /Hello &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; co,/);
    assert.doesNotMatch(rendered.html, /<script/);
    assert.match(rendered.html, /<strong>\$5\.00<\/strong> in Main on a sale of \$50\.00/);
  });
});
