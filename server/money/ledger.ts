import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { lockPartner } from '../db/dialect.js';
import type { LedgerEntryRow, LedgerEntryType } from '../db/schema.js';
import type { LedgerEntry } from './schemas.js';
import type { Executor } from '../db/executor.js';
import { asRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import { getSettings } from '../catalog/settings.js';
import { onePage } from '../db/paging.js';
import { afterKey, type Key } from '../shared/keyset.js';

/**
 * The partner's money: one append-only row per change. `amount` is the signed effect on the
 * balance (commission +, clawback −, payment −, adjustment ±) and `balance` the running
 * balance after the row, written in the same transaction as the row (and copied to the
 * partner's `partner_balances` row, which whole-program reads sum). Rows are never updated
 * or deleted; a mistake is undone by a new row whose `reverses_id` names the old one.
 */
export interface NewLedgerEntry {
  partnerId: number;
  type: LedgerEntryType;
  amount: number;
  currency: string;
  description: string;
  commissionId?: number | null;
  paymentId?: number | null;
  reversesId?: number | null;
}

// LIMIT 1 written out: SQLite reads the last index entry in a quarter of the time it takes with
// a bound LIMIT ? (3 against 14 µs with 20,000 entries)
const latest = prepare((db, p: { partnerId: number }) =>
  db.selectFrom('ledger_entries').select(['id', 'at', 'balance']).where('partner_id', '=', p.partnerId).orderBy('at', 'desc').orderBy('id', 'desc').limit(sql.lit(1)),
);
const keepBalance = prepare((db, p: { partnerId: number; balance: number; at: number }) =>
  db
    .insertInto('partner_balances')
    .values({ partner_id: p.partnerId, balance: p.balance, at: p.at })
    .onConflict((oc) => oc.column('partner_id').doUpdateSet({ balance: p.balance, at: p.at })),
);
const insertEntry = prepare((db, p: Omit<LedgerEntryRow, 'id'>) =>
  db
    .insertInto('ledger_entries')
    .values({
      partner_id: p.partner_id,
      at: p.at,
      type: p.type,
      amount: p.amount,
      balance: p.balance,
      currency: p.currency,
      description: p.description,
      commission_id: p.commission_id,
      payment_id: p.payment_id,
      reverses_id: p.reverses_id,
    })
    .returningAll(),
);

/** The partner's latest entry (the one with the current balance), by the (partner, at, id) index. */
export async function latestEntry(db: Runner | Executor, partnerId: number): Promise<Pick<LedgerEntryRow, 'id' | 'at' | 'balance'> | undefined> {
  const run = asRunner(db);
  return run.first(latest(run.db, { partnerId }));
}

/**
 * Appends one entry. Call inside the transaction that makes the change. The entry's time is
 * `now`, never before the partner's previous entry, so the (at, id) order is the order of the
 * running balance even if the clock steps back.
 */
export async function appendLedgerEntry(trx: Runner | Executor, now: number, entry: NewLedgerEntry): Promise<LedgerEntryRow> {
  if (!Number.isSafeInteger(entry.amount)) throw new RangeError(`ledger amount must be an integer, got ${entry.amount}`);
  const run = asRunner(trx);
  // several instances on one PostgreSQL: one entry per partner at a time, each on the last one's balance
  await lockPartner(run.db, entry.partnerId);
  const last = await latestEntry(run, entry.partnerId);
  const at = Math.max(now, last?.at ?? now);
  const balance = (last?.balance ?? 0) + entry.amount;
  await run.all(keepBalance(run.db, { partnerId: entry.partnerId, balance, at }));
  return run.one(
    insertEntry(run.db, {
      partner_id: entry.partnerId,
      at,
      type: entry.type,
      amount: entry.amount,
      balance,
      currency: entry.currency,
      description: entry.description,
      commission_id: entry.commissionId ?? null,
      payment_id: entry.paymentId ?? null,
      reverses_id: entry.reversesId ?? null,
    }),
  );
}

export const ledgerEntryView = (row: LedgerEntryRow): LedgerEntry => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  type: row.type,
  amount: row.amount,
  balance: row.balance,
  currency: row.currency,
  description: row.description,
  commissionId: row.commission_id,
  paymentId: row.payment_id,
  reversesId: row.reverses_id,
});

/** A partner's entries, newest first (the admin API's view; partners read theirs in reports). */
export async function listLedger(deps: Deps, partnerId: number, options: { limit?: number; offset?: number; after?: Key } = {}): Promise<LedgerEntry[]> {
  const rows = await deps.db.kysely
    .selectFrom('ledger_entries')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .$if(!!options.after, (q) => q.where((eb) => afterKey(eb, ['at', 'id'], options.after!, 'desc')))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .$call(onePage(options))
    .execute();
  return rows.map(ledgerEntryView);
}

/** The currency every amount is in: the settings' currency. */
export const ledgerCurrency = async (deps: Deps) => (await getSettings(deps)).currency;
