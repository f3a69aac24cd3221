import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../helpers/cli.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { all, sql } from '../../helpers/sql.js';

let dir: string;
let db: string;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partner-center-import-'));
  location = await testDatabaseLocation(dir);
  db = location.args[1]!;
});
after(async () => {
  await location.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(db, ...args);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const conn = await location.open();
  try {
    return await all<T>(conn, query);
  } finally {
    await conn.close();
  }
}

function importFile(name: string, lines: (object | string)[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const DAY = 86_400_000;
const march = '2025-03-01T12:00:00.000Z';

describe('partner-center sale import: a backfill of past sales', () => {
  test('records each sale at its time, with commissions and ledger entries; a second run changes nothing', async () => {
    assert.equal((await cli('program', 'add', '--name', 'Affiliates', '--sale-percent', '10', '--hold', '30')).code, 0);
    assert.equal((await cli('partner', 'add', '--code', 'alice', '--name', 'Alice', '--email', 'alice@example.com', '--password', 'alice-password', '--program', '1')).code, 0);
    const file = importFile('sales.jsonl', [
      { orderId: 'OLD-1', amount: 10000, currency: 'USD', partnerCode: 'alice', recordedAt: march, items: [{ productId: 'pro', amount: 8000, quantity: 1 }, { productId: 'tee', amount: 2000, quantity: 2 }] },
      '',
      { orderId: 'OLD-2', amount: 5000, currency: 'USD', recordedAt: march },
      { orderId: 'OLD-3', amount: 2550, currency: 'USD', partnerCode: 'alice' },
    ]);

    const first = await cli('sale', 'import', file);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^Imported 3 new sales in [\d.]+ s \(\d+\/s\); 0 already recorded, 0 refused$/);

    const sales = await rows<{ order_id: string; at: number; partner_id: number | null }>(sql`SELECT order_id, at, partner_id FROM sales ORDER BY order_id`);
    assert.deepEqual(
      sales.slice(0, 2).map((s) => [s.order_id, new Date(s.at).toISOString(), s.partner_id]),
      [
        ['OLD-1', march, 1],
        ['OLD-2', march, null],
      ],
    );
    assert.ok(Date.now() - sales[2]!.at < 60_000, 'no recordedAt: recorded now');
    const commissions = await rows<{ amount: number; payable_at: number; created_at: number }>(sql`SELECT amount, payable_at, created_at FROM commissions ORDER BY id`);
    assert.deepEqual(
      commissions.map((c) => c.amount),
      [1000, 255],
    );
    assert.equal(commissions[0]!.payable_at, Date.parse(march) + 30 * DAY, 'the hold runs from the sale’s time');
    const ledger = await rows<{ amount: number; balance: number }>(sql`SELECT amount, balance FROM ledger_entries ORDER BY at, id`);
    assert.deepEqual(ledger, [
      { amount: 1000, balance: 1000 },
      { amount: 255, balance: 1255 },
    ]);
    assert.deepEqual(await rows(sql`SELECT id FROM outbox`), [], 'past sales queue no email');

    const again = await cli('sale', 'import', file);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /^Imported 0 new sales .*; 3 already recorded, 0 refused$/);
    assert.equal((await rows(sql`SELECT id FROM commissions`)).length, 2);
  });

  test('a refused line names its number and why; the other lines are recorded; exit 1', async () => {
    const file = importFile('mixed.jsonl', [
      { orderId: 'NEW-1', amount: 1000, currency: 'USD', partnerCode: 'alice' },
      '{not json',
      { orderId: 'OLD-1', amount: 99, currency: 'USD' },
      { orderId: 'NEW-2', amount: -5, currency: 'USD' },
      { orderId: 'NEW-3', amount: 1000, currency: 'USD', recordedAt: 'yesterday' },
      { orderId: 'NEW-4', amount: 1000, currency: 'USD', recordedAt: new Date(Date.now() + DAY).toISOString() },
      { orderId: 'NEW-5', amount: 1000, currency: 'EUR' },
      { orderId: 'NEW-6', amount: 1200, currency: 'USD', partnerCode: 'alice' },
    ]);
    const result = await cli('sale', 'import', file);
    assert.equal(result.code, 1);
    assert.match(result.out, /^Imported 2 new sales .*; 0 already recorded, 6 refused$/);
    const refused = result.err.split('\n');
    assert.deepEqual(
      refused.map((l) => l.split(':')[0]),
      ['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7'],
    );
    assert.match(refused[0]!, /not JSON/);
    assert.match(refused[1]!, /Order OLD-1 was already recorded with different details/);
    assert.match(refused[2]!, /amount/);
    assert.match(refused[3]!, /recordedAt: must be an ISO 8601 time/);
    assert.match(refused[4]!, /recordedAt: must not be in the future/);
    assert.match(refused[5]!, /recorded in USD/);
    const orders = await rows<{ order_id: string }>(sql`SELECT order_id FROM sales WHERE order_id LIKE 'NEW-%' ORDER BY order_id`);
    assert.deepEqual(
      orders.map((o) => o.order_id),
      ['NEW-1', 'NEW-6'],
    );
  });

  test('a file that is not there is one line, exit 2', async () => {
    const result = await cli('sale', 'import', join(dir, 'missing.jsonl'));
    assert.equal(result.code, 2);
    assert.match(result.err, /no such file: .*missing\.jsonl/);
  });
});
