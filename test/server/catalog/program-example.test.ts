import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';
import { one, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

const program = {
  name: 'Pro',
  saleCommission: { type: 'percent', value: 1000 },
  secondTier: { type: 'percent', value: 200 },
  leadCommission: 500,
  holdDays: 14,
  productRates: [
    { productId: 'pro-plan', type: 'flat', value: 3000 },
    { productId: 'gift-card', type: 'percent', value: 0 },
  ],
};

/** What recordSale really credits the child and the parent for the same program. */
async function credited(body: Record<string, unknown>, sale: Record<string, unknown>) {
  const created = await s.program(body);
  await s.partner('mom', { programIds: [created.id] });
  await s.partner('kid', { programIds: [created.id], parentCode: 'mom' });
  const res = await s.sale({ orderId: 'REAL-1', partnerCode: 'kid', ...sale });
  assert.equal(res.status, 201, res.text);
  const lead = await s.admin('POST', '/api/v1/track/leads', { email: 'lead@shop.example', partnerCode: 'kid' });
  assert.equal(lead.status, 201, lead.text);
  const sum = async (code: string) =>
    (await one<{ n: number }>(s.db, sql`SELECT coalesce(sum(c.amount), 0) AS n FROM commissions c JOIN partners p ON p.id = c.partner_id WHERE p.code = ${code} AND c.kind = ${'sale'}`))!.n;
  const leadPaid = (await one<{ n: number }>(s.db, sql`SELECT coalesce(sum(amount), 0) AS n FROM commissions WHERE kind = 'lead'`))!.n;
  return { partner: await sum('kid'), parent: await sum('mom'), lead: leadPaid };
}

const example = (body: Record<string, unknown>) => s.admin('POST', '/api/v1/admin/programs/example', body);

describe('POST /api/v1/admin/programs/example', () => {
  test('a $199.00 sale pays $19.90; the parent gets $3.98 — as recordSale credits it', async () => {
    const res = await example({ program, saleAmount: 19_900 });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      { partner: res.json.sale.partner, parent: res.json.sale.parent, lead: res.json.lead, holdDays: res.json.holdDays, currency: res.json.currency },
      { partner: 1990, parent: 398, lead: 500, holdDays: 14, currency: 'USD' },
    );
    assert.deepEqual(
      res.json.sale.commissions.map((c: any) => [c.tier, c.amount, c.baseAmount, c.rateType, c.rateValue]),
      [
        ['direct', 1990, 19_900, 'percent', 1000],
        ['second', 398, 19_900, 'percent', 200],
      ],
    );
    assert.deepEqual(await credited(program, { amount: 19_900 }), { partner: 1990, parent: 398, lead: 500 });
    assert.equal(await s.count('programs'), 1, 'the example saved nothing');
  });

  test('product rates per line, as the engine applies them', async () => {
    const items = [
      { productId: 'pro-plan', amount: 20_000, quantity: 2 },
      { productId: 'gift-card', amount: 5000 },
      { productId: 'mug', amount: 1999 },
    ];
    const res = await example({ program, saleAmount: 26_999, items });
    assert.equal(res.status, 200, res.text);
    // 2 × $30.00 flat + 10% of $19.99 ($2.00); the parent 2% of everything but the excluded gift card
    assert.deepEqual([res.json.sale.partner, res.json.sale.parent], [6000 + 200, 440]);
    assert.deepEqual(await credited(program, { amount: 26_999, items }), { partner: 6200, parent: 440, lead: 500 });
  });

  test('defaults and refusals', async () => {
    const plain = await example({ program: { name: 'Flat', saleCommission: { type: 'flat', value: 2500 } } });
    assert.equal(plain.status, 200, plain.text);
    assert.deepEqual([plain.json.saleAmount, plain.json.sale.partner, plain.json.sale.parent, plain.json.lead, plain.json.holdDays], [10_000, 2500, 0, 0, 30]);
    // a recurring rule: the 4th payment of a subscription a "first 3" program no longer pays
    const recurring = await example({ program: { ...program, recurring: { mode: 'first_n', payments: 3 } }, payment: 4 });
    assert.deepEqual([recurring.json.sale.partner, recurring.json.sale.parent], [0, 0]);
    assertError(await example({ program: { name: 'Bad', saleCommission: { type: 'percent', value: 20_000 } } }), 400, 'invalid_request', 'program.saleCommission.value');
    assertError(await example({ program, saleAmount: 100, items: [{ productId: 'mug', amount: 500 }] }), 400, 'invalid_request', 'items');
    assertError(await example({ saleAmount: 100 }), 400, 'invalid_request', 'program');
  });
});
