import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { adminClient, CHILD_ADMIN_KEY, httpRequest, spawnServer, type ChildServer } from '../../helpers/child-server.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { all, one, sql } from '../../helpers/sql.js';

type Location = Awaited<ReturnType<typeof testDatabaseLocation>>;

/**
 * The server in a child process over one SQLite file, killed (SIGKILL) or stopped (SIGTERM)
 * while sales, refunds and redirects stream in, several times over. Whatever it acknowledged
 * must be in the database exactly once after each restart, and every partner's balance must
 * equal the sum of their ledger.
 */
const CYCLES: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGKILL', 'SIGTERM'];
const PARTNERS = ['dura1', 'dura2', 'dura3'];
const dir = mkdtempSync(join(tmpdir(), 'partner-center-durability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Acknowledged {
  /** order id → the body sent and the first answer */
  sales: Map<string, { body: unknown; answer: unknown }>;
  refunds: Set<string>;
  clicks: Set<string>;
}

const auth = { Authorization: `Bearer ${CHILD_ADMIN_KEY}` };

/** Sends sales, refunds and redirects from `workers` loops until the server stops answering. */
async function stream(server: ChildServer, cycle: number, acked: Acknowledged) {
  const agent = new Agent({ keepAlive: true, maxSockets: 12 });
  let stopped = false;
  let n = 0;
  const worker = async (w: number) => {
    while (!stopped) {
      const i = n++;
      const partner = PARTNERS[i % PARTNERS.length]!;
      try {
        if (i % 3 === 0) {
          const res = await httpRequest(`${server.url}/r/${partner}/shop`, { agent });
          assert.equal(res.status, 302, res.text);
          acked.clicks.add(new URL(String(res.headers.location)).searchParams.get('pc_click')!);
        } else if (i % 7 === 0 && acked.sales.size) {
          // a partial refund of an acknowledged sale, once per refund id
          const orders = [...acked.sales.keys()];
          const orderId = orders[i % orders.length]!;
          const refundId = `R-${orderId}`;
          const res = await httpRequest(`${server.url}/api/v1/track/refunds`, { method: 'POST', agent, headers: auth, body: { orderId, amount: 100, refundId } });
          if (res.status === 201 || res.status === 200) acked.refunds.add(refundId);
          else assert.ok([409, 422].includes(res.status), res.text);
        } else {
          const orderId = `C${cycle}-W${w}-${i}`;
          const body = { orderId, amount: 1_000 + (i % 50) * 10, currency: 'USD', partnerCode: partner };
          const res = await httpRequest(`${server.url}/api/v1/track/sales`, { method: 'POST', agent, headers: auth, body });
          assert.equal(res.status, 201, res.text);
          acked.sales.set(orderId, { body, answer: res.json });
        }
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        return; // the server is gone: nothing unacknowledged counts
      }
    }
  };
  const workers = Array.from({ length: 12 }, (_, w) => worker(w));
  return {
    sent: () => n,
    async stop() {
      stopped = true;
      await Promise.all(workers);
      agent.destroy();
    },
  };
}

async function check(location: Location, acked: Acknowledged) {
  const db = await location.open();
  try {
    const count = async (query: ReturnType<typeof sql>) => new Map((await all<{ id: string; n: number }>(db, query)).map((r) => [r.id, r.n]));
    const sales = await count(sql`SELECT order_id AS id, count(*) AS n FROM sales GROUP BY order_id`);
    for (const orderId of acked.sales.keys()) assert.equal(sales.get(orderId), 1, `sale ${orderId} was acknowledged: stored once`);
    const refunds = await count(sql`SELECT external_id AS id, count(*) AS n FROM refunds WHERE external_id IS NOT NULL GROUP BY external_id`);
    for (const refundId of acked.refunds) assert.equal(refunds.get(refundId), 1, `refund ${refundId} was acknowledged: stored once`);
    const clicks = await count(sql`SELECT click_key AS id, count(*) AS n FROM clicks GROUP BY click_key`);
    for (const clickId of acked.clicks) assert.equal(clicks.get(clickId), 1, `click ${clickId} was acknowledged: stored once`);
    const partners = await all<{ id: number; code: string }>(db, sql`SELECT id, code FROM partners ORDER BY id`);
    for (const p of partners) {
      const rows = await all<{ amount: number; balance: number }>(db, sql`SELECT amount, balance FROM ledger_entries WHERE partner_id = ${p.id} ORDER BY at, id`);
      let running = 0;
      for (const row of rows) {
        running += row.amount;
        assert.equal(row.balance, running, `${p.code}: every running balance equals the ledger up to it`);
      }
    }
    return (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM ledger_entries`))!;
  } finally {
    await db.close();
  }
}

test(`${CYCLES.join(', ')} under a stream of sales, refunds and redirects: every acknowledged write is stored exactly once, every balance equals its ledger`, async (t) => {
  // one SQLite file in dir, or one PostgreSQL database (PC_TEST_DB=postgres), through every cycle
  const location = await testDatabaseLocation(dir);
  t.after(() => location.drop());
  const dbPath = location.args[1]!;
  const acked: Acknowledged = { sales: new Map(), refunds: new Set(), clicks: new Set() };
  for (const [cycle, signal] of CYCLES.entries()) {
    const server = await spawnServer(dbPath);
    if (cycle === 0) await adminClient(server.url).setup(PARTNERS);
    // what was acknowledged before the last stop is answered the same again, never recorded twice
    for (const [orderId, { body, answer }] of [...acked.sales].slice(-5)) {
      const again = await httpRequest(`${server.url}/api/v1/track/sales`, { method: 'POST', headers: auth, body });
      assert.equal(again.status, 200, `${orderId} replayed after a restart: ${again.text}`);
      assert.deepEqual(again.json, answer);
    }
    const load = await stream(server, cycle, acked);
    // stop it mid-stream once this cycle has acknowledged a good number of writes of every kind
    const [sales, clicks] = [acked.sales.size, acked.clicks.size];
    for (let waited = 0; waited < 20_000 && (acked.sales.size - sales < 15 || acked.clicks.size - clicks < 6); waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const sentBefore = load.sent();
    server.child.kill(signal);
    await load.stop();
    const exit = await server.exited;
    if (signal === 'SIGTERM') assert.equal(exit.code, 0, server.output());
    else assert.equal(exit.signal, 'SIGKILL');
    assert.ok(sentBefore > 10, `cycle ${cycle}: the stream was flowing (${sentBefore} requests) when ${signal} came`);
    await check(location, acked);
  }
  assert.ok(acked.sales.size > 20 && acked.clicks.size > 10 && acked.refunds.size > 0, JSON.stringify({ sales: acked.sales.size, clicks: acked.clicks.size, refunds: acked.refunds.size }));
});
