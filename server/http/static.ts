import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { getMimeType } from 'hono/utils/mime';

/**
 * The browser bundles from `dist/`: `/partner-center.js`, `/loader.js`, `/components/*.js` and
 * `/chunks/*-<hash>.js`.
 *
 * - Each file is sent as brotli, gzip or as is, by `Accept-Encoding` (q-values honoured; br
 *   preferred at equal weight), from the `.br`/`.gz` the build wrote beside it;
 *   `Vary: Accept-Encoding` on every answer.
 * - Hashed chunks never change: `Cache-Control: public, max-age=31536000, immutable`. Entry
 *   files keep their name across releases: a short max-age, then revalidated by a strong ETag
 *   (one per encoding), answered 304 when `If-None-Match` holds it.
 * - Only GET and HEAD; no dotfiles, no `..`, no encoded separators, nothing outside `dir`;
 *   the `.br`/`.gz` files themselves are not addressable. Anything else falls through to 404.
 */
export function serveBundles(dir: string): MiddlewareHandler {
  const root = resolve(dir);
  const cache = new Map<string, Entry>();

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = fileFor(root, c.req.path);
    const entry = file && load(cache, file);
    if (!entry) return next();

    const encoding = chooseEncoding(c, entry);
    const { bytes, etag } = entry.forms[encoding]!;
    const headers: Record<string, string> = {
      'Content-Type': entry.type,
      'Cache-Control': IMMUTABLE_CHUNK.test(c.req.path) ? 'public, max-age=31536000, immutable' : ENTRY_CACHE,
      ETag: etag,
      Vary: 'Accept-Encoding',
      'Access-Control-Allow-Origin': '*', // module scripts load cross-origin from the merchant's pages
      'X-Content-Type-Options': 'nosniff',
    };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    headers['Content-Length'] = String(bytes.length);
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), 200, headers);
  };
}

/** Entry files: fresh for five minutes, then revalidated (a 304 when unchanged). */
const ENTRY_CACHE = 'public, max-age=300';
/** `chunks/<name>-<hash>.js`: rollup's content hash is in the name. */
const IMMUTABLE_CHUNK = /^\/chunks\/[\w-]+-[\w-]{8,}\.js$/;

type Encoding = 'br' | 'gzip' | 'identity';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };
/** Server preference when the client weighs encodings alike. */
const PREFERENCE: Encoding[] = ['br', 'gzip', 'identity'];

interface Entry {
  signature: string;
  type: string;
  forms: Partial<Record<Encoding, { bytes: Buffer; etag: string }>>;
}

/** The file a URL path names inside `root`, or undefined when the path is not a plain one. */
function fileFor(root: string, urlPath: string): string | undefined {
  const segments = urlPath.split('/').slice(1);
  // no empty, dot- or encoded segments (`..`, `.builds.json`, `%2f`), no backslashes or NULs
  if (!segments.length || segments.some((s) => !s || s.startsWith('.') || /[%\\\0]/.test(s))) return undefined;
  if (/\.(?:br|gz)$/.test(urlPath) || !getMimeType(urlPath)) return undefined;
  const file = join(root, ...segments);
  return file.startsWith(root + sep) ? file : undefined;
}

/** The file and its precompressed forms, read once and again whenever one of them changes. */
function load(cache: Map<string, Entry>, file: string): Entry | undefined {
  const stats = PREFERENCE.map((e) => {
    try {
      const s = statSync(file + SUFFIX[e]);
      return s.isFile() ? s : undefined;
    } catch {
      return undefined;
    }
  });
  if (!stats[2]) return undefined; // the file itself must exist
  const signature = stats.map((s) => (s ? `${s.size}:${s.mtimeMs}` : '-')).join('|');
  const cached = cache.get(file);
  if (cached?.signature === signature) return cached;

  const identity = readFileSync(file);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  const forms: Entry['forms'] = {};
  PREFERENCE.forEach((encoding, i) => {
    if (!stats[i]) return;
    const bytes = encoding === 'identity' ? identity : readFileSync(file + SUFFIX[encoding]);
    // a strong ETag names one representation: the br and gzip bytes differ from the file's
    forms[encoding] = { bytes, etag: `"${hash}${encoding === 'identity' ? '' : `-${encoding}`}"` };
  });
  const entry: Entry = { signature, type: getMimeType(file)!, forms };
  cache.set(file, entry);
  return entry;
}

/** The client's most wanted encoding among those the file has; br, then gzip on a tie. */
function chooseEncoding(c: Context, entry: Entry): Encoding {
  const offered = PREFERENCE.filter((e) => entry.forms[e]);
  return accepts(c, {
    header: 'Accept-Encoding',
    supports: offered,
    default: 'identity',
    match: (accepted) => {
      const weight = (encoding: Encoding) =>
        accepted.find((a) => a.type.toLowerCase() === encoding)?.q ??
        accepted.find((a) => a.type === '*')?.q ??
        (encoding === 'identity' ? 0.001 : 0); // identity is acceptable unless refused by name or `*;q=0`
      const best = offered.reduce((a, b) => (weight(b) > weight(a) ? b : a));
      return weight(best) > 0 ? best : 'identity';
    },
  }) as Encoding;
}

/** `If-None-Match` (weak comparison, as RFC 9110 asks for it): `*` or one of its tags. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
