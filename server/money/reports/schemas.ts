import { z } from '@hono/zod-openapi';
import { NO_COMMISSION_REASONS } from '../no-commission-reasons.js';

/**
 * The answers of the partner's reports (My Ledger, the balance, the commission, lead, sales and
 * link reports), written once. The routes document and check them with these schemas; the server
 * and the browser elements (src/api/types.ts, `import type`) use the types inferred from them.
 * Keep this module free of server code: the browser's type-check reads it.
 *
 * All money is integer minor units (cents) of `currency`.
 */

const Money = (description: string) => z.number().int().openapi({ description: `${description} (integer minor units, e.g. cents)` });

// The money words (server/money/money-terms.ts): one meaning each, in every answer.
// In a period: earned, clawedBack, paid. Now, whatever the period: pending, payableNow, balance.
const EARNED = 'Earned: commissions recorded in the range, before clawbacks';
const CLAWED_BACK = 'Clawed back: what refunds and reversals took back in the range (a positive sum)';
const PAID = 'Paid: payments in the range, net of reversed payments (a positive sum)';
const PENDING = 'Pending, now: commissions still inside their hold, net of their clawbacks (whatever the range)';
const PAYABLE_NOW = 'Payable now: balance − pending, what a payment may pay today (whatever the range)';
const BALANCE = 'Balance, now: the sum of the ledger = payableNow + pending (whatever the range)';

/** ISO 8601 */
const Iso = z.string().openapi({ example: '2026-01-15T12:00:00.000Z' });
const Cursor = z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' });

// ── My Ledger and the balance ───────────────────────────────────────────────────────────────

export const LedgerSummarySchema = z
  .object({
    beginningBalance: Money('Balance before the range: every earlier entry'),
    earned: Money(EARNED),
    clawedBack: Money(CLAWED_BACK),
    paid: Money(PAID),
    adjustments: Money('Adjustments in the range, signed'),
    endingBalance: Money('beginning + earned − clawedBack − paid + adjustments; for all time, the balance'),
    currency: z.string().openapi({ example: 'USD' }),
  })
  .openapi('LedgerSummary');

export const LedgerEntryTypeSchema = z.enum(['commission', 'clawback', 'payment', 'adjustment']);

export const LedgerEntrySchema = z
  .object({
    id: z.number().int(),
    date: Iso,
    type: LedgerEntryTypeSchema,
    description: z.string(),
    amount: Money('Signed effect on the balance'),
    balance: Money('Running balance after this entry'),
  })
  .openapi('LedgerEntry');

export const LedgerPageSchema = z
  .object({ summary: LedgerSummarySchema, entries: z.array(LedgerEntrySchema), nextCursor: Cursor })
  .openapi('LedgerPage');

/** The partner's figures of today, whatever the period (see money-terms.ts), and the payout rules. */
export const BalanceSchema = z
  .object({
    currency: z.string(),
    balance: Money(BALANCE),
    payableNow: Money(PAYABLE_NOW),
    pending: Money(PENDING),
    nextPayableAt: Iso.nullable().openapi({ description: 'When the next held commission becomes payable' }),
    minimumPayout: Money("The merchant's smallest payout"),
    payoutReady: z.boolean().openapi({ description: 'payableNow reaches the minimum payout' }),
  })
  .openapi('Balance');

// ── The commission report ──────────────────────────────────────────────────────────────────

export const CommissionStatusSchema = z.enum(['pending', 'approved', 'paid', 'clawed_back']);
export const AttributionSchema = z.enum(['last_click', 'first_click', 'partner_code', 'lead_email']);

/** Why a commission exists: the rule, link, sub-id and click that credited the partner, and the program. */
const CommissionWhySchema = z.object({
  attribution: AttributionSchema.nullable(),
  link: z.object({ slug: z.string(), name: z.string().nullable() }).nullable(),
  sub: z.string().nullable(),
  /** ISO 8601 */
  clickAt: Iso.nullable(),
  program: z.object({ id: z.number().int().nullable(), name: z.string().nullable() }),
  /** For a second-tier commission: the code of the partner who made the sale. */
  childCode: z.string().nullable(),
});

export const CommissionSchema = z
  .object({
    id: z.number().int(),
    /** ISO 8601: when the commission was recorded. */
    date: Iso,
    kind: z.enum(['sale', 'lead']),
    /** The order id of the sale; null for a lead commission. */
    order: z.string().nullable(),
    /** The sale's total; null for a lead commission. */
    saleAmount: z.number().int().nullable(),
    baseAmount: Money('What the rate applied to'),
    /** percent: basis points (1000 = 10 %); flat: minor units */
    rate: z.object({ type: z.enum(['percent', 'flat']), value: z.number().int().openapi({ description: 'basis points (1000 = 10%) or minor units' }) }),
    amount: Money('Commission'),
    clawedBack: Money('Clawed back so far'),
    status: CommissionStatusSchema,
    tier: z.enum(['direct', 'second']),
    /** ISO 8601: when it becomes (or became) payable. */
    payableAt: Iso,
    why: CommissionWhySchema,
    clawback: z.object({ amount: z.number().int(), date: Iso, reason: z.string() }).nullable(),
  })
  .openapi('Commission');

export const CommissionReportSchema = z
  .object({
    currency: z.string(),
    /**
     * How many commissions were recorded in the period, the period's earned, clawed back and
     * paid, and today's pending, payable now and balance: the same figures, under the same
     * names, as My Ledger and the balance (money-terms.ts).
     */
    totals: z.object({
      count: z.number().int().openapi({ description: 'Commissions recorded in the range' }),
      earned: Money(EARNED),
      clawedBack: Money(CLAWED_BACK),
      paid: Money(PAID),
      pending: Money(PENDING),
      payableNow: Money(PAYABLE_NOW),
      balance: Money(BALANCE),
      currency: z.string(),
    }),
    items: z.array(CommissionSchema),
    nextCursor: Cursor,
  })
  .openapi('CommissionReport');

// ── Lead tracking ─────────────────────────────────────────────────────────────────────────

const Link = z.object({ slug: z.string(), name: z.string() });

export const LeadSchema = z.object({
  id: z.number().int(),
  /** ISO 8601 */
  date: Iso,
  /** The lead's email: masked (j•••@example.com) unless the merchant shows leads in full. */
  lead: z.string().openapi({ example: 'j•••@example.com' }),
  /** The lead's name; null when masked. */
  name: z.string().nullable(),
  status: z.enum(['lead', 'customer']),
  link: Link.nullable(),
  sub: z.string().nullable(),
});

export const LeadReportSchema = z
  .object({
    privacy: z.enum(['masked', 'full']),
    totals: z.object({ leads: z.number().int(), customers: z.number().int() }),
    items: z.array(LeadSchema),
    nextCursor: Cursor,
  })
  .openapi('LeadReport');

// ── The sales report ──────────────────────────────────────────────────────────────────────

/**
 * Why a sale earned the partner nothing: a reason the engine recorded with the sale (see
 * noCommissionReason in commissions.ts), or `clawed_back` when its commission was taken back.
 */
export const SALE_NO_COMMISSION_REASONS = [...NO_COMMISSION_REASONS, 'clawed_back'] as const;

export const SaleSchema = z.object({
  id: z.number().int(),
  /** ISO 8601 */
  date: Iso,
  order: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  refunded: z.number().int(),
  status: z.enum(['completed', 'partially_refunded', 'refunded']),
  /** The partner bought through their own link: flagged, earns nothing. */
  selfReferral: z.boolean(),
  /** `amount`: the line total */
  items: z.array(z.object({ product: z.string(), quantity: z.number().int(), amount: z.number().int() })),
  commission: Money('Your direct commission on the sale, after clawbacks'),
  /** null when the sale earns, or for an old sale recorded before reasons were kept. */
  noCommissionReason: z
    .enum(SALE_NO_COMMISSION_REASONS)
    .nullable()
    .openapi({
      description:
        'When commission is 0, why: self_referral, no_program, link_programs, outside_window, product_not_covered, product_excluded, recurring_ended, zero_amount, or clawed_back (a refund or reversal took it back); null when the sale earns',
    }),
});

export const SalesReportSchema = z
  .object({
    currency: z.string(),
    totals: z.object({ count: z.number().int(), amount: z.number().int(), refunded: z.number().int(), commission: z.number().int() }),
    items: z.array(SaleSchema),
    nextCursor: Cursor,
  })
  .openapi('SalesReport');

// ── Link statistics ───────────────────────────────────────────────────────────────────────

const CountsShape = {
  clicks: z.number().int(),
  leads: z.number().int(),
  sales: z.number().int(),
  /** Σ sale amounts */
  salesAmount: z.number().int(),
  /** Σ direct commission − clawed back */
  earnings: z.number().int(),
};
const RatesShape = {
  /** Sales per click in basis points (312 = 3.12 %); null without clicks. */
  conversionRate: z.number().int().nullable().openapi({ description: 'Sales per click, basis points (312 = 3.12%)' }),
  /** Earnings per click in minor units, rounded; null without clicks. */
  earningsPerClick: z.number().int().nullable(),
};

export const LinkStatsSchema = z
  .object({
    currency: z.string(),
    /** The IANA time zone the days are counted in. */
    timeZone: z.string(),
    totals: z.object({ ...CountsShape, ...RatesShape }),
    /** Days with any activity, oldest first. `date` is YYYY-MM-DD in `timeZone`. */
    byDay: z.array(z.object({ date: z.string().openapi({ example: '2026-01-15' }), ...CountsShape })),
    /** Most clicks first; `sub` null: traffic without a sub-id. */
    bySub: z.array(z.object({ sub: z.string().nullable(), ...CountsShape, ...RatesShape })),
    /** Most clicks first; `link` null: sales and leads that came without a link (partner code). */
    byLink: z.array(z.object({ link: Link.nullable(), ...CountsShape, ...RatesShape })),
  })
  .openapi('LinkStats');

// ── The types, inferred ───────────────────────────────────────────────────────────────────

export type LedgerSummary = z.infer<typeof LedgerSummarySchema>;
export type LedgerEntryType = z.infer<typeof LedgerEntryTypeSchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type LedgerPage = z.infer<typeof LedgerPageSchema>;
export type Balance = z.infer<typeof BalanceSchema>;
export type CommissionStatus = z.infer<typeof CommissionStatusSchema>;
export type Attribution = z.infer<typeof AttributionSchema>;
export type CommissionWhy = z.infer<typeof CommissionWhySchema>;
export type Commission = z.infer<typeof CommissionSchema>;
export type CommissionReport = z.infer<typeof CommissionReportSchema>;
export type CommissionTotals = CommissionReport['totals'];
export type Lead = z.infer<typeof LeadSchema>;
export type LeadReport = z.infer<typeof LeadReportSchema>;
export type Sale = z.infer<typeof SaleSchema>;
export type SaleNoCommissionReason = (typeof SALE_NO_COMMISSION_REASONS)[number];
export type SalesReport = z.infer<typeof SalesReportSchema>;
export type LinkStats = z.infer<typeof LinkStatsSchema>;
/** Clicks, leads, sales, sales amount and earnings of one row of the link statistics. */
export type LinkCounts = Omit<LinkStats['byDay'][number], 'date'>;
/** Conversion rate and earnings per click of one row (null without clicks). */
export type LinkRates = Pick<LinkStats['totals'], 'conversionRate' | 'earningsPerClick'>;

/**
 * The money words as the answers carry them (money-terms.ts): the figures of a period and the
 * figures of now, whatever the period.
 */
export type PeriodMoney = Pick<LedgerSummary, 'earned' | 'clawedBack' | 'paid'>;
export type MoneyNow = Pick<Balance, 'pending' | 'payableNow' | 'balance'>;

/**
 * A `from` or `to` query parameter: a date (whole days in UTC) or a date-time with offset, the
 * end inclusive; `noun` names what it bounds, `omitted` says what the end is when left out.
 */
export const dateParam = (end: 'from' | 'to', noun: 'range' | 'period', omitted: string) =>
  z
    .string()
    .max(40)
    .optional()
    .openapi({
      description:
        end === 'from'
          ? `Start of the ${noun}, inclusive: a date (2026-01-01, from 00:00 UTC) or a date-time with offset. Omitted: ${omitted}`
          : `End of the ${noun}, inclusive: a date (2026-01-31, through 23:59:59.999 UTC) or a date-time with offset. Omitted: ${omitted}`,
      example: end === 'from' ? '2026-01-01' : '2026-01-31',
    });
