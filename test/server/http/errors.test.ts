import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, sql } from '../../helpers/sql.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
  await s.addPartner({ code: 'alice', password: 'alice-password' });
});
afterEach(() => s.close());

const partnerCount = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM partners`))!.n;
const sessionCount = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM sessions`))!.n;

function assertError(res: { status: number; json: any }, status: number, code: string, field?: string) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(res.json.error.code, code);
  assert.equal(typeof res.json.error.message, 'string');
  assert.ok(res.json.error.message.length > 0);
  if (field !== undefined) assert.equal(res.json.error.field, field);
}

describe('bad input to POST /api/v1/auth/login', () => {
  const cases: [string, unknown, number, string, string?][] = [
    ['an empty object', {}, 400, 'invalid_request', 'code'],
    ['a missing password', { code: 'alice' }, 400, 'invalid_request', 'password'],
    ['an empty code', { code: '   ', password: 'x' }, 400, 'invalid_request', 'code'],
    ['a number for the code', { code: 42, password: 'x' }, 400, 'invalid_request', 'code'],
    ['null for the password', { code: 'alice', password: null }, 400, 'invalid_request', 'password'],
    ['an array body', [], 400, 'invalid_request'],
    ['a string body', '"alice"', 400, 'invalid_request'],
    ['an unknown field', { code: 'alice', password: 'x', admin: true }, 400, 'invalid_request'],
    ['a code over 64 characters', { code: 'a'.repeat(65), password: 'x' }, 400, 'invalid_request', 'code'],
    ['SQL in the code', { code: "alice' OR '1'='1", password: "' OR 1=1 --" }, 401, 'invalid_credentials'],
    ['script in the code', { code: '<script>alert(1)</script>', password: 'x' }, 401, 'invalid_credentials'],
  ];
  for (const [name, body, status, code, field] of cases) {
    test(`${name} → ${status} ${code}, nothing changes`, async () => {
      const res = await s.call('POST', '/api/v1/auth/login', { body });
      assertError(res, status, code, field);
      assert.equal(await partnerCount(), 1);
      assert.equal(await sessionCount(), 0);
    });
  }

  test('malformed JSON → 400 invalid_json', async () => {
    assertError(await s.call('POST', '/api/v1/auth/login', { body: '{"code": "alice",' }), 400, 'invalid_json');
  });

  test('an empty JSON body → 400 invalid_json', async () => {
    assertError(await s.call('POST', '/api/v1/auth/login', { headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
  });

  test('no body and no content type → 400 naming the first missing field', async () => {
    assertError(await s.call('POST', '/api/v1/auth/login'), 400, 'invalid_request', 'code');
  });

  test('a form-encoded body → 415', async () => {
    const res = await s.call('POST', '/api/v1/auth/login', {
      body: 'code=alice&password=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assertError(res, 415, 'unsupported_media_type');
  });

  test('a NUL character in a field → 400 naming it, on either database, and nobody is signed in', async () => {
    const res = await s.call('POST', '/api/v1/auth/login', { body: { code: 'alice\u0000', password: 'alice-password' } });
    assertError(res, 400, 'invalid_request');
    assert.match(res.json.error.message, /NUL character/);
    assert.equal(await sessionCount(), 0);
    // the escaped backslash before it makes "\\u0000" six characters of text, not a NUL: a wrong password, no more
    assertError(await s.call('POST', '/api/v1/auth/login', { body: '{"code":"alice","password":"\\\\u0000"}', headers: { 'Content-Type': 'application/json' } }), 401, 'invalid_credentials');
  });

  test('a NUL character in the address → 400 naming it', async () => {
    const res = await s.call('GET', '/api/v1/partner/programs%00');
    assertError(res, 400, 'invalid_request');
    assert.match(res.json.error.message, /NUL character \(%00\)/);
    assert.equal((await s.call('GET', '/r/alice%00/shop')).status, 400);
  });

  test('a body over 100 KB → 413', async () => {
    const res = await s.call('POST', '/api/v1/auth/login', { body: { code: 'alice', password: 'x'.repeat(101 * 1024) } });
    assertError(res, 413, 'payload_too_large');
    assert.equal(await sessionCount(), 0);
  });
});

describe('the API surface', () => {
  test('unknown routes answer a JSON 404', async () => {
    assertError(await s.call('GET', '/api/v1/nothing-here'), 404, 'not_found');
    assertError(await s.call('DELETE', '/api/v1/auth/login'), 404, 'not_found');
  });

  test('GET /api/v1/health checks the database', async () => {
    const res = await s.call('GET', '/api/v1/health');
    assert.equal(res.status, 200);
    assert.equal(res.json.status, 'ok');
  });

  test('GET /api/v1/openapi.json documents the routes', async () => {
    const res = await s.call('GET', '/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.json.openapi, '3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/health']) {
      assert.ok(res.json.paths[path], `${path} is documented`);
    }
    assert.ok(res.json.components.schemas.Error);
  });

  test('CORS allows the configured origins only', async () => {
    const open = await testServer({ allowedOrigins: ['https://shop.example.com'] });
    try {
      const allowed = await open.app.request('/api/v1/health', { headers: { Origin: 'https://shop.example.com' } });
      assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
      const other = await open.app.request('/api/v1/health', { headers: { Origin: 'https://evil.example' } });
      assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
      const preflight = await open.app.request('/api/v1/auth/login', {
        method: 'OPTIONS',
        headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Content-Type/i);
    } finally {
      await open.close();
    }
  });

  test('CORS headers are on every API answer: errors too, Vary: Origin, the exposed headers; none allowed without an Origin', async () => {
    const open = await testServer({ allowedOrigins: ['https://shop.example.com'] });
    const any = await testServer({ allowedOrigins: ['*'] });
    try {
      const from = { Origin: 'https://shop.example.com' };
      const refused = await open.app.request('/api/v1/me', { headers: from });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
      assert.equal(refused.headers.get('Access-Control-Expose-Headers'), 'Retry-After,Content-Disposition');
      assert.match(refused.headers.get('Vary') ?? '', /\bOrigin\b/);
      assert.equal(refused.headers.get('X-Content-Type-Options'), 'nosniff');
      const missing = await open.app.request('/api/v1/no-such-route', { method: 'POST', headers: { ...from, 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
      const serverToServer = await open.app.request('/api/v1/health');
      assert.equal(serverToServer.headers.get('Access-Control-Allow-Origin'), null);
      assert.match(serverToServer.headers.get('Vary') ?? '', /\bOrigin\b/);
      const wildcard = await any.app.request('/api/v1/health', { headers: { Origin: 'https://anywhere.example' } });
      assert.equal(wildcard.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal(wildcard.headers.get('Vary'), null);
    } finally {
      await open.close();
      await any.close();
    }
  });
});
