import { z } from '@hono/zod-openapi';
import { NO_COMMISSION_REASONS } from '../money/commissions.js';

/** The answers of the tracking API (sales, refunds, leads) and of the admin's sales list. */

/** One commission a sale or lead earned. */
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

export type SaleCommissionResult = z.infer<typeof SaleCommissionSchema>;

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
    notAttributedReason: z.string().nullable().openapi({ description: 'why no partner was credited (unknown_click, click_expired, unknown_partner, unknown_coupon, partner_inactive, no_referral)' }),
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

export type SaleResult = z.infer<typeof SaleResultSchema>;

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

export type RefundResult = z.infer<typeof RefundResultSchema>;

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

export type LeadResult = z.infer<typeof LeadResultSchema>;

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

export type SaleView = z.infer<typeof SaleSchema>;
