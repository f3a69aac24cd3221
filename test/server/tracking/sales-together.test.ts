import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';
import { sql } from '../../helpers/sql.js';
import { withoutMail } from '../../../server/mail/outbox.js';
import { recordSale } from '../../../server/tracking/sales.js';

/**
 * Sales that arrive at the same moment (on SQLite they are written together in one transaction;
 * when one is refused, the batch is written again with a savepoint per sale): each is answered
 * as if it had come alone, in arrival order, and a refused one changes nothing and takes none of
 * the others with it.
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
    const texts = answers.map((a) => a.text).join('\n');
    // on SQLite the batch is decided in arrival order; on PostgreSQL the requests run side by
    // side, and of two that race for one order id either may be first
    if (s.db.dialect === 'sqlite') assert.deepEqual(answers.map((a) => a.status), [201, 201, 409, 422, 200, 201], texts);
    const [t1, t2, t1Other, t3, t2Again, t4] = answers;
    const [t1First, t1Refused] = t1.status === 201 ? [t1, t1Other] : [t1Other, t1];
    const [t2First, t2Repeat] = t2.status === 201 ? [t2, t2Again] : [t2Again, t2];
    assert.deepEqual([t1First.status, t2First.status, t4.status, t2Repeat.status], [201, 201, 201, 200], texts);
    assertError(t1Refused, 409, 'order_conflict', 'orderId');
    assertError(t3, 422, 'currency_mismatch', 'currency');
    const t1Commission = t1First.json.amount / 10;
    assert.deepEqual(
      [t1First, t2First, t4].map((a) => [a.json.orderId, a.json.commissions.map((c: { amount: number }) => c.amount)]),
      [
        ['T-1', [t1Commission]],
        ['T-2', [2_000]],
        ['T-4', [4_000]],
      ],
    );
    assert.deepEqual(t2Repeat.json, t2First.json, 'the repeat is answered with the first answer');
    assert.deepEqual(
      { sales: await s.count('sales'), commissions: await s.count('commissions'), ledger: await s.count('ledger_entries') },
      { sales: before.sales + 3, commissions: before.commissions + 3, ledger: before.ledger + 3 },
    );
    const ledger = await s.ledgerOf('together');
    assert.equal(ledger.sum, t1Commission + 6_000);
    assert.equal(ledger.balance, ledger.sum, 'the running balance follows every sale of the batch');
  });

  it('a sale that fails half-way leaves nothing behind, and the sales around it stand', async () => {
    // a commission of 66.66 fails as the database writes it: after its sale row is written
    if (s.db.dialect === 'sqlite') {
      await sql`CREATE TRIGGER fail_6666 BEFORE INSERT ON commissions WHEN NEW.amount = 6666 BEGIN SELECT RAISE(ABORT, 'the disk said no'); END`.execute(s.db.kysely);
    } else {
      await sql`CREATE FUNCTION fail_6666() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the disk said no'; END $$ LANGUAGE plpgsql`.execute(s.db.kysely);
      await sql`CREATE TRIGGER fail_6666 BEFORE INSERT ON commissions FOR EACH ROW WHEN (NEW.amount = 6666) EXECUTE FUNCTION fail_6666()`.execute(s.db.kysely);
    }
    const before = { sales: await s.count('sales'), commissions: await s.count('commissions'), ledger: await s.count('ledger_entries'), outbox: await s.count('outbox') };
    const balance = (await s.ledgerOf('together')).balance;
    const sale = (orderId: string, amount: number) => ({ orderId, amount, clickId, customer: { email: `${orderId}@example.com` } });
    const answers = await Promise.all([s.sale(sale('H-1', 10_000)), s.sale(sale('H-2', 66_660)), s.sale(sale('H-3', 30_000))]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 500, 201],
      answers.map((a) => a.text).join('\n'),
    );
    assert.deepEqual(
      { sales: await s.count('sales'), commissions: await s.count('commissions'), ledger: await s.count('ledger_entries'), outbox: await s.count('outbox') },
      { sales: before.sales + 2, commissions: before.commissions + 2, ledger: before.ledger + 2, outbox: before.outbox + 2 },
      'the failed sale wrote no sale, commission, ledger row or email',
    );
    assert.equal((await s.sale(sale('H-2', 66_660))).status, 500, 'the failed order was not recorded: sent again, it is tried again');
    assert.equal((await s.ledgerOf('together')).balance, balance + 4_000);
  });

  it('each sale of a batch keeps its caller\'s choice of mail', async () => {
    const before = await s.count('outbox');
    const sale = (orderId: string) => ({ orderId, amount: 10_000, currency: 'USD', clickId, customer: { email: `${orderId}@example.com` } });
    // a history import queues no mail; a sale arriving at the same moment still does
    const [quiet, loud, quietToo] = await Promise.all([
      withoutMail(() => recordSale(s.deps, sale('M-1'))),
      recordSale(s.deps, sale('M-2')),
      withoutMail(() => recordSale(s.deps, sale('M-3'))),
    ]);
    assert.deepEqual([quiet.created, loud.created, quietToo.created], [true, true, true]);
    assert.equal(await s.count('outbox'), before + 1, 'one email: the commission of M-2');
  });
});
