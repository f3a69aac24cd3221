import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ADDRESS_LIMIT, INVALID_CREDENTIALS, pruneSignInRows } from '../../../server/partners/auth.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { all, one, run, sql } from '../../helpers/sql.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer({ trustProxy: 1 });
  await s.addPartner({ code: 'Alice', name: 'Alice Example', email: 'alice@example.com', password: 'alice-password' });
});
afterEach(() => s.close());

const login = (code: string, password: string, ip = '203.0.113.7', deviceToken?: string) =>
  s.call('POST', '/api/v1/auth/login', { body: { code, password, deviceToken }, headers: { 'X-Forwarded-For': ip } });

describe('POST /api/v1/auth/login', () => {
  test('signs in with code and password, the code in any case', async () => {
    const res = await login('alice', 'alice-password');
    assert.equal(res.status, 200);
    assert.match(res.json.token, /^pc_[\w-]{40,}$/);
    assert.equal(res.json.partner.code, 'Alice');
    assert.equal(res.json.partner.name, 'Alice Example');
    assert.equal(res.json.partner.password_hash, undefined);
    assert.equal(Date.parse(res.json.expiresAt), s.now + 12 * 3_600_000);
    const me = await s.call('GET', '/api/v1/me', { token: res.json.token });
    assert.equal(me.status, 200);
    assert.equal(me.json.email, 'alice@example.com');
  });

  test('a wrong password and an unknown code get the same 401 message', async () => {
    const wrong = await login('Alice', 'nope');
    const unknown = await login('nobody', 'nope');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.json, unknown.json);
    assert.equal(wrong.json.error.message, INVALID_CREDENTIALS);
    assert.equal(wrong.json.error.code, 'invalid_credentials');
  });

  test('a disabled partner gets 403 even with the right password; a pending one too', async () => {
    await s.addPartner({ code: 'gone', status: 'disabled', password: 'pw-gone-1' });
    await s.addPartner({ code: 'waiting', status: 'pending', password: 'pw-wait-1' });
    const disabled = await login('gone', 'pw-gone-1');
    assert.equal(disabled.status, 403);
    assert.equal(disabled.json.error.code, 'account_disabled');
    const pending = await login('waiting', 'pw-wait-1');
    assert.equal(pending.status, 403);
    assert.equal(pending.json.error.code, 'account_pending');
    assert.equal((await login('gone', 'wrong')).status, 401, 'a wrong password does not reveal the status');
  });

  test('five failures from one address lock that code there, the right password included, until the window passes', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login('Alice', `wrong-${i}`)).status, 401);
    const locked = await login('Alice', 'alice-password');
    assert.equal(locked.status, 429);
    assert.equal(locked.json.error.code, 'too_many_attempts');
    assert.equal(locked.headers.get('Retry-After'), String(ADDRESS_LIMIT.windowMs / 1000));
    assert.match(locked.json.error.message, /15 minutes/);

    assert.equal((await login('Alice', 'alice-password', '198.51.100.1')).status, 200, 'the owner elsewhere is not locked out');

    s.advance(ADDRESS_LIMIT.windowMs - 1000);
    assert.equal((await login('Alice', 'alice-password')).status, 429);
    assert.equal((await login('Alice', 'alice-password')).headers.get('Retry-After'), '1');
    s.advance(1000);
    assert.equal((await login('Alice', 'alice-password')).status, 200);
  });

  test('failures spread over many addresses make strangers wait longer and longer: 1, 2, 4 minutes', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await login('Alice', 'guess', `192.0.2.${i}`)).status, 401);
    for (const minutes of [1, 2, 4]) {
      const slowed = await login('Alice', 'alice-password', '198.51.100.9');
      assert.equal(slowed.status, 429);
      assert.equal(slowed.headers.get('Retry-After'), String(minutes * 60));
      s.advance(minutes * 60_000);
      assert.equal((await login('Alice', 'guess', `192.0.2.${minutes + 100}`)).status, 401, 'one guess when the wait ends');
    }
    assert.equal((await login('Alice', 'alice-password', '198.51.100.9')).headers.get('Retry-After'), '480');
  });

  test('a successful sign-in gives the browser a device token and does not wipe the failures before it', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await login('Alice', 'wrong')).status, 401);
    const ok = await login('Alice', 'alice-password');
    assert.equal(ok.status, 200);
    assert.match(ok.json.deviceToken, /^pcd_[\w-]{40,}$/);
    assert.equal((await login('Alice', 'wrong')).status, 401);
    assert.equal((await login('Alice', 'alice-password')).status, 429, 'five failures from here still count');
    const again = await login('Alice', 'alice-password', '203.0.113.7', ok.json.deviceToken);
    assert.equal(again.status, 200, 'the browser that signed in is not held by the address lock');
    assert.equal(again.json.deviceToken, ok.json.deviceToken);
  });

  test("a device token speaks only for its own partner; a made-up one counts as a stranger's", async () => {
    await s.addPartner({ code: 'bob', password: 'bob-password' });
    const { deviceToken } = (await login('Alice', 'alice-password', '198.51.100.1')).json;
    for (let i = 0; i < 5; i++) assert.equal((await login('bob', `wrong-${i}`)).status, 401);
    assert.equal((await login('bob', 'bob-password', '203.0.113.7', deviceToken)).status, 429);
    assert.equal((await login('bob', 'bob-password', '203.0.113.7', 'pcd_madeup')).status, 429);
  });

  test('device tokens are stored hashed', async () => {
    const { deviceToken } = (await login('Alice', 'alice-password')).json;
    const rows = await all<{ token_hash: string }>(s.db, sql`SELECT token_hash FROM partner_devices`);
    assert.equal(rows.length, 1);
    assert.ok(!rows[0]!.token_hash.includes(deviceToken.slice(4, 20)));
  });
});

describe('sessions', () => {
  test('logout revokes the token', async () => {
    const token = await s.login('Alice', 'alice-password');
    const out = await s.call('POST', '/api/v1/auth/logout', { token });
    assert.equal(out.status, 204);
    const me = await s.call('GET', '/api/v1/me', { token });
    assert.equal(me.status, 401);
    assert.equal(me.json.error.code, 'session_expired');
  });

  test('a token stops working when it expires', async () => {
    const token = await s.login('Alice', 'alice-password');
    s.advance(12 * 3_600_000 - 1);
    assert.equal((await s.call('GET', '/api/v1/me', { token })).status, 200);
    s.advance(1);
    assert.equal((await s.call('GET', '/api/v1/me', { token })).status, 401);
  });

  test('tokens are stored hashed, never as given', async () => {
    const token = await s.login('Alice', 'alice-password');
    const rows = await all<{ token_hash: string }>(s.db, sql`SELECT token_hash FROM sessions`);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.token_hash, token);
    assert.ok(!rows[0]!.token_hash.includes(token.slice(3, 20)));
  });

  test("each partner's token answers with that partner only", async () => {
    await s.addPartner({ code: 'bob', name: 'Bob B', password: 'bob-password' });
    const alice = await s.login('Alice', 'alice-password');
    const bob = await s.login('bob', 'bob-password');
    assert.equal((await s.call('GET', '/api/v1/me', { token: alice })).json.code, 'Alice');
    assert.equal((await s.call('GET', '/api/v1/me', { token: bob })).json.code, 'bob');
  });

  test('a disabled partner loses their open sessions', async () => {
    const token = await s.login('Alice', 'alice-password');
    await run(s.db, sql`UPDATE partners SET status = 'disabled' WHERE code = 'Alice'`);
    assert.equal((await s.call('GET', '/api/v1/me', { token })).status, 401);
  });

  test('missing, malformed and made-up tokens get 401', async () => {
    assert.equal((await s.call('GET', '/api/v1/me')).status, 401);
    assert.equal((await s.call('GET', '/api/v1/me', { headers: { Authorization: 'Basic abc' } })).status, 401);
    assert.equal((await s.call('GET', '/api/v1/me', { token: 'pc_madeup' })).status, 401);
    assert.equal((await s.call('POST', '/api/v1/auth/logout', { token: 'pc_madeup' })).status, 401);
  });

  test("the minute sweep prunes failures older than every limit and sessions that expired a day ago, and nothing that still counts", async () => {
    const rows = async (table: string) => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM ${sql.table(table)}`))!.n;
    for (let i = 0; i < 3; i++) await login('Alice', 'wrong');
    const old = await s.login('Alice', 'alice-password');
    s.advance(13 * 3_600_000); // the first session has expired
    await login('Alice', 'wrong');
    const fresh = await s.login('Alice', 'alice-password');
    assert.deepEqual([await rows('attempts'), await rows('sessions')], [8, 2], 'each failure counts per code and per code and address');
    assert.deepEqual(await pruneSignInRows(s.deps), { attempts: 0, sessions: 0, devices: 0 }, 'expired less than a day ago: kept');
    s.advance(23 * 3_600_000); // 36 h after the first failures; the first session expired 24 h ago, the second 11 h ago
    assert.deepEqual(await pruneSignInRows(s.deps), { attempts: 6, sessions: 1, devices: 0 });
    assert.equal(await rows('attempts'), 2, 'the failure of 23 hours ago still counts');
    assert.equal(await rows('sessions'), 1);
    assert.equal((await s.call('GET', '/api/v1/me', { token: old })).status, 401);
    assert.equal((await s.call('GET', '/api/v1/me', { token: fresh })).status, 401, 'expired, kept for a day');
  });
});
