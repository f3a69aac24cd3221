import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError } from '../../helpers/engine.js';
import { merchantServer, OWNER, STAFF } from './helpers.js';

test('an owner signs in with email and password, sees themself, and signs out', async () => {
  const s = await merchantServer();
  const res = await s.call('POST', '/api/v1/admin/auth/login', { body: { email: '  Olivia@Shop.Example ', password: OWNER.password } });
  assert.equal(res.status, 200, res.text);
  assert.match(res.json.token, /^pcm_/);
  assert.equal(res.json.expiresAt, new Date(s.now + 12 * 3_600_000).toISOString());
  assert.deepEqual(Object.keys(res.json.user).sort(), ['createdAt', 'email', 'id', 'role', 'status', 'updatedAt']);
  assert.equal(res.json.user.email, OWNER.email);
  assert.equal(res.json.user.role, 'owner');
  assert.doesNotMatch(res.text, /scrypt|hash/i);

  const me = await s.call('GET', '/api/v1/admin/auth/me', { token: res.json.token });
  assert.equal(me.status, 200, me.text);
  assert.deepEqual(me.json.user, res.json.user);
  assert.equal((await s.call('GET', '/api/v1/admin/programs', { token: res.json.token })).status, 200, 'the token works on the admin API');

  assert.equal((await s.call('POST', '/api/v1/admin/auth/logout', { token: res.json.token })).status, 204);
  assertError(await s.call('GET', '/api/v1/admin/auth/me', { token: res.json.token }), 401, 'session_expired');
  assertError(await s.call('GET', '/api/v1/admin/programs', { token: res.json.token }), 401, 'session_expired');
  s.close();
});

test('a wrong password or unknown email is one 401 message; bad input a 400 naming the field', async () => {
  const s = await merchantServer();
  const wrong = await s.call('POST', '/api/v1/admin/auth/login', { body: { email: OWNER.email, password: 'nope-nope-nope' } });
  const unknown = await s.call('POST', '/api/v1/admin/auth/login', { body: { email: 'nobody@shop.example', password: 'nope-nope-nope' } });
  assertError(wrong, 401, 'invalid_credentials');
  assertError(unknown, 401, 'invalid_credentials');
  assert.equal(wrong.json.error.message, 'The email or password is incorrect');
  assert.equal(unknown.json.error.message, wrong.json.error.message);
  assertError(await s.call('POST', '/api/v1/admin/auth/login', { body: { email: OWNER.email } }), 400, 'invalid_request', 'password');
  assertError(await s.call('POST', '/api/v1/admin/auth/login', { body: { email: '', password: 'x' } }), 400, 'invalid_request', 'email');
  assertError(await s.call('POST', '/api/v1/admin/auth/login', { body: { email: OWNER.email, password: 'x', role: 'owner' } }), 400);
  s.close();
});

test('five failures from one address lock the email there, the right password included, until the window passes', async () => {
  const s = await merchantServer();
  for (let i = 0; i < 5; i++) {
    assertError(await s.call('POST', '/api/v1/admin/auth/login', { body: { email: OWNER.email, password: `wrong-${i}` } }), 401);
  }
  const locked = await s.call('POST', '/api/v1/admin/auth/login', { body: OWNER });
  assertError(locked, 429, 'too_many_attempts');
  assert.match(locked.json.error.message, /Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
  assert.ok(Number(locked.headers.get('Retry-After')) > 0);
  // another user is not held by this lock, and partner sign-ins keep their own buckets
  assert.equal((await s.call('POST', '/api/v1/admin/auth/login', { body: STAFF })).status, 200);
  s.advance(15 * 60_000 + 1);
  assert.equal((await s.call('POST', '/api/v1/admin/auth/login', { body: OWNER })).status, 200);
  s.close();
});

test('an expired, unknown or disabled user’s token is 401', async () => {
  const s = await merchantServer();
  assertError(await s.call('GET', '/api/v1/admin/auth/me', {}), 401, 'unauthorized');
  assertError(await s.call('GET', '/api/v1/admin/auth/me', { token: 'pcm_' + 'x'.repeat(43) }), 401, 'session_expired');
  assertError(await s.call('GET', '/api/v1/admin/partners', { token: 'pcm_' + 'x'.repeat(43) }), 401, 'session_expired');
  s.advance(12 * 3_600_000 + 1);
  assertError(await s.call('GET', '/api/v1/admin/auth/me', { token: s.ownerToken }), 401, 'session_expired');
  assertError(await s.call('GET', '/api/v1/admin/programs', { token: s.ownerToken }), 401, 'session_expired');

  const owner = await s.signIn(OWNER);
  const staff = await s.signIn(STAFF);
  const sam = (await s.call('GET', '/api/v1/admin/merchant-users', { token: owner })).json.users.find((u: any) => u.role === 'staff');
  assert.equal((await s.call('PATCH', `/api/v1/admin/merchant-users/${sam.id}`, { token: owner, body: { status: 'disabled' } })).status, 200);
  assertError(await s.call('GET', '/api/v1/admin/programs', { token: staff }), 401, 'session_expired');
  const again = await s.call('POST', '/api/v1/admin/auth/login', { body: STAFF });
  assertError(again, 403, 'account_disabled');
  s.close();
});

test('partner tokens never work on admin routes; merchant tokens never on partner routes; admin keys not on /auth/me', async () => {
  const s = await merchantServer();
  await s.partner('alice');
  const partnerToken = await s.login('alice', 'partner-password');
  for (const path of ['/api/v1/admin/programs', '/api/v1/admin/audit', '/api/v1/admin/merchant-users', '/api/v1/admin/auth/me']) {
    const res = await s.call('GET', path, { token: partnerToken });
    assert.equal(res.status, 401, `${path}: ${res.text}`);
  }
  for (const path of ['/api/v1/me', '/api/v1/partner/ledger', '/api/v1/partner/links']) {
    const res = await s.call('GET', path, { token: s.ownerToken });
    assert.equal(res.status, 401, `${path}: ${res.text}`);
    assert.equal(res.json.error.code, 'session_expired');
  }
  assertError(await s.call('POST', '/api/v1/auth/logout', { token: s.ownerToken }), 401);
  assertError(await s.call('GET', '/api/v1/admin/auth/me', { token: 'test-admin-key-0123456789abcdef' }), 401);
  s.close();
});
