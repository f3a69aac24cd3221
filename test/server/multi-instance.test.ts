import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/connection.js';
import { adminClient, CHILD_ADMIN_KEY, httpRequest, spawnServer, type Answer, type ChildServer } from '../helpers/child-server.js';
import { testDatabaseLocation, testDialect } from '../helpers/database.js';
import { all, sql } from '../helpers/sql.js';

/**
 * Three Partner Center processes on one database, as behind a load balancer: sales (some sent
 * twice, to two instances at once), refunds, payments and redirects for a few partners spread
 * over them, one instance SIGKILLed half-way. Every acknowledged write is recorded once, every
 * balance is the sum of its ledger and every running balance follows from the one before.
 * On PostgreSQL (PC_TEST_DB=postgres with TEST_POSTGRES_URL: the real server). SQLite is one
 * process's database: there the same load runs on one instance, SIGKILLed half-way and
 * started again on the same file, and the same rules must hold.
 */
const PARTNERS = ['ann', 'ben', 'cal'];
const SALES = 240;
const REDIRECTS = 600;
const PAYMENTS = 30;
const CONCURRENCY = 24;
const onPostgres = testDialect === 'postgres' && Boolean(process.env.TEST_POSTGRES_URL);

describe(onPostgres ? 'three instances on one PostgreSQL database, one SIGKILLed half-way' : 'one instance on a SQLite file, SIGKILLed half-way and started again', () => {
  let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
  let servers: ChildServer[] = [];
  let db: Db;
  before(async () => {
    location = await testDatabaseLocation(undefined, onPostgres ? 'postgres' : 'sqlite');
    // one instance migrates first, as a rolling start would; the others find the schema current
    servers.push(await spawnServer(location.args[1]!));
    if (onPostgres) servers.push(...(await Promise.all([spawnServer(location.args[1]!), spawnServer(location.args[1]!)])));
    db = await location.open();
  });
  after(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await db?.close();
    await location?.drop();
  });

  test('every acknowledged sale, refund, payment and click is recorded once; balances and running balances hold', async () => {
    await adminClient(servers[0]!.url).setup(PARTNERS);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const killed = servers.at(-1)!;
    let restarted: Promise<void> | undefined;
    let killedAt = -1;
    const admin = { Authorization: `Bearer ${CHILD_ADMIN_KEY}` };
    /** Sends to instance `i`; when that instance is gone, to the next one (as a load balancer would), waiting for a restart. */
    const send = async (i: number, path: string, options: Parameters<typeof httpRequest>[1] = {}): Promise<Answer | undefined> => {
      for (let tries = 0; tries < 6; tries++) {
        const alive = servers.filter((s) => s !== killed || killedAt < 0);
        const server = alive[(i + tries) % alive.length];
        if (server) {
          try {
            return await httpRequest(`${server.url}${path}`, { agent, ...options });
          } catch {
            // connection refused or reset: that instance is down; nothing was acknowledged
          }
        }
        await (restarted ?? new Promise((r) => setTimeout(r, 100)));
      }
      return undefined;
    };

    const sold = new Map<string, number>(); // orderId → amount, acknowledged
    const refunded = new Set<string>(); // refundId, acknowledged
    const paid = new Set<number>(); // payment id, acknowledged
    const clicked = new Set<string>(); // click key, acknowledged
    const jobs: (() => Promise<void>)[] = [];
    for (let n = 0; n < SALES; n++) {
      const orderId = `MI-${n}`;
      const body = { orderId, amount: 1_000 + n, currency: 'USD', partnerCode: PARTNERS[n % PARTNERS.length] };
      jobs.push(async () => {
        // every fourth sale arrives twice at once, at two instances: recorded once, answered alike
        const copies = n % 4 === 0 ? [n, n + 1] : [n];
        const answers = await Promise.all(copies.map((i) => send(i, '/api/v1/track/sales', { method: 'POST', headers: admin, body })));
        const ok = answers.filter((a): a is Answer => Boolean(a) && (a!.status === 201 || a!.status === 200));
        for (const a of answers) if (a) assert.ok(a.status === 201 || a.status === 200, `${orderId}: ${a.status} ${a.text}`);
        if (ok.length) {
          sold.set(orderId, body.amount);
          if (copies.length === 2 && ok.length === 2) assert.deepEqual(ok[0]!.json.id, ok[1]!.json.id, 'both copies answer the same sale');
          if (n % 5 === 0) {
            const refundId = `MI-R-${n}`;
            const answer = await send(n, '/api/v1/track/refunds', { method: 'POST', headers: admin, body: { orderId, amount: 300, refundId } });
            if (answer) {
              assert.ok(answer.status === 201 || answer.status === 200, `${refundId}: ${answer.status} ${answer.text}`);
              refunded.add(refundId);
            }
          }
        }
      });
    }
    for (let n = 0; n < REDIRECTS; n++) {
      jobs.push(async () => {
        const answer = await send(n, `/r/${PARTNERS[n % PARTNERS.length]}/shop`);
        if (!answer) return;
        assert.equal(answer.status, 302, answer.text);
        clicked.add(new URL(String(answer.headers.location)).searchParams.get('pc_click')!);
      });
    }
    for (let n = 0; n < PAYMENTS; n++) {
      jobs.push(async () => {
        const body = { partnerCode: PARTNERS[n % PARTNERS.length], amount: 500, method: 'paypal', reference: `MI-P-${n}`, force: true };
        const answer = await send(n, '/api/v1/admin/payments', { method: 'POST', headers: admin, body });
        if (!answer) return;
        assert.equal(answer.status, 201, answer.text);
        paid.add(answer.json.id);
      });
    }
    // interleave the kinds, then run them CONCURRENCY at a time; SIGKILL one instance half-way
    const order = jobs.map((job, i) => ({ job, key: (i * 7919) % jobs.length })).sort((a, b) => a.key - b.key).map((j) => j.job);
    let next = 0;
    const worker = async () => {
      while (next < order.length) {
        const i = next++;
        if (i === Math.floor(order.length / 2) && killedAt < 0) {
          killedAt = i;
          killed.child.kill('SIGKILL');
          // SQLite: the one instance comes back on the same file
          if (!onPostgres) restarted = killed.exited.then(async () => void servers.push(await spawnServer(location.args[1]!)));
        }
        await order[i]!();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    assert.ok(killedAt > 0);
    assert.equal((await killed.exited).signal, 'SIGKILL');
    await restarted;

    // every acknowledged write, exactly once
    const sales = await all<{ order_id: string; amount: number; n: number }>(db, sql`SELECT order_id, amount, count(*) AS n FROM sales WHERE order_id LIKE 'MI-%' GROUP BY order_id, amount`);
    const stored = new Map(sales.map((s) => [s.order_id, s]));
    for (const [orderId, amount] of sold) {
      assert.equal(stored.get(orderId)?.n, 1, `sale ${orderId} stored once`);
      assert.equal(stored.get(orderId)?.amount, amount);
    }
    const refunds = await all<{ external_id: string; n: number }>(db, sql`SELECT external_id, count(*) AS n FROM refunds GROUP BY external_id`);
    const refundCount = new Map(refunds.map((r) => [r.external_id, r.n]));
    for (const id of refunded) assert.equal(refundCount.get(id), 1, `refund ${id} stored once`);
    const payments = new Set((await all<{ id: number }>(db, sql`SELECT id FROM payments`)).map((p) => p.id));
    for (const id of paid) assert.ok(payments.has(id), `payment ${id} stored`);
    const clicks = new Set((await all<{ click_key: string }>(db, sql`SELECT click_key FROM clicks`)).map((c) => c.click_key));
    const lost = [...clicked].filter((key) => !clicks.has(key));
    assert.deepEqual(lost, [], 'no acknowledged click is lost');
    assert.ok(sold.size > SALES / 2 && clicked.size > REDIRECTS / 2 && paid.size > 0 && refunded.size > 0, 'the load ran');

    // every balance is the sum of its ledger, and each running balance follows the one before
    for (const code of PARTNERS) {
      const rows = await all<{ amount: number; balance: number }>(
        db,
        sql`SELECT l.amount, l.balance FROM ledger_entries l JOIN partners p ON p.id = l.partner_id WHERE p.code = ${code} ORDER BY l.at, l.id`,
      );
      let running = 0;
      for (const [i, row] of rows.entries()) {
        running += row.amount;
        assert.equal(row.balance, running, `${code}: entry ${i + 1} of ${rows.length} carries the running balance`);
      }
      const [stored] = await all<{ balance: number }>(db, sql`SELECT b.balance FROM partner_balances b JOIN partners p ON p.id = b.partner_id WHERE p.code = ${code}`);
      assert.equal(stored?.balance, running, `${code}: the stored balance is the sum of the ledger`);
    }
  });
});
