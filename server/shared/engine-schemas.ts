import { NO_COMMISSION_REASONS } from '../money/commissions.js';
import { z } from '../http/openapi.js';

/** Response shapes of the admin and tracking APIs (requests are validated by the domain schemas). */

export const RateSchema = z
  .object({
    type: z.enum(['percent', 'flat']),
    value: z.number().int().openapi({ description: 'percent: basis points (1000 = 10%); flat: cents', example: 1000 }),
  })
  .openapi('Rate');

export const ProgramSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    priority: z.number().int(),
    saleCommission: RateSchema,
    leadCommission: z.number().int().nullable(),
    recurring: z.object({ mode: z.enum(['every', 'first_n', 'none']), payments: z.number().int().nullable() }),
    secondTier: RateSchema.nullable(),
    attributionWindowDays: z.number().int().nullable(),
    attributionModel: z.enum(['first_click', 'last_click']),
    holdDays: z.number().int().nullable(),
    status: z.enum(['active', 'archived']),
    openToSignup: z.boolean().openapi({ description: 'partners who sign themselves up join it (unless settings.signupProgramIds names programs); default true for the first program' }),
    productRates: z.array(z.object({ productId: z.string(), type: z.enum(['percent', 'flat']), value: z.number().int() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Program');

export const BalanceSchema = z
  .object({
    balance: z.number().int().openapi({ description: 'sum of the ledger = payableNow + pending (cents)' }),
    pending: z.number().int().openapi({ description: 'commissions still inside their hold, net of their clawbacks (cents)' }),
    payableNow: z.number().int().openapi({ description: 'balance − pending: what a payment may pay today (cents)' }),
    currency: z.string(),
  })
  .openapi('Balance');

export const PayoutMethodSchema = z.enum(['paypal', 'bank_transfer', 'check', 'other']);

export const PartnerAccountSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(['active', 'pending', 'disabled']),
    parentCode: z.string().nullable(),
    programIds: z.array(z.number().int()),
    balance: BalanceSchema,
    payoutMethod: PayoutMethodSchema.nullable().openapi({ description: 'how the partner wants to be paid (their profile)' }),
    payoutDetailsMasked: z.string().nullable().openapi({ description: 'their payout details masked (emails as j•••@example.com, others as •••• plus the last 4 characters)', example: '•••• 3000' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PartnerAccount');

export const PartnerAccountDetailSchema = PartnerAccountSchema.extend({
  payoutDetails: z.string().nullable().openapi({ description: 'their payout details in full (PayPal email, IBAN…)', example: 'DE89 3704 0044 0532 0130 00' }),
}).openapi('PartnerAccountDetail');

export const LinkSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    destination: z.string(),
    status: z.enum(['active', 'disabled']),
    partnerCode: z.string().nullable(),
    sub: z.string().nullable(),
    programIds: z.array(z.number().int()),
    url: z.string().openapi({ example: 'https://partners.example.com/r/{code}/spring-sale' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Link');

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

export const SaleCommissionSchema = z.object({
  id: z.number().int(),
  partnerCode: z.string(),
  tier: z.enum(['direct', 'second']),
  programId: z.number().int(),
  programName: z.string(),
  baseAmount: z.number().int(),
  rateType: z.enum(['percent', 'flat']),
  rateValue: z.number().int(),
  amount: z.number().int(),
  status: z.enum(['pending', 'approved', 'paid', 'clawed_back']),
  payableAt: z.string(),
});

export const SaleResultSchema = z
  .object({
    saleId: z.number().int(),
    orderId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    recordedAt: z.string(),
    attributed: z.boolean(),
    partnerCode: z.string().nullable(),
    attribution: z.enum(['last_click', 'first_click', 'partner_code', 'lead_email']).nullable(),
    notAttributedReason: z.string().nullable().openapi({ description: 'why no partner was credited (unknown_click, click_expired, unknown_partner, partner_inactive, no_referral)' }),
    clickId: z.string().nullable(),
    sub: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    selfReferral: z.boolean(),
    noCommissionReason: z
      .enum(NO_COMMISSION_REASONS)
      .nullable()
      .openapi({ description: 'an attributed sale that earns its partner no direct commission: why (self_referral, no_program, link_programs, outside_window, product_not_covered, product_excluded, recurring_ended, zero_amount)' }),
    commissions: z.array(SaleCommissionSchema),
  })
  .openapi('SaleResult');

export const RefundResultSchema = z
  .object({
    refundId: z.number().int(),
    externalId: z.string().nullable(),
    orderId: z.string(),
    amount: z.number().int(),
    recordedAt: z.string(),
    sale: z.object({ amount: z.number().int(), refundedAmount: z.number().int(), status: z.enum(['completed', 'partially_refunded', 'refunded']) }),
    clawbacks: z.array(z.object({ commissionId: z.number().int(), partnerCode: z.string(), amount: z.number().int(), ledgerEntryId: z.number().int() })),
  })
  .openapi('RefundResult');

export const LeadResultSchema = z
  .object({
    leadId: z.number().int().nullable(),
    email: z.string(),
    attributed: z.boolean(),
    partnerCode: z.string().nullable(),
    attribution: z.enum(['last_click', 'first_click', 'partner_code']).nullable(),
    notAttributedReason: z.string().nullable(),
    selfReferral: z.boolean(),
    sub: z.string().nullable(),
    recordedAt: z.string().nullable(),
    commission: SaleCommissionSchema.nullable(),
  })
  .openapi('LeadResult');

export const Pagination = {
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').optional(),
  offset: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(10_000_000).optional(),
};

export const SaleSchema = z
  .object({
    id: z.number().int(),
    orderId: z.string(),
    partnerCode: z.string().nullable(),
    amount: z.number().int(),
    refundedAmount: z.number().int(),
    currency: z.string(),
    status: z.enum(['completed', 'partially_refunded', 'refunded']),
    selfReferral: z.boolean(),
    customerEmail: z.string().nullable(),
    sub: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    at: z.string(),
    items: z.array(z.object({ productId: z.string(), amount: z.number().int(), quantity: z.number().int() })),
  })
  .openapi('Sale');

export const EntryWithBalanceSchema = z.object({ entry: LedgerEntrySchema, balance: BalanceSchema }).openapi('LedgerChange');

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
