import type Stripe from 'stripe';
import type { Deps } from '../deps.js';
import { recordRefund } from '../tracking/refunds.js';
import { recordSale, type SaleInput } from '../tracking/sales.js';
import { recordLead } from '../tracking/leads.js';
import { couponPartner } from './coupons.js';
import type { WebhookAnswer } from './integrations.schemas.js';
import { customerOf, pickClickId, pickCoupon, pickPartnerCode } from './attribution-input.js';
import { handleOnce, int, list, obj, orderOf, releaseHeld, str, type Outcome } from './events.js';

/**
 * The official package, only for its signature check (no API key, no network): loaded with the
 * first delivery, so a process that never receives one (the CLI, most servers) does not pay its
 * start-up time.
 */
let stripe: Promise<Stripe> | undefined;
const stripeClient = (): Promise<Stripe> =>
  (stripe ??= import('stripe').then(({ default: StripeClient }) => new StripeClient('sk_unused_signature_check_only')));

export class InvalidSignature extends Error {}

/**
 * Verifies a Stripe webhook delivery (the `Stripe-Signature` header over the raw body, with the
 * official package) and returns the event. Throws InvalidSignature when it does not verify.
 */
export async function verifyStripeEvent(rawBody: string, header: string | undefined, secret: string): Promise<{ id: string; type: string; data: { object: Record<string, unknown> } }> {
  if (!header) throw new InvalidSignature('The Stripe-Signature header is missing');
  const client = await stripeClient();
  try {
    const event = client.webhooks.constructEvent(rawBody, header, secret) as unknown as { id?: unknown; type?: unknown; data?: { object?: unknown } };
    const object = obj(event.data?.object);
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || !object) throw new InvalidSignature('Not a Stripe event');
    return { id: event.id, type: event.type, data: { object } };
  } catch (err) {
    if (err instanceof InvalidSignature) throw err;
    throw new InvalidSignature(err instanceof Error ? err.message : 'The signature does not verify');
  }
}

const metadataOf = (...sources: unknown[]): Record<string, string | undefined> => {
  const merged: Record<string, string | undefined> = {};
  for (const source of sources.reverse()) for (const [k, v] of Object.entries(obj(source) ?? {})) merged[k] = str(v);
  return merged;
};

/** Promotion codes and coupons of a session or invoice: the expanded code first, then the ids. */
const discountCodes = (object: Record<string, unknown>): (string | undefined)[] =>
  list(object.discounts).flatMap((d) => {
    const discount = obj(d);
    if (!discount) return [];
    const promo = discount.promotion_code;
    const coupon = discount.coupon ?? obj(discount.source)?.coupon;
    return [str(obj(promo)?.code), str(promo), str(obj(promo)?.id), str(obj(coupon)?.name), str(coupon), str(obj(coupon)?.id)];
  });

/** The record of a sale: `created: false` (the same order again) answers as a duplicate. */
async function sale(deps: Deps, input: SaleInput, refs: (string | undefined)[]): Promise<Outcome> {
  const { created, result } = await recordSale(deps, input);
  await releaseHeld(deps, 'stripe', result.orderId, [result.orderId, ...refs], (type, payload) => handle(deps, type, JSON.parse(payload)));
  return { result: 'recorded', duplicate: !created, detail: `sale ${result.orderId}${result.partnerCode ? ` credited to ${result.partnerCode}` : ''}` };
}

/** checkout.session.completed / async_payment_succeeded: the sale, its order id the session's id. */
async function checkoutSession(deps: Deps, s: Record<string, unknown>): Promise<Outcome> {
  const id = str(s.id);
  if (!id) return { result: 'ignored', detail: 'The Checkout Session has no id' };
  if (s.mode === 'setup') return { result: 'ignored', detail: 'A setup-mode Checkout Session takes no payment' };
  if (s.payment_status !== 'paid' && s.payment_status !== 'no_payment_required') {
    return { result: 'ignored', detail: `The Checkout Session is ${String(s.payment_status ?? 'unpaid')}: the sale is recorded on checkout.session.async_payment_succeeded` };
  }
  const amount = int(s.amount_total);
  const currency = str(s.currency);
  if (amount === undefined || !currency) return { result: 'ignored', detail: 'The Checkout Session has no amount_total or currency' };
  const meta = metadataOf(s.metadata);
  const details = obj(s.customer_details);
  const subscription = s.mode === 'subscription' ? (str(s.subscription) ?? str(obj(s.subscription)?.id)) : undefined;
  const input: SaleInput = {
    orderId: id,
    amount,
    currency,
    clickId: pickClickId([meta.pc_click, str(s.client_reference_id)]),
    partnerCode: pickPartnerCode([meta.pc_partner, meta.partner, meta.partner_code]),
    couponCode: await pickCoupon(deps.db.kysely, [meta.pc_coupon, ...discountCodes(s)]),
    customer: customerOf(str(details?.email) ?? str(s.customer_email), str(details?.name)),
    ...(subscription && { subscriptionId: subscription }),
  };
  if (amount === 0 && input.customer) return freeCheckout(deps, id, input);
  return sale(deps, input, [str(s.payment_intent) ?? str(obj(s.payment_intent)?.id), str(s.invoice) ?? str(obj(s.invoice)?.id)]);
}

/**
 * A Checkout that took no money (a free trial, a 100% discount) is a lead, not a sale: the
 * customer's email stays with the partner who referred them, so the subscription's first paid
 * invoice is credited to that partner (by the lead's email) and counts as its first payment.
 */
async function freeCheckout(deps: Deps, sessionId: string, input: SaleInput): Promise<Outcome> {
  const coupon = input.couponCode ? await couponPartner(deps.db.kysely, input.couponCode) : undefined;
  const { created, result } = await recordLead(deps, {
    email: input.customer!.email,
    ...(input.customer!.name && { name: input.customer!.name }),
    clickId: input.clickId,
    partnerCode: input.partnerCode ?? coupon?.code,
    externalId: sessionId,
  });
  if (!result.attributed) return { result: 'ignored', detail: `A Checkout without payment and without a referral (${result.notAttributedReason}): nothing to record` };
  return { result: 'recorded', duplicate: !created, detail: `lead ${result.email} of ${result.partnerCode}` };
}

/**
 * invoice.paid: a subscription payment (order id: the invoice's id; numbered per subscription so
 * the program's recurring terms apply). The first invoice of a subscription started in Checkout
 * (`billing_reason: subscription_create`) is that session's sale, recorded from
 * checkout.session.completed; it is answered `ignored`.
 */
async function invoicePaid(deps: Deps, inv: Record<string, unknown>): Promise<Outcome> {
  const id = str(inv.id);
  if (!id) return { result: 'ignored', detail: 'The invoice has no id' };
  const parentDetails = obj(obj(inv.parent)?.subscription_details);
  const subscription = str(inv.subscription) ?? str(obj(inv.subscription)?.id) ?? str(parentDetails?.subscription) ?? str(obj(inv.subscription_details)?.subscription);
  if (inv.billing_reason === 'subscription_create') {
    return { result: 'ignored', detail: 'The first payment of a subscription is recorded from its checkout.session.completed' };
  }
  const amount = int(inv.amount_paid);
  const currency = str(inv.currency);
  if (!amount || !currency) return { result: 'ignored', detail: 'Nothing was paid on this invoice' };
  const meta = metadataOf(inv.metadata, obj(inv.subscription_details)?.metadata, parentDetails?.metadata);
  const paymentIntents = list(obj(inv.payments)?.data).map((p) => str(obj(obj(p)?.payment)?.payment_intent));
  const input: SaleInput = {
    orderId: id,
    amount,
    currency,
    clickId: pickClickId([meta.pc_click]),
    partnerCode: pickPartnerCode([meta.pc_partner, meta.partner, meta.partner_code]),
    couponCode: await pickCoupon(deps.db.kysely, [meta.pc_coupon, ...discountCodes(inv)]),
    customer: customerOf(str(inv.customer_email), str(inv.customer_name)),
    ...(subscription && { subscriptionId: subscription }),
  };
  return sale(deps, input, [str(inv.payment_intent), str(inv.charge), ...paymentIntents]);
}

/**
 * charge.refunded: `amount_refunded` is the charge's total refunded so far, so each event
 * records what is new since the sale's refunds (events out of order, or again, record nothing
 * twice); a charge refunded in full cancels what is left of the sale. A refund whose sale has
 * not arrived is held under the charge's payment intent and invoice.
 */
async function chargeRefunded(deps: Deps, ch: Record<string, unknown>, eventId: string): Promise<Outcome> {
  const refs = [str(ch.payment_intent) ?? str(obj(ch.payment_intent)?.id), str(ch.invoice) ?? str(obj(ch.invoice)?.id), str(ch.id)];
  const orderId = await orderOf(deps, 'stripe', refs);
  if (!orderId) return { result: 'held', refs: refs.filter((r): r is string => !!r), detail: 'Held until its sale arrives' };
  const sale = await deps.db.kysely.selectFrom('sales').select(['amount', 'refunded_amount']).where('order_id', '=', orderId).executeTakeFirstOrThrow();
  const left = sale.amount - sale.refunded_amount;
  const refunded = int(ch.amount_refunded) ?? 0;
  const captured = int(ch.amount_captured) ?? int(ch.amount);
  const full = ch.refunded === true || (captured !== undefined && refunded >= captured);
  const fresh = refunded - sale.refunded_amount;
  if (left <= 0 || (!full && fresh <= 0)) return { result: 'recorded', duplicate: true, detail: `Order ${orderId}: this refund is recorded already` };
  const reason = str(obj(list(obj(ch.refunds)?.data)[0])?.reason);
  const { result } = await recordRefund(deps, {
    orderId,
    ...(!full && { amount: Math.min(fresh, left) }),
    refundId: `stripe:${eventId}`,
    ...(reason && { reason: `Stripe: ${reason}` }),
  });
  return { result: 'recorded', detail: `refund of ${result.amount} on order ${orderId}` };
}

async function handle(deps: Deps, type: string, event: { id: string; data: { object: Record<string, unknown> } }): Promise<Outcome> {
  const object = event.data.object;
  switch (type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return checkoutSession(deps, object);
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
      return type === 'invoice.paid' ? invoicePaid(deps, object) : { result: 'ignored', detail: 'Sales are recorded from invoice.paid' };
    case 'charge.refunded':
      return chargeRefunded(deps, object, event.id);
    default:
      return { result: 'ignored', detail: `Partner Center does not use ${type} events` };
  }
}

/** One delivery of Stripe's webhook: verified, then handled once per event id. */
export async function stripeWebhook(deps: Deps, rawBody: string, header: string | undefined, secret: string): Promise<WebhookAnswer> {
  const event = await verifyStripeEvent(rawBody, header, secret);
  return handleOnce(deps, 'stripe', event.id, event.type, JSON.stringify(event), () => handle(deps, event.type, event));
}
