import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateSettings } from '../../../server/catalog/settings.js';
import { CONFIRM_RESEND_LIMIT, CONFIRM_TOKEN_TTL_MS, EMAIL_UNCONFIRMED_MESSAGE } from '../../../server/partners/email-confirmation.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { ADMIN_KEY, linkParam, linkWith, outbox } from './outbox-helpers.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN_KEY, publicUrl: 'https://partners.example.com', allowedOrigins: ['https://shop.example.com'] });
  await updateSettings(s.deps, { signupMode: 'open' });
});
afterEach(() => s.close());

const signup = (body: Record<string, unknown> = {}) =>
  s.call('POST', '/api/v1/auth/signup', {
    body: { name: 'Nina New', email: 'nina@example.com', code: 'nina', password: 'nina-password', acceptTerms: true, ...body },
  });
const confirmEmail = (token: string) => s.call('POST', '/api/v1/auth/email-confirmation', { body: { token } });
const me = async (token: string) => (await s.call('GET', '/api/v1/me', { token })).json;

describe('email confirmation', () => {
  test('a partner who signs up is unconfirmed until they follow the link mailed to them', async () => {
    const res = await signup({ confirmUrl: 'https://shop.example.com/join?ref=ad#form' });
    assert.equal(res.status, 201);
    assert.equal(res.json.partner.emailConfirmed, false);
    const token = res.json.token as string;
    assert.equal((await me(token)).emailConfirmed, false);

    const [mail] = await outbox(s, 'email_confirmation');
    assert.equal(mail!.to, 'nina@example.com');
    const link = linkWith(mail!.text, 'pc_confirm');
    assert.equal(`${link.origin}${link.pathname}`, 'https://shop.example.com/join');
    assert.equal(link.searchParams.get('ref'), 'ad');

    const confirmed = await confirmEmail(link.searchParams.get('pc_confirm')!);
    assert.equal(confirmed.status, 200);
    assert.deepEqual(confirmed.json, { email: 'nina@example.com' });
    assert.equal((await me(token)).emailConfirmed, true);

    const again = await confirmEmail(link.searchParams.get('pc_confirm')!);
    assert.equal(again.status, 400);
    assert.equal(again.json.error.code, 'confirm_token_used');
  });

  test('a confirmUrl on an origin that is not allowed falls back to /portal', async () => {
    await signup({ confirmUrl: 'https://evil.example/join' });
    const link = linkWith((await outbox(s, 'email_confirmation'))[0]!.text, 'pc_confirm');
    assert.equal(`${link.origin}${link.pathname}`, 'https://partners.example.com/portal');
  });

  test('forged and expired links get their own codes', async () => {
    await signup();
    const token = linkParam((await outbox(s, 'email_confirmation'))[0]!.text, 'pc_confirm');
    const forged = await confirmEmail('pcc_nothing-like-it');
    assert.equal(forged.status, 400);
    assert.equal(forged.json.error.code, 'confirm_token_invalid');
    assert.equal(forged.json.error.field, 'token');
    s.advance(CONFIRM_TOKEN_TTL_MS);
    const expired = await confirmEmail(token);
    assert.equal(expired.status, 400);
    assert.equal(expired.json.error.code, 'confirm_token_expired');
  });

  test('payout details change only with a confirmed email: 403 email_unconfirmed', async () => {
    const token = (await signup()).json.token as string;
    const payout = { payoutMethod: 'paypal', payoutDetails: 'nina@paypal.example', currentPassword: 'nina-password' };
    const refused = await s.call('PATCH', '/api/v1/me', { token, body: payout });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'email_unconfirmed');
    assert.equal(refused.json.error.message, EMAIL_UNCONFIRMED_MESSAGE);
    assert.equal((await s.call('PATCH', '/api/v1/me', { token, body: { name: 'Nina N.' } })).status, 200, 'other fields change freely');

    await confirmEmail(linkParam((await outbox(s, 'email_confirmation'))[0]!.text, 'pc_confirm'));
    const ok = await s.call('PATCH', '/api/v1/me', { token, body: payout });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.payoutDetails, 'nina@paypal.example');
  });

  test('a new email address is unconfirmed again, gets its own link, and payout changes wait for it', async () => {
    await s.addPartner({ code: 'omar', email: 'omar@example.com', password: 'omar-password' });
    const token = await s.login('omar', 'omar-password');
    assert.equal((await me(token)).emailConfirmed, true, 'a partner the merchant created counts as confirmed');

    const both = await s.call('PATCH', '/api/v1/me', { token, body: { email: 'omar@new.example', payoutDetails: 'IBAN DE00', currentPassword: 'omar-password' } });
    assert.equal(both.status, 403, 'not a new address and new payout details in one go');
    assert.equal(both.json.error.code, 'email_unconfirmed');

    const changed = await s.call('PATCH', '/api/v1/me', { token, body: { email: 'omar@new.example', currentPassword: 'omar-password', confirmUrl: 'https://shop.example.com/partners' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.json.emailConfirmed, false);
    const [mail] = await outbox(s, 'email_confirmation');
    assert.equal(mail!.to, 'omar@new.example');
    const link = linkWith(mail!.text, 'pc_confirm');
    assert.equal(`${link.origin}${link.pathname}`, 'https://shop.example.com/partners');
    assert.equal((await s.call('PATCH', '/api/v1/me', { token, body: { payoutDetails: 'IBAN DE00', currentPassword: 'omar-password' } })).status, 403);

    assert.deepEqual((await confirmEmail(link.searchParams.get('pc_confirm')!)).json, { email: 'omar@new.example' });
    assert.equal((await s.call('PATCH', '/api/v1/me', { token, body: { payoutDetails: 'IBAN DE00', currentPassword: 'omar-password' } })).status, 200);
  });

  test('a link for an address the account no longer has confirms nothing', async () => {
    await s.addPartner({ code: 'omar', email: 'omar@example.com', password: 'omar-password' });
    const token = await s.login('omar', 'omar-password');
    await s.call('PATCH', '/api/v1/me', { token, body: { email: 'omar@first.example', currentPassword: 'omar-password' } });
    await s.call('PATCH', '/api/v1/me', { token, body: { email: 'omar@second.example', currentPassword: 'omar-password' } });
    const [first] = await outbox(s, 'email_confirmation');
    assert.equal(first!.to, 'omar@first.example');
    const stale = await confirmEmail(linkParam(first!.text, 'pc_confirm'));
    assert.equal(stale.status, 400);
    assert.equal(stale.json.error.code, 'confirm_token_invalid');
    assert.match(stale.json.error.message, /omar@first\.example/);
    assert.equal((await me(token)).emailConfirmed, false);
  });

  test('POST /me/email-confirmation sends the link again, limited per partner; nothing for a confirmed address', async () => {
    const token = (await signup()).json.token as string;
    for (let i = 0; i < CONFIRM_RESEND_LIMIT.max; i++) {
      const res = await s.call('POST', '/api/v1/me/email-confirmation', { token, body: { confirmUrl: 'https://shop.example.com/p' } });
      assert.equal(res.status, 202);
      assert.match(res.json.message, /nina@example\.com/);
    }
    const limited = await s.call('POST', '/api/v1/me/email-confirmation', { token, body: {} });
    assert.equal(limited.status, 429);
    const mails = await outbox(s, 'email_confirmation');
    assert.equal(mails.length, 1 + CONFIRM_RESEND_LIMIT.max);
    const link = linkWith(mails.at(-1)!.text, 'pc_confirm');
    assert.equal(`${link.origin}${link.pathname}`, 'https://shop.example.com/p');
    assert.equal((await confirmEmail(link.searchParams.get('pc_confirm')!)).status, 200, 'the newest link works');
    assert.equal((await confirmEmail(linkParam(mails[0]!.text, 'pc_confirm'))).status, 400, 'an older one is spent: the address is confirmed');

    s.advance(3_600_000);
    const done = await s.call('POST', '/api/v1/me/email-confirmation', { token, body: {} });
    assert.equal(done.status, 202);
    assert.match(done.json.message, /already confirmed/);
    assert.equal((await outbox(s, 'email_confirmation')).length, mails.length);
    assert.equal((await s.call('POST', '/api/v1/me/email-confirmation', { body: {} })).status, 401);
  });

  test('partners the merchant creates (API, CLI, console) count as confirmed', async () => {
    const created = await s.call('POST', '/api/v1/admin/partners', {
      token: ADMIN_KEY,
      body: { code: 'paula', name: 'Paula', email: 'paula@example.com', password: 'paula-password' },
    });
    assert.equal(created.status, 201);
    const token = await s.login('paula', 'paula-password');
    assert.equal((await me(token)).emailConfirmed, true);
    assert.equal((await outbox(s, 'email_confirmation')).length, 0);
  });
});
