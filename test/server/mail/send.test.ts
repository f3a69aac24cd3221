import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { enqueueMail, onMailQueued } from '../../../server/mail/outbox.js';
import { claimDue, LEASE_MS, sendDue, startMailWorker } from '../../../server/mail/worker.js';
import { updateSettings } from '../../../server/catalog/settings.js';
import { testServer } from '../../helpers/server.js';
import { all, one, sql } from '../../helpers/sql.js';
import { freePort, rawHeader, startSmtp } from './smtp.js';

const MAIL_FROM = '"Acme Partners" <partners@acme.example>';
const outboxRow = async (s: Awaited<ReturnType<typeof testServer>>, id: number) =>
  (await one<{ status: string; attempts: number; last_error: string | null; next_attempt_at: number | null }>(s.db, sql`SELECT * FROM outbox WHERE id = ${id}`))!;

describe('mail over a real SMTP server', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  test('a message arrives with a text and an HTML part, from MAIL_FROM, with the merchant name; notifications carry List-Unsubscribe', async () => {
    const smtp = await startSmtp({ user: 'mailer', pass: 's3cret:pass' });
    cleanup.push(smtp.close);
    const s = await testServer({ smtpUrl: smtp.url, mailFrom: MAIL_FROM });
    cleanup.push(s.close);
    await updateSettings(s.deps, { merchantName: 'Acme Shop' });
    const alice = await s.addPartner({ code: 'ALICE', name: 'Alice Archer', email: 'alice@example.com' });

    await enqueueMail(s.deps, { kind: 'password_reset', to: alice.email, partnerId: alice.id, data: { link: 'https://acme.example/partners?pc_reset=tok123', expiresIn: '1 hour' } });
    await enqueueMail(s.deps, {
      kind: 'commission_earned',
      to: alice.email,
      partnerId: alice.id,
      data: { amount: '$19.90', program: 'Standard', 'sale.amount': '$199.00', payableOn: 'February 14, 2026' },
    });
    await enqueueMail(s.deps, {
      kind: 'monthly_statement',
      to: alice.email,
      partnerId: alice.id,
      data: { month: 'January 2026', earned: '$19.90', paid: '$0.00', balance: '$19.90', payableNow: '$0.00' },
      attachments: [{ filename: 'statement-2026-01.csv', contentType: 'text/csv', content: 'date,amount\n2026-01-15,19.90\n' }],
    });
    assert.equal(await sendDue(s.deps), 3);
    const [reset, commission, statement] = await smtp.waitFor(3);

    assert.equal(reset!.from!.value[0]!.address, 'partners@acme.example');
    assert.equal(reset!.from!.value[0]!.name, 'Acme Partners');
    assert.equal(reset!.to && !Array.isArray(reset!.to) ? reset!.to.value[0]!.address : '', 'alice@example.com');
    assert.equal(reset!.subject, 'Reset your Acme Shop partner password');
    assert.match(reset!.text!, /Hello Alice Archer/);
    assert.match(reset!.text!, /https:\/\/acme\.example\/partners\?pc_reset=tok123/);
    assert.match(String(reset!.html), /<a href="https:\/\/acme\.example\/partners\?pc_reset=tok123"[^>]*>Choose a new password<\/a>/);
    assert.match(String(reset!.html), /Acme Shop/);
    assert.equal(rawHeader(reset!, 'List-Unsubscribe'), undefined, 'a password reset cannot be unsubscribed from');

    assert.equal(commission!.subject, 'You earned $19.90');
    const unsubscribe = String(rawHeader(commission!, 'List-Unsubscribe'));
    assert.match(unsubscribe, /^<http:\/\/localhost:\d+\/api\/v1\/email\/unsubscribe\?token=[^>]+>$/);
    assert.equal(rawHeader(commission!, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(String(commission!.html), /Unsubscribe/);

    assert.equal(statement!.attachments.length, 1);
    assert.equal(statement!.attachments[0]!.filename, 'statement-2026-01.csv');
    assert.equal(statement!.attachments[0]!.content.toString(), 'date,amount\n2026-01-15,19.90\n');

    const rows = await all<{ status: string; sent_at: number }>(s.db, sql`SELECT status, sent_at FROM outbox ORDER BY id`);
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'sent', 'sent']);
    assert.ok(rows.every((r) => r.sent_at === s.now));
  });

  test('a failing SMTP server is retried with backoff, then the message fails with the last error', async () => {
    const smtp = await startSmtp({ reject: { code: 451, message: 'Try again later, mailbox busy' } });
    cleanup.push(smtp.close);
    const s = await testServer({ smtpUrl: smtp.url, mailFrom: MAIL_FROM, mailRetryDelays: [60, 300, 1800] });
    cleanup.push(s.close);
    const id = (await enqueueMail(s.deps, { kind: 'test', to: 'owner@acme.example', data: {} }))!;

    await sendDue(s.deps);
    let row = await outboxRow(s, id);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.equal(row.next_attempt_at, s.now + 60_000);
    assert.match(row.last_error!, /451.*mailbox busy|mailbox busy/);

    s.advance(59_000);
    assert.equal(await sendDue(s.deps), 0, 'not due before its backoff');
    s.advance(1_000);
    await sendDue(s.deps);
    row = await outboxRow(s, id);
    assert.equal(row.attempts, 2);
    assert.equal(row.next_attempt_at, s.now + 300_000);
    s.advance(300_000);
    await sendDue(s.deps);
    s.advance(1_800_000);
    await sendDue(s.deps);
    row = await outboxRow(s, id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 4);
    assert.equal(row.next_attempt_at, null);
    assert.match(row.last_error!, /mailbox busy/);
    assert.equal(smtp.arrived.length, 0);
  });

  test('an SMTP server refusing for good (5xx) fails the message at once; a closed port is retried', async () => {
    const smtp = await startSmtp({ reject: { code: 550, message: 'No such user here' } });
    cleanup.push(smtp.close);
    const s = await testServer({ smtpUrl: smtp.url, mailFrom: MAIL_FROM });
    cleanup.push(s.close);
    const id = (await enqueueMail(s.deps, { kind: 'test', to: 'nobody@acme.example', data: {} }))!;
    await sendDue(s.deps);
    assert.equal((await outboxRow(s, id)).status, 'failed');
    assert.match((await outboxRow(s, id)).last_error!, /No such user here/);

    const closed = await testServer({ smtpUrl: `smtp://user:hunter22@127.0.0.1:${await freePort()}`, mailFrom: MAIL_FROM });
    cleanup.push(closed.close);
    const id2 = (await enqueueMail(closed.deps, { kind: 'test', to: 'owner@acme.example', data: {} }))!;
    await sendDue(closed.deps);
    const row = await outboxRow(closed, id2);
    assert.equal(row.status, 'queued');
    assert.match(row.last_error!, /ECONNREFUSED|connect/i);
    assert.doesNotMatch(row.last_error!, /hunter22/);
  });

  test('a message whose sender died mid-send (its lease ran out) is sent by the next worker; not before', async () => {
    const smtp = await startSmtp();
    cleanup.push(smtp.close);
    const s = await testServer({ smtpUrl: smtp.url, mailFrom: MAIL_FROM });
    cleanup.push(s.close);
    const id = (await enqueueMail(s.deps, { kind: 'test', to: 'owner@acme.example', data: {} }))!;
    assert.deepEqual((await claimDue(s.deps)).map((r) => r.id), [id], 'a worker claims it, then its process dies');
    assert.equal((await outboxRow(s, id)).status, 'sending');
    assert.equal(await sendDue(s.deps), 0, 'another worker leaves it alone while the lease holds');
    s.advance(LEASE_MS);
    assert.equal(await sendDue(s.deps), 1);
    await smtp.waitFor(1);
    assert.equal((await outboxRow(s, id)).status, 'sent');
    assert.equal((await outboxRow(s, id)).attempts, 2);
  });

  /** A server sending to a real SMTP server, with its mail worker running and no poll in a test's time: only wake-ups deliver. */
  const serverWithWorker = async () => {
    const smtp = await startSmtp();
    cleanup.push(smtp.close);
    const s = await testServer({ smtpUrl: smtp.url, mailFrom: MAIL_FROM });
    cleanup.push(s.close);
    const worker = startMailWorker(s.deps, { pollMs: 600_000 });
    cleanup.push(() => worker.stop());
    return { smtp, s };
  };

  test('the background worker is woken as soon as a message is queued (no waiting for its poll)', async () => {
    const { smtp, s } = await serverWithWorker();
    const started = Date.now();
    await enqueueMail(s.deps, { kind: 'test', to: 'owner@acme.example', data: {} });
    await smtp.waitFor(1, 5_000);
    assert.ok(Date.now() - started < 5_000);
  });

  test('a burst queued inside transactions (a sale each) wakes the worker a few times, not once a message, and every message is sent', async () => {
    const { smtp, s } = await serverWithWorker();
    let wakes = 0;
    cleanup.push(onMailQueued(s.deps, () => wakes++));
    const burst = 60;
    for (let i = 0; i < burst; i++) {
      await s.deps.db.kysely.transaction().execute((trx) => enqueueMail(s.deps, { kind: 'test', to: `owner${i}@acme.example`, data: {} }, trx));
    }
    await smtp.waitFor(burst, 10_000);
    const to = smtp.arrived.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text).sort();
    assert.deepEqual(to, Array.from({ length: burst }, (_, i) => `owner${i}@acme.example`).sort());
    assert.ok(wakes >= 1 && wakes <= burst / 5, `the worker was woken ${wakes} times for ${burst} messages`);
  });

  test('queued inside the caller’s transaction: committed with it, or gone with its rollback', async () => {
    const s = await testServer();
    cleanup.push(s.close);
    const partner = await s.addPartner({ code: 'TRX' });
    const mail = { kind: 'payment_sent', to: partner.email, partnerId: partner.id, data: { amount: '$5.00', method: 'PayPal', reference: 'R1' } } as const;
    const id = await s.deps.db.kysely.transaction().execute((trx) => enqueueMail(s.deps, mail, trx));
    assert.equal(typeof id, 'number');
    await assert.rejects(
      s.deps.db.kysely.transaction().execute(async (trx) => {
        await enqueueMail(s.deps, mail, trx);
        throw new Error('the payment failed');
      }),
      /the payment failed/,
    );
    assert.equal((await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM outbox`))!.n, 1);
  });

  test('with no SMTP server configured, messages are kept in the outbox', async () => {
    const s = await testServer();
    cleanup.push(s.close);
    const id = (await enqueueMail(s.deps, { kind: 'test', to: 'owner@acme.example', data: {} }))!;
    await sendDue(s.deps);
    assert.equal((await outboxRow(s, id)).status, 'kept');
    assert.equal((await outboxRow(s, id)).attempts, 0);
  });
});
