import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { MARKED_OPTIONS } from '../../src/internal/markdown-options.js';

/**
 * Merchant-authored markdown → HTML that is safe to put into the partner's page. Markdown may
 * carry raw HTML; whatever comes out of the markdown parser goes through a strict allow-list:
 * no script, style, iframe, svg, forms or event handlers; links only to http, https and
 * mailto (rel="noopener noreferrer nofollow"); images only from http(s).
 */
const marked = new Marked(MARKED_OPTIONS);

const TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i',
  'del', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const LINK_SCHEMES = /^(https?:|mailto:)/i;
const IMAGE_SCHEMES = /^https?:/i;

/** An absolute URL on an allowed scheme, with a root-relative one resolved against `base`; else undefined. */
function safeUrl(raw: string | undefined, schemes: RegExp, base?: string): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  let url: URL;
  try {
    // `/uploads/3` → the server's own origin; `//host`, `x.png` and the like are refused
    url = value.startsWith('/') && !value.startsWith('//') && base ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
  return schemes.test(url.protocol) ? url.href : undefined;
}

export interface RenderOptions {
  /** Origin root-relative links and images (`/uploads/3`) resolve against. */
  base?: string;
  /** Added to every heading level (`#` → h(1+offset), capped at h6), to fit the page it lands in. */
  headingOffset?: number;
}

/** Sanitizes HTML with the allow-list above. */
export function sanitize(html: string, options: RenderOptions = {}): string {
  const offset = Math.max(0, Math.min(5, options.headingOffset ?? 0));
  const heading = (tagName: string, attribs: sanitizeHtml.Attributes) => ({
    tagName: `h${Math.min(6, Number(tagName.slice(1)) + offset)}`,
    attribs,
  });
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      th: ['align', 'colspan', 'rowspan'],
      td: ['align', 'colspan', 'rowspan'],
      ol: ['start'],
      code: [],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'svg', 'math', 'template', 'xmp', 'noembed', 'noframes'],
    transformTags: {
      a: (_tag, attribs) => {
        const href = safeUrl(attribs.href, LINK_SCHEMES, options.base);
        const out: sanitizeHtml.Attributes = href ? { href, rel: 'noopener noreferrer nofollow' } : {};
        if (attribs.title) out.title = attribs.title;
        return { tagName: 'a', attribs: out };
      },
      img: (_tag, attribs) => {
        const src = safeUrl(attribs.src, IMAGE_SCHEMES, options.base);
        const out: sanitizeHtml.Attributes = { alt: attribs.alt ?? '' };
        if (src) out.src = src;
        for (const name of ['title', 'width', 'height'] as const) {
          if (attribs[name] && (name === 'title' || /^\d{1,4}$/.test(attribs[name]!))) out[name] = attribs[name]!;
        }
        return { tagName: 'img', attribs: out };
      },
      ...(offset ? Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, heading])) : {}),
    },
    // an image whose address was refused is dropped rather than left broken
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

/** Renders merchant markdown to sanitized HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const raw = marked.parse(markdown) as string;
  return sanitize(raw, options).trim();
}
