import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDist, recordChunks } from '../../../scripts/dist-files.mjs';
import { precompress } from '../../../scripts/precompress.mjs';
import { testServer } from '../../helpers/server.js';

/** One "build": an entry file importing its hashed chunk, both precompressed, as rollup.config.ts leaves them. */
function build(dist: string, hash: string) {
  cleanDist(dist);
  mkdirSync(join(dist, 'components'), { recursive: true });
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  writeFileSync(join(dist, 'components/partner-login.js'), `import '../chunks/core-${hash}.js';`);
  writeFileSync(join(dist, `chunks/core-${hash}.js`), `export const build = '${hash}';`);
  precompress(dist, ['components/partner-login.js', `chunks/core-${hash}.js`]);
  recordChunks(join(dist, 'chunks'), [`core-${hash}.js`]);
}

test('after an upgrade built in place, the chunks of the two builds before stay loadable; older ones go', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'pc-dist-'));
  const s = await testServer({ distDir: dist });
  try {
    const hashes = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD'];
    for (const hash of hashes) build(dist, hash);
    // a page that cached an older components/partner-login.js still gets the chunk it imports
    for (const hash of hashes.slice(1)) {
      const res = await s.app.request(`/chunks/core-${hash}.js`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(res.status, 200, hash);
      assert.equal(res.headers.get('Content-Encoding'), 'br', hash);
    }
    assert.equal((await s.app.request('/chunks/core-AAAAAAAA.js')).status, 404);
    assert.deepEqual(readdirSync(join(dist, 'chunks')).filter((f) => f.includes('AAAAAAAA')), [], 'the .br and .gz go too');
    // the entry file is the newest build's
    assert.equal(await (await s.app.request('/components/partner-login.js')).text(), `import '../chunks/core-DDDDDDDD.js';`);
  } finally {
    s.close();
    rmSync(dist, { recursive: true, force: true });
  }
});

test('cleaning dist/ before a build removes the entry files and keeps chunks/', () => {
  const dist = mkdtempSync(join(tmpdir(), 'pc-dist-'));
  try {
    build(dist, 'AAAAAAAA');
    writeFileSync(join(dist, 'partner-old.js'), '');
    cleanDist(dist);
    assert.deepEqual(readdirSync(dist), ['chunks']);
    assert.ok(existsSync(join(dist, 'chunks/core-AAAAAAAA.js.br')));
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
