import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { engineServer } from '../../helpers/engine.js';
import { all, one, sql } from '../../helpers/sql.js';

export const STRIPE_SECRET = 'whsec_test_0123456789abcdefghijklmnop';
export const SHOPIFY_SECRET = 'shpss_test_secret_0123456789';
export const STRIPE_PATH = '/api/v1/integrations/stripe/webhook';
export const SHOPIFY_PATH = '/api/v1/integrations/shopify/webhook';

const stripe = new Stripe('sk_test_unused');
let sequence = 0;

/** A Stripe event envelope as Stripe sends it (https://docs.stripe.com/api/events/object). */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${++sequence}`) {
  return {
    id,
    object: 'event',
    api_version: '2025-09-30.clover',
    created: 1_768_478_400,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** A completed Checkout Session in payment mode (https://docs.stripe.com/api/checkout/sessions/object). */
export function checkoutSession(overrides: Record<string, unknown> = {}) {
  return {
    id: `cs_test_${++sequence}`,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_subtotal: 10000,
    amount_total: 10000,
    currency: 'usd',
    client_reference_id: null,
    customer: 'cus_test_1',
    customer_email: null,
    customer_details: { email: 'buyer@example.com', name: 'Bea Buyer', address: null, phone: null, tax_exempt: 'none', tax_ids: [] },
    discounts: [],
    metadata: {},
    payment_intent: `pi_test_${sequence}`,
    invoice: null,
    subscription: null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ...overrides,
  };
}

/** A paid invoice of a subscription (https://docs.stripe.com/api/invoices/object). */
export function paidInvoice(subscription: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `in_test_${++sequence}`,
    object: 'invoice',
    status: 'paid',
    billing_reason: 'subscription_cycle',
    amount_due: 5000,
    amount_paid: 5000,
    currency: 'usd',
    customer: 'cus_test_1',
    customer_email: 'buyer@example.com',
    customer_name: 'Bea Buyer',
    metadata: {},
    discounts: [],
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: {}, subscription } },
    lines: { object: 'list', data: [{ id: 'il_1', amount: 5000, currency: 'usd', description: '1 × Pro (at $50.00 / month)' }], has_more: false },
    ...overrides,
  };
}

/** A refunded charge (https://docs.stripe.com/api/charges/object): `amount_refunded` is the total refunded so far. */
export function refundedCharge(paymentIntent: string, amountRefunded: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `ch_test_${++sequence}`,
    object: 'charge',
    amount: 10000,
    amount_captured: 10000,
    amount_refunded: amountRefunded,
    currency: 'usd',
    paid: true,
    captured: true,
    refunded: amountRefunded >= ((overrides.amount as number | undefined) ?? 10000),
    payment_intent: paymentIntent,
    refunds: { object: 'list', data: [{ id: `re_test_${sequence}`, object: 'refund', amount: amountRefunded, reason: 'requested_by_customer', status: 'succeeded' }], has_more: false },
    ...overrides,
  };
}

/** The body and the Stripe-Signature header, signed with the stripe package's own test helper. */
export function signStripe(event: unknown, secret = STRIPE_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** The X-Shopify-Hmac-Sha256 header of a body, as Shopify computes it. */
export const shopifyHmac = (body: string, secret = SHOPIFY_SECRET) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

/** An engine server with both connectors' secrets set (as the environment would), and senders. */
export async function integrationServer() {
  const s = await engineServer();
  Object.assign(s.deps.config, { stripeWebhookSecret: STRIPE_SECRET, shopifyWebhookSecret: SHOPIFY_SECRET });
  let webhookIds = 0;
  return Object.assign(s, {
    async stripe(event: unknown, header?: string) {
      const signed = signStripe(event);
      return s.call('POST', STRIPE_PATH, { body: signed.payload, headers: { 'Stripe-Signature': header ?? signed.header } });
    },
    async shopify(topic: string, payload: unknown, options: { webhookId?: string; hmac?: string } = {}) {
      const body = JSON.stringify(payload);
      return s.call('POST', SHOPIFY_PATH, {
        body,
        headers: {
          'X-Shopify-Topic': topic,
          'X-Shopify-Hmac-Sha256': options.hmac ?? shopifyHmac(body),
          'X-Shopify-Webhook-Id': options.webhookId ?? `wh-${++webhookIds}`,
          'X-Shopify-Shop-Domain': 'shop.myshopify.com',
        },
      });
    },
    /** a row count per table, to show a rejected request changed nothing */
    counts: async () =>
      Object.fromEntries(await Promise.all(['sales', 'refunds', 'commissions', 'ledger_entries', 'integration_events', 'held_events'].map(async (t) => [t, await s.count(t)]))),
    commissionsOf: (code: string) =>
      all<{ amount: number; clawed_back: number; status: string; order_id: string }>(
        s.db,
        sql`SELECT c.amount, c.clawed_back, c.status, s.order_id FROM commissions c JOIN partners p ON p.id = c.partner_id JOIN sales s ON s.id = c.sale_id WHERE p.code = ${code} ORDER BY c.id`,
      ),
    saleOf: (orderId: string) =>
      one<{ amount: number; refunded_amount: number; status: string; code: string | null; subscription_id: string | null; response: string }>(
        s.db,
        sql`SELECT s.*, p.code FROM sales s LEFT JOIN partners p ON p.id = s.partner_id WHERE order_id = ${orderId}`,
      ),
  });
}
export type IntegrationServer = Awaited<ReturnType<typeof integrationServer>>;
