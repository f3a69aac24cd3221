import { Marked } from 'marked';
import { MARKED_OPTIONS } from '../../src/internal/markdown-options.js';
import { ATTRIBUTES, inertHtml, safeHtml, TAGS } from '../../src/internal/safe-html.js';

/**
 * The console's live preview of merchant markdown, rendered in the browser the way partners get
 * it: the same parser with the same options as the server (`marked`, MARKED_OPTIONS), then the
 * server's allow-list rules (server/resources/markdown.ts, which runs sanitize-html — a Node
 * library — so its rules are applied here on an inert <template>): disallowed tags keep their
 * text except script-like ones, which go whole; links only http(s) and mailto, images only
 * http(s), root-relative addresses resolved against the server; headings shifted by the offset.
 * Last, the partner elements' own second pass (`safeHtml`), as `<partner-resources>` does.
 */
const marked = new Marked(MARKED_OPTIONS);

/** sanitize-html's `nonTextTags` as the server sets them: dropped with their content. */
const NON_TEXT = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'svg', 'math', 'template', 'xmp', 'noembed', 'noframes']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function safeUrl(raw: string | null, image: boolean, base: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = value.startsWith('/') && !value.startsWith('//') ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
  return /^https?:$/.test(url.protocol) || (!image && url.protocol === 'mailto:') ? url.href : undefined;
}

function serverRules(parent: ParentNode, base: string, offset: number) {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.remove();
      continue;
    }
    let el = node as Element;
    const tag = el.localName;
    if (el.namespaceURI !== HTML_NS || !TAGS.has(tag)) {
      if (NON_TEXT.has(tag) || el.namespaceURI !== HTML_NS) el.remove();
      else {
        serverRules(el, base, offset);
        el.replaceWith(...el.childNodes);
      }
      continue;
    }
    const keep = new Set(ATTRIBUTES[tag] ?? []);
    for (const { name } of [...el.attributes]) if (!keep.has(name)) el.removeAttribute(name);
    if (tag === 'a') {
      const href = safeUrl(el.getAttribute('href'), false, base);
      el.removeAttribute('href');
      if (href) el.setAttribute('href', href);
    } else if (tag === 'img') {
      const src = safeUrl(el.getAttribute('src'), true, base);
      if (!src) {
        el.remove();
        continue;
      }
      el.setAttribute('src', src);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
      for (const size of ['width', 'height']) if (el.hasAttribute(size) && !/^\d{1,4}$/.test(el.getAttribute(size)!)) el.removeAttribute(size);
    } else if (offset && /^h[1-6]$/.test(tag)) {
      const heading = document.createElement(`h${Math.min(6, Number(tag.slice(1)) + offset)}`);
      heading.append(...el.childNodes);
      el.replaceWith(heading);
      el = heading;
    }
    serverRules(el, base, offset);
  }
}

/** Markdown → the HTML a partner's element shows for it. `base`: the server's address. */
export function previewMarkdown(markdown: string, { base, headingOffset = 0 }: { base: string; headingOffset?: number }): string {
  // through the partner-center Trusted Types policy, like the partner elements (safe-html.ts)
  const template = inertHtml(marked.parse(markdown) as string);
  serverRules(template.content, base, Math.max(0, Math.min(5, headingOffset)));
  return safeHtml(template.innerHTML).trim();
}
