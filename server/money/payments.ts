import { z } from 'zod';
import { transaction } from '../db/dialect.js';
import type { Deps } from '../deps.js';
import type { PaymentsTable } from '../db/schema.js';
import { approveDueCommissions, settlePaid } from './approvals.js';
import { DomainError, notFound } from '../shared/errors.js';
import { appendLedgerEntry, ledgerEntryView } from './ledger.js';
import type { LedgerEntry, Payment } from './schemas.js';
import { moneyNow, moneyNowOf, type MoneyNow } from './money-terms.js';
import { formatMoney } from '../shared/money.js';
import { partnerByCode } from '../partners/partner-admin.js';
import { partnerCode } from '../partners/schemas.js';
import { getSettings } from '../catalog/settings.js';
import { parseInput, positiveCents, text } from '../shared/validation.js';
import { onePage } from '../db/paging.js';
import { afterKey, type Key } from '../shared/keyset.js';
import type { Executor } from '../db/executor.js';
import { audit } from '../merchants/audit.js';
import { notifyPaymentSent } from '../partners/notifications.js';
import { emitEvent, paymentData } from '../webhooks/events.js';
import { settleOpenRequest } from './payout-requests.js';

export const paymentSchema = z
  .object({
    partnerCode,
    amount: positiveCents('amount'),
    /** how it was paid: "PayPal", "bank transfer"… */
    method: text(60).optional(),
    /** the transfer's reference */
    reference: text(120).optional(),
    note: text(500).optional(),
    /** pay more than is payable now (an advance); the balance goes below the pending commissions */
    force: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict();
export type PaymentInput = z.input<typeof paymentSchema>;

export const adjustmentSchema = z
  .object({
    partnerCode,
    /** signed cents: positive adds to the balance (a bonus), negative takes away (a fee, a correction) */
    amount: z
      .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a whole number of cents') })
      .int('must be a whole number of cents')
      .refine((n) => n !== 0, 'must not be zero')
      .refine((n) => Math.abs(n) <= 100_000_000_000, 'is too large'),
    note: text(500),
  })
  .strict();
export type AdjustmentInput = z.input<typeof adjustmentSchema>;

export const reversalSchema = z.object({ note: text(500) }).strict();

export type PaymentRow = { [K in keyof PaymentsTable]: K extends 'id' ? number : PaymentsTable[K] };

export async function paymentView(deps: Deps, row: PaymentRow, code: string, balance: MoneyNow): Promise<Payment> {
  const db = deps.db.kysely;
  const entry = await db.selectFrom('ledger_entries').select('id').where('payment_id', '=', row.id).where('reverses_id', 'is', null).executeTakeFirstOrThrow();
  const reversal = await db.selectFrom('ledger_entries').select('id').where('reverses_id', '=', entry.id).executeTakeFirst();
  return {
    id: row.id,
    partnerCode: code,
    amount: row.amount,
    currency: row.currency,
    method: row.method,
    reference: row.reference,
    note: row.note,
    forced: row.forced === 1,
    reversed: !!reversal,
    at: new Date(row.at).toISOString(),
    ledgerEntryId: entry.id,
    batchId: row.batch_id,
    balance,
  };
}

/** What one payment pays and how; `amount` undefined: everything payable now. */
export interface PaymentOrder {
  amount?: number | undefined;
  method?: string | undefined;
  reference?: string | undefined;
  note?: string | undefined;
  force?: boolean | undefined;
}

/**
 * One payment inside the caller's transaction (a single payment or a batch): checked against
 * what is payable now, then the payment row, its negative ledger entry, and the partner's
 * approved commissions marked paid oldest-first. Errors name `amount`.
 */
export async function insertPayment(
  trx: Executor,
  partner: { id: number; code: string },
  order: PaymentOrder,
  context: { currency: string; now: number; batchId?: number },
): Promise<PaymentRow> {
  const { currency, now } = context;
  const money = (c: number) => formatMoney(c, currency);
  const balance = await moneyNow(trx, partner.id, { currency, now });
  const amount = order.amount ?? balance.payableNow;
  if (amount <= 0) {
    throw new DomainError('unprocessable', 'nothing_payable', `${partner.code} has nothing payable now (${money(balance.payableNow)})`, 'amount');
  }
  if (amount > balance.payableNow && !order.force) {
    throw new DomainError(
      'unprocessable',
      'exceeds_approved_balance',
      `${partner.code} has ${money(Math.max(0, balance.payableNow))} payable now; ${money(amount)} is more${context.batchId === undefined ? ' (force the payment to pay it anyway)' : ''}`,
      'amount',
    );
  }
  const payment = await trx
    .insertInto('payments')
    .values({
      partner_id: partner.id,
      amount,
      currency,
      method: order.method ?? null,
      reference: order.reference ?? null,
      note: order.note ?? null,
      forced: order.force && amount > balance.payableNow ? 1 : 0,
      at: now,
      batch_id: context.batchId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const via = [order.method && `via ${order.method}`, order.reference && `ref ${order.reference}`].filter(Boolean).join(', ');
  await appendLedgerEntry(trx, now, {
    partnerId: partner.id,
    type: 'payment',
    amount: -amount,
    currency,
    description: `Payment${via ? ` ${via}` : ''}${order.note ? ` — ${order.note}` : ''}`,
    paymentId: payment.id,
  });
  await settlePaid(trx, partner.id);
  await settleOpenRequest(trx, partner.id, payment.id, now); // the partner's open payout request is paid by this payment
  return payment;
}

/**
 * Records a payment to a partner: a negative ledger entry, and their approved commissions are
 * marked paid oldest-first as far as payments cover them. A payment above what is payable now
 * is refused (`exceeds_approved_balance`) unless `force` is set.
 */
export async function recordPayment(deps: Deps, input: PaymentInput): Promise<Payment> {
  const data = parseInput(paymentSchema, input);
  const partner = await partnerByCode(deps, data.partnerCode);
  const settings = await getSettings(deps);
  await approveDueCommissions(deps, { partnerId: partner.id });
  const now = deps.clock();
  const row = await transaction(deps.db.kysely, async (trx) => {
    const payment = await insertPayment(trx, partner, data, { currency: settings.currency, now });
    await notifyPaymentSent(deps, trx, payment); // the partner's payment_sent email, queued with the payment
    await emitEvent(deps, trx, 'payment.created', paymentData(deps, payment));
    return payment;
  });
  const view = await paymentView(deps, row, partner.code, await moneyNow(deps.db.kysely, partner.id, { currency: settings.currency, now: deps.clock() }));
  await audit(deps, { action: 'payment.record', target: { type: 'payment', id: row.id }, after: view });
  return view;
}

type PaymentListOptions = { partnerId?: number; batchId?: number; limit?: number; offset?: number; after?: Key };

/** Payments newest first: of one partner by payments_partner_at, of everyone by payments_at. */
export function paymentsQuery(db: Executor, options: PaymentListOptions) {
  let query = db.selectFrom('payments').innerJoin('partners', 'partners.id', 'payments.partner_id').selectAll('payments').select('partners.code');
  if (options.partnerId !== undefined) query = query.where('payments.partner_id', '=', options.partnerId);
  if (options.batchId !== undefined) query = query.where('payments.batch_id', '=', options.batchId);
  if (options.after) query = query.where((eb) => afterKey(eb, ['payments.at', 'payments.id'], options.after!, 'desc'));
  return query
    .orderBy('payments.at', 'desc')
    .orderBy('payments.id', 'desc')
    .$call(onePage(options));
}

export async function listPayments(deps: Deps, options: PaymentListOptions = {}): Promise<Payment[]> {
  const db = deps.db.kysely;
  const rows = await paymentsQuery(db, options).execute();
  const currency = (await getSettings(deps)).currency;
  const balances = await moneyNowOf(db, rows.map((r) => r.partner_id), { currency, now: deps.clock() });
  return Promise.all(rows.map((r) => paymentView(deps, r, r.code, balances.get(r.partner_id)!)));
}

/** A manual change to a partner's balance with a note: a bonus (+) or a deduction (−). */
export async function recordAdjustment(deps: Deps, input: AdjustmentInput): Promise<{ entry: LedgerEntry; balance: MoneyNow }> {
  const data = parseInput(adjustmentSchema, input);
  const partner = await partnerByCode(deps, data.partnerCode);
  const settings = await getSettings(deps);
  const now = deps.clock();
  const entry = await transaction(deps.db.kysely, async (trx) => {
    const row = await appendLedgerEntry(trx, now, {
      partnerId: partner.id,
      type: 'adjustment',
      amount: data.amount,
      currency: settings.currency,
      description: `Adjustment: ${data.note}`,
    });
    await settlePaid(trx, partner.id);
    return row;
  });
  await approveDueCommissions(deps, { partnerId: partner.id });
  const result = { entry: ledgerEntryView(entry), balance: await moneyNow(deps.db.kysely, partner.id, { currency: settings.currency, now: deps.clock() }) };
  await audit(deps, { action: 'adjustment.record', target: { type: 'ledger_entry', id: entry.id }, after: { partnerCode: partner.code, ...result } });
  return result;
}

/**
 * Undoes a payment or an adjustment with a new entry of the opposite amount that names it
 * (`reverses_id`); the original stays. Commissions are reversed with reverseCommission, and
 * clawbacks by nothing (record a sale or an adjustment instead).
 */
export async function reverseLedgerEntry(deps: Deps, entryId: number, note: string): Promise<{ entry: LedgerEntry; balance: MoneyNow }> {
  const { note: checked } = parseInput(reversalSchema, { note });
  const db = deps.db.kysely;
  const original = await db.selectFrom('ledger_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
  if (!original) throw notFound(`Ledger entry ${entryId}`, 'entry_not_found');
  if (original.type !== 'payment' && original.type !== 'adjustment') {
    throw new DomainError('unprocessable', 'not_reversible', `A ${original.type} entry is not reversed here: ${original.type === 'commission' ? 'reverse the commission' : 'clawbacks follow refunds'}`);
  }
  if (original.reverses_id !== null) throw new DomainError('unprocessable', 'not_reversible', `Entry ${entryId} is itself a reversal`);
  const settings = await getSettings(deps);
  const now = deps.clock();
  const entry = await transaction(db, async (trx) => {
    if (await trx.selectFrom('ledger_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst()) {
      throw new DomainError('conflict', 'already_reversed', `Entry ${entryId} has been reversed already`);
    }
    const row = await appendLedgerEntry(trx, now, {
      partnerId: original.partner_id,
      type: original.type,
      amount: -original.amount,
      currency: original.currency,
      description: `Reversal of entry ${entryId} (${original.description}): ${checked}`,
      paymentId: original.payment_id,
      reversesId: original.id,
    });
    await settlePaid(trx, original.partner_id);
    return row;
  });
  const result = { entry: ledgerEntryView(entry), balance: await moneyNow(db, original.partner_id, { currency: settings.currency, now: deps.clock() }) };
  await audit(deps, { action: 'ledger.reverse', target: { type: 'ledger_entry', id: entryId }, before: ledgerEntryView(original), after: result });
  return result;
}

/** Undoes a payment by its payment id: reverses its ledger entry (see reverseLedgerEntry). */
export async function reversePayment(deps: Deps, paymentId: number, note: string): Promise<{ entry: LedgerEntry; balance: MoneyNow }> {
  const entry = await deps.db.kysely
    .selectFrom('ledger_entries')
    .select('id')
    .where('payment_id', '=', paymentId)
    .where('reverses_id', 'is', null)
    .executeTakeFirst();
  if (!entry) throw notFound(`Payment ${paymentId}`, 'payment_not_found');
  return reverseLedgerEntry(deps, entry.id, note);
}
