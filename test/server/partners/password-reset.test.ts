import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateSettings } from '../../../server/catalog/settings.js';
import { passwordResetsSettled, RESET_LOGIN_LIMIT, RESET_PARTNER_LIMIT, RESET_TOKEN_TTL_MS } from '../../../server/partners/password-reset.js';
import { RESET_REQUESTED_MESSAGE } from '../../../server/partners/account-email.schemas.js';
import { sendDue } from '../../../server/mail/worker.js';
import type { Config } from '../../../server/config.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { startSmtp } from '../mail/smtp.js';
import { ADMIN_KEY, linkParam, linkWith, outbox } from './outbox-helpers.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN_KEY, trustProxy: 1, publicUrl: 'https://partners.example.com', allowedOrigins: ['https://shop.example.com'] });
  await s.addPartner({ code: 'alice', name: 'Alice Example', email: 'alice@example.com', password: 'alice-password' });
});
afterEach(() => s.close());

let address = 0;
/** Each request from its own address unless told, so the per-address limit stays out of the way. */
async function askReset(body: Record<string, unknown>, ip = `198.51.100.${++address % 250}`) {
  const res = await s.call('POST', '/api/v1/auth/password-reset', { body, headers: { 'X-Forwarded-For': ip } });
  await passwordResetsSettled();
  return res;
}
const confirm = (token: string, newPassword: string) => s.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, newPassword } });
const login = (code: string, password: string) => s.call('POST', '/api/v1/auth/login', { body: { code, password }, headers: { 'X-Forwarded-For': '192.0.2.200' } });

async function resetToken(login: string, resetUrl?: string): Promise<string> {
  const before = (await outbox(s, 'password_reset')).length;
  assert.equal((await askReset({ login, ...(resetUrl ? { resetUrl } : {}) })).status, 202);
  const mails = await outbox(s, 'password_reset');
  assert.equal(mails.length, before + 1, 'one reset message');
  return linkParam(mails.at(-1)!.text, 'pc_reset');
}

describe('password reset', () => {
  test('end to end: the emailed link sets a new password; the old one and the used link stop working; every session ends', async () => {
    const phone = await s.login('alice', 'alice-password');
    const laptop = await s.login('alice', 'alice-password');

    const res = await askReset({ login: 'alice', resetUrl: 'https://shop.example.com/partners?tab=login#top' });
    assert.equal(res.status, 202);
    assert.deepEqual(res.json, { message: RESET_REQUESTED_MESSAGE });

    const [mail] = await outbox(s, 'password_reset');
    assert.equal(mail!.to, 'alice@example.com');
    assert.equal(mail!.partnerCode, 'alice');
    assert.match(mail!.text, /1 hour/);
    const link = linkWith(mail!.text, 'pc_reset');
    assert.equal(link.origin + link.pathname, 'https://shop.example.com/partners');
    assert.equal(link.searchParams.get('tab'), 'login', 'the page’s own query parameters are kept');
    assert.equal(link.hash, '');
    const token = link.searchParams.get('pc_reset')!;
    const stored = await s.db.kysely.selectFrom('password_reset_tokens').select('token_hash').execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token, 'only the hash is stored');

    assert.equal((await confirm(token, 'a-brand-new-password')).status, 204);
    assert.equal((await login('alice', 'alice-password')).status, 401, 'the old password no longer works');
    assert.equal((await login('alice', 'a-brand-new-password')).status, 200, 'the new one does');
    for (const token of [phone, laptop]) assert.equal((await s.call('GET', '/api/v1/me', { token })).status, 401, 'sessions from before ended');

    const again = await confirm(token, 'yet-another-password');
    assert.equal(again.status, 400);
    assert.equal(again.json.error.code, 'reset_token_used');
    assert.equal(again.json.error.field, 'token');
    assert.equal((await login('alice', 'a-brand-new-password')).status, 200, 'the reused link changed nothing');

    const notices = await outbox(s, 'security_change');
    assert.equal(notices.length, 1, 'the partner is told the password changed');
    assert.equal(notices[0]!.to, 'alice@example.com');
    assert.match(notices[0]!.text, /password/);
  });

  test('over a real SMTP server: the message that arrives carries the link, and the link resets the password', async () => {
    const smtp = await startSmtp();
    const mailed = await testServer({ smtpUrl: smtp.url, mailFrom: 'partners@shop.example', publicUrl: 'https://partners.example.com' } as Partial<Config>);
    try {
      await updateSettings(mailed.deps, { merchantName: 'Northwind Outfitters' });
      await mailed.addPartner({ code: 'bob', name: 'Bob Builder', email: 'bob@example.com', password: 'bob-password' });
      const res = await mailed.call('POST', '/api/v1/auth/password-reset', { body: { login: 'bob@example.com' } });
      assert.equal(res.status, 202);
      await passwordResetsSettled();
      assert.equal(await sendDue(mailed.deps), 1);
      const [mail] = await smtp.waitFor(1);
      assert.equal(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : '', 'bob@example.com');
      assert.match(mail!.subject ?? '', /Northwind Outfitters/);
      assert.match(mail!.text ?? '', /Bob Builder/);
      const link = linkWith(mail!.text ?? '', 'pc_reset');
      assert.equal(`${link.origin}${link.pathname}`, 'https://partners.example.com/portal');
      assert.ok((mail!.html || '').includes(link.toString().replace(/&/g, '&amp;')), 'the HTML part links to it too');
      const set = await mailed.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token: link.searchParams.get('pc_reset'), newPassword: 'bob-new-password' } });
      assert.equal(set.status, 204);
      assert.equal((await mailed.call('POST', '/api/v1/auth/login', { body: { code: 'bob', password: 'bob-new-password' } })).status, 200);
    } finally {
      await mailed.close();
      await smtp.close();
    }
  });

  test('the same answer for a known code, a known email, an unknown code and an unknown email; mail only for the known', async () => {
    const answers = [];
    for (const login of ['alice', 'ALICE@example.com', 'nobody', 'nobody@example.com']) {
      const res = await askReset({ login });
      answers.push({ status: res.status, body: res.text });
    }
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal(answers[0]!.status, 202);
    const mails = await outbox(s, 'password_reset');
    assert.deepEqual(mails.map((m) => m.to), ['alice@example.com', 'alice@example.com'], 'by code and by email (any case)');
  });

  test('the answer goes out before the link is made, so known and unknown logins take the same path to it', async () => {
    const res = await s.call('POST', '/api/v1/auth/password-reset', { body: { login: 'alice' } });
    assert.equal(res.status, 202);
    assert.equal((await s.db.kysely.selectFrom('password_reset_tokens').selectAll().execute()).length, 0, 'nothing made yet when the answer is read');
    await passwordResetsSettled();
    assert.equal((await s.db.kysely.selectFrom('password_reset_tokens').selectAll().execute()).length, 1);
  });

  test('a resetUrl on an origin that is not allowed falls back to this server’s /portal', async () => {
    for (const resetUrl of ['https://evil.example/steal', 'http://shop.example.com/partners' /* another scheme is another origin */]) {
      const token = await resetToken('alice', resetUrl);
      const [mail] = (await outbox(s, 'password_reset')).slice(-1);
      const link = linkWith(mail!.text, 'pc_reset');
      assert.equal(`${link.origin}${link.pathname}`, 'https://partners.example.com/portal', resetUrl);
      assert.equal(link.searchParams.get('pc_reset'), token);
    }
  });

  test('allowed: settings.allowedOrigins and PUBLIC_URL; `*` trusts no page with a token; no resetUrl: /portal', async () => {
    await updateSettings(s.deps, { allowedOrigins: ['https://blog.example.org', '*'] });
    const cases: [string | undefined, string][] = [
      ['https://blog.example.org/join', 'https://blog.example.org/join'],
      ['https://partners.example.com/my/page', 'https://partners.example.com/my/page'],
      ['https://any.example.net/', 'https://partners.example.com/portal'],
      [undefined, 'https://partners.example.com/portal'],
    ];
    for (const [resetUrl, page] of cases) {
      await resetToken('alice@example.com', resetUrl);
      s.advance(RESET_TOKEN_TTL_MS); // keeps alice under the per-partner limit
      const link = linkWith((await outbox(s, 'password_reset')).at(-1)!.text, 'pc_reset');
      assert.equal(`${link.origin}${link.pathname}`, page, String(resetUrl));
    }
  });

  test('without PUBLIC_URL the request’s own origin is allowed', async () => {
    const local = await testServer({ adminKey: ADMIN_KEY });
    try {
      await local.addPartner({ code: 'bob', email: 'bob@example.com' });
      const res = await local.call('POST', '/api/v1/auth/password-reset', { body: { login: 'bob', resetUrl: 'http://localhost/shop?x=1' } });
      assert.equal(res.status, 202);
      await passwordResetsSettled();
      const link = linkWith((await outbox(local, 'password_reset'))[0]!.text, 'pc_reset');
      assert.equal(`${link.origin}${link.pathname}?x=${link.searchParams.get('x')}`, 'http://localhost/shop?x=1');
    } finally {
      await local.close();
    }
  });

  test('a resetUrl that is not an absolute http(s) address is refused, naming the field', async () => {
    for (const resetUrl of ['/partners', 'javascript:alert(1)', 'ftp://shop.example.com/']) {
      const res = await askReset({ login: 'alice', resetUrl });
      assert.equal(res.status, 400, resetUrl);
      assert.equal(res.json.error.field, 'resetUrl');
    }
    assert.equal((await askReset({ login: '' })).json.error.field, 'login');
  });

  test('an expired link is refused with its own code; a forged one too', async () => {
    const token = await resetToken('alice');
    s.advance(RESET_TOKEN_TTL_MS);
    const expired = await confirm(token, 'a-brand-new-password');
    assert.equal(expired.status, 400);
    assert.equal(expired.json.error.code, 'reset_token_expired');
    assert.match(expired.json.error.message, /expired/);
    const forged = await confirm('pcr_' + 'A'.repeat(43), 'a-brand-new-password');
    assert.equal(forged.status, 400);
    assert.equal(forged.json.error.code, 'reset_token_invalid');
    assert.equal(forged.json.error.message, 'This reset link is not valid. Ask for a new one.');
    assert.equal((await login('alice', 'alice-password')).status, 200, 'nothing changed');
  });

  test('the new password follows the rules of /me/password', async () => {
    await s.addPartner({ code: 'dana-demo1', email: 'dana@example.com' });
    const token = await resetToken('dana-demo1');
    const short = await confirm(token, 'short');
    assert.equal(short.status, 400);
    assert.equal(short.json.error.field, 'newPassword');
    const code = await confirm(token, 'DANA-DEMO1');
    assert.equal(code.status, 400);
    assert.equal(code.json.error.code, 'weak_password');
    assert.equal(code.json.error.field, 'newPassword');
    assert.equal((await confirm(token, 'long-enough-now')).status, 204, 'the link still works after refused passwords');
  });

  test('the code’s sign-in lock is lifted by a reset', async () => {
    for (let i = 0; i < 12; i++) await s.call('POST', '/api/v1/auth/login', { body: { code: 'alice', password: `guess-${i}` }, headers: { 'X-Forwarded-For': `192.0.2.${i}` } });
    assert.equal((await login('alice', 'alice-password')).status, 429, 'locked by strangers');
    const token = await resetToken('alice');
    assert.equal((await confirm(token, 'a-brand-new-password')).status, 204);
    assert.equal((await login('alice', 'a-brand-new-password')).status, 200, 'the partner can sign in at once');
  });

  test('rate limits: 429 per address and per login typed; per partner the answer stays 202 but no more mail goes', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < 10; i++) assert.equal((await askReset({ login: `someone-${i}` }, ip)).status, 202);
    const byAddress = await askReset({ login: 'alice' }, ip);
    assert.equal(byAddress.status, 429);
    assert.equal(byAddress.json.error.code, 'too_many_attempts');
    assert.ok(Number(byAddress.headers.get('Retry-After')) > 0);

    for (let i = 0; i < RESET_LOGIN_LIMIT.max; i++) assert.equal((await askReset({ login: 'nobody-at-all' })).status, 202);
    assert.equal((await askReset({ login: 'nobody-at-all' })).status, 429, 'an unknown login is limited like a known one');

    for (let i = 0; i < RESET_PARTNER_LIMIT.max + 2; i++) {
      assert.equal((await askReset({ login: i % 2 ? 'alice' : 'alice@example.com' })).status, 202);
    }
    assert.equal((await outbox(s, 'password_reset')).length, RESET_PARTNER_LIMIT.max, 'by code and by email together');
  });
});
