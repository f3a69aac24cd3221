import { z } from 'zod';

/** A coupon / promotion / discount code as the merchant's checkout shows it. */
export const COUPON_PATTERN = /^[A-Za-z0-9_-]{2,64}$/;
export const couponCode = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .regex(COUPON_PATTERN, 'must be 2–64 letters, digits, dashes or underscores');

export const couponInputSchema = z.object({ code: couponCode }).strict();

export const CouponSchema = z.object({ code: z.string(), createdAt: z.string() });
export type Coupon = z.infer<typeof CouponSchema>;
export const CouponListSchema = z.object({ coupons: z.array(CouponSchema) });

const secret = z
  .string({ error: 'must be text or null' })
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be the secret as copied, without spaces')
  .nullable()
  .optional();

export const integrationsPatchSchema = z.object({ stripeWebhookSecret: secret, shopifyWebhookSecret: secret }).strict();
export type IntegrationsPatch = z.infer<typeof integrationsPatchSchema>;

const ConnectorSchema = z.object({
  configured: z.boolean(),
  from: z.enum(['env', 'settings']).nullable(),
  webhookUrl: z.string(),
});
export const IntegrationsSchema = z.object({ stripe: ConnectorSchema, shopify: ConnectorSchema });
export type Integrations = z.infer<typeof IntegrationsSchema>;

export const WebhookAnswerSchema = z.object({
  received: z.literal(true),
  result: z.enum(['recorded', 'duplicate', 'ignored', 'held']),
  /** why an event was ignored */
  reason: z.string().optional(),
});
export type WebhookAnswer = z.infer<typeof WebhookAnswerSchema>;
