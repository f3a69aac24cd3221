import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_KEY, assertError } from '../../helpers/engine.js';
import { merchantServer, OWNER } from './helpers.js';

test('an owner adds, changes and removes merchant users; the new user signs in with their role', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  const added = await s.call('POST', '/api/v1/admin/merchant-users', { token: t, body: { email: 'Nia@Shop.Example', role: 'staff', password: 'nia-password-1' } });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.json.email, 'nia@shop.example');
  assert.equal(added.json.role, 'staff');
  assert.doesNotMatch(added.text, /password|scrypt/i);
  assertError(await s.call('POST', '/api/v1/admin/merchant-users', { token: t, body: { email: 'NIA@shop.example', role: 'owner', password: 'nia-password-2' } }), 409, 'email_taken', 'email');

  const nia = await s.signIn({ email: 'nia@shop.example', password: 'nia-password-1' });
  assert.equal((await s.call('GET', '/api/v1/admin/admin-keys', { token: nia })).status, 403);
  const promoted = await s.call('PATCH', `/api/v1/admin/merchant-users/${added.json.id}`, { token: t, body: { role: 'owner' } });
  assert.equal(promoted.json.role, 'owner');
  assert.equal((await s.call('GET', '/api/v1/admin/admin-keys', { token: nia })).status, 200, 'the new role applies to the session at once');

  assert.equal((await s.call('PATCH', `/api/v1/admin/merchant-users/${added.json.id}`, { token: t, body: { password: 'nia-password-9' } })).status, 200);
  assertError(await s.call('GET', '/api/v1/admin/programs', { token: nia }), 401, 'session_expired');
  await s.signIn({ email: 'nia@shop.example', password: 'nia-password-9' });

  assert.equal((await s.call('DELETE', `/api/v1/admin/merchant-users/${added.json.id}`, { token: t })).status, 204);
  const list = await s.call('GET', '/api/v1/admin/merchant-users', { token: t });
  assert.deepEqual(list.json.users.map((u: any) => u.email), ['olivia@shop.example', 'sam@shop.example']);
  s.close();
});

test('the last active owner cannot be removed, made staff or disabled (409 naming why)', async () => {
  const s = await merchantServer();
  const owner = (await s.call('GET', '/api/v1/admin/merchant-users', { token: s.ownerToken })).json.users[0];
  for (const [method, body] of [['DELETE', undefined], ['PATCH', { role: 'staff' }], ['PATCH', { status: 'disabled' }]] as const) {
    const res = await s.call(method, `/api/v1/admin/merchant-users/${owner.id}`, { token: ADMIN_KEY, body });
    assertError(res, 409, 'last_owner');
    assert.match(res.json.error.message, /olivia@shop\.example is the last active owner .*make another user an owner first/);
  }
  const other = await s.call('POST', '/api/v1/admin/merchant-users', { token: ADMIN_KEY, body: { email: 'second@shop.example', role: 'owner', password: 'second-owner-pw' } });
  assert.equal((await s.call('PATCH', `/api/v1/admin/merchant-users/${owner.id}`, { token: ADMIN_KEY, body: { role: 'staff' } })).status, 200);
  assertError(await s.call('DELETE', `/api/v1/admin/merchant-users/${other.json.id}`, { token: ADMIN_KEY }), 409, 'last_owner');
  s.close();
});

test('bad merchant-user input is a clear 4xx', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  assertError(await s.call('POST', '/api/v1/admin/merchant-users', { token: t, body: { email: 'not-an-email', role: 'staff', password: 'long-enough-pw' } }), 400, 'invalid_request', 'email');
  assertError(await s.call('POST', '/api/v1/admin/merchant-users', { token: t, body: { email: 'a@shop.example', role: 'boss', password: 'long-enough-pw' } }), 400, 'invalid_request', 'role');
  assertError(await s.call('POST', '/api/v1/admin/merchant-users', { token: t, body: { email: 'a@shop.example', role: 'staff', password: 'short' } }), 400, 'invalid_request', 'password');
  assertError(await s.call('PATCH', '/api/v1/admin/merchant-users/999', { token: t, body: { role: 'staff' } }), 404, 'merchant_user_not_found');
  assertError(await s.call('PATCH', '/api/v1/admin/merchant-users/abc', { token: t, body: { role: 'staff' } }), 400);
  assertError(await s.call('DELETE', '/api/v1/admin/admin-keys/999', { token: t }), 404, 'admin_key_not_found');
  assertError(await s.call('POST', '/api/v1/admin/admin-keys', { token: t, body: { name: '' } }), 400, 'invalid_request', 'name');
  s.close();
});

test('admin keys: an owner creates one (secret shown once), it works and shows when last used, and revoking stops it', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  const created = await s.call('POST', '/api/v1/admin/admin-keys', { token: t, body: { name: 'Shop backend' } });
  assert.equal(created.status, 201, created.text);
  assert.match(created.json.key, /^pca_/);
  assert.equal(created.json.prefix, created.json.key.slice(0, 10));
  assert.equal(created.json.lastUsedAt, null);

  s.advance(5 * 60_000);
  assert.equal((await s.call('GET', '/api/v1/admin/programs', { token: created.json.key })).status, 200);
  const listed = await s.call('GET', '/api/v1/admin/admin-keys', { token: t });
  assert.deepEqual(listed.json.keys.map((k: any) => [k.name, k.lastUsedAt, k.revokedAt]), [['Shop backend', new Date(s.now).toISOString(), null]]);
  assert.ok(!listed.text.includes(created.json.key), 'the secret is never listed');

  const revoked = await s.call('DELETE', `/api/v1/admin/admin-keys/${created.json.id}`, { token: t });
  assert.equal(revoked.status, 200);
  assert.equal(revoked.json.revokedAt, new Date(s.now).toISOString());
  assertError(await s.call('GET', '/api/v1/admin/programs', { token: created.json.key }), 401, 'invalid_admin_key');
  s.close();
});

test('the OpenAPI document names the merchant sign-in and the new routes', async () => {
  const s = await merchantServer();
  const doc = (await s.call('GET', '/api/v1/openapi.json')).json;
  assert.ok(doc.components.securitySchemes.merchantToken);
  for (const path of ['/api/v1/admin/auth/login', '/api/v1/admin/auth/logout', '/api/v1/admin/auth/me', '/api/v1/admin/merchant-users', '/api/v1/admin/merchant-users/{id}', '/api/v1/admin/admin-keys', '/api/v1/admin/admin-keys/{id}', '/api/v1/admin/audit']) {
    assert.ok(doc.paths[path], path);
  }
  assert.deepEqual(doc.paths['/api/v1/admin/auth/login'].post.security, []);
  assert.equal(doc.components.schemas.MerchantLoginResult.properties.user.$ref, '#/components/schemas/MerchantUser');
  assert.equal(OWNER.email, 'olivia@shop.example');
  s.close();
});
