import type { LedgerEntryType } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { pageWhere, type Range } from './reports/range.js';
import type { LedgerSummary } from './reports/schemas.js';

/**
 * The money words, defined once (PRODUCT.md, "Money words"). Every API answer, CSV and element
 * that shows one of these figures reads it from here, under this name:
 *
 *   earned      commissions recorded in the period, before clawbacks (the ledger's commission rows)
 *   clawedBack  what refunds and reversals took back in the period (clawback rows, as a positive sum)
 *   paid        payments in the period, net of reversed payments (payment rows, as a positive sum)
 *   pending     now: commissions still inside their hold (not approved, `payable_at` still to come),
 *               net of their clawbacks
 *   payableNow  now: balance − pending; what a payment may pay today (negative when refunds after
 *               a payment took back more than was left)
 *   balance     now: the sum of the partner's ledger (= payableNow + pending); for "all time" it is
 *               the ledger's ending balance
 *
 * The period figures come from the ledger rows dated in the period; the "now" figures do not
 * depend on any period.
 */

/** The figures of today, whatever the period. */
export interface MoneyNow {
  balance: number;
  pending: number;
  payableNow: number;
  currency: string;
}

// ── the queries (each an index range read; test/server/money/reports/plan.test.ts checks their plans) ──

/** The running balance of the last entry before `before`. */
export function balanceBeforeQuery(db: Executor, partnerId: number, before: number) {
  return db
    .selectFrom('ledger_entries')
    .select('balance')
    .where('partner_id', '=', partnerId)
    .where('at', '<', before)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1);
}

/** The latest running balance. */
export function currentBalanceQuery(db: Executor, partnerId: number) {
  return db.selectFrom('ledger_entries').select('balance').where('partner_id', '=', partnerId).orderBy('at', 'desc').orderBy('id', 'desc').limit(1);
}

/** The sum of each entry type within the range. */
export function ledgerFlowsQuery(db: Executor, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('ledger_entries')
    .select((eb) => ['type', eb.fn.sum<number | string>('amount').as('total')])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('type');
}

/**
 * The partner's pending commissions (few: only those inside their hold), by the (partner,
 * status) index. Which of them are still on hold is decided against the clock in code, so
 * nothing depends on the approval sweep having run.
 */
export function pendingQuery(db: Executor, partnerId: number) {
  return db.selectFrom('commissions').select(['partner_id', 'amount', 'clawed_back', 'payable_at']).where('partner_id', '=', partnerId).where('status', '=', 'pending');
}

// ── the figures ─────────────────────────────────────────────────────────────────────────────

/**
 * The figures of one period, read from the ledger rows dated in it: the beginning balance (every
 * earlier entry), earned, clawedBack, paid, the signed adjustments and the ending balance (the
 * answer's shape: LedgerSummarySchema in reports/schemas.ts).
 */
export async function periodMoney(db: Executor, partnerId: number, range: Pick<Range, 'from' | 'until'>, currency: string): Promise<LedgerSummary> {
  const before = range.from === null ? undefined : await balanceBeforeQuery(db, partnerId, range.from).executeTakeFirst();
  const flows = await ledgerFlowsQuery(db, partnerId, range).execute();
  const total = (type: LedgerEntryType) => Number(flows.find((f) => f.type === type)?.total ?? 0);
  const beginningBalance = before?.balance ?? 0;
  const earned = total('commission');
  const clawedBack = -total('clawback');
  const paid = -total('payment');
  const adjustments = total('adjustment');
  return { beginningBalance, earned, clawedBack, paid, adjustments, endingBalance: beginningBalance + earned - clawedBack - paid + adjustments, currency };
}

/** The commissions of one partner still on hold at `now`. */
export async function heldCommissions(db: Executor, partnerId: number, now: number) {
  return (await pendingQuery(db, partnerId).execute()).filter((c) => c.payable_at > now);
}

const nowOf = (balance: number, pending: number, currency: string): MoneyNow => ({ balance, pending, payableNow: balance - pending, currency });

/** Balance, pending and payable now of one partner. */
export async function moneyNow(db: Executor, partnerId: number, options: { currency: string; now: number }): Promise<MoneyNow> {
  const current = await currentBalanceQuery(db, partnerId).executeTakeFirst();
  const pending = (await heldCommissions(db, partnerId, options.now)).reduce((sum, c) => sum + c.amount - c.clawed_back, 0);
  return nowOf(current?.balance ?? 0, pending, options.currency);
}

/** Balance, pending and payable now of many partners (admin lists, payouts due): one indexed look-up per partner. */
export async function moneyNowOf(db: Executor, partnerIds: number[], options: { currency: string; now: number }): Promise<Map<number, MoneyNow>> {
  const result = new Map<number, MoneyNow>();
  for (const id of new Set(partnerIds)) result.set(id, await moneyNow(db, id, options));
  return result;
}
