import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { approveCommission, approveDueCommissions, settlePaid } from '../../../server/money/approvals.js';
import { reverseCommission } from '../../../server/money/commissions.js';
import { DomainError } from '../../../server/shared/errors.js';
import { moneyNow } from '../../../server/money/money-terms.js';
import { recordLead } from '../../../server/tracking/leads.js';
import { prorate } from '../../../server/shared/money.js';
import { recordAdjustment, recordPayment, reverseLedgerEntry } from '../../../server/money/payments.js';
import { createProgram } from '../../../server/catalog/programs.js';
import { recordSale } from '../../../server/tracking/sales.js';
import { recordRefund } from '../../../server/tracking/refunds.js';
import { getSettings } from '../../../server/catalog/settings.js';
import { DAY, engineServer } from '../../helpers/engine.js';
import { all, one, sql } from '../../helpers/sql.js';

const CODES = ['ann', 'ben', 'cat'] as const;

const event = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    partner: fc.nat(CODES.length - 1),
    amount: fc.integer({ min: 0, max: 500_000 }),
    split: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    reuse: fc.option(fc.nat(20), { nil: undefined }),
    subscription: fc.option(fc.nat(2), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('refund' as const), sale: fc.nat(20), percent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('payment' as const), partner: fc.nat(CODES.length - 1), amount: fc.integer({ min: 1, max: 100_000 }), force: fc.boolean() }),
  fc.record({ kind: fc.constant('adjustment' as const), partner: fc.nat(CODES.length - 1), amount: fc.integer({ min: -20_000, max: 20_000 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant('approve' as const), commission: fc.nat(30) }),
  fc.record({ kind: fc.constant('reverseCommission' as const), commission: fc.nat(30) }),
  fc.record({ kind: fc.constant('reverseEntry' as const), entry: fc.nat(60) }),
  fc.record({ kind: fc.constant('lead' as const), partner: fc.nat(CODES.length - 1), email: fc.nat(5) }),
);

test('after any sequence of sales, refunds, payments, adjustments, approvals and reversals, every balance is the sum of its ledger, and every approved or paid status the one the payments give', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 30 }), async (events) => {
      const s = await engineServer();
      try {
        const { deps } = s;
        const p1 = await createProgram(deps, { name: 'Percent', priority: 1, saleCommission: { type: 'percent', value: 1250 }, holdDays: 5, secondTier: { type: 'percent', value: 333 }, leadCommission: 150 });
        const p2 = await createProgram(deps, {
          name: 'Flat',
          priority: 2,
          saleCommission: { type: 'flat', value: 777 },
          holdDays: 0,
          secondTier: { type: 'flat', value: 101 },
          recurring: { mode: 'first_n', payments: 2 },
          productRates: [{ productId: 'x', type: 'percent', value: 2000 }],
        });
        // partners straight into the table: password hashing is not what this test is about
        const ids: number[] = [];
        for (const [i, code] of CODES.entries()) {
          const parent = i ? ids[i - 1]! : null;
          const row = await one<{ id: number }>(
            s.db,
            sql`INSERT INTO partners (code, name, email, status, password_hash, parent_id, created_at, updated_at) VALUES (${code}, ${code}, ${`${code}@example.com`}, 'active', 'x', ${parent}, 0, 0) RETURNING id`,
          );
          ids.push(Number(row!.id));
        }
        const enroll = (partnerId: number, programId: number) =>
          s.db.kysely.insertInto('enrollments').values({ partner_id: partnerId, program_id: programId, created_at: 0 }).execute();
        await enroll(ids[0]!, p1.id);
        await enroll(ids[0]!, p2.id);
        await enroll(ids[1]!, p1.id);
        await enroll(ids[2]!, p2.id);

        const orders: string[] = [];
        const expectDomain = async (work: () => Promise<unknown>) => {
          try {
            await work();
          } catch (err) {
            if (!(err instanceof DomainError)) throw err; // refusals are fine; crashes are not
          }
        };
        const commissionIds = async () => (await all<{ id: number }>(s.db, sql`SELECT id FROM commissions ORDER BY id`)).map((r) => r.id);
        const entryIds = async () => (await all<{ id: number }>(s.db, sql`SELECT id FROM ledger_entries ORDER BY id`)).map((r) => r.id);
        let n = 0;
        // approvals settle only what they must (settleApproved): after each event the statuses are
        // those a full settlement of every partner's ledger gives — settling again changes none
        const statuses = () => all<{ id: number; status: string }>(s.db, sql`SELECT id, status FROM commissions ORDER BY id`);
        const settledAlready = async (after: string) => {
          const before = await statuses();
          await s.db.kysely.transaction().execute(async (trx) => {
            for (const id of ids) await settlePaid(trx, id);
          });
          assert.deepEqual(await statuses(), before, `after ${after}, the statuses are the ones the payments give`);
        };

        for (const e of events) {
          switch (e.kind) {
            case 'sale': {
              const orderId = e.reuse !== undefined && orders.length ? orders[e.reuse % orders.length]! : `o-${++n}`;
              const x = e.split === undefined ? undefined : Math.floor((e.amount * e.split) / 100);
              await expectDomain(() =>
                recordSale(deps, {
                  orderId,
                  amount: e.amount,
                  currency: 'USD',
                  partnerCode: CODES[e.partner],
                  ...(x !== undefined && { items: [{ productId: 'x', amount: x, quantity: 1 }, { productId: 'y', amount: e.amount - x, quantity: 2 }] }),
                  ...(e.subscription !== undefined && { subscriptionId: `sub-${e.subscription}` }),
                }),
              );
              if (!orders.includes(orderId)) orders.push(orderId);
              break;
            }
            case 'refund':
              if (orders.length) {
                const orderId = orders[e.sale % orders.length]!;
                const sale = await one<{ amount: number; refunded_amount: number }>(s.db, sql`SELECT amount, refunded_amount FROM sales WHERE order_id = ${orderId}`);
                const left = sale ? sale.amount - sale.refunded_amount : 0;
                const amount = e.percent === undefined ? undefined : Math.max(1, Math.floor((left * e.percent) / 100));
                await expectDomain(() => recordRefund(deps, { orderId, ...(amount !== undefined && { amount }) }));
              }
              break;
            case 'payment':
              await expectDomain(() => recordPayment(deps, { partnerCode: CODES[e.partner]!, amount: e.amount, force: e.force }));
              break;
            case 'adjustment':
              await expectDomain(() => recordAdjustment(deps, { partnerCode: CODES[e.partner]!, amount: e.amount, note: 'property' }));
              break;
            case 'advance':
              s.advance(e.days * DAY);
              await approveDueCommissions(deps);
              break;
            case 'approve': {
              const list = await commissionIds();
              if (list.length) await expectDomain(() => approveCommission(deps, list[e.commission % list.length]!));
              break;
            }
            case 'reverseCommission': {
              const list = await commissionIds();
              const settings = await getSettings(deps);
              if (list.length) await expectDomain(() => reverseCommission(deps, list[e.commission % list.length]!, 'property', settings));
              break;
            }
            case 'reverseEntry': {
              const list = await entryIds();
              if (list.length) await expectDomain(() => reverseLedgerEntry(deps, list[e.entry % list.length]!, 'property'));
              break;
            }
            case 'lead':
              await expectDomain(() => recordLead(deps, { email: `lead${e.email}@example.com`, partnerCode: CODES[e.partner] }));
              break;
          }
          await settledAlready(e.kind);
        }

        for (const [i, id] of ids.entries()) {
          const rows = await all<{ amount: number; balance: number; type: string }>(s.db, sql`SELECT * FROM ledger_entries WHERE partner_id = ${id} ORDER BY at, id`);
          let running = 0;
          for (const row of rows) {
            running += row.amount;
            assert.equal(row.balance, running, `${CODES[i]}: each running balance is the previous one plus the amount`);
          }
          const balance = await moneyNow(s.db.kysely, id, { currency: 'USD', now: s.now });
          assert.equal(balance.balance, running, `${CODES[i]}: the balance is the sum of the ledger`);
          const pending = (await one<{ p: number }>(s.db, sql`SELECT coalesce(sum(amount - clawed_back), 0) AS p FROM commissions WHERE partner_id = ${id} AND status = 'pending' AND payable_at > ${s.now}`))!;
          assert.equal(balance.pending, pending.p);
          assert.equal(balance.payableNow, running - pending.p);
          const kept = await one<{ balance: number }>(s.db, sql`SELECT balance FROM partner_balances WHERE partner_id = ${id}`);
          assert.equal(kept?.balance ?? 0, running, `${CODES[i]}: the partner's balance row is the ledger's last balance`);
        }
        const commissions = await all<any>(s.db, sql`SELECT c.*, s.amount AS sale_amount, s.refunded_amount FROM commissions c LEFT JOIN sales s ON s.id = c.sale_id ORDER BY c.id`);
        for (const c of commissions) {
          assert.ok(c.clawed_back >= 0 && c.clawed_back <= c.amount, 'never more clawed back than earned');
          assert.equal(c.status === 'clawed_back', c.clawed_back === c.amount, 'clawed_back status exactly when nothing is left');
          const net = (await one<{ n: number }>(s.db, sql`SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries WHERE commission_id = ${c.id}`))!;
          assert.equal(net.n, c.amount - c.clawed_back, 'the ledger holds exactly what is left of each commission');
          if (c.kind === 'sale' && c.status !== 'clawed_back' && c.sale_amount > 0) {
            assert.equal(c.clawed_back, prorate(c.amount, c.refunded_amount, c.sale_amount), 'clawbacks follow refunds in proportion');
          }
        }
        const sales = await all<{ amount: number; refunded_amount: number }>(s.db, sql`SELECT amount, refunded_amount FROM sales ORDER BY id`);
        for (const sale of sales) assert.ok(sale.refunded_amount <= sale.amount);
      } finally {
        await s.close();
      }
    }),
    { numRuns: 60 },
  );
});
