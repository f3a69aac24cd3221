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

/** Returns `html` with only the allow-listed, inert markup left. */
export function safeHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  clean(template.content);
  return template.innerHTML;
}
