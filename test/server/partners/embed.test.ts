import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, run, sql } from '../../helpers/sql.js';

const ADMIN = 'test-admin-key-0123456789';
let s: TestServer;
beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN });
  await s.addPartner({ code: 'alice', password: 'alice-password' });
});
afterEach(() => s.close());

const mint = (body: unknown, token = ADMIN) => s.call('POST', '/api/v1/admin/embed-tokens', { body, token });
const exchange = (embedToken: string) => s.call('POST', '/api/v1/auth/embed', { body: { embedToken } });

test('the merchant mints an embed token; the page trades it once for a partner session', async () => {
  const minted = await mint({ partnerCode: 'ALICE' });
  assert.equal(minted.status, 201, minted.text);
  assert.match(minted.json.embedToken, /^pce_/);
  assert.equal(Date.parse(minted.json.expiresAt), s.now + 300_000);
  assert.equal(minted.json.partner.code, 'alice');

  assert.equal((await s.call('GET', '/api/v1/me', { token: minted.json.embedToken })).status, 401, 'not usable as a session itself');

  const session = await exchange(minted.json.embedToken);
  assert.equal(session.status, 200, session.text);
  assert.equal((await s.call('GET', '/api/v1/me', { token: session.json.token })).json.code, 'alice');

  const again = await exchange(minted.json.embedToken);
  assert.equal(again.status, 401, 'single use');
  assert.equal(again.json.error.code, 'invalid_embed_token');
});

test('an embed token expires', async () => {
  const minted = await mint({ partnerCode: 'alice', ttlSeconds: 60 });
  s.advance(60_000);
  assert.equal((await exchange(minted.json.embedToken)).status, 401);
});

test('a partner disabled after minting cannot use it', async () => {
  const minted = await mint({ partnerCode: 'alice' });
  await run(s.db, sql`UPDATE partners SET status = 'disabled' WHERE code = 'alice'`);
  assert.equal((await exchange(minted.json.embedToken)).status, 403);
});

test('minting needs the admin key; partner tokens are refused', async () => {
  const partnerToken = await s.login('alice', 'alice-password');
  assert.equal((await mint({ partnerCode: 'alice' }, partnerToken)).status, 401);
  assert.equal((await mint({ partnerCode: 'alice' }, 'wrong-key-wrong-key')).status, 401);
  assert.equal((await s.call('POST', '/api/v1/admin/embed-tokens', { body: { partnerCode: 'alice' } })).status, 401);
});

test('bad input → 4xx naming the problem, nothing minted', async () => {
  const sessions = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM sessions`))!.n;
  const cases: [unknown, number, string?][] = [
    [{}, 400, 'partnerCode'],
    [{ partnerCode: 'ghost' }, 404],
    [{ partnerCode: 'alice', ttlSeconds: 5 }, 400, 'ttlSeconds'],
    [{ partnerCode: 'alice', ttlSeconds: 86_400 }, 400, 'ttlSeconds'],
    [{ partnerCode: 'alice', ttlSeconds: '60' }, 400, 'ttlSeconds'],
  ];
  for (const [body, status, field] of cases) {
    const res = await mint(body);
    assert.equal(res.status, status, `${JSON.stringify(body)}: ${res.text}`);
    if (field) assert.equal(res.json.error.field, field);
  }
  assert.equal(await sessions(), 0);
  assert.equal((await exchange('')).status, 400);
  assert.equal((await exchange('pce_made-up')).status, 401);
});
