import type { Kysely } from 'kysely';
import type { Database, LedgerEntryType } from '../../db/schema.js';
import { heldCommissions, moneyNow, periodMoney } from '../money-terms.js';
import type { Deps } from '../../deps.js';
import { getSettings } from '../../catalog/settings.js';
import { csvNumber, csvText, csvTime } from '../../shared/csv.js';
import { toDecimal } from '../../shared/money.js';
import { pageWhere, takePage, type Cursor, type Range } from './range.js';
import type { Balance, LedgerEntry, LedgerPage, LedgerSummary } from './schemas.js';

/**
 * My Ledger: the partner's money, read from the append-only `ledger_entries`. Each entry's
 * `amount` is its signed effect on the balance and `balance` the running balance after it, so
 * a beginning balance is one index seek and a page is one index range walked backwards. The
 * answers' shapes: LedgerPageSchema and BalanceSchema (schemas.ts).
 */

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

export async function ledgerSummary(deps: Deps, partnerId: number, range: Pick<Range, 'from' | 'until'>): Promise<LedgerSummary> {
  const { currency } = await getSettings(deps);
  return periodMoney(deps.db.kysely, partnerId, range, currency);
}

const entryView = (row: { id: number; at: number; type: LedgerEntryType; description: string; amount: number; balance: number }): LedgerEntry => ({
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
        csvNumber(toDecimal(r.amount, currency)),
        csvNumber(toDecimal(r.balance, currency)),
        currency,
        String(r.id),
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}

export async function balanceView(deps: Deps, partnerId: number): Promise<Balance> {
  const db = deps.db.kysely;
  const settings = await getSettings(deps);
  const now = deps.clock();
  const money = await moneyNow(db, partnerId, { currency: settings.currency, now });
  const next = (await heldCommissions(db, partnerId, now)).reduce<number | null>((min, c) => (min === null || c.payable_at < min ? c.payable_at : min), null);
  return {
    ...money,
    nextPayableAt: next === null ? null : new Date(next).toISOString(),
    minimumPayout: settings.minimumPayout,
    payoutReady: money.payableNow > 0 && money.payableNow >= settings.minimumPayout,
  };
}
