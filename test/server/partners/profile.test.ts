import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, sql } from '../../helpers/sql.js';

let s: TestServer;
let alice: string;
beforeEach(async () => {
  s = await testServer();
  await s.addPartner({ code: 'alice', name: 'Alice A', email: 'alice@example.com', password: 'alice-password' });
  await s.addPartner({ code: 'bob', name: 'Bob B', email: 'bob@example.com', password: 'bob-password' });
  alice = await s.login('alice', 'alice-password');
});
afterEach(() => s.close());

const row = async (code: string) => (await one(s.db, sql`SELECT * FROM partners WHERE code = ${code}`))!;

describe('PATCH /api/v1/me', () => {
  test('updates contact and payout details and answers with the new profile', async () => {
    const res = await s.call('PATCH', '/api/v1/me', {
      token: alice,
      body: {
        name: '  Alice Anders ',
        phone: '+1 (555) 010-2030',
        website: 'https://alice.example',
        payoutMethod: 'paypal',
        payoutDetails: 'alice@paypal.example',
        currentPassword: 'alice-password',
      },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.name, 'Alice Anders');
    assert.equal(res.json.phone, '+1 (555) 010-2030');
    assert.equal(res.json.payoutMethod, 'paypal');
    assert.equal((await s.call('GET', '/api/v1/me', { token: alice })).json.payoutDetails, 'alice@paypal.example');
    assert.equal((await row('bob')).name, 'Bob B', 'nobody else changes');
  });

  test('null or an empty string clears an optional field', async () => {
    await s.call('PATCH', '/api/v1/me', { token: alice, body: { company: 'Acme', address: '1 Main St' } });
    const res = await s.call('PATCH', '/api/v1/me', { token: alice, body: { company: null, address: '' } });
    assert.equal(res.json.company, null);
    assert.equal(res.json.address, null);
  });

  const bad: [string, unknown, string][] = [
    ['an empty name', { name: ' ' }, 'name'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a website that is not http(s)', { website: 'javascript:alert(1)' }, 'website'],
    ['letters in the phone', { phone: 'call me maybe' }, 'phone'],
    ['an unknown payout method', { payoutMethod: 'bitcoin' }, 'payoutMethod'],
    ['a field partners may not set', { status: 'active' }, ''],
    ['another partner’s code', { code: 'bob' }, ''],
    ['a name of 121 characters', { name: 'x'.repeat(121) }, 'name'],
  ];
  for (const [name, body, field] of bad) {
    test(`${name} → 400, nothing changes`, async () => {
      const before = await row('alice');
      const res = await s.call('PATCH', '/api/v1/me', { token: alice, body });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.error.code, 'invalid_request');
      if (field) assert.equal(res.json.error.field, field);
      assert.deepEqual(await row('alice'), before);
    });
  }

  test('script in a text field is stored as text, not interpreted', async () => {
    const res = await s.call('PATCH', '/api/v1/me', { token: alice, body: { company: '<img src=x onerror=alert(1)>' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.company, '<img src=x onerror=alert(1)>');
  });

  test('needs a partner token', async () => {
    assert.equal((await s.call('PATCH', '/api/v1/me', { body: { name: 'X' } })).status, 401);
  });
});

describe('a stolen session cannot take over payouts', () => {
  const sensitive: [string, Record<string, unknown>][] = [
    ['the email', { email: 'thief@example.net' }],
    ['the payout method', { payoutMethod: 'check' }],
    ['the payout details', { payoutDetails: 'thief@paypal.example' }],
  ];
  for (const [what, change] of sensitive) {
    test(`changing ${what} without the current password → 400 current_password_required, nothing changes`, async () => {
      const before = await row('alice');
      const res = await s.call('PATCH', '/api/v1/me', { token: alice, body: { name: 'Renamed', ...change } });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.error.code, 'current_password_required');
      assert.equal(res.json.error.field, 'currentPassword');
      assert.deepEqual(await row('alice'), before);
    });

    test(`changing ${what} with a wrong current password → 400 wrong_password, nothing changes`, async () => {
      const before = await row('alice');
      const res = await s.call('PATCH', '/api/v1/me', { token: alice, body: { ...change, currentPassword: 'guess' } });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.error.code, 'wrong_password');
      assert.equal(res.json.error.field, 'currentPassword');
      assert.deepEqual(await row('alice'), before);
    });
  }

  test('the whole form sent back with the same email and payout details needs no password', async () => {
    await s.call('PATCH', '/api/v1/me', { token: alice, body: { payoutMethod: 'paypal', payoutDetails: 'a@pp.example', currentPassword: 'alice-password' } });
    const res = await s.call('PATCH', '/api/v1/me', {
      token: alice,
      body: { name: 'Alice Anders', email: 'alice@example.com', phone: null, company: 'Acme', website: null, address: null, payoutMethod: 'paypal', payoutDetails: 'a@pp.example' },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.company, 'Acme');
  });

  test('with the current password the change is made, this session stays and the others end', async () => {
    const other = await s.login('alice', 'alice-password');
    const res = await s.call('PATCH', '/api/v1/me', { token: alice, body: { email: 'alice@new.example', currentPassword: 'alice-password' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.email, 'alice@new.example');
    assert.equal((await s.call('GET', '/api/v1/me', { token: alice })).status, 200);
    assert.equal((await s.call('GET', '/api/v1/me', { token: other })).status, 401);
  });

  test('a contact change that is not sensitive leaves the other sessions alone', async () => {
    const other = await s.login('alice', 'alice-password');
    assert.equal((await s.call('PATCH', '/api/v1/me', { token: alice, body: { phone: '555 0100' } })).status, 200);
    assert.equal((await s.call('GET', '/api/v1/me', { token: other })).status, 200);
  });

  test('guessing the current password is limited per partner across both routes: after 5 wrong ones, 429 — the right one included', async () => {
    const second = await s.login('alice', 'alice-password');
    for (let i = 0; i < 3; i++) {
      const res = await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: `guess-${i}`, newPassword: 'taken-over-1' } });
      assert.equal(res.status, 400);
    }
    for (let i = 0; i < 2; i++) {
      const res = await s.call('PATCH', '/api/v1/me', { token: second, body: { payoutDetails: 'thief@paypal.example', currentPassword: `guess-p${i}` } });
      assert.equal(res.status, 400);
    }
    const limited = await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: 'alice-password', newPassword: 'taken-over-1' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error.code, 'too_many_attempts');
    assert.equal(limited.headers.get('Retry-After'), '60');
    const patch = await s.call('PATCH', '/api/v1/me', { token: second, body: { payoutDetails: 'thief@paypal.example', currentPassword: 'alice-password' } });
    assert.equal(patch.status, 429);
    assert.equal((await row('alice')).payout_details, null);
    const bob = await s.login('bob', 'bob-password');
    assert.equal((await s.call('PATCH', '/api/v1/me', { token: bob, body: { payoutDetails: 'bob@pp.example', currentPassword: 'bob-password' } })).status, 200, 'other partners are not limited');
    s.advance(60_000);
    assert.equal((await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: 'alice-password', newPassword: 'a-new-secret' } })).status, 204);
  });
});

describe('POST /api/v1/me/password', () => {
  test('changes the password, keeps this session and ends the others', async () => {
    const other = await s.login('alice', 'alice-password');
    const res = await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: 'alice-password', newPassword: 'a-new-secret' } });
    assert.equal(res.status, 204, res.text);
    assert.equal((await s.call('GET', '/api/v1/me', { token: alice })).status, 200);
    assert.equal((await s.call('GET', '/api/v1/me', { token: other })).status, 401);
    assert.equal((await s.call('POST', '/api/v1/auth/login', { body: { code: 'alice', password: 'alice-password' } })).status, 401);
    assert.equal((await s.call('POST', '/api/v1/auth/login', { body: { code: 'alice', password: 'a-new-secret' } })).status, 200);
  });

  test('a wrong current password → 400 on currentPassword, nothing changes', async () => {
    const before = (await row('alice')).password_hash;
    const res = await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: 'nope', newPassword: 'a-new-secret' } });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, 'wrong_password');
    assert.equal(res.json.error.field, 'currentPassword');
    assert.equal((await row('alice')).password_hash, before);
  });

  test('a short new password → 400 on newPassword', async () => {
    const short = await s.call('POST', '/api/v1/me/password', { token: alice, body: { currentPassword: 'alice-password', newPassword: 'short' } });
    assert.equal(short.status, 400);
    assert.equal(short.json.error.field, 'newPassword');
  });

  test('the partner code as the new password, in any case → 400 weak_password', async () => {
    await s.addPartner({ code: 'longcode1', password: 'first-password' });
    const token = await s.login('longcode1', 'first-password');
    const res = await s.call('POST', '/api/v1/me/password', { token, body: { currentPassword: 'first-password', newPassword: 'LONGCODE1' } });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, 'weak_password');
    assert.equal(res.json.error.field, 'newPassword');
  });
});
