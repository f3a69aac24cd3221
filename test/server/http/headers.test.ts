import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, describe, mock, test } from 'node:test';
import { configSchema } from '../../../server/config.js';
import { startServer } from '../../../server/main.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { png } from '../../helpers/image-fixtures.js';
import { ADMIN_KEY, addLink } from '../../helpers/resource-fixtures.js';
import { testServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
afterEach(() => s?.close());

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (csp: string | null, name: string) => csp?.split(/;\s*/).find((d) => d.startsWith(`${name} `));

describe('pages: CSP with hashes, frame-ancestors, Referrer-Policy, nosniff', () => {
  for (const path of ['/', '/portal']) {
    test(`${path} allows only this server's scripts and its own inline style, framed by itself only`, async () => {
      s = await testServer({ demo: true });
      const res = await s.call('GET', path);
      assert.equal(res.status, 200);
      const csp = res.headers.get('Content-Security-Policy');
      assert.equal(directive(csp, 'script-src'), "script-src 'self'");
      const inlineStyles = [...res.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
      assert.ok(inlineStyles.length > 0);
      assert.equal(directive(csp, 'style-src'), `style-src 'self' ${inlineStyles.join(' ')}`);
      assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval/);
      assert.equal(directive(csp, 'frame-ancestors'), "frame-ancestors 'self'");
      assert.equal(directive(csp, 'object-src'), "object-src 'none'");
      assert.equal(res.headers.get('X-Frame-Options'), 'SAMEORIGIN');
      assert.equal(res.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
    });
  }

  test("FRAME_ANCESTORS lets the merchant's own site frame the pages (and drops X-Frame-Options, which cannot say so)", async () => {
    s = await testServer({ demo: true, frameAncestors: ["'self'", 'https://www.shop.example'] });
    const res = await s.call('GET', '/');
    assert.equal(directive(res.headers.get('Content-Security-Policy'), 'frame-ancestors'), "frame-ancestors 'self' https://www.shop.example");
    assert.equal(res.headers.get('X-Frame-Options'), null);
  });

  test("FRAME_ANCESTORS='none' forbids framing everywhere", async () => {
    s = await testServer({ demo: true, frameAncestors: ["'none'"] });
    const res = await s.call('GET', '/portal');
    assert.equal(directive(res.headers.get('Content-Security-Policy'), 'frame-ancestors'), "frame-ancestors 'none'");
    assert.equal(res.headers.get('X-Frame-Options'), 'DENY');
  });
});

describe('every kind of answer', () => {
  async function cast() {
    s = await testServer({ adminKey: ADMIN_KEY });
    const partner = await s.addPartner({ code: 'ann' });
    await addLink(s.deps, { slug: 'shop' });
    const token = await s.login('ann');
    return { partner, token };
  }

  test('JSON, CSV, script, image, QR, errors: nosniff; personal data and tokens: no-store', async () => {
    const { token } = await cast();
    const upload = await s.app.request('/api/v1/admin/uploads', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'image/png' }, body: new Uint8Array(png(4, 4)) });
    const { id } = (await upload.json()) as { id: number };
    const answers: [string, Awaited<ReturnType<TestServer['call']>>, RegExp, boolean][] = [
      ['health (JSON)', await s.call('GET', '/api/v1/health'), /^application\/json/, false],
      ['OpenAPI (JSON)', await s.call('GET', '/api/v1/openapi.json'), /^application\/json/, false],
      ['sign-in with its token', await s.call('POST', '/api/v1/auth/login', { body: { code: 'ann', password: 'correct horse battery' } }), /^application\/json/, true],
      ['me', await s.call('GET', '/api/v1/me', { token }), /^application\/json/, true],
      ['partner links', await s.call('GET', '/api/v1/partner/links', { token }), /^application\/json/, true],
      ['ledger CSV', await s.call('GET', '/api/v1/partner/ledger?format=csv', { token }), /^text\/csv/, true],
      ['admin partners', await s.call('GET', '/api/v1/admin/partners', { token: ADMIN_KEY }), /^application\/json/, true],
      ['track.js (script)', await s.call('GET', '/track.js'), /^text\/javascript/, false],
      ['an uploaded image', await s.call('GET', `/uploads/${id}`), /^image\/png/, false],
      ['a QR code', await s.call('GET', `/api/v1/qr.svg?url=${encodeURIComponent('http://localhost/r/ann/shop')}`), /^image\/svg\+xml/, false],
      ['401 error', await s.call('GET', '/api/v1/me'), /^application\/json/, true],
      ['400 error', await s.call('POST', '/api/v1/auth/login', { body: { code: 5 } }), /^application\/json/, true],
      ['413 error', await s.call('POST', '/api/v1/auth/login', { body: 'x'.repeat(200 * 1024) }), /^application\/json/, true],
      ['404 error', await s.call('GET', '/no/such/page'), /^application\/json/, false],
    ];
    for (const [name, res, type, noStore] of answers) {
      assert.match(res.headers.get('Content-Type') ?? '', type, name);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', name);
      if (noStore) assert.match(res.headers.get('Cache-Control') ?? '', /\bno-store\b/, name);
    }
  });

  test('a redirect stays uncached and leaves the referrer policy to the browser; its 404 page gets a CSP that allows its own style', async () => {
    await cast();
    const redirect = await s.app.request('/r/ann/shop');
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('Cache-Control'), 'no-store');
    assert.equal(redirect.headers.get('Referrer-Policy'), null);
    const missing = await s.call('GET', '/r/ann/nope');
    assert.equal(missing.status, 404);
    const style = /style="([^"]*)"/.exec(missing.text)![1]!;
    assert.equal(directive(missing.headers.get('Content-Security-Policy'), 'style-src'), `style-src 'self' 'unsafe-hashes' ${sha256(style)}`);
    assert.equal(missing.headers.get('X-Content-Type-Options'), 'nosniff');
  });

  test('without PUBLIC_URL a QR code drawn from the Host header is never cached publicly; with it, it is', async () => {
    await cast();
    const url = encodeURIComponent('http://localhost/r/ann/shop');
    const fromHost = await s.call('GET', `/api/v1/qr.png?url=${url}`);
    assert.equal(fromHost.status, 200);
    assert.equal(fromHost.headers.get('Cache-Control'), 'private, max-age=3600');
    assert.match(fromHost.headers.get('Vary') ?? '', /\bHost\b/);
    s.close();

    s = await testServer({ publicUrl: 'https://partners.example.com' });
    await s.addPartner({ code: 'ann' });
    await addLink(s.deps, { slug: 'shop' });
    const fixed = await s.call('GET', `/api/v1/qr.png?url=${encodeURIComponent('https://partners.example.com/r/ann/shop')}`);
    assert.equal(fixed.status, 200);
    assert.equal(fixed.headers.get('Cache-Control'), 'public, max-age=3600');
  });
});

describe('pages served over HTTP carry the same headers as through app.request', () => {
  test('the demo pages, the console and a 404 page have their CSP and frame rules on the wire', async () => {
    const location = await testDatabaseLocation();
    const server = await startServer({ ...configSchema.parse({}), port: 0, host: '127.0.0.1', ...location.config, demo: true }, { quiet: true });
    try {
      for (const path of ['/', '/portal', '/admin', '/r/nobody/nowhere']) {
        const res = await fetch(new URL(path, server.url), { redirect: 'manual' });
        const csp = res.headers.get('Content-Security-Policy');
        assert.equal(directive(csp, 'script-src'), "script-src 'self'", path);
        assert.equal(directive(csp, 'frame-ancestors'), "frame-ancestors 'self'", path);
        assert.equal(res.headers.get('X-Frame-Options'), 'SAMEORIGIN', path);
        assert.equal(res.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin', path);
        await res.text();
      }
    } finally {
      await server.close();
      await location.drop();
    }
  });
});

describe('the start-up warning about PUBLIC_URL', () => {
  const start = async (overrides: Record<string, unknown>) => {
    const location = await testDatabaseLocation();
    const warn = mock.method(console, 'warn', () => {});
    try {
      const server = await startServer({ ...configSchema.parse({}), port: 0, host: '127.0.0.1', ...location.config, ...overrides }, { quiet: true });
      await server.close();
      return warn.mock.calls.map((c) => String(c.arguments[0])).filter((line) => line.includes('PUBLIC_URL'));
    } finally {
      warn.mock.restore();
      await location.drop();
    }
  };

  test('a production server without PUBLIC_URL says so; with PUBLIC_URL, or in the demo, it does not', async () => {
    const [warning] = await start({});
    assert.match(warning ?? '', /PUBLIC_URL is not set.*Host header.*never cached publicly/);
    assert.deepEqual(await start({ publicUrl: 'https://partners.example.com' }), []);
    assert.deepEqual(await start({ demo: true }), []);
  });
});
