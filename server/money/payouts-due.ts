import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { approveDueCommissions } from './approvals.js';
import { getSettings } from '../catalog/settings.js';
import { cents, parseInput } from '../shared/validation.js';
import { keysetPage, type Key, type KeyShape, type Page, type PageRequest } from '../shared/keyset.js';
import { maskPayoutDetails } from './payout-details.js';
import type { PayoutDue } from './schemas.js';

/**
 * Who is due a payout: active partners whose payable now — their latest running balance (one
 * `partner_balances` row each) less their commissions still on hold — is above zero and at
 * least the minimum. One query over the partners' balance rows, whatever the ledger's size; the
 * dashboard's "partners due a payout" counts the same rows.
 */

/** A payout with the partner's payout details in full (for the payout CSV, never for lists). */
export interface PayoutDueInFull extends PayoutDue {
  payoutDetails: string | null;
}

/** Each partner due: their payable now (`amount`), balance and held, largest first then by code. */
function dueRows(db: Executor, now: number, minimum: number) {
  const held = db
    .selectFrom('commissions')
    .select(['partner_id', sql<number>`sum(amount - clawed_back)`.as('held')])
    .where('status', '=', 'pending')
    .where('payable_at', '>', now)
    .groupBy('partner_id');
  const payable = db
    .selectFrom('partner_balances as b')
    .innerJoin('partners as p', 'p.id', 'b.partner_id')
    .leftJoin(held.as('h'), 'h.partner_id', 'b.partner_id')
    .select([
      'p.code',
      'p.name',
      'p.email',
      'p.payout_method',
      'p.payout_details',
      'b.balance',
      sql<number>`coalesce(h.held, 0)`.as('held'),
      sql<number>`b.balance - coalesce(h.held, 0)`.as('amount'),
    ])
    .where('p.status', '=', 'active')
    // payable now is never more than the balance: partners below the minimum drop out here
    .where('b.balance', '>', 0)
    .where('b.balance', '>=', minimum);
  return db.selectFrom(payable.as('d')).where('d.amount', '>', 0).where('d.amount', '>=', minimum);
}

/** Every partner due, in no order (what the plan test reads). */
export const payoutsDueQuery = (db: Executor, now: number, minimum: number) => dueRows(db, now, minimum).selectAll('d');

/** How many partners are due and how much in all. */
export async function payoutsDueTotal(db: Executor, now: number, minimum: number): Promise<{ count: number; amount: number }> {
  const row = await dueRows(db, now, minimum)
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(d.amount), 0)`.as('amount')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), amount: Number(row.amount) };
}

const PAYOUT_KEY: KeyShape = ['number', 'string'];

/**
 * The partners due at `minimum` cents (default settings.minimumPayout), largest payable first:
 * every one (the payout file, the unpaged list) or one page of them after a cursor. Approves
 * the commissions past their hold first, so "payable now" is what the sweep would make it.
 */
export async function payoutsDue(deps: Deps, minimum?: number, page?: PageRequest): Promise<Page<PayoutDueInFull>> {
  const settings = await getSettings(deps);
  const min = parseInput(cents('min'), minimum ?? settings.minimumPayout);
  await approveDueCommissions(deps);
  const db = deps.db.kysely;
  const now = deps.clock();
  const read = async (after: Key | undefined, limit: number | undefined) => {
    let q = payoutsDueQuery(db, now, min);
    if (after) {
      const [amount, code] = after as [number, string];
      q = q.where((eb) => eb.or([eb('d.amount', '<', amount), eb.and([eb('d.amount', '=', amount), eb('d.code', '>', code)])]));
    }
    const rows = await q.orderBy('d.amount', 'desc').orderBy('d.code').$if(limit !== undefined, (q) => q.limit(limit!)).execute();
    return rows.map(
      (p): PayoutDueInFull => ({
        partnerCode: p.code,
        name: p.name,
        email: p.email,
        amount: Number(p.amount),
        balance: { balance: Number(p.balance), pending: Number(p.held), payableNow: Number(p.amount), currency: settings.currency },
        payoutMethod: p.payout_method ?? null,
        payoutDetailsMasked: maskPayoutDetails(p.payout_details ?? null),
        payoutDetails: p.payout_details ?? null,
      }),
    );
  };
  if (!page || (page.limit === undefined && page.cursor === undefined)) return { rows: await read(undefined, undefined), nextCursor: null };
  return keysetPage(`payouts:${min}`, PAYOUT_KEY, { ...page, offset: undefined }, (after, limit) => read(after, limit), (p) => [p.amount, p.partnerCode]);
}
