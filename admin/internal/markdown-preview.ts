import { Marked } from 'marked';
import { inertHtml, safeHtml } from '../../src/internal/safe-html.js';

/**
 * Merchant markdown as partners will see it, rendered in the console as they type: the same
 * parser and options the server uses (server/resources/markdown.ts: marked, GFM, no soft
 * breaks), root-relative links and images resolved against the server as it does, headings
 * moved down as the page they land in does (`headingOffset`), then the partner elements' own
 * allow-list (src/internal/safe-html.ts) — the very step `<partner-welcome>` applies to the
 * server's HTML. Only the console bundle carries the parser.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

export function previewMarkdown(markdown: string, { base, headingOffset = 0 }: { base: string; headingOffset?: number }): string {
  // through the partner-center Trusted Types policy, like the partner elements (safe-html.ts)
  const template = inertHtml(marked.parse(markdown) as string);
  for (const el of template.content.querySelectorAll<HTMLElement>('a[href^="/"]:not([href^="//"]), img[src^="/"]:not([src^="//"])')) {
    const name = el.localName === 'a' ? 'href' : 'src';
    el.setAttribute(name, new URL(el.getAttribute(name)!, base).href);
  }
  if (headingOffset) {
    for (const h of template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const moved = document.createElement(`h${Math.min(6, Number(h.localName.slice(1)) + headingOffset)}`);
      moved.append(...h.childNodes);
      h.replaceWith(moved);
    }
  }
  return safeHtml(template.innerHTML).trim();
}
