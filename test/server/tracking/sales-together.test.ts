import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';

/**
 * Sales that arrive at the same moment (on SQLite they are written together, one transaction
 * with a savepoint per sale): each is answered as if it had come alone, in arrival order, and a
 * refused one changes nothing and takes none of the others with it.
 */
describe('sales that arrive together', () => {
  let s: EngineServer;
  let clickId: string;
  before(async () => {
    s = await engineServer();
    const program = await s.program({ saleCommission: { type: 'percent', value: 1000 } });
    await s.partner('together', { programIds: [program.id] });
    await s.link();
    clickId = (await s.click('together')).clickId!;
  });
  after(() => s?.close());

  it('each gets its own answer; a refused one is refused alone', async () => {
    const before = { sales: await s.count('sales'), commissions: await s.count('commissions'), ledger: await s.count('ledger_entries') };
    const sale = (orderId: string, amount: number, extra: Record<string, unknown> = {}) => ({ orderId, amount, clickId, customer: { email: `${orderId}@example.com` }, ...extra });
    const answers = await Promise.all([
      s.sale(sale('T-1', 10_000)),
      s.sale(sale('T-2', 20_000)),
      // the same order again with other details: refused, the first stands
      s.sale(sale('T-1', 99_900)),
      // another currency: refused
      s.sale(sale('T-3', 5_000, { currency: 'EUR' })),
      // the same request again: answered as the first, nothing written twice
      s.sale(sale('T-2', 20_000)),
      s.sale(sale('T-4', 40_000)),
    ]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 409, 422, 200, 201],
      answers.map((a) => a.text).join('\n'),
    );
    assertError(answers[2]!, 409, 'order_conflict', 'orderId');
    assertError(answers[3]!, 422, 'currency_mismatch', 'currency');
    assert.deepEqual(
      [answers[0], answers[1], answers[5]].map((a) => [a!.json.orderId, a!.json.commissions.map((c: { amount: number }) => c.amount)]),
      [
        ['T-1', [1_000]],
        ['T-2', [2_000]],
        ['T-4', [4_000]],
      ],
    );
    assert.deepEqual(answers[4]!.json, answers[1]!.json, 'the repeat is answered with the first answer');
    assert.deepEqual(
      { sales: await s.count('sales'), commissions: await s.count('commissions'), ledger: await s.count('ledger_entries') },
      { sales: before.sales + 3, commissions: before.commissions + 3, ledger: before.ledger + 3 },
    );
    const ledger = await s.ledgerOf('together');
    assert.equal(ledger.sum, 7_000);
    assert.equal(ledger.balance, 7_000, 'the running balance follows every sale of the batch');
  });
});
