import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, describe, test } from 'node:test';
import { testServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
afterEach(() => s?.close());

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (csp: string | null, name: string) => csp?.split(/;\s*/).find((d) => d.startsWith(`${name} `));

describe('the merchant console page', () => {
  test('/admin is served without the demo: the console bundle and <partner-admin>, nothing of the partner bundle', async () => {
    s = await testServer({ demo: false });
    const res = await s.call('GET', '/admin');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.match(res.text, /<script type="module" src="\/admin\.js"><\/script>/);
    assert.match(res.text, /<partner-admin><\/partner-admin>/);
    assert.doesNotMatch(res.text, /partner-center\.js/);
    assert.equal(directive(res.headers.get('Content-Security-Policy'), 'script-src'), "script-src 'self'");
  });

  test('/admin/portal (view as partner) signs in from the fragment, its one inline script allowed by hash', async () => {
    s = await testServer({ demo: false });
    const res = await s.call('GET', '/admin/portal');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.match(res.text, /<partner-center><\/partner-center>/);
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(res.text)![1]!;
    assert.match(script, /signInWithEmbedToken/);
    assert.equal(directive(res.headers.get('Content-Security-Policy'), 'script-src'), `script-src 'self' ${sha256(script)}`);
  });

  test('the demo page links to the console', async () => {
    s = await testServer({ demo: true });
    assert.match((await s.call('GET', '/')).text, /<a href="\/admin">/);
  });
});
