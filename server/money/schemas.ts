import { z } from '@hono/zod-openapi';
import { NextCursor } from '../http/paging.schemas.js';

/** The money answers of the admin API: balances, ledger entries, commissions, payments, payouts due. */

export const BalanceSchema = z
  .object({
    balance: z.number().int().openapi({ description: 'sum of the ledger = payableNow + pending (cents)' }),
    pending: z.number().int().openapi({ description: 'commissions still inside their hold, net of their clawbacks (cents)' }),
    payableNow: z.number().int().openapi({ description: 'balance − pending: what a payment may pay today (cents)' }),
    currency: z.string(),
  })
  .openapi('Balance');

export type Balance = z.infer<typeof BalanceSchema>;

export const LedgerEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    type: z.enum(['commission', 'clawback', 'payment', 'adjustment']),
    amount: z.number().int(),
    balance: z.number().int(),
    currency: z.string(),
    description: z.string(),
    commissionId: z.number().int().nullable(),
    paymentId: z.number().int().nullable(),
    reversesId: z.number().int().nullable(),
  })
  .openapi('LedgerEntry');

export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** `GET /api/v1/admin/partners/{code}/ledger`: a page of a partner's ledger, newest first, with the balance. */
export const PartnerLedgerSchema = z.object({ balance: BalanceSchema, entries: z.array(LedgerEntrySchema), nextCursor: NextCursor });
export type PartnerLedger = z.infer<typeof PartnerLedgerSchema>;

/**
 * Why a commission exists, stored as JSON with it and shown by the reports: which rule credited
 * the partner, through which link and click, under which program and rate.
 */
export const CommissionReasonSchema = z
  .object({
    attribution: z.enum(['last_click', 'first_click', 'partner_code', 'lead_email']),
    linkSlug: z.string().nullable(),
    linkName: z.string().nullable(),
    clickAt: z.string().nullable(),
    sub: z.string().nullable(),
    programId: z.number().int(),
    programName: z.string(),
    rateType: z.enum(['percent', 'flat']),
    rateValue: z.number().int(),
    tier: z.enum(['direct', 'second']),
    childCode: z.string().optional(),
    orderId: z.string().optional(),
    leadEmail: z.string().optional(),
    productIds: z.array(z.string()).optional(),
    quantity: z.number().int().optional(),
    rateSource: z.enum(['override', 'default', 'lead']).optional(),
    subscriptionId: z.string().optional(),
    payment: z.number().int().optional(),
    selfReferral: z.boolean().optional(),
  })
  .openapi('CommissionReason');

export type CommissionReason = z.infer<typeof CommissionReasonSchema>;

export const CommissionSchema = z
  .object({
    id: z.number().int(),
    partnerCode: z.string(),
    kind: z.enum(['sale', 'lead']),
    tier: z.enum(['direct', 'second']),
    programId: z.number().int().nullable(),
    programName: z.string().nullable(),
    orderId: z.string().nullable(),
    baseAmount: z.number().int(),
    rateType: z.enum(['percent', 'flat']),
    rateValue: z.number().int(),
    amount: z.number().int(),
    clawedBack: z.number().int(),
    status: z.enum(['pending', 'approved', 'paid', 'clawed_back']),
    payableAt: z.string(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
    reason: CommissionReasonSchema,
  })
  .openapi('Commission');

export type Commission = z.infer<typeof CommissionSchema>;

export const PaymentSchema = z
  .object({
    id: z.number().int(),
    partnerCode: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    method: z.string().nullable(),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    forced: z.boolean(),
    reversed: z.boolean(),
    at: z.string(),
    ledgerEntryId: z.number().int(),
    batchId: z.number().int().nullable().openapi({ description: 'the batch it was recorded in (POST /payments/batch), or null' }),
    balance: BalanceSchema,
  })
  .openapi('Payment');

export type Payment = z.infer<typeof PaymentSchema>;

export const EntryWithBalanceSchema = z.object({ entry: LedgerEntrySchema, balance: BalanceSchema }).openapi('LedgerChange');

export type LedgerChange = z.infer<typeof EntryWithBalanceSchema>;

/** How a partner wants to be paid (their profile). */
export const PayoutMethodSchema = z.enum(['paypal', 'bank_transfer', 'check', 'other']);

export type PayoutMethod = z.infer<typeof PayoutMethodSchema>;

export const PayoutSchema = z
  .object({
    partnerCode: z.string(),
    name: z.string(),
    email: z.string(),
    amount: z.number().int(),
    balance: BalanceSchema,
    payoutMethod: PayoutMethodSchema.nullable(),
    payoutDetailsMasked: z.string().nullable().openapi({ description: 'masked; the whole value is in GET /partners/{code} and `payouts due --csv`' }),
  })
  .openapi('PayoutDue');

export type PayoutDue = z.infer<typeof PayoutSchema>;

/** `GET /api/v1/admin/payouts` */
export const PayoutsDueSchema = z.object({
  minimum: z.number().int(),
  currency: z.string(),
  payouts: z.array(PayoutSchema),
  nextCursor: NextCursor,
  total: z.object({ count: z.number().int(), amount: z.number().int() }).openapi({ description: 'every partner due at this minimum (all pages): how many and how much' }),
});
export type PayoutsDue = z.infer<typeof PayoutsDueSchema>;

/** The columns of the payouts-due file (`GET /payouts?format=csv&layout=…`; described in payout-csv.ts). */
export const PAYOUT_CSV_LAYOUTS = ['standard', 'paypal', 'wise'] as const;
export type PayoutCsvLayout = (typeof PAYOUT_CSV_LAYOUTS)[number];
