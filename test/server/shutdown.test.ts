import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { adminClient, httpRequest, spawnServer, type Answer } from '../helpers/child-server.js';
import { testDatabaseLocation } from '../helpers/database.js';
import { all, sql } from '../helpers/sql.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'partner-center-shutdown-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM: the server stops accepting, finishes what is in flight, then closes', () => {
  test('under load every request in flight is answered and every acknowledged sale and click is stored once', async () => {
    // the server's database: a SQLite file in dir, or a PostgreSQL database (PC_TEST_DB=postgres)
    const location = await testDatabaseLocation(mkdtempSync(join(dir, 'load-')));
    const server = await spawnServer(location.args[1]!);
    await adminClient(server.url).setup(['ann', 'ben']);

    // a stream of redirects on keep-alive connections, running through the signal
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const clicks: string[] = [];
    let streaming = true;
    const redirectLoop = async (code: string) => {
      while (streaming) {
        let res: Answer;
        try {
          res = await httpRequest(`${server.url}/r/${code}/shop`, { agent });
        } catch {
          return; // the server closed: nothing was acknowledged
        }
        assert.equal(res.status, 302, res.text);
        clicks.push(new URL(String(res.headers.location)).searchParams.get('pc_click')!);
      }
    };
    const redirects = Array.from({ length: 8 }, (_, i) => redirectLoop(i % 2 ? 'ann' : 'ben'));

    // sales whose bodies arrive in two halves 700 ms apart: certainly in flight when the signal comes
    const SALES = 40;
    let started = 0;
    let allStarted = () => {};
    const everySaleStarted = new Promise<void>((resolve) => (allStarted = resolve));
    const onFirstPart = () => ++started === SALES && allStarted();
    const sales = Array.from({ length: SALES }, (_, i) =>
      httpRequest(`${server.url}/api/v1/track/sales`, {
        method: 'POST',
        headers: { Authorization: `Bearer child-admin-key-0123456789abcdef` },
        body: { orderId: `SLOW-${i}`, amount: 10_000, currency: 'USD', partnerCode: i % 2 ? 'ann' : 'ben' },
        bodyParts: 2,
        gapMs: 700,
        onFirstPart,
      }),
    );
    await everySaleStarted;
    await wait(150);
    const clicksBeforeSignal = clicks.length;
    server.child.kill('SIGTERM');

    const answered = await Promise.allSettled(sales);
    streaming = false;
    await Promise.all(redirects);
    agent.destroy();
    const { code } = await server.exited;

    const failures = answered.filter((a) => a.status === 'rejected').map((a) => String((a as PromiseRejectedResult).reason));
    assert.deepEqual(failures, [], 'every sale in flight got an answer');
    for (const a of answered) assert.equal((a as PromiseFulfilledResult<Answer>).value.status, 201);
    assert.equal(code, 0, server.output());
    assert.ok(clicksBeforeSignal > 0, 'redirects were flowing when the signal came');

    const log = server.output();
    assert.match(log, /Shutting down \(SIGTERM\): no new connections; \d+ request\(s\) in flight/);
    assert.match(log, /Every request in flight answered/);
    assert.match(log, /Pending click batches committed/);
    assert.match(log, /Database closed/);
    assert.ok(log.indexOf('Every request in flight answered') < log.indexOf('Database closed'));

    const db = await location.open();
    try {
      const orders = await all<{ id: string; n: number }>(db, sql`SELECT order_id AS id, count(*) AS n FROM sales WHERE order_id LIKE 'SLOW-%' GROUP BY order_id`);
      assert.equal(orders.length, SALES);
      assert.ok(orders.every((o) => o.n === 1));
      const stored = new Map((await all<{ k: string; n: number }>(db, sql`SELECT click_key AS k, count(*) AS n FROM clicks GROUP BY click_key`)).map((r) => [r.k, r.n]));
      const missing = clicks.filter((k) => stored.get(k) !== 1);
      assert.deepEqual(missing, [], `every acknowledged click is stored once (${clicks.length} acknowledged)`);
    } finally {
      await db.close();
      await location.drop();
    }
  });

  test('a request still unfinished at the deadline is cut, said so in the log, and the server still exits cleanly', async () => {
    const location = await testDatabaseLocation(mkdtempSync(join(dir, 'deadline-')));
    const server = await spawnServer(location.args[1]!, ['--shutdown-timeout', '1']);
    let firstPart = () => {};
    const sent = new Promise<void>((r) => (firstPart = r));
    // the second half of this body would come long after the deadline
    const stuck = httpRequest(`${server.url}/api/v1/track/sales`, {
      method: 'POST',
      headers: { Authorization: `Bearer child-admin-key-0123456789abcdef` },
      body: { orderId: 'STUCK', amount: 100, currency: 'USD' },
      bodyParts: 2,
      gapMs: 30_000,
      onFirstPart: () => firstPart(),
    }).catch((err: Error) => err);
    await sent;
    await wait(100);
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    const elapsed = Date.now() - t0;
    assert.equal(code, 0, server.output());
    assert.ok(elapsed >= 900 && elapsed < 5_000, `exited after ${elapsed} ms`);
    assert.match(server.output(), /1 request\(s\) in flight, up to 1 s to finish/);
    assert.match(server.output(), /Deadline of 1 s passed: closing the connections of 1 unfinished request\(s\)/);
    assert.ok((await stuck) instanceof Error);
    await location.drop();
  });
});
