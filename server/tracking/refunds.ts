import type { Deps } from '../deps.js';
import { transaction } from '../db/dialect.js';
import { settlePaid } from '../money/approvals.js';
import { appendLedgerEntry } from '../money/ledger.js';
import { getSettings } from '../catalog/settings.js';
import { DomainError } from '../shared/errors.js';
import { formatMoney, prorate } from '../shared/money.js';
import { externalId, parseInput, positiveCents, text } from '../shared/validation.js';
import type { RefundResult } from './schemas.js';
import { z } from 'zod';
import { emitCommissionEvents } from '../webhooks/events.js';

// ── input ───────────────────────────────────────────────────────────────────────────────────

export const refundSchema = z
  .object({
    orderId: externalId(128),
    /** cents; omitted: whatever is left of the sale (a cancel) */
    amount: positiveCents('amount').optional(),
    reason: text(500).optional(),
    /** the merchant's refund id: the same id again answers the same and records nothing */
    refundId: externalId(128).optional(),
  })
  .strict();
export type RefundInput = z.input<typeof refundSchema>;

// ── refunds ─────────────────────────────────────────────────────────────────────────────────

/**
 * Records a full or partial refund (no amount: whatever is left — a cancel) and claws back
 * every commission of the sale in proportion: after refunds totalling R of a sale of S, a
 * commission C has had round_half_up(C × R / S) taken back, so the last refund takes back
 * exactly what is left. Clawbacks apply to paid commissions too (the balance may go below
 * zero). With a `refundId`, the same refund again answers the same and records nothing.
 */
export async function recordRefund(deps: Deps, input: RefundInput): Promise<{ created: boolean; result: RefundResult }> {
  const data = parseInput(refundSchema, input);
  const db = deps.db.kysely;
  const replay = async (externalId: string) => {
    const earlier = await db
      .selectFrom('refunds')
      .innerJoin('sales', 'sales.id', 'refunds.sale_id')
      .select(['refunds.amount', 'refunds.response', 'sales.order_id'])
      .where('refunds.external_id', '=', externalId)
      .executeTakeFirst();
    if (!earlier) return undefined;
    if (earlier.order_id !== data.orderId || (data.amount !== undefined && data.amount !== earlier.amount) || !earlier.response) {
      throw new DomainError('conflict', 'refund_conflict', `Refund ${externalId} was already recorded with different details`, 'refundId');
    }
    return { created: false, result: JSON.parse(earlier.response) as RefundResult };
  };
  if (data.refundId) {
    const again = await replay(data.refundId);
    if (again) return again;
  }
  const sale = await db.selectFrom('sales').selectAll().where('order_id', '=', data.orderId).executeTakeFirst();
  if (!sale) throw new DomainError('not_found', 'order_not_found', `No sale with order id ${data.orderId} was recorded`, 'orderId');
  const settings = await getSettings(deps);
  const money = (c: number) => formatMoney(c, settings.currency);
  const now = deps.clock();

  const outcome = await transaction(db, async (trx) => {
    const fresh = await trx.selectFrom('sales').selectAll().where('id', '=', sale.id).executeTakeFirstOrThrow();
    const left = fresh.amount - fresh.refunded_amount;
    if (left <= 0) throw new DomainError('conflict', 'already_refunded', `Order ${data.orderId} has been refunded in full already`, 'orderId');
    const amount = data.amount ?? left;
    if (amount > left) {
      throw new DomainError('unprocessable', 'refund_exceeds_sale', `Order ${data.orderId} has ${money(left)} left to refund; ${money(amount)} is more`, 'amount');
    }
    if (data.refundId && (await trx.selectFrom('refunds').select('id').where('external_id', '=', data.refundId).executeTakeFirst())) {
      return undefined; // recorded meanwhile: answer as a replay below
    }
    const refund = await trx
      .insertInto('refunds')
      .values({ sale_id: fresh.id, amount, reason: data.reason ?? null, external_id: data.refundId ?? null, at: now, response: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refunded = fresh.refunded_amount + amount;
    const status = refunded >= fresh.amount ? 'refunded' : 'partially_refunded';
    await trx.updateTable('sales').set({ refunded_amount: refunded, status }).where('id', '=', fresh.id).execute();

    const commissions = await trx
      .selectFrom('commissions')
      .innerJoin('partners', 'partners.id', 'commissions.partner_id')
      .selectAll('commissions')
      .select('partners.code')
      .where('commissions.sale_id', '=', fresh.id)
      .where('commissions.kind', '=', 'sale')
      .orderBy('commissions.id')
      .execute();
    const what =
      refunded >= fresh.amount && fresh.refunded_amount === 0
        ? `order ${fresh.order_id} refunded in full (${money(amount)})`
        : `refund of ${money(amount)} of ${money(fresh.amount)} on order ${fresh.order_id}`;
    const label = data.refundId ? ` (refund ${data.refundId})` : '';
    const clawbacks: RefundResult['clawbacks'] = [];
    const partners = new Set<number>();
    for (const c of commissions) {
      const target = prorate(c.amount, refunded, fresh.amount);
      const delta = target - c.clawed_back;
      if (delta <= 0) continue;
      const original = await trx.selectFrom('ledger_entries').select('id').where('commission_id', '=', c.id).where('type', '=', 'commission').executeTakeFirst();
      const entry = await appendLedgerEntry(trx, now, {
        partnerId: c.partner_id,
        type: 'clawback',
        amount: -delta,
        currency: settings.currency,
        description: `Clawback: ${what}${label}${c.tier === 'second' ? ' — second tier' : ''}`,
        commissionId: c.id,
        reversesId: original?.id ?? null,
      });
      await trx
        .updateTable('commissions')
        .set({ clawed_back: target, ...(target >= c.amount && { status: 'clawed_back' as const }) })
        .where('id', '=', c.id)
        .execute();
      clawbacks.push({ commissionId: c.id, partnerCode: c.code, amount: delta, ledgerEntryId: entry.id });
      partners.add(c.partner_id);
    }
    for (const partnerId of partners) await settlePaid(trx, partnerId);
    await emitCommissionEvents(deps, trx, 'commission.clawed_back', clawbacks.map((c) => c.commissionId));
    const result: RefundResult = {
      refundId: refund.id,
      externalId: data.refundId ?? null,
      orderId: fresh.order_id,
      amount,
      recordedAt: new Date(now).toISOString(),
      sale: { amount: fresh.amount, refundedAmount: refunded, status },
      clawbacks,
    };
    await trx.updateTable('refunds').set({ response: JSON.stringify(result) }).where('id', '=', refund.id).execute();
    return result;
  });
  if (!outcome) return (await replay(data.refundId!))!;
  return { created: true, result: outcome };
}
