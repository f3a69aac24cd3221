import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enqueueMail } from '../../../server/mail/outbox.js';
import { sendDue } from '../../../server/mail/worker.js';
import { assertError } from '../../helpers/engine.js';
import { one, sql } from '../../helpers/sql.js';
import { merchantServer } from '../merchants/helpers.js';
import { startSmtp } from './smtp.js';

type Server = Awaited<ReturnType<typeof merchantServer>>;

describe('the outbox and email routes', () => {
  let s: Server;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp({ reject: { code: 451, message: 'Greylisted, try again later' } });
    s = await merchantServer();
    Object.assign(s.deps.config, { smtpUrl: smtp.url, mailFrom: 'partners@shop.example', mailRetryDelays: [60, 300] });
  });
  after(async () => {
    s.close();
    await smtp.close();
  });
  const owner = (method: string, path: string, body?: unknown) => s.call(method, path, { body, token: s.ownerToken });

  test('a failing SMTP server: the merchant sees the message retried, then failed with the last error, and can send it again', async () => {
    const queued = await owner('POST', '/api/v1/admin/email/test', { to: 'olivia@shop.example' });
    assert.equal(queued.status, 202, queued.text);
    const id = queued.json.id as number;

    await sendDue(s.deps);
    let list = await owner('GET', '/api/v1/admin/outbox');
    assert.equal(list.status, 200, list.text);
    const first = list.json.messages.find((m: { id: number }) => m.id === id);
    assert.equal(first.status, 'queued');
    assert.equal(first.attempts, 1);
    assert.match(first.lastError, /Greylisted/);
    assert.equal(first.nextAttemptAt, new Date(s.now + 60_000).toISOString());
    assert.equal(first.kind, 'test');
    assert.equal(first.to, 'olivia@shop.example');

    s.advance(60_000);
    await sendDue(s.deps);
    s.advance(300_000);
    await sendDue(s.deps);
    const failed = await owner('GET', `/api/v1/admin/outbox?status=failed`);
    assert.deepEqual(failed.json.messages.map((m: { id: number }) => m.id), [id]);
    assert.equal(failed.json.messages[0].attempts, 3);
    assert.match(failed.json.messages[0].lastError, /Greylisted/);
    assert.equal(failed.json.messages[0].nextAttemptAt, null);

    const detail = await owner('GET', `/api/v1/admin/outbox/${id}`);
    assert.equal(detail.status, 200);
    assert.match(detail.json.text, /test message/);
    assert.match(detail.json.html, /<html/);
    assert.deepEqual(detail.json.headers, {});

    // the server recovers; the merchant sends the message again
    smtp.setReject(undefined);
    const retried = await owner('POST', `/api/v1/admin/outbox/${id}/retry`);
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.json.status, 'queued');
    await sendDue(s.deps);
    await smtp.waitFor(1);
    assert.equal((await owner('GET', `/api/v1/admin/outbox/${id}`)).json.status, 'sent');
    assertError(await owner('POST', `/api/v1/admin/outbox/${id}/retry`), 409, 'not_retryable');
  });

  test('paging with cursors, filters; a bad cursor is a 400, an unknown id a 404', async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(s.deps, { kind: 'signup_received', to: `p${i}@example.com`, data: {} });
    const page1 = await owner('GET', '/api/v1/admin/outbox?kind=signup_received&limit=3');
    assert.equal(page1.json.messages.length, 3);
    assert.deepEqual(page1.json.messages.map((m: { to: string }) => m.to), ['p4@example.com', 'p3@example.com', 'p2@example.com']);
    const page2 = await owner('GET', `/api/v1/admin/outbox?kind=signup_received&limit=3&cursor=${page1.json.nextCursor}`);
    assert.deepEqual(page2.json.messages.map((m: { to: string }) => m.to), ['p1@example.com', 'p0@example.com']);
    assert.equal(page2.json.nextCursor, null);
    const byTo = await owner('GET', '/api/v1/admin/outbox?to=P3@EXAMPLE');
    assert.deepEqual(byTo.json.messages.map((m: { to: string }) => m.to), ['p3@example.com']);

    assertError(await owner('GET', '/api/v1/admin/outbox?cursor=not-a-cursor'), 400, 'invalid_cursor', 'cursor');
    assertError(await owner('GET', '/api/v1/admin/outbox?status=lost'), 400, undefined, 'status');
    assertError(await owner('GET', '/api/v1/admin/outbox/99999'), 404);
    assertError(await owner('POST', '/api/v1/admin/outbox/99999/retry'), 404);
  });

  test('staff are refused the outbox, email settings and templates (403); the admin key is let in', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/v1/admin/outbox'],
      ['GET', '/api/v1/admin/outbox/1'],
      ['POST', '/api/v1/admin/outbox/1/retry'],
      ['GET', '/api/v1/admin/email/settings'],
      ['PATCH', '/api/v1/admin/email/settings', { mailFrom: 'x@shop.example' }],
      ['POST', '/api/v1/admin/email/test', { to: 'sam@shop.example' }],
      ['GET', '/api/v1/admin/email/templates'],
      ['PUT', '/api/v1/admin/email/templates/test', { subject: 'x', body: 'y' }],
    ] as const) {
      const res = await s.call(method, path, { body, token: s.staffToken });
      assertError(res, 403);
      assert.match(res.json.error.message, /owner/);
    }
    assert.equal((await s.admin('GET', '/api/v1/admin/outbox')).status, 200);
  });

  test('email settings: the SMTP password is never shown back; bad values are refused naming the field; changes are audited', async () => {
    const start = await owner('GET', '/api/v1/admin/email/settings');
    assert.equal(start.json.smtpUrlFrom, 'env');
    assert.equal(start.json.mailFrom, 'partners@shop.example');
    assert.equal(start.json.kinds.commission_earned, true);

    const set = await owner('PATCH', '/api/v1/admin/email/settings', {
      smtpUrl: 'smtps://mailer:top-secret-pw@smtp.shop.example:465',
      notifyAddress: 'team@shop.example',
      kinds: { commission_earned: false },
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.json.smtpUrl, 'smtps://mailer:••••@smtp.shop.example:465');
    assert.equal(set.json.smtpUrlFrom, 'settings');
    assert.equal(set.json.notifyAddress, 'team@shop.example');
    assert.equal(set.json.kinds.commission_earned, false);
    assert.equal(set.json.kinds.payment_sent, true);
    const read = await owner('GET', '/api/v1/admin/email/settings');
    assert.doesNotMatch(read.text, /top-secret-pw/);
    const audit = await owner('GET', '/api/v1/admin/audit?action=email_settings.update');
    assert.equal(audit.json.items.length, 1);
    assert.doesNotMatch(JSON.stringify(audit.json), /top-secret-pw/);

    // the masked URL sent back (the host changed) keeps the stored password
    const kept = await owner('PATCH', '/api/v1/admin/email/settings', { smtpUrl: 'smtps://mailer:••••@smtp2.shop.example:465' });
    assert.equal(kept.json.smtpUrl, 'smtps://mailer:••••@smtp2.shop.example:465');
    const stored = await one<{ smtp_url: string }>(s.db, sql`SELECT smtp_url FROM mail_settings`);
    assert.equal(stored!.smtp_url, 'smtps://mailer:top-secret-pw@smtp2.shop.example:465');

    assertError(await owner('PATCH', '/api/v1/admin/email/settings', { smtpUrl: 'http://smtp.shop.example' }), 400, undefined, 'smtpUrl');
    assertError(await owner('PATCH', '/api/v1/admin/email/settings', { mailFrom: 'not an address' }), 400, undefined, 'mailFrom');
    assertError(await owner('PATCH', '/api/v1/admin/email/settings', { notifyAddress: 'team@' }), 400, undefined, 'notifyAddress');
    assertError(await owner('PATCH', '/api/v1/admin/email/settings', { kinds: { fax: true } }), 400);
    assertError(await owner('POST', '/api/v1/admin/email/test', { to: 'nobody' }), 400, undefined, 'to');

    // a kind switched off is not queued
    const partner = await s.addPartner({ code: 'KIND' });
    assert.equal(await enqueueMail(s.deps, { kind: 'commission_earned', to: partner.email, partnerId: partner.id, data: {} }), null);
    // null goes back to the environment
    const cleared = await owner('PATCH', '/api/v1/admin/email/settings', { smtpUrl: null, notifyAddress: null, kinds: { commission_earned: true } });
    assert.equal(cleared.json.smtpUrlFrom, 'env');
    assert.equal(cleared.json.notifyAddress, null);
  });

  test('templates: an unknown placeholder is refused naming it; merchant HTML and script are escaped; delete gives the default back', async () => {
    const list = await owner('GET', '/api/v1/admin/email/templates');
    assert.equal(list.json.templates.length, 13);
    const reset = list.json.templates.find((t: { kind: string }) => t.kind === 'password_reset');
    assert.deepEqual(reset.placeholders, ['merchant.name', 'partner.name', 'partner.code', 'partner.email', 'link', 'expiresIn']);
    assert.equal(reset.customized, false);

    const unknown = await owner('PUT', '/api/v1/admin/email/templates/password_reset', { subject: 'Reset', body: 'Hi {{partner.nickname}}: {{link}}' });
    assertError(unknown, 400, 'unknown_placeholder', 'body');
    assert.match(unknown.json.error.message, /\{\{partner\.nickname\}\}/);
    assertError(await owner('POST', '/api/v1/admin/email/templates/password_reset/preview', { subject: 'Hi {{amount}}', body: 'x' }), 400, 'unknown_placeholder', 'subject');
    assertError(await owner('PUT', '/api/v1/admin/email/templates/fax', { subject: 'x', body: 'y' }), 404);

    const hostile = 'Hello {{partner.name}} <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))\n\n[Reset]({{link}})';
    const preview = await owner('POST', '/api/v1/admin/email/templates/password_reset/preview', { subject: 'Reset <b>now</b>', body: hostile });
    assert.equal(preview.status, 200, preview.text);
    assert.doesNotMatch(preview.json.html, /<script|<img|javascript:/i);
    assert.match(preview.json.html, /&lt;img src=x onerror=alert\(2\)&gt;/, "the merchant’s HTML shows as text");
    assert.match(preview.json.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(preview.json.html, /<a href="https:\/\/shop\.example\.com\/partners\?pc_reset=sample"[^>]*>Reset<\/a>/);
    assert.match(preview.json.text, /Hello Alex Partner/);
    assert.equal(preview.json.subject, 'Reset <b>now</b>');

    const saved = await owner('PUT', '/api/v1/admin/email/templates/password_reset', { subject: 'New password for {{partner.code}}', body: hostile });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.json.customized, true);
    const partner = await s.addPartner({ code: 'EVE', name: 'Eve <script>x()</script>' });
    const id = (await enqueueMail(s.deps, { kind: 'password_reset', to: partner.email, partnerId: partner.id, data: { link: 'javascript:alert(4)', expiresIn: '1 hour' } }))!;
    const message = await owner('GET', `/api/v1/admin/outbox/${id}`);
    assert.equal(message.json.subject, 'New password for EVE');
    assert.doesNotMatch(message.json.html, /<script|<img|javascript:/i, 'a placeholder value cannot inject script or a javascript: link');
    assert.match(message.json.html, /Eve &lt;script&gt;x\(\)&lt;\/script&gt;/);

    const back = await owner('DELETE', '/api/v1/admin/email/templates/password_reset');
    assert.equal(back.json.customized, false);
    assert.equal(back.json.subject, reset.subject);
    const audit = await owner('GET', '/api/v1/admin/audit?targetType=email_template');
    assert.deepEqual(audit.json.items.map((e: { action: string }) => e.action).sort(), ['email_template.reset', 'email_template.update']);
  });

  test('one-click unsubscribe: the link in a notification turns that notification off, and a forged one does nothing', async () => {
    const partner = await s.addPartner({ code: 'UNSUB' });
    const id = (await enqueueMail(s.deps, { kind: 'payment_sent', to: partner.email, partnerId: partner.id, data: { amount: '$5.00', method: 'PayPal', reference: 'R1' } }))!;
    const message = await owner('GET', `/api/v1/admin/outbox/${id}`);
    const url = new URL(/^<(.+)>$/.exec(message.json.headers['List-Unsubscribe'])![1]!);
    assert.equal(message.json.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const path = url.pathname + url.search;

    const page = await s.app.request(path);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post"/);
    const forged = await s.app.request(path.replace(/.{4}$/, 'AAAA'), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(forged.status, 400);
    const done = await s.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(done.status, 200);
    assert.deepEqual(await done.json(), { unsubscribed: 'payment' });
    assert.equal(await enqueueMail(s.deps, { kind: 'payment_sent', to: partner.email, partnerId: partner.id, data: {} }), null, 'the partner opted out');
    assert.notEqual(await enqueueMail(s.deps, { kind: 'monthly_statement', to: partner.email, partnerId: partner.id, data: {} }), null, 'other kinds still go');
  });
});
