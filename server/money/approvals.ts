import { sql } from 'kysely';
import { lockPartner, transaction } from '../db/dialect.js';
import type { Deps } from '../deps.js';
import type { CommissionStatus } from '../db/schema.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { Executor } from '../db/executor.js';
import { prepare } from '../db/prepared.js';
import { asRunner, type Runner } from '../db/runner.js';
import { audit } from '../merchants/audit.js';
import { emitCommissionEvents } from '../webhooks/events.js';

/**
 * Commissions start `pending`, become `approved` (payable) when their hold days are over or the
 * merchant approves them, and `paid` once payments cover them. Approval changes only the
 * commission's status: its money has been on the ledger since it was recorded.
 */

/**
 * Approves every pending commission whose hold has ended (of one partner, or all). The server
 * runs it every minute and before reads that show payable money. Returns how many changed.
 */
export async function approveDueCommissions(deps: Deps, options: { partnerId?: number } = {}): Promise<number> {
  const now = deps.clock();
  const db = deps.db.kysely;
  let dueQuery = db.selectFrom('commissions').select('partner_id').distinct().where('status', '=', 'pending').where('payable_at', '<=', now);
  if (options.partnerId !== undefined) dueQuery = dueQuery.where('partner_id', '=', options.partnerId);
  const partners = (await dueQuery.execute()).map((r) => r.partner_id);
  if (!partners.length) return 0;
  return transaction(db, async (trx) => {
    // several instances sweeping at once: each partner's settling runs in one of them at a time
    // (locked in id order, so two sweeps never wait on each other crosswise)
    for (const partnerId of [...partners].sort((a, b) => a - b)) await lockPartner(trx, partnerId);
    const approved = await trx
      .updateTable('commissions')
      // approved as of the moment the hold ended, even when the sweep runs later
      .set((eb) => ({ status: 'approved' as const, approved_at: eb.ref('payable_at') }))
      .where('status', '=', 'pending')
      .where('payable_at', '<=', now)
      .where('partner_id', 'in', partners)
      .returning(['id', 'partner_id', 'payable_at'])
      .execute();
    // per partner, the first in the queue of those approved now: the earliest hold's end, then the least id
    const firstOf = new Map<number, { at: number; id: number }>();
    for (const row of approved) {
      const first = firstOf.get(row.partner_id);
      if (!first || row.payable_at < first.at || (row.payable_at === first.at && row.id < first.id)) firstOf.set(row.partner_id, { at: row.payable_at, id: row.id });
    }
    for (const [partnerId, first] of firstOf) await settleApproved(trx, partnerId, first);
    await emitCommissionEvents(deps, trx, 'commission.approved', approved.map((r) => r.id));
    return approved.length;
  });
}

/** Approves one commission now (before its hold ends). Approving an approved one changes nothing. */
export async function approveCommission(deps: Deps, id: number): Promise<{ id: number; status: CommissionStatus; changed: boolean }> {
  const db = deps.db.kysely;
  const row = await db.selectFrom('commissions').select(['id', 'status', 'partner_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Commission ${id}`, 'commission_not_found');
  if (row.status === 'approved' || row.status === 'paid') return { id, status: row.status, changed: false };
  if (row.status === 'clawed_back') {
    throw new DomainError('conflict', 'commission_clawed_back', `Commission ${id} was clawed back in full and cannot be approved`);
  }
  const now = deps.clock();
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('commissions').set({ status: 'approved', approved_at: now }).where('id', '=', id).where('status', '=', 'pending').execute();
    await settleApproved(trx, row.partner_id, { at: now, id });
    await emitCommissionEvents(deps, trx, 'commission.approved', [id]);
    const after = await trx.selectFrom('commissions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    await audit(deps, { action: 'commission.approve', target: { type: 'commission', id }, before: { status: row.status }, after: { status: after.status } }, trx);
    return { id, status: after.status, changed: true };
  });
}

/**
 * Marks the partner's approved commissions `paid`, oldest approval first, as far as their
 * payments cover them; the rest stay `approved`. Recomputed from the ledger each time, so it
 * stays right after refunds, forced payments, adjustments and reversals:
 *   budget = payments − reversed payments + deductions (negative adjustments)
 * and the queue, in time order, is approved/paid commissions (net of clawbacks) and bonuses
 * (positive adjustments). Call inside the transaction that changed the money.
 */
export async function settlePaid(trx: Executor, partnerId: number): Promise<void> {
  const paid = await trx
    .selectFrom('ledger_entries')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
    .where('partner_id', '=', partnerId)
    .where('type', '=', 'payment')
    .executeTakeFirstOrThrow();
  const adjustments = await trx
    .selectFrom('ledger_entries')
    .select(['at', 'amount'])
    .where('partner_id', '=', partnerId)
    .where('type', '=', 'adjustment')
    .execute();
  const bonuses = adjustments.filter((a) => a.amount > 0);
  let budget = -Number(paid.total) - adjustments.filter((a) => a.amount < 0).reduce((t, a) => t + a.amount, 0);

  const commissions = await trx
    .selectFrom('commissions')
    .select(['id', 'status', 'amount', 'clawed_back', 'approved_at'])
    .where('partner_id', '=', partnerId)
    .where('status', 'in', ['approved', 'paid'])
    .execute();

  type Item = { at: number; order: number; amount: number; commission?: { id: number; status: CommissionStatus } };
  const queue: Item[] = [
    ...commissions.map((c) => ({ at: c.approved_at ?? 0, order: c.id, amount: c.amount - c.clawed_back, commission: { id: c.id, status: c.status } })),
    ...bonuses.map((b) => ({ at: b.at, order: 0, amount: b.amount })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);

  const toPaid: number[] = [];
  const toApproved: number[] = [];
  let covering = true;
  for (const item of queue) {
    if (covering && item.amount <= budget) budget -= item.amount;
    else covering = false;
    if (!item.commission) continue;
    const status = covering ? 'paid' : 'approved';
    if (item.commission.status !== status) (covering ? toPaid : toApproved).push(item.commission.id);
  }
  if (toPaid.length) await trx.updateTable('commissions').set({ status: 'paid' }).where('id', 'in', toPaid).execute();
  if (toApproved.length) await trx.updateTable('commissions').set({ status: 'approved' }).where('id', 'in', toApproved).execute();
}

/** An approved commission of the partner earlier in settlePaid's queue than (at, id): one its payments do not cover. */
const uncoveredBefore = prepare((db, p: { partnerId: number; at: number; id: number }) =>
  db
    .selectFrom('commissions')
    .select('id')
    .where('partner_id', '=', p.partnerId)
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb(eb.fn.coalesce('approved_at', sql.lit(0)), '<', p.at), eb.and([eb('approved_at', '=', p.at), eb('id', '<', p.id)])]))
    .limit(1),
);

/**
 * settlePaid after commissions of one partner were approved, the first of them (in the queue's
 * order: approval time, then id) at `first`. The statuses stood settled before, so an approved
 * commission earlier in the queue is one the payments did not cover, and the queue stops
 * covering there: the newly approved ones behind it stay approved and nothing else changes —
 * found with one indexed read instead of reading every approved and paid commission of the
 * partner. That is the usual case for a program without hold days, whose every sale is
 * approved at once: settling it cost a read of the partner's whole history, a sale's time
 * growing with it. Otherwise (everything before is paid, or nothing is) settlePaid decides.
 */
export async function settleApproved(trx: Runner | Executor, partnerId: number, first: { at: number; id: number }): Promise<void> {
  const run = asRunner(trx);
  if (await run.first(uncoveredBefore(run.db, { partnerId, at: first.at, id: first.id }))) return;
  await settlePaid(run.db, partnerId);
}

export type SkipReason = 'not_found' | 'already_approved' | 'already_paid' | 'clawed_back';

const SKIP_MESSAGES: Record<SkipReason, (id: number) => string> = {
  not_found: (id) => `Commission ${id} does not exist`,
  already_approved: (id) => `Commission ${id} is approved already`,
  already_paid: (id) => `Commission ${id} is paid already`,
  clawed_back: (id) => `Commission ${id} was clawed back in full and cannot be approved`,
};

/**
 * Approves many pending commissions now, in one transaction: each id is approved or skipped
 * with the reason (unknown, approved or paid already, clawed back). Ids are taken once each,
 * in the order given.
 */
export async function approveCommissions(
  deps: Deps,
  ids: number[],
): Promise<{ approved: number[]; skipped: { id: number; reason: SkipReason; message: string }[] }> {
  const unique = [...new Set(ids)];
  const now = deps.clock();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const rows = unique.length ? await trx.selectFrom('commissions').select(['id', 'status', 'partner_id']).where('id', 'in', unique).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const approved: number[] = [];
    const skipped: { id: number; reason: SkipReason; message: string }[] = [];
    for (const id of unique) {
      const row = byId.get(id);
      const reason: SkipReason | null = !row
        ? 'not_found'
        : row.status === 'approved'
          ? 'already_approved'
          : row.status === 'paid'
            ? 'already_paid'
            : row.status === 'clawed_back'
              ? 'clawed_back'
              : null;
      if (reason) skipped.push({ id, reason, message: SKIP_MESSAGES[reason](id) });
      else approved.push(id);
    }
    if (approved.length) {
      await trx.updateTable('commissions').set({ status: 'approved', approved_at: now }).where('id', 'in', approved).where('status', '=', 'pending').execute();
      // per partner, the first of its commissions approved now (ids in order: the least)
      const firstOf = new Map<number, number>();
      for (const id of approved) {
        const partnerId = byId.get(id)!.partner_id;
        firstOf.set(partnerId, Math.min(id, firstOf.get(partnerId) ?? id));
      }
      for (const [partnerId, id] of firstOf) await settleApproved(trx, partnerId, { at: now, id });
      await emitCommissionEvents(deps, trx, 'commission.approved', approved);
      for (const id of approved) {
        const after = await trx.selectFrom('commissions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        await audit(deps, { action: 'commission.approve', target: { type: 'commission', id }, before: { status: 'pending' }, after: { status: after.status } }, trx);
      }
    }
    return { approved, skipped };
  });
}
