// Precompression of the browser bundles: dist/<file>.br and dist/<file>.gz next to each file,
// made once at build time so the server only picks one by Accept-Encoding (server/http/static.ts).
// Used by rollup.config.ts after every build and by the static-serving tests for their fixtures.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The extensions the server offers compressed (text only: images are compressed already). */
export const COMPRESSIBLE = /\.(?:js|mjs|css|json|map|svg|html|txt)$/;

/** The served forms of `bytes`: brotli at its best quality, gzip at level 9. */
export function compress(bytes) {
  return {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip: gzipSync(bytes, { level: 9 }),
  };
}

/**
 * Writes `<file>.br` and `<file>.gz` beside each of `files` (paths relative to `dir`; default:
 * every compressible file under `dir`). Returns each file's size as stored and as served.
 */
export function precompress(dir, files = listFiles(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const sizes = new Map();
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const { br, gzip } = compress(bytes);
    writeFileSync(join(dir, `${file}.br`), br);
    writeFileSync(join(dir, `${file}.gz`), gzip);
    sizes.set(file, { raw: bytes.length, br: br.length, gzip: gzip.length });
  }
  return sizes;
}

/** Every file under `dir`, relative, with `/` separators. */
export function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}
