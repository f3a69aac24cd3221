import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../deps.js';

/** Answers that carry a partner's data, a merchant's data or a token: never stored by any cache. */
const PRIVATE_PATHS = /^\/api\/v1\/(auth|me|partner|admin)(\/|$)/;
/** Public answers whose content is built from the request's Host header unless PUBLIC_URL is set. */
const HOST_BUILT_PATHS = /^\/api\/v1\/qr\.(png|svg)$/;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The hashes a page's own inline code needs under a CSP without 'unsafe-inline': every inline
 * `<script>` and `<style>` block, and every `style="…"` attribute (allowed by hash through
 * 'unsafe-hashes'). Kept per page text, since pages are few and fixed.
 */
const inlineHashes = new Map<string, { scripts: string[]; styles: string[]; attributes: string[] }>();
function hashesOf(html: string) {
  let found = inlineHashes.get(html);
  if (!found) {
    const all = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => sha256(m[1]!)))];
    found = {
      scripts: all(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi),
      styles: all(/<style\b[^>]*>([\s\S]*?)<\/style>/gi),
      attributes: all(/\sstyle="([^"]*)"/gi),
    };
    if (inlineHashes.size > 50) inlineHashes.clear();
    inlineHashes.set(html, found);
  }
  return found;
}

/**
 * Security headers on every answer, by kind:
 * - pages (HTML): a Content-Security-Policy allowing only this server's scripts and styles plus
 *   the page's own inline blocks by hash, `frame-ancestors` from FRAME_ANCESTORS (default
 *   'self'), `Referrer-Policy: strict-origin-when-cross-origin`, and hono's secureHeaders set
 *   (X-Frame-Options when it agrees with frame-ancestors, COOP, CORP, nosniff…). HSTS is left
 *   to the TLS proxy in front;
 * - everything else (JSON, CSV, scripts, images, errors): `X-Content-Type-Options: nosniff`;
 * - answers under /api/v1/auth, /me, /partner and /admin: `Cache-Control: no-store`;
 * - without PUBLIC_URL, answers built from the Host header (QR codes) are `private` and vary
 *   by Host, so no shared cache serves one host's links to another.
 * Redirects (`/r/…` 302s) are left as they are: they carry no body, already say no-store, and
 * their referrer must reach the merchant's site as browsers send it by default.
 */
export function securityHeaders(deps: Deps): MiddlewareHandler {
  const ancestors = deps.config.frameAncestors;
  const xFrameOptions = ancestors.join(' ') === "'self'" ? 'SAMEORIGIN' : ancestors.join(' ') === "'none'" ? 'DENY' : false;
  const pageHeaders = secureHeaders({
    // no contentSecurityPolicy here: it is set below, as it needs the page's inline hashes
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
    xFrameOptions,
  });
  const pagePolicy = (html: string) => {
    const { scripts, styles, attributes } = hashesOf(html);
    return [
      "default-src 'self'",
      ['script-src', "'self'", ...scripts].join(' '),
      ['style-src', "'self'", ...styles, ...(attributes.length ? ["'unsafe-hashes'", ...attributes] : [])].join(' '),
      "img-src 'self' data: https:", // banners and resource pages may show the merchant's own images
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${ancestors.join(' ')}`,
    ].join('; ');
  };
  const noop = async () => {};

  return async function securityHeadersMiddleware(c: Context, next) {
    await next();
    const path = c.req.path;
    if (c.res.status >= 300 && c.res.status < 400 && path.startsWith('/r/')) return;
    const type = c.res.headers.get('Content-Type') ?? '';
    if (type.startsWith('text/html')) {
      await pageHeaders(c, noop);
      if (!c.res.headers.has('Content-Security-Policy')) {
        // read the page before taking its headers: served by @hono/node-server, reading the body
        // turns the answer into a full Response with headers of its own, and a header set on the
        // ones taken before would not be sent
        const policy = pagePolicy(await c.res.clone().text());
        c.res.headers.set('Content-Security-Policy', policy);
      }
    } else {
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
    }
    const headers = c.res.headers;
    if (PRIVATE_PATHS.test(path)) {
      if (!/\bno-store\b/.test(headers.get('Cache-Control') ?? '')) c.res.headers.set('Cache-Control', 'no-store');
    } else if (!deps.config.publicUrl && HOST_BUILT_PATHS.test(path)) {
      const cache = c.res.headers.get('Cache-Control');
      if (cache) c.res.headers.set('Cache-Control', cache.replace(/\bpublic\b/, 'private'));
      c.res.headers.append('Vary', 'Host');
    }
  };
}
