import type { Deps } from '../deps.js';
import { audit } from '../merchants/audit.js';
import { approveDueCommissions } from './approvals.js';
import { moneyNowOf } from './money-terms.js';
import { insertPayment, paymentView, type PaymentRow } from './payments.js';
import { notifyPaymentSent } from '../partners/notifications.js';
import { getSettings } from '../catalog/settings.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { PaymentBatchRequestSchema, type PaymentBatch, type PaymentBatchRequest } from './payout-batch.schemas.js';
import { emitEvent, paymentData } from '../webhooks/events.js';

/** An error of one payment of a batch, re-addressed to its row: `payments.2.amount`, "payments[2] (bob): …". */
function ofRow(error: unknown, index: number, code: string, field: string): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.kind, error.code, `payments[${index}] (${code}): ${error.message}`, `payments.${index}.${error.field ?? field}`);
}

/**
 * Records many payments in one transaction: each exactly as a single payment (insertPayment:
 * payable-now check, ledger entry, commissions marked paid), all naming one batch. All or
 * nothing: the first row that cannot be paid (unknown partner, more than payable now, nothing
 * payable) fails the whole batch with an error naming that row, and nothing is recorded. Two
 * rows for one partner are paid in order, the second against what the first left.
 */
export async function recordPaymentBatch(deps: Deps, input: PaymentBatchRequest): Promise<PaymentBatch> {
  const data = parseInput(PaymentBatchRequestSchema, input);
  const db = deps.db.kysely;
  const codes = [...new Set(data.payments.map((p) => p.partner))];
  const partners = new Map((await db.selectFrom('partners').select(['id', 'code']).where('code', 'in', codes).execute()).map((p) => [p.code, p]));
  data.payments.forEach((p, i) => {
    if (!partners.has(p.partner)) throw ofRow(new DomainError('not_found', 'partner_not_found', `Partner "${p.partner}" not found`), i, p.partner, 'partner');
  });
  for (const { id } of partners.values()) await approveDueCommissions(deps, { partnerId: id });

  const { currency } = await getSettings(deps);
  const now = deps.clock();
  const { batchId, rows } = await db.transaction().execute(async (trx) => {
    const batch = await trx.insertInto('payment_batches').values({ at: now }).returning('id').executeTakeFirstOrThrow();
    const rows: PaymentRow[] = [];
    for (const [i, p] of data.payments.entries()) {
      const order = { amount: p.amount, method: data.method, reference: data.reference, note: data.note };
      try {
        rows.push(await insertPayment(trx, partners.get(p.partner)!, order, { currency, now, batchId: batch.id }));
      } catch (error) {
        throw ofRow(error, i, p.partner, 'amount');
      }
    }
    for (const row of rows) await notifyPaymentSent(deps, trx, row); // each partner's payment_sent email, queued with the batch
    for (const row of rows) await emitEvent(deps, trx, 'payment.created', paymentData(deps, row));
    return { batchId: batch.id, rows };
  });

  const balances = await moneyNowOf(db, rows.map((r) => r.partner_id), { currency, now: deps.clock() });
  const codeOf = new Map([...partners.values()].map((p) => [p.id, p.code]));
  const batch = {
    batchId,
    at: new Date(now).toISOString(),
    count: rows.length,
    total: rows.reduce((t, r) => t + r.amount, 0),
    currency,
    payments: await Promise.all(rows.map((r) => paymentView(deps, r, codeOf.get(r.partner_id)!, balances.get(r.partner_id)!))),
  };
  const { payments, ...summary } = batch;
  await audit(deps, { action: 'payment.batch', target: { type: 'payment_batch', id: batchId }, after: { ...summary, payments: payments.map((p) => ({ id: p.id, partner: p.partnerCode, amount: p.amount })) } });
  return batch;
}
