import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateSettings } from '../../../server/catalog/settings.js';
import type { Config } from '../../../server/config.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { ADMIN_KEY, outbox } from './outbox-helpers.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer({
    adminKey: ADMIN_KEY,
    publicUrl: 'https://partners.example.com',
    allowedOrigins: ['https://shop.example.com'],
    mailNotifyTo: 'owner@shop.example',
  } as Partial<Config>);
  await updateSettings(s.deps, { merchantName: 'Northwind Outfitters' });
});
afterEach(() => s.close());

const signup = (body: Record<string, unknown> = {}) =>
  s.call('POST', '/api/v1/auth/signup', {
    body: { name: 'Nina New', email: 'nina@example.com', code: 'nina', password: 'nina-password', acceptTerms: true, ...body },
  });
const admin = (method: string, path: string, body?: unknown) => s.call(method, path, { token: ADMIN_KEY, body });

describe('account messages', () => {
  test('a sign-up waiting for approval: received to the partner, waiting to the merchant with the console link', async () => {
    assert.equal((await signup({ confirmUrl: 'https://shop.example.com/join' })).status, 201);
    const [received] = await outbox(s, 'signup_received');
    assert.equal(received!.to, 'nina@example.com');
    assert.equal(received!.partnerCode, 'nina');
    assert.match(received!.text, /Nina New/);
    const [waiting] = await outbox(s, 'signup_waiting');
    assert.equal(waiting!.to, 'owner@shop.example');
    assert.match(waiting!.text, /Nina New/);
    assert.match(waiting!.text, /nina@example\.com/);
    assert.ok(waiting!.text.includes('https://partners.example.com/admin#/partners/nina'), waiting!.text);
    assert.equal((await outbox(s, 'email_confirmation')).length, 1, 'and the confirmation link');
  });

  test('no notification address: no waiting message; open sign-up: no received or waiting message', async () => {
    const quiet = await testServer({ adminKey: ADMIN_KEY });
    try {
      await quiet.call('POST', '/api/v1/auth/signup', { body: { name: 'Q', email: 'q@example.com', code: 'quiet', password: 'quiet-password', acceptTerms: true } });
      assert.deepEqual((await outbox(quiet)).map((m) => m.kind).sort(), ['email_confirmation', 'signup_received']);
    } finally {
      await quiet.close();
    }
    await updateSettings(s.deps, { signupMode: 'open' });
    await signup();
    assert.deepEqual((await outbox(s)).map((m) => m.kind), ['email_confirmation']);
  });

  test('approval mails the partner a sign-in link to the page they signed up on', async () => {
    await signup({ confirmUrl: 'https://shop.example.com/join?ref=1' });
    assert.equal((await admin('POST', '/api/v1/admin/partners/nina/approve')).status, 200);
    const [approved] = await outbox(s, 'signup_approved');
    assert.equal(approved!.to, 'nina@example.com');
    assert.ok(approved!.text.includes('https://shop.example.com/join?ref=1'), approved!.text);
  });

  test('approval without a known sign-up page links to this server’s /portal', async () => {
    await signup();
    await admin('POST', '/api/v1/admin/partners/nina/approve');
    assert.ok((await outbox(s, 'signup_approved'))[0]!.text.includes('https://partners.example.com/portal'));
  });

  test('rejection mails the merchant’s reason', async () => {
    await signup();
    const res = await admin('POST', '/api/v1/admin/partners/nina/reject', { reason: 'We only work with hiking blogs.' });
    assert.equal(res.status, 200);
    const [rejected] = await outbox(s, 'signup_rejected');
    assert.equal(rejected!.to, 'nina@example.com');
    assert.match(rejected!.text, /We only work with hiking blogs\./);
  });

  test('security changes: a password change to the address on file; an email change to the old and the new address', async () => {
    await s.addPartner({ code: 'omar', name: 'Omar', email: 'omar@example.com', password: 'omar-password' });
    const token = await s.login('omar', 'omar-password');
    assert.equal((await s.call('POST', '/api/v1/me/password', { token, body: { currentPassword: 'omar-password', newPassword: 'omar-password-2' } })).status, 204);
    let notices = await outbox(s, 'security_change');
    assert.deepEqual(notices.map((m) => m.to), ['omar@example.com']);
    assert.match(notices[0]!.text, /password/);

    await s.call('PATCH', '/api/v1/me', { token, body: { payoutMethod: 'paypal', payoutDetails: 'omar@paypal.example', currentPassword: 'omar-password-2' } });
    notices = await outbox(s, 'security_change');
    assert.match(notices.at(-1)!.text, /payout details/);

    await s.call('PATCH', '/api/v1/me', { token, body: { email: 'omar@new.example', currentPassword: 'omar-password-2' } });
    notices = (await outbox(s, 'security_change')).slice(2);
    assert.deepEqual(notices.map((m) => m.to), ['omar@example.com', 'omar@new.example']);
    for (const m of notices) assert.match(m.text, /email address/);
  });
});
