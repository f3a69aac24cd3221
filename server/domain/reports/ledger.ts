import type { Kysely } from 'kysely';
import type { Database, LedgerEntryType } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { getSettings } from '../settings.js';
import { csvNumber, csvText, csvTime, decimal } from './csv.js';
import { pageWhere, takePage, type Cursor, type Range } from './range.js';

/**
 * My Ledger: the partner's money, read from the append-only `ledger_entries`. Each entry's
 * `amount` is its signed effect on the balance and `balance` the running balance after it, so
 * a beginning balance is one index seek and a page is one index range walked backwards.
 */

export interface LedgerSummary {
  /** The balance before the range starts: everything earlier. */
  beginningBalance: number;
  /** Commissions earned in the range (a positive sum). */
  commissions: number;
  /** Clawbacks in the range (a positive sum, taken off). */
  clawbacks: number;
  /** Payments made in the range (a positive sum, taken off). */
  payments: number;
  /** Adjustments in the range, signed. */
  adjustments: number;
  /** beginning + commissions − clawbacks − payments + adjustments */
  endingBalance: number;
  currency: string;
}

export interface LedgerEntryView {
  id: number;
  /** ISO 8601 */
  date: string;
  type: LedgerEntryType;
  description: string;
  /** Signed effect on the balance, in minor units. */
  amount: number;
  /** Running balance after this entry. */
  balance: number;
}

export interface LedgerPage {
  summary: LedgerSummary;
  entries: LedgerEntryView[];
  nextCursor: string | null;
}

type Db = Kysely<Database>;

/** The entries of one page (or one export batch), newest first. */
export function ledgerEntriesQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>, cursor: Cursor | undefined, limit: number) {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'at', 'type', 'description', 'amount', 'balance'])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range, cursor))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

/** The running balance of the last entry before `before`. */
export function balanceBeforeQuery(db: Db, partnerId: number, before: number) {
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
export function currentBalanceQuery(db: Db, partnerId: number) {
  return db.selectFrom('ledger_entries').select('balance').where('partner_id', '=', partnerId).orderBy('at', 'desc').orderBy('id', 'desc').limit(1);
}

/** The sum of each entry type within the range. */
export function ledgerFlowsQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('ledger_entries')
    .select((eb) => ['type', eb.fn.sum<number | string>('amount').as('total')])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('type');
}

export async function ledgerSummary(deps: Deps, partnerId: number, range: Pick<Range, 'from' | 'until'>): Promise<LedgerSummary> {
  const db = deps.db.kysely;
  const { currency } = await getSettings(deps);
  const before = range.from === null ? undefined : await balanceBeforeQuery(db, partnerId, range.from).executeTakeFirst();
  const flows = await ledgerFlowsQuery(db, partnerId, range).execute();
  const total = (type: LedgerEntryType) => Number(flows.find((f) => f.type === type)?.total ?? 0);
  const beginningBalance = before?.balance ?? 0;
  const commissions = total('commission');
  const clawbacks = -total('clawback');
  const payments = -total('payment');
  const adjustments = total('adjustment');
  return {
    beginningBalance,
    commissions,
    clawbacks,
    payments,
    adjustments,
    endingBalance: beginningBalance + commissions - clawbacks - payments + adjustments,
    currency,
  };
}

const entryView = (row: { id: number; at: number; type: LedgerEntryType; description: string; amount: number; balance: number }): LedgerEntryView => ({
  id: row.id,
  date: new Date(row.at).toISOString(),
  type: row.type,
  description: row.description,
  amount: row.amount,
  balance: row.balance,
});

export async function ledgerPage(
  deps: Deps,
  partnerId: number,
  options: { range: Range; cursor?: Cursor | undefined; limit: number },
): Promise<LedgerPage> {
  const summary = await ledgerSummary(deps, partnerId, options.range);
  const rows = await ledgerEntriesQuery(deps.db.kysely, partnerId, options.range, options.cursor, options.limit + 1).execute();
  const page = takePage('ledger', rows, options.limit, (r) => r.at);
  return { summary, entries: page.rows.map(entryView), nextCursor: page.nextCursor };
}

export const LEDGER_CSV_HEADER = ['Date (UTC)', 'Type', 'Description', 'Amount', 'Balance', 'Currency', 'Entry ID'];

/** Every entry of the range as CSV lines, newest first, read in index-ordered batches. */
export async function* ledgerCsvLines(deps: Deps, partnerId: number, range: Range, batchSize = 1000): AsyncGenerator<string[][]> {
  const { currency } = await getSettings(deps);
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await ledgerEntriesQuery(deps.db.kysely, partnerId, range, cursor, batchSize).execute();
    if (rows.length) {
      yield rows.map((r) => [
        csvTime(r.at),
        r.type,
        csvText(r.description),
        csvNumber(decimal(r.amount, currency)),
        csvNumber(decimal(r.balance, currency)),
        currency,
        String(r.id),
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}

export interface BalanceView {
  currency: string;
  /** The balance now: every entry so far. */
  balance: number;
  /** The part of the balance that is payable now (the balance less what is still on hold), never below 0. */
  payableNow: number;
  /** Commissions still on hold (pending, not yet payable), net of clawbacks. */
  pending: number;
  /** When the next pending commission becomes payable (ISO 8601), or null. */
  nextPayableAt: string | null;
  /** The merchant's smallest payout. */
  minimumPayout: number;
  /** Whether what is payable now reaches the minimum payout. */
  payoutReady: boolean;
}

/**
 * The partner's pending commissions (few: only those inside their hold). Read through the
 * partner's index; which of them are still on hold is decided against the clock in code, so
 * the planner is never tempted to walk every partner's pending commissions by payable time.
 */
export function pendingQuery(db: Db, partnerId: number) {
  return db.selectFrom('commissions').select(['amount', 'clawed_back', 'payable_at']).where('partner_id', '=', partnerId).where('status', '=', 'pending');
}

export async function balanceView(deps: Deps, partnerId: number): Promise<BalanceView> {
  const db = deps.db.kysely;
  const settings = await getSettings(deps);
  const current = await currentBalanceQuery(db, partnerId).executeTakeFirst();
  const now = deps.clock();
  const held = (await pendingQuery(db, partnerId).execute()).filter((c) => c.payable_at > now);
  const balance = current?.balance ?? 0;
  const pending = held.reduce((sum, c) => sum + c.amount - c.clawed_back, 0);
  const next = held.reduce<number | null>((min, c) => (min === null || c.payable_at < min ? c.payable_at : min), null);
  const payableNow = Math.max(0, balance - pending);
  return {
    currency: settings.currency,
    balance,
    payableNow,
    pending,
    nextPayableAt: next === null ? null : new Date(next).toISOString(),
    minimumPayout: settings.minimumPayout,
    payoutReady: payableNow > 0 && payableNow >= settings.minimumPayout,
  };
}
