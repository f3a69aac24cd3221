import type { DeliveryStatus, WebhookEventType } from '../api/types.js';

/** The events an endpoint can subscribe to, in the order the form offers them, with what each means. */
export const WEBHOOK_EVENTS: readonly { type: WebhookEventType; hint: string }[] = [
  { type: 'partner.created', hint: 'A partner signed up or was added' },
  { type: 'partner.approved', hint: 'A sign-up was approved' },
  { type: 'sale.created', hint: 'A sale was recorded' },
  { type: 'lead.created', hint: 'A lead was recorded' },
  { type: 'commission.created', hint: 'A sale or lead earned a commission' },
  { type: 'commission.approved', hint: 'A commission was approved' },
  { type: 'commission.clawed_back', hint: 'A refund or cancel took a commission back' },
  { type: 'payment.created', hint: 'A payment to a partner was recorded' },
  { type: 'payout_request.created', hint: 'A partner asked for a payout (schedule “on request”)' },
];

export const DELIVERY_STATUS: Record<DeliveryStatus, string> = { delivered: 'Delivered', failed: 'Failed', pending: 'Pending' };

/** 1234 → "1.2 s", 87 → "87 ms" */
export const durationText = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
