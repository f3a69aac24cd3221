import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../../scripts/precompress.mjs';
import { configSchema } from '../../../server/config.js';
import { startServer, type RunningServer } from '../../../server/main.js';
import { testServer, type TestServer } from '../../helpers/server.js';

/**
 * A dist/ as `npm run build` leaves it (entry files, a hashed chunk, their .br and .gz), in a
 * temporary folder, beside a file outside it that must never be served.
 */
const root = mkdtempSync(join(tmpdir(), 'pc-static-'));
const dist = join(root, 'dist');
const source = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
const files: Record<string, string> = {
  'partner-center.js': source('src/api/client.ts') + source('src/session.ts'),
  'loader.js': source('src/loader.ts'),
  'components/partner-login.js': `import './chunks/core-Cz6NHSdK.js';\n${source('components/partner-login/partner-login.ts')}`,
  'chunks/core-Cz6NHSdK.js': source('src/api/client.ts'),
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dist, name)), { recursive: true });
  writeFileSync(join(dist, name), text);
}
precompress(dist);
writeFileSync(join(dist, 'chunks/.builds.json'), '[]');
writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
const bytes = (name: string) => readFileSync(join(dist, name));

let s: TestServer;
before(async () => {
  s = await testServer({ distDir: dist });
});
after(() => {
  s.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => s.app.request(path, { method, headers });
const body = async (res: Response) => Buffer.from(await res.arrayBuffer());
const CHROME = 'gzip, deflate, br, zstd';

describe('the browser bundles, through app.request()', () => {
  test('a browser that accepts br gets the brotli file, which decompresses to the bundle', async () => {
    const res = await get('/partner-center.js', { 'Accept-Encoding': CHROME });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.equal(res.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('Vary'), 'Accept-Encoding');
    const sent = await body(res);
    assert.equal(res.headers.get('Content-Length'), String(sent.length));
    assert.ok(sent.length < bytes('partner-center.js').length / 2, `${sent.length} bytes on the wire`);
    assert.deepEqual(brotliDecompressSync(sent), bytes('partner-center.js'));
  });

  for (const header of ['gzip', 'gzip, deflate', 'br;q=0, gzip', 'gzip;q=1.0, br;q=0.5', 'deflate, gzip;q=0.8, *;q=0.1']) {
    test(`Accept-Encoding: ${header} → gzip`, async () => {
      const res = await get('/loader.js', { 'Accept-Encoding': header });
      assert.equal(res.headers.get('Content-Encoding'), 'gzip');
      assert.equal(res.headers.get('Vary'), 'Accept-Encoding');
      assert.deepEqual(gunzipSync(await body(res)), bytes('loader.js'));
    });
  }

  for (const header of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0', '*;q=0, identity']) {
    test(`Accept-Encoding: ${header ?? '(none)'} → the file as is`, async () => {
      const res = await get('/components/partner-login.js', header ? { 'Accept-Encoding': header } : {});
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('Content-Encoding'), null);
      assert.equal(res.headers.get('Vary'), 'Accept-Encoding');
      assert.deepEqual(await body(res), bytes('components/partner-login.js'));
    });
  }

  test('at equal weight br wins, whatever the order; `*` counts for br', async () => {
    assert.equal((await get('/loader.js', { 'Accept-Encoding': 'gzip, br' })).headers.get('Content-Encoding'), 'br');
    assert.equal((await get('/loader.js', { 'Accept-Encoding': '*' })).headers.get('Content-Encoding'), 'br');
  });

  test('hashed chunks are cached for a year as immutable; entry files for five minutes', async () => {
    const chunk = await get('/chunks/core-Cz6NHSdK.js', { 'Accept-Encoding': CHROME });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    for (const entry of ['/partner-center.js', '/loader.js', '/components/partner-login.js']) {
      const res = await get(entry, { 'Accept-Encoding': CHROME });
      assert.equal(res.headers.get('Cache-Control'), 'public, max-age=300', entry);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*', entry);
    }
  });

  test('a strong ETag per encoding; If-None-Match with it answers 304 without a body', async () => {
    const br = await get('/partner-center.js', { 'Accept-Encoding': 'br' });
    const gzip = await get('/partner-center.js', { 'Accept-Encoding': 'gzip' });
    const plain = await get('/partner-center.js');
    const tags = [br, gzip, plain].map((r) => r.headers.get('ETag')!);
    for (const tag of tags) assert.match(tag, /^"[\w-]+"$/, 'strong (no W/)');
    assert.equal(new Set(tags).size, 3, 'each encoding is its own representation');

    const again = await get('/partner-center.js', { 'Accept-Encoding': 'br', 'If-None-Match': tags[0]! });
    assert.equal(again.status, 304);
    assert.equal((await body(again)).length, 0);
    assert.equal(again.headers.get('ETag'), tags[0]);
    assert.equal(again.headers.get('Cache-Control'), 'public, max-age=300');
    assert.equal(again.headers.get('Vary'), 'Accept-Encoding');
    assert.equal((await get('/partner-center.js', { 'Accept-Encoding': 'br', 'If-None-Match': `"x", ${tags[0]}` })).status, 304);
    // the gzip tag does not validate the br answer
    assert.equal((await get('/partner-center.js', { 'Accept-Encoding': 'br', 'If-None-Match': tags[1]! })).status, 200);
    assert.equal((await get('/partner-center.js', { 'If-None-Match': '"something-else"' })).status, 200);
  });

  test('a rebuilt entry file gets a new ETag, so the old one answers 200 with the new bytes', async () => {
    const before = (await get('/loader.js', { 'Accept-Encoding': 'br' })).headers.get('ETag')!;
    writeFileSync(join(dist, 'loader.js'), `${files['loader.js']}\n// rebuilt\n`);
    precompress(dist, ['loader.js']);
    const res = await get('/loader.js', { 'Accept-Encoding': 'br', 'If-None-Match': before });
    assert.equal(res.status, 200);
    assert.notEqual(res.headers.get('ETag'), before);
    assert.deepEqual(brotliDecompressSync(await body(res)), bytes('loader.js'));
  });

  test('HEAD answers the headers of GET without the body', async () => {
    const res = await get('/partner-center.js', { 'Accept-Encoding': CHROME }, 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.equal(res.headers.get('Content-Length'), String(bytes('partner-center.js.br').length));
    assert.ok(res.headers.get('ETag'));
    assert.equal((await body(res)).length, 0);
  });

  for (const path of ['/nope.js', '/components/partner-nope.js', '/partner-center.js.br', '/loader.js.gz', '/chunks/.builds.json', '/chunks/', '/components']) {
    test(`${path} → 404`, async () => {
      const res = await get(path, { 'Accept-Encoding': CHROME });
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, 'not_found');
    });
  }

  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/chunks/..%2f..%2fsecret.txt', '/chunks/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt']) {
    test(`path traversal ${path} is refused`, async () => {
      const res = await get(path);
      assert.equal(res.status, 404);
      assert.doesNotMatch(await res.text(), /TOP SECRET/);
    });
  }
});

describe('the browser bundles, over real HTTP', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ ...configSchema.parse({ databasePath: ':memory:' }), port: 0, host: '127.0.0.1', distDir: dist }, { quiet: true });
  });
  after(() => server.close());

  /** A raw request: the path is sent as written and nothing is decompressed for us. */
  const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', fail);
      req.end();
    });

  test('br, gzip and identity decompress to the same bytes as the file', async () => {
    const br = await raw('/chunks/core-Cz6NHSdK.js', { 'Accept-Encoding': CHROME });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(brotliDecompressSync(br.body), bytes('chunks/core-Cz6NHSdK.js'));
    const gzip = await raw('/chunks/core-Cz6NHSdK.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), bytes('chunks/core-Cz6NHSdK.js'));
    const plain = await raw('/chunks/core-Cz6NHSdK.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.deepEqual(plain.body, bytes('chunks/core-Cz6NHSdK.js'));
  });

  test('ETag, then 304 on If-None-Match; HEAD has the length and no body', async () => {
    const first = await raw('/partner-center.js', { 'Accept-Encoding': 'br' });
    const again = await raw('/partner-center.js', { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const head = await raw('/partner-center.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(first.body.length));
    assert.equal(head.body.length, 0);
  });

  for (const path of ['/../secret.txt', '/chunks/../../secret.txt', '/%2e%2e/secret.txt', '/chunks/..%2f..%2fsecret.txt', '/..\\secret.txt', '//etc/passwd']) {
    test(`path traversal ${path} is refused`, async () => {
      const res = await raw(path);
      assert.ok([400, 404].includes(res.status), `${res.status}`); // Node's parser refuses a backslash with 400
      assert.doesNotMatch(res.body.toString(), /TOP SECRET|root:/);
    });
  }
});
