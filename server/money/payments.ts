import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PaymentsTable, PayoutMethod } from '../db/schema.js';
import { approveDueCommissions, settlePaid } from './approvals.js';
import { DomainError, notFound } from '../shared/errors.js';
import { appendLedgerEntry, ledgerEntryView, type LedgerEntryView } from './ledger.js';
import { moneyNow, moneyNowOf, type MoneyNow } from './money-terms.js';
import { formatMoney } from '../shared/money.js';
import { partnerByCode, partnerCode } from '../partners/partner-admin.js';
import { maskPayoutDetails } from './payout-details.js';
import { getSettings } from '../catalog/settings.js';
import { cents, parseInput, positiveCents, text } from '../shared/validation.js';
import { audit } from '../merchants/audit.js';

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

export interface PaymentView {
  id: number;
  partnerCode: string;
  amount: number;
  currency: string;
  method: string | null;
  reference: string | null;
  note: string | null;
  forced: boolean;
  reversed: boolean;
  at: string;
  ledgerEntryId: number;
  /** the partner's balance, pending and payable now */
  balance: MoneyNow;
}

type PaymentRow = { [K in keyof PaymentsTable]: K extends 'id' ? number : PaymentsTable[K] };

async function paymentView(deps: Deps, row: PaymentRow, code: string, balance: MoneyNow): Promise<PaymentView> {
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
    balance,
  };
}

/**
 * Records a payment to a partner: a negative ledger entry, and their approved commissions are
 * marked paid oldest-first as far as payments cover them. A payment above what is payable now
 * is refused (`exceeds_approved_balance`) unless `force` is set.
 */
export async function recordPayment(deps: Deps, input: PaymentInput): Promise<PaymentView> {
  const data = parseInput(paymentSchema, input);
  const partner = await partnerByCode(deps, data.partnerCode);
  const settings = await getSettings(deps);
  await approveDueCommissions(deps, { partnerId: partner.id });
  const now = deps.clock();
  const money = (c: number) => formatMoney(c, settings.currency);
  const row = await deps.db.kysely.transaction().execute(async (trx) => {
    const balance = await moneyNow(trx, partner.id, { currency: settings.currency, now });
    if (data.amount > balance.payableNow && !data.force) {
      throw new DomainError(
        'unprocessable',
        'exceeds_approved_balance',
        `${partner.code} has ${money(Math.max(0, balance.payableNow))} payable now; ${money(data.amount)} is more (force the payment to pay it anyway)`,
        'amount',
      );
    }
    const payment = await trx
      .insertInto('payments')
      .values({
        partner_id: partner.id,
        amount: data.amount,
        currency: settings.currency,
        method: data.method ?? null,
        reference: data.reference ?? null,
        note: data.note ?? null,
        forced: data.force && data.amount > balance.payableNow ? 1 : 0,
        at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const via = [data.method && `via ${data.method}`, data.reference && `ref ${data.reference}`].filter(Boolean).join(', ');
    await appendLedgerEntry(trx, now, {
      partnerId: partner.id,
      type: 'payment',
      amount: -data.amount,
      currency: settings.currency,
      description: `Payment${via ? ` ${via}` : ''}${data.note ? ` — ${data.note}` : ''}`,
      paymentId: payment.id,
    });
    await settlePaid(trx, partner.id);
    return payment;
  });
  const view = await paymentView(deps, row, partner.code, await moneyNow(deps.db.kysely, partner.id, { currency: settings.currency, now: deps.clock() }));
  await audit(deps, { action: 'payment.record', target: { type: 'payment', id: row.id }, after: view });
  return view;
}

export async function listPayments(deps: Deps, options: { partnerId?: number; limit?: number; offset?: number } = {}): Promise<PaymentView[]> {
  const db = deps.db.kysely;
  let query = db.selectFrom('payments').innerJoin('partners', 'partners.id', 'payments.partner_id').selectAll('payments').select('partners.code');
  if (options.partnerId !== undefined) query = query.where('payments.partner_id', '=', options.partnerId);
  const rows = await query
    .orderBy('payments.at', 'desc')
    .orderBy('payments.id', 'desc')
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0)
    .execute();
  const currency = (await getSettings(deps)).currency;
  const balances = await moneyNowOf(db, rows.map((r) => r.partner_id), { currency, now: deps.clock() });
  return Promise.all(rows.map((r) => paymentView(deps, r, r.code, balances.get(r.partner_id)!)));
}

/** A manual change to a partner's balance with a note: a bonus (+) or a deduction (−). */
export async function recordAdjustment(deps: Deps, input: AdjustmentInput): Promise<{ entry: LedgerEntryView; balance: MoneyNow }> {
  const data = parseInput(adjustmentSchema, input);
  const partner = await partnerByCode(deps, data.partnerCode);
  const settings = await getSettings(deps);
  const now = deps.clock();
  const entry = await deps.db.kysely.transaction().execute(async (trx) => {
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
export async function reverseLedgerEntry(deps: Deps, entryId: number, note: string): Promise<{ entry: LedgerEntryView; balance: MoneyNow }> {
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
  const entry = await db.transaction().execute(async (trx) => {
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
export async function reversePayment(deps: Deps, paymentId: number, note: string): Promise<{ entry: LedgerEntryView; balance: MoneyNow }> {
  const entry = await deps.db.kysely
    .selectFrom('ledger_entries')
    .select('id')
    .where('payment_id', '=', paymentId)
    .where('reverses_id', 'is', null)
    .executeTakeFirst();
  if (!entry) throw notFound(`Payment ${paymentId}`, 'payment_not_found');
  return reverseLedgerEntry(deps, entry.id, note);
}

export interface PayoutDue {
  partnerCode: string;
  name: string;
  email: string;
  /** what to pay: payable now */
  amount: number;
  /** balance, pending and payable now (see money-terms.ts) */
  balance: MoneyNow;
  /** where to send it, from the partner's profile */
  payoutMethod: PayoutMethod | null;
  payoutDetailsMasked: string | null;
}

/** A payout with the partner's payout details in full (for the payout CSV, never for lists). */
export interface PayoutDueInFull extends PayoutDue {
  payoutDetails: string | null;
}

/**
 * Active partners whose payable-now balance is at least `minimum` cents (default:
 * settings.minimumPayout), largest first, with where to send the money: masked for lists,
 * `payoutDetails` in full for the payout CSV (strip it before showing a list).
 */
export async function payoutsDue(deps: Deps, minimum?: number): Promise<PayoutDueInFull[]> {
  const min = parseInput(cents('min'), minimum ?? (await getSettings(deps)).minimumPayout);
  await approveDueCommissions(deps);
  const db = deps.db.kysely;
  const currency = (await getSettings(deps)).currency;
  // only partners with money on the ledger can be due anything
  const partners = await db
    .selectFrom('partners')
    .select(['id', 'code', 'name', 'email', 'payout_method', 'payout_details'])
    .where('status', '=', 'active')
    .where((eb) => eb.exists(eb.selectFrom('ledger_entries').select('id').whereRef('ledger_entries.partner_id', '=', 'partners.id')))
    .execute();
  const balances = await moneyNowOf(db, partners.map((p) => p.id), { currency, now: deps.clock() });
  return partners
    .map((p) => ({
      partnerCode: p.code,
      name: p.name,
      email: p.email,
      amount: balances.get(p.id)!.payableNow,
      balance: balances.get(p.id)!,
      payoutMethod: p.payout_method ?? null,
      payoutDetailsMasked: maskPayoutDetails(p.payout_details ?? null),
      payoutDetails: p.payout_details ?? null,
    }))
    .filter((p) => p.amount > 0 && p.amount >= min)
    .sort((a, b) => b.amount - a.amount || a.partnerCode.localeCompare(b.partnerCode));
}
