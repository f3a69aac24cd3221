import type { MailKind } from '../../../server/mail/mail.schemas.js';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ADMIN_KEY, engineServer, type EngineServer } from '../../helpers/engine.js';
import { runNotificationJobs } from '../../../server/partners/notifications.js';
import { outbox as outboxWith } from './outbox-helpers.js';

let s: EngineServer;
let token: string;
beforeEach(async () => {
  s = await engineServer();
  const program = await s.program({ name: 'Trail Program', holdDays: 30 });
  await s.partner('alice', { programIds: [program.id], email: 'alice@example.com' });
  token = await s.login('alice', 'partner-password');
});
afterEach(() => s.close());

const outbox = (kind?: MailKind) => outboxWith(s, kind, ADMIN_KEY);
const prefs = (body?: unknown) => s.call(body ? 'PATCH' : 'GET', '/api/v1/me/notifications', { token, body });
const at = (iso: string) => Date.parse(iso);
/** Moves the test clock to `iso` (forward only). */
const moveTo = (iso: string) => s.advance(at(iso) - s.now);

describe('notification choices', () => {
  test('GET and PATCH /me/notifications: everything on by default, partial changes, bad values named', async () => {
    const initial = await prefs();
    assert.equal(initial.status, 200);
    assert.deepEqual(initial.json, { commission: 'immediate', payment: true, statement: true, available: { commission: true, payment: true, statement: true } });
    const changed = await prefs({ commission: 'daily', statement: false });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.json, { commission: 'daily', payment: true, statement: false, available: { commission: true, payment: true, statement: true } });
    assert.deepEqual((await prefs()).json, changed.json);
    const bad = await prefs({ commission: 'hourly' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'commission');
    assert.equal((await prefs({ available: { payment: false } })).status, 400);
    assert.equal((await s.call('GET', '/api/v1/me/notifications')).status, 401);
  });

  test('`available` follows the merchant’s kind switches', async () => {
    await s.db.kysely
      .insertInto('mail_settings')
      .values({ id: 1, kinds_off: JSON.stringify(['payment_sent', 'monthly_statement']), updated_at: s.now })
      .execute();
    assert.deepEqual((await prefs()).json.available, { commission: true, payment: false, statement: false });
  });
});

describe('commission and payment messages', () => {
  test('a sale queues commission_earned with the amount, program, sale and payable date', async () => {
    const sale = await s.sale({ orderId: 'N-1', amount: 19900, partnerCode: 'alice' });
    assert.equal(sale.status, 201, sale.text);
    const [mail] = await outbox('commission_earned');
    assert.equal(mail!.to, 'alice@example.com');
    assert.match(mail!.text, /\$19\.90/);
    assert.match(mail!.text, /Trail Program/);
    assert.match(mail!.text, /\$199\.00/);
    assert.match(mail!.text, /February 14, 2026/); // 30 days after 2026-01-15
  });

  test('a partner who opted out, or chose the digest, gets no commission_earned; the sale is recorded all the same', async () => {
    await prefs({ commission: 'off' });
    assert.equal((await s.sale({ orderId: 'N-2', amount: 5000, partnerCode: 'alice' })).status, 201);
    await prefs({ commission: 'daily' });
    assert.equal((await s.sale({ orderId: 'N-3', amount: 5000, partnerCode: 'alice' })).status, 201);
    assert.equal((await outbox('commission_earned')).length, 0);
    assert.equal((await s.ledgerOf('alice')).rows.length, 2);
  });

  test('a recorded payment queues payment_sent (single and batch); opting out stops it', async () => {
    await s.program({ name: 'Instant', holdDays: 0, priority: 9 });
    const instant = (await s.admin('GET', '/api/v1/admin/programs')).json.programs.find((p: { name: string }) => p.name === 'Instant');
    await s.admin('PATCH', '/api/v1/admin/partners/alice', { programIds: [instant.id] });
    await s.sale({ orderId: 'P-1', amount: 100000, partnerCode: 'alice' });
    const paid = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 2500, method: 'PayPal', reference: 'TX-77' });
    assert.equal(paid.status, 201, paid.text);
    const [mail] = await outbox('payment_sent');
    assert.equal(mail!.to, 'alice@example.com');
    assert.match(mail!.text, /\$25\.00/);
    assert.match(mail!.text, /PayPal/);
    assert.match(mail!.text, /TX-77/);

    const batch = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice', amount: 1000 }], method: 'Wise', reference: 'B-1' });
    assert.equal(batch.status, 201, batch.text);
    assert.equal((await outbox('payment_sent')).length, 2);

    await prefs({ payment: false });
    await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 1000 });
    assert.equal((await outbox('payment_sent')).length, 2, 'opted out');
  });
});

describe('scheduled messages', () => {
  test('the daily digest lists yesterday’s commissions once, however often and on however many instances the job runs', async () => {
    await prefs({ commission: 'daily' });
    await s.sale({ orderId: 'D-1', amount: 10000, partnerCode: 'alice' });
    s.advance(60_000);
    await s.sale({ orderId: 'D-2', amount: 5000, partnerCode: 'alice' });
    assert.deepEqual(await runNotificationJobs(s.deps), { digests: 0, statements: 0 }, 'the day is not over yet');

    moveTo('2026-01-16T00:00:30Z');
    const [first, second] = await Promise.all([runNotificationJobs(s.deps), runNotificationJobs(s.deps)]);
    assert.equal(first!.digests + second!.digests, 1);
    assert.equal((await runNotificationJobs(s.deps)).digests, 0);
    const [digest] = await outbox('commission_digest');
    assert.equal(digest!.to, 'alice@example.com');
    assert.match(digest!.text, /\$15\.00/);
    assert.match(digest!.text, /\$10\.00 in Trail Program on a sale of \$100\.00/);
    assert.match(digest!.text, /\$5\.00 in Trail Program on a sale of \$50\.00/);
    assert.equal((await outbox('commission_earned')).length, 0);
  });

  test('the monthly statement: last month’s figures with its ledger as CSV, once per partner and month; opting out stops it', async () => {
    await s.sale({ orderId: 'M-1', amount: 20000, partnerCode: 'alice' });
    await s.partner('bob', { email: 'bob@example.com' }); // nothing in the ledger: no statement
    moveTo('2026-02-01T00:05:00Z');
    assert.equal((await runNotificationJobs(s.deps)).statements, 1);
    assert.equal((await runNotificationJobs(s.deps)).statements, 0);
    const [statement] = await outbox('monthly_statement');
    assert.equal(statement!.to, 'alice@example.com');
    assert.match(statement!.text, /January 2026/);
    assert.match(statement!.text, /\$20\.00/);
    const row = await s.db.kysely.selectFrom('outbox').select('attachments').where('kind', '=', 'monthly_statement').executeTakeFirstOrThrow();
    const [csv] = JSON.parse(row.attachments) as { filename: string; contentType: string; content: string }[];
    assert.equal(csv!.filename, 'statement-2026-01.csv');
    assert.match(csv!.content, /Date \(UTC\),Type,Description,Amount,Balance,Currency,Entry ID/);
    assert.match(csv!.content, /commission/);
    assert.match(csv!.content, /20\.00/);

    token = await s.login('alice', 'partner-password'); // a month later: a new sign-in
    assert.equal((await prefs({ statement: false })).status, 200);
    moveTo('2026-03-01T00:05:00Z');
    assert.equal((await runNotificationJobs(s.deps)).statements, 0, 'opted out');
  });
});
