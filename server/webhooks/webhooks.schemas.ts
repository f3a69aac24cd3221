import { z } from 'zod';

/**
 * Outgoing webhooks: the event types, and the request and answer shapes of the admin routes
 * (zod only, so the console's types can read them).
 */

export const WEBHOOK_EVENTS = [
  'partner.created',
  'partner.approved',
  'sale.created',
  'commission.created',
  'commission.approved',
  'commission.clawed_back',
  'payment.created',
  'lead.created',
  'payout_request.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** What the test button sends (never subscribed to: every endpoint may get it). */
export const TEST_EVENT = 'webhook.test';

const eventName = z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(', ')}` });

const url = z.string({ error: 'is required' }).trim().min(1, 'is required').max(2000, 'must be at most 2000 characters');
const events = z
  .array(eventName, { error: 'must be a list of event types' })
  .min(1, 'must name at least one event')
  .max(WEBHOOK_EVENTS.length * 2, 'lists too many events')
  .transform((list) => [...new Set(list)]);
const description = z.string({ error: 'must be text' }).trim().max(500, 'must be at most 500 characters');

export const newWebhookEndpointSchema = z.object({ url, events, description: description.optional() }).strict();
export type NewWebhookEndpoint = z.input<typeof newWebhookEndpointSchema>;

export const webhookEndpointPatchSchema = z
  .object({
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    status: z.enum(['enabled', 'disabled'], { error: 'must be "enabled" or "disabled"' }).optional(),
  })
  .strict();
export type WebhookEndpointPatch = z.input<typeof webhookEndpointPatchSchema>;

export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().max(800, 'must be at most 800 characters').optional(),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const WebhookEndpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  status: z.enum(['enabled', 'disabled']),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  lastDelivery: z
    .object({ at: z.string(), status: z.enum(DELIVERY_STATUSES), responseCode: z.number().int().nullable() })
    .nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const NewWebhookEndpointAnswerSchema = WebhookEndpointSchema.extend({ secret: z.string() });
export type NewWebhookEndpointAnswer = z.infer<typeof NewWebhookEndpointAnswerSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.number().int(),
  eventType: z.string(),
  /** the webhook-id header the receiver got (`msg_…`) */
  eventId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryPageSchema = z.object({ deliveries: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;

/** The body every receiver gets (Standard Webhooks). */
export interface WebhookPayload<T = unknown> {
  type: string;
  timestamp: string;
  data: T;
}
