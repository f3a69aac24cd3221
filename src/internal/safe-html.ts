/**
 * A second line of defence for HTML the server already sanitized: parse it in an inert
 * <template> (nothing loads or runs there), walk it, and keep only plain document markup —
 * the same allow-list the server uses (exported for the console's markdown preview). Anything
 * script-capable is dropped with its content.
 */
const HTML_NS = 'http://www.w3.org/1999/xhtml';
export const TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i',
  'del', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
export const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['align', 'colspan', 'rowspan'],
  td: ['align', 'colspan', 'rowspan'],
  ol: ['start'],
};

const safeUrl = (value: string, image: boolean) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:' || (!image && protocol === 'mailto:');
  } catch {
    return false; // relative or unparsable
  }
};

function clean(parent: ParentNode) {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.remove(); // comments, processing instructions
      continue;
    }
    const el = node as Element;
    const tag = el.localName;
    if (el.namespaceURI !== HTML_NS || !TAGS.has(tag)) {
      // unknown but harmless wrappers (div, span…) keep their text; everything else goes whole
      if (el.namespaceURI === HTML_NS && /^(div|span|section|article|header|footer|main|aside|figure|figcaption|small|mark|u|abbr|cite|q|dl|dt|dd|caption|tfoot|center|font|marquee)$/.test(tag)) {
        clean(el);
        el.replaceWith(...el.childNodes);
      } else {
        el.remove();
      }
      continue;
    }
    for (const { name, value } of [...el.attributes]) {
      const allowed = ATTRIBUTES[tag]?.includes(name) ?? false;
      if (!allowed || ((name === 'href' || name === 'src') && !safeUrl(value, tag === 'img'))) el.removeAttribute(name);
    }
    if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer nofollow');
    if (tag === 'img' && !el.hasAttribute('src')) {
      el.remove();
      continue;
    }
    clean(el);
  }
}

/**
 * Trusted Types. On a page whose CSP says `require-trusted-types-for 'script'`, assigning a
 * string to `innerHTML` throws. Merchant HTML is therefore parsed through one named policy,
 * `partner-center` (the page's CSP must allow it: `trusted-types lit-html partner-center`),
 * created once, lazily, the first time merchant HTML is shown. Its only use is to parse into
 * an inert `<template>` (nothing loads or runs there); the allow-list below then cleans the
 * result, and only that reaches the page — through Lit's own `lit-html` policy (unsafeHTML).
 * Where the policy cannot be made (its name is not allowed, or another copy of the bundle made
 * it already) and the browser has the Sanitizer API, `setHTML` parses instead (it needs no
 * policy and drops script on its own); otherwise, on a page without Trusted Types, a string.
 */
export const TRUSTED_TYPES_POLICY = 'partner-center';

interface HtmlPolicy {
  createHTML(input: string): unknown;
}
let policy: HtmlPolicy | null | undefined;

function htmlPolicy(): HtmlPolicy | null {
  if (policy === undefined) {
    policy = null;
    const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy } }).trustedTypes;
    if (tt?.createPolicy) {
      try {
        // the input is only parsed inert and then cleaned by the allow-list (see inertHtml)
        policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createHTML: (input) => input });
      } catch {
        policy = null; // not allowed by the page's CSP, or made already by another copy
      }
    }
  }
  return policy;
}

type SanitizerElement = Element & { setHTML?(html: string): void };

/**
 * Parses `html` into an inert `<template>` (no script runs, nothing loads), going through the
 * `partner-center` Trusted Types policy (or the Sanitizer API) where the page requires it.
 * Not cleaned yet: use `safeHtml` for what is shown. Also used by the console's markdown preview.
 */
export function inertHtml(html: string): HTMLTemplateElement {
  const template = document.createElement('template');
  const trusted = htmlPolicy();
  if (trusted) {
    template.innerHTML = trusted.createHTML(html) as string;
    return template;
  }
  const inertDocument = document.implementation.createHTMLDocument('');
  const holder = inertDocument.createElement('div') as SanitizerElement;
  const tt = (globalThis as { trustedTypes?: unknown }).trustedTypes;
  if (tt && typeof holder.setHTML === 'function') {
    holder.setHTML(html);
    template.content.append(...[...holder.childNodes].map((node) => document.importNode(node, true)));
    return template;
  }
  template.innerHTML = html;
  return template;
}

/** Returns `html` with only the allow-listed, inert markup left. */
export function safeHtml(html: string): string {
  const template = inertHtml(html);
  clean(template.content);
  return template.innerHTML;
}
