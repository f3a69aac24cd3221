import { z } from '../http/openapi.js';
import { payoutScheduleSchema } from '../catalog/settings.schemas.js';
import { LedgerEntryTypeSchema } from './reports/schemas.js';
import type * as Client from '../../src/api/types.js';

/**
 * The answers of the partner's overview, payouts and payout requests (issue 14), and the
 * merchant's list of payout requests. The client's types (src/api/types.ts) were written first
 * as the contract; the check at the end of this file keeps these schemas fitting them.
 */

const Cents = (description: string) => z.number().int().openapi({ description: `${description} (integer minor units, e.g. cents)` });
const Instant = (description: string) => z.string().openapi({ description: `${description} (ISO 8601)`, example: '2026-03-01T09:30:00.000Z' });

export const OverviewQuerySchema = z.object({
  timeZone: z.string().max(64).optional().openapi({ description: 'IANA time zone the months, weeks and the payout date are counted in (default UTC)', example: 'Europe/Paris' }),
});

/** When the merchant pays: monthly on a day of the month (1–28), or when a partner asks (the settings' schema, as is). */
export const PayoutScheduleSchema = payoutScheduleSchema;

export const PayoutRequestStatusSchema = z.enum(['open', 'paid', 'declined', 'cancelled']);

export const PayoutRequestSchema = z
  .object({
    id: z.number().int(),
    amount: Cents('what was payable now when the partner asked'),
    currency: z.string(),
    status: PayoutRequestStatusSchema.openapi({
      description: 'open: waiting for the merchant; paid: a payment settled it; declined: the merchant said no (see note); cancelled: the partner withdrew it',
    }),
    requestedAt: Instant('when the partner asked'),
    decidedAt: Instant('when it stopped being open').nullable(),
    note: z.string().nullable().openapi({ description: "the merchant's reason when declined" }),
    paymentId: z.number().int().nullable().openapi({ description: 'the payment that settled it' }),
  })
  .openapi('PayoutRequest');
export type PayoutRequest = z.infer<typeof PayoutRequestSchema>;

export const PayoutSchema = z
  .object({
    id: z.number().int(),
    at: Instant('when it was paid'),
    amount: Cents('paid'),
    currency: z.string(),
    method: z.string().nullable().openapi({ example: 'PayPal' }),
    reference: z.string().nullable(),
  })
  .openapi('Payout');
export type Payout = z.infer<typeof PayoutSchema>;

export const NextPayoutSchema = z
  .object({
    schedule: PayoutScheduleSchema,
    date: z.string().nullable().openapi({ description: 'YYYY-MM-DD of the next scheduled payout in `timeZone` (today or later); null when paid on request', example: '2026-04-01' }),
    estimatedAmount: Cents('payable now plus the held commissions (net of clawbacks) that become payable by the end of `date`; on request: payable now'),
    minimumPayout: Cents('settings.minimumPayout'),
    meetsMinimum: z.boolean().openapi({ description: 'estimatedAmount is above 0 and reaches the minimum' }),
    payoutDetailsMissing: z.boolean().openapi({ description: 'the partner has not said how to be paid yet (profile payoutDetails)' }),
  })
  .openapi('NextPayout');

export const OverviewSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string(),
    earnedThisMonth: Cents('earned (commissions recorded, before clawbacks) in this calendar month so far, in `timeZone`'),
    earnedLastMonth: Cents('earned in the last calendar month, in `timeZone`'),
    payableNow: Cents('balance − pending: what a payment may pay today'),
    pending: Cents('commissions still on hold, net of their clawbacks'),
    balance: Cents('the sum of the ledger (= payableNow + pending)'),
    nextRelease: z
      .object({ at: Instant('when the next held commission becomes payable'), amount: Cents('what becomes payable then, net of clawbacks') })
      .nullable()
      .openapi({ description: 'null when nothing is on hold' }),
    nextPayout: NextPayoutSchema,
    openRequest: PayoutRequestSchema.nullable(),
    mainLink: z
      .object({ id: z.number().int(), name: z.string(), url: z.string().openapi({ example: 'https://partners.example.com/r/alice/shop' }) })
      .nullable()
      .openapi({ description: 'the first merchant link the partner may use (GET /partner/links lists it first); null when none' }),
    weeks: z
      .array(
        z.object({
          weekStart: z.string().openapi({ description: 'the Monday, YYYY-MM-DD in `timeZone`', example: '2026-03-02' }),
          clicks: z.number().int(),
          sales: z.number().int().openapi({ description: 'sales attributed to the partner (self-referrals left out)' }),
          earned: Cents('earned in the week'),
        }),
      )
      .openapi({ description: 'twelve Monday-weeks, oldest first; the last is the current week' }),
    recent: z
      .array(z.object({ id: z.number().int(), at: Instant('when'), type: LedgerEntryTypeSchema, description: z.string(), amount: Cents('signed, as on the ledger') }))
      .openapi({ description: 'the last 5 ledger entries, newest first' }),
    hasActivity: z.boolean().openapi({ description: 'any click or ledger entry ever' }),
  })
  .openapi('Overview');
export type Overview = z.infer<typeof OverviewSchema>;

export const PayoutsAnswerSchema = z
  .object({
    currency: z.string(),
    schedule: PayoutScheduleSchema,
    minimumPayout: Cents('settings.minimumPayout'),
    payableNow: Cents('balance − pending'),
    canRequest: z.boolean().openapi({ description: 'schedule "on request", payable now ≥ the minimum (and above 0), payout details filled in and no open request' }),
    cannotRequestReason: z.string().nullable().openapi({ description: 'why not, as a sentence for the partner; null when they can' }),
    requests: z.array(PayoutRequestSchema).openapi({ description: 'newest first' }),
    payouts: z.array(PayoutSchema).openapi({ description: 'payments to the partner not reversed, newest first' }),
  })
  .openapi('PayoutsAnswer');
export type PayoutsAnswer = z.infer<typeof PayoutsAnswerSchema>;

export const AdminPayoutRequestSchema = PayoutRequestSchema.extend({
  partner: z.object({ id: z.number().int(), code: z.string(), name: z.string(), email: z.string() }),
}).openapi('AdminPayoutRequest');
export type AdminPayoutRequest = z.infer<typeof AdminPayoutRequestSchema>;

export const AdminPayoutRequestPageSchema = z
  .object({
    requests: z.array(AdminPayoutRequestSchema).openapi({ description: 'newest first' }),
    nextCursor: z.string().nullable().openapi({ description: 'pass as `cursor` for the next page; null on the last' }),
  })
  .openapi('AdminPayoutRequestPage');
export type AdminPayoutRequestPage = z.infer<typeof AdminPayoutRequestPageSchema>;

export const AdminPayoutRequestQuerySchema = z.object({
  status: PayoutRequestStatusSchema.optional().openapi({ description: 'only requests in this state (default: all)' }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'rows per page, 1–200 (default 50)' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
});

export const DeclineSchema = z.object({ note: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters') }).strict();

// ── the client's types (the contract) must accept what these schemas produce ─────────────────
type Fits<ClientType, Server extends ClientType> = Server;
export type ClientFits = [
  Fits<Client.Overview, Overview>,
  Fits<Client.PayoutsAnswer, PayoutsAnswer>,
  Fits<Client.PayoutRequest, PayoutRequest>,
  Fits<Client.Payout, Payout>,
  Fits<Client.PayoutSchedule, z.infer<typeof PayoutScheduleSchema>>,
];
