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

/**
 * Each partner due: id, balance, held and payable now (`amount`). Reads only narrow rows — the
 * partners' status index, their balance rows, the pending commissions on hold — so sorting tens
 * of thousands of partners due never touches their profiles; a page's profiles are read after.
 */
function dueRows(db: Executor, now: number, minimum: number) {
  const held = db
    .selectFrom('commissions')
    .select(['partner_id', sql<number>`sum(amount - clawed_back)`.as('held')])
    .where('status', '=', 'pending')
    .where('payable_at', '>', now)
    .groupBy('partner_id');
  const payable = db
    .selectFrom('partners as p')
    .innerJoin('partner_balances as b', 'b.partner_id', 'p.id')
    .leftJoin(held.as('h'), 'h.partner_id', 'p.id')
    .select(['p.id', 'b.balance', sql<number>`coalesce(h.held, 0)`.as('held'), sql<number>`b.balance - coalesce(h.held, 0)`.as('amount')])
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

const PAYOUT_KEY: KeyShape = ['number', 'number'];

/**
 * The partners due at `minimum` cents (default settings.minimumPayout), largest payable first
 * (ties: the partner who joined first):
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
      const [amount, id] = after as [number, number];
      q = q.where((eb) => eb.or([eb('d.amount', '<', amount), eb.and([eb('d.amount', '=', amount), eb('d.id', '>', id)])]));
    }
    const due = await q.orderBy('d.amount', 'desc').orderBy('d.id').$if(limit !== undefined, (q) => q.limit(limit!)).execute();
    // the profiles of this page only, a few hundred at a time
    const profiles = new Map<number, { code: string; name: string; email: string; payout_method: PayoutDue['payoutMethod'] | null; payout_details: string | null }>();
    for (let i = 0; i < due.length; i += 500) {
      const ids = due.slice(i, i + 500).map((d) => d.id);
      for (const p of await db.selectFrom('partners').select(['id', 'code', 'name', 'email', 'payout_method', 'payout_details']).where('id', 'in', ids).execute()) profiles.set(p.id, p);
    }
    return due.map((d): PayoutDueInFull & { id: number } => {
      const p = profiles.get(d.id)!;
      const amount = Number(d.amount);
      return {
        id: d.id,
        partnerCode: p.code,
        name: p.name,
        email: p.email,
        amount,
        balance: { balance: Number(d.balance), pending: Number(d.held), payableNow: amount, currency: settings.currency },
        payoutMethod: p.payout_method ?? null,
        payoutDetailsMasked: maskPayoutDetails(p.payout_details ?? null),
        payoutDetails: p.payout_details ?? null,
      };
    });
  };
  const strip = (rows: (PayoutDueInFull & { id: number })[]): PayoutDueInFull[] => rows.map(({ id: _id, ...row }) => row);
  if (!page || (page.limit === undefined && page.cursor === undefined)) return { rows: strip(await read(undefined, undefined)), nextCursor: null };
  const one = await keysetPage(`payouts:${min}`, PAYOUT_KEY, { ...page, offset: undefined }, (after, limit) => read(after, limit), (p) => [p.amount, p.id]);
  return { rows: strip(one.rows), nextCursor: one.nextCursor };
}
