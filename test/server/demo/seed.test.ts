import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawBuilder } from 'kysely';
import { DEMO_CREDENTIALS, seedDemo } from '../../../server/demo/seed.js';
import { engineServer } from '../../helpers/engine.js';
import { all, one, sql } from '../../helpers/sql.js';

test('the demo seed tells six months of a believable program through the engine', async () => {
  const s = await engineServer();
  try {
    assert.equal(await seedDemo(s.deps), true);
    assert.equal(await seedDemo(s.deps), false, 'a second run changes nothing');
    assert.equal(await s.count('outbox'), 0, 'the made-up history mails nobody');
    const q = <T>(query: RawBuilder<unknown>) => all<T>(s.db, query);
    const first = async <T>(query: RawBuilder<unknown>) => (await one<T>(s.db, query))!;

    // the demo partner signs in and sits between a parent and a child
    await s.login(DEMO_CREDENTIALS.code, DEMO_CREDENTIALS.password);
    const demo = await s.admin('GET', '/api/v1/admin/partners/demo');
    assert.equal(demo.json.parentCode, 'morgan');
    assert.equal((await first<{ code: string }>(sql`SELECT c.code FROM partners c JOIN partners p ON p.id = c.parent_id WHERE p.code = 'demo'`)).code, 'riley');
    assert.ok((await s.admin('GET', '/api/v1/admin/programs')).json.programs.length >= 3);

    // every kind of money on the demo ledger, and the balance is its sum
    const ledger = await s.ledgerOf('demo');
    assert.deepEqual([...new Set(ledger.rows.map((r) => r.type))].sort(), ['adjustment', 'clawback', 'commission', 'payment']);
    assert.equal(ledger.balance, ledger.sum);
    assert.equal(demo.json.balance.balance, ledger.sum);
    assert.ok(demo.json.balance.pending > 0 && demo.json.balance.payableNow > 0, JSON.stringify(demo.json.balance));
    assert.ok(ledger.rows.some((r) => r.description.startsWith('Second-tier commission') && r.description.includes('via riley')));
    const statuses = (await q<{ status: string }>(sql`SELECT DISTINCT c.status FROM commissions c JOIN partners p ON p.id = c.partner_id WHERE p.code = 'demo'`)).map((r) => r.status);
    for (const status of ['pending', 'approved', 'paid']) assert.ok(statuses.includes(status), `demo has ${status} commissions`);

    // spread over about six months, with clicks, leads, sales with items and a partial refund
    const span = await first<{ first: number; last: number }>(sql`SELECT min(at) AS first, max(at) AS last FROM clicks`);
    assert.ok(span.last - span.first > 170 * 86_400_000);
    assert.ok((await s.count('clicks')) > 300);
    assert.ok((await s.count('leads')) > 10);
    assert.ok((await s.count('sale_items')) > (await s.count('sales')) / 2);
    assert.ok((await q(sql`SELECT id FROM sales WHERE status = 'partially_refunded'`)).length >= 1);
    assert.ok((await q(sql`SELECT id FROM sales WHERE subscription_id IS NOT NULL`)).length >= 2);
    for (const code of ['demo', 'morgan', 'riley']) assert.equal((await s.ledgerOf(code)).balance, (await s.ledgerOf(code)).sum, code);
  } finally {
    await s.close();
  }
});
