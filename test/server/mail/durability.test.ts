import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configSchema } from '../../../server/config.js';
import type { Deps } from '../../../server/deps.js';
import { enqueueMail } from '../../../server/mail/outbox.js';
import { sendDue } from '../../../server/mail/worker.js';
import { CHILD_ADMIN_KEY, httpRequest, spawnServer } from '../../helpers/child-server.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { one, sql } from '../../helpers/sql.js';
import { freePort, startSmtp } from './smtp.js';

describe('the outbox is durable and sent once per worker claim', () => {
  test('two workers on one database send each message once', async () => {
    const smtp = await startSmtp();
    // two connections (pools on PostgreSQL) to one database, as two instances have
    const where = await testDatabaseLocation();
    try {
      const config = configSchema.parse({ ...where.config, smtpUrl: smtp.url, mailFrom: 'partners@shop.example' });
      const a: Deps = { db: await where.open(), config, clock: Date.now };
      const b: Deps = { db: await where.open(), config, clock: Date.now };
      for (let i = 0; i < 30; i++) await enqueueMail(i % 2 ? a : b, { kind: 'test', to: `owner${i}@shop.example`, data: {} });
      const [sentByA, sentByB] = await Promise.all([sendDue(a), sendDue(b)]);
      assert.equal(sentByA + sentByB, 30);
      await smtp.waitFor(30);
      await new Promise((done) => setTimeout(done, 200));
      const recipients = smtp.arrived.map((m) => (Array.isArray(m.to) ? '' : m.to!.value[0]!.address));
      assert.equal(recipients.length, 30, 'no message twice');
      assert.equal(new Set(recipients).size, 30);
      const statuses = await one<{ n: number }>(a.db, sql`SELECT count(*) AS n FROM outbox WHERE status = 'sent'`);
      assert.equal(statuses!.n, 30);
      await a.db.close();
      await b.db.close();
    } finally {
      await smtp.close();
      await where.drop();
    }
  });

  test('the queue survives a SIGKILL of the server: after a restart the message arrives (once)', async (t) => {
    const where = await testDatabaseLocation();
    t.after(() => where.drop());
    // --db takes the SQLite file or the postgres:// URL
    const path = where.args[1]!;
    const port = await freePort();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'partners@shop.example', MAIL_RETRY_DELAYS: '3,3,3,3,3' };
    const first = await spawnServer(path, [], env);
    // a failed step before the kill must not leave the server running (a no-op once it is dead)
    t.after(() => void first.child.kill('SIGKILL'));
    const queued = await httpRequest(`${first.url}/api/v1/admin/email/test`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${CHILD_ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: { to: 'owner@shop.example' },
    });
    assert.equal(queued.status, 202, queued.text);
    // the first try failed (nothing listens yet) and the message waits for its retry; then the process dies
    // (a process killed in the middle of a send leaves a lease that runs out: see send.test.ts)
    const until = Date.now() + 10_000;
    for (;;) {
      const res = await httpRequest(`${first.url}/api/v1/admin/outbox/${queued.json.id}`, { headers: { Authorization: `Bearer ${CHILD_ADMIN_KEY}` } });
      if (res.json.status === 'queued' && res.json.attempts >= 1) {
        assert.match(res.json.lastError, /ECONNREFUSED|connect/i);
        break;
      }
      assert.ok(Date.now() < until, `the first try did not happen: ${res.text}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    first.child.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');

    const smtp = await startSmtp({ port });
    const second = await spawnServer(path, [], env);
    try {
      const [mail] = await smtp.waitFor(1, 15_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${second.output()}`);
      });
      assert.equal(mail!.subject, 'Test message from Partner Program');
      const outbox = await httpRequest(`${second.url}/api/v1/admin/outbox/${queued.json.id}`, { headers: { Authorization: `Bearer ${CHILD_ADMIN_KEY}` } });
      assert.equal(outbox.json.status, 'sent');
      await new Promise((done) => setTimeout(done, 1500));
      assert.equal(smtp.arrived.length, 1, 'sent once');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
      await smtp.close();
    }
  });
});
