import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import { getSettings } from '../catalog/settings.js';
import { parseDecimal } from '../shared/money.js';
import { recordRefund } from '../tracking/refunds.js';
import { recordSale, type SaleInput } from '../tracking/sales.js';
import type { WebhookAnswer } from './integrations.schemas.js';
import { customerOf, pickClickId, pickCoupon, pickPartnerCode } from './attribution-input.js';
import { handleOnce, int, list, obj, orderOf, releaseHeld, str, type Outcome } from './events.js';
import { InvalidSignature } from './stripe.js';

/** Shopify's signature: base64 HMAC-SHA256 of the raw body with the shared secret, compared in constant time. */
export function verifyShopify(rawBody: string, header: string | undefined, secret: string): void {
  if (!header) throw new InvalidSignature('The X-Shopify-Hmac-Sha256 header is missing');
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest();
  const given = Buffer.from(header.trim(), 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidSignature('The X-Shopify-Hmac-Sha256 signature does not verify');
}

/** Shopify's decimal money text ("12.50", "1200.00" for yen) as cents of the currency. */
function money(value: unknown, currency: string): number | undefined {
  const text = typeof value === 'number' ? String(value) : str(value);
  if (!text) return undefined;
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return parseDecimal(trimmed, currency);
}

/** The order's landing-site query (`?pc_click=…&ref=…`) and note attributes. */
function referral(order: Record<string, unknown>, clickParam: string) {
  const params = new URLSearchParams();
  const landing = str(order.landing_site);
  if (landing) {
    try {
      new URL(landing, 'https://shop.invalid').searchParams.forEach((v, k) => params.append(k, v));
    } catch {
      // an unusable landing site: no parameters
    }
  }
  const notes = new Map<string, string>();
  for (const attr of list(order.note_attributes)) {
    const name = str(obj(attr)?.name);
    const value = str(obj(attr)?.value);
    if (name && value) notes.set(name.toLowerCase(), value);
  }
  const pick = (names: string[]) => names.flatMap((n) => [notes.get(n) ?? undefined, params.get(n) ?? undefined]);
  return {
    clickId: pickClickId(pick([clickParam, 'pc_click'])),
    partnerCode: pickPartnerCode(pick(['pc_partner', 'partner', 'ref'])),
    coupons: [...pick(['pc_coupon']), ...list(order.discount_codes).map((d) => str(obj(d)?.code))],
  };
}

/**
 * The order's lines as sale items (product id: the line's SKU, else its Shopify product id),
 * each line's discounts taken off, so the programs' product rates apply. Left out when they do
 * not fit within the sale's amount.
 */
function items(order: Record<string, unknown>, currency: string, amount: number): SaleInput['items'] {
  const lines = list(order.line_items).flatMap((l) => {
    const line = obj(l);
    if (!line) return [];
    const productId = str(line.sku) ?? str(line.product_id) ?? str(line.variant_id);
    const quantity = int(line.quantity) || 1;
    const price = money(line.price, currency);
    if (!productId || productId.length > 128 || price === undefined) return [];
    const discount = list(line.discount_allocations).reduce<number>((t, d) => t + (money(obj(d)?.amount, currency) ?? 0), 0);
    return [{ productId, quantity, amount: Math.max(0, price * quantity - discount) }];
  });
  const total = lines.reduce((t, l) => t + l.amount, 0);
  return lines.length && lines.length <= 100 && total <= amount ? lines : undefined;
}

async function orderPaid(deps: Deps, order: Record<string, unknown>): Promise<Outcome> {
  const id = str(order.id);
  const currency = str(order.currency);
  if (!id || !currency) return { result: 'ignored', detail: 'The order has no id or currency' };
  const amount = money(order.total_price, currency);
  if (amount === undefined) return { result: 'ignored', detail: `The order's total_price ${String(order.total_price)} is not an amount` };
  const settings = await getSettings(deps);
  const found = referral(order, settings.clickParam);
  const customer = obj(order.customer);
  const name = [str(customer?.first_name), str(customer?.last_name)].filter(Boolean).join(' ');
  const input: SaleInput = {
    orderId: id,
    amount,
    currency,
    clickId: found.clickId,
    partnerCode: found.partnerCode,
    couponCode: await pickCoupon(deps.db.kysely, found.coupons),
    customer: customerOf(str(order.email) ?? str(order.contact_email) ?? str(customer?.email), name || undefined),
    items: items(order, currency, amount),
  };
  const { created, result } = await recordSale(deps, input);
  await releaseHeld(deps, 'shopify', id, [id], (type, payload) => handle(deps, type, JSON.parse(payload), 'held'));
  return { result: 'recorded', duplicate: !created, detail: `sale ${id}${result.partnerCode ? ` credited to ${result.partnerCode}` : ''}` };
}

/** refunds/create: the refund transactions' total (a refund restocking only, without money, records nothing). */
async function refundCreated(deps: Deps, refund: Record<string, unknown>): Promise<Outcome> {
  const orderId = str(refund.order_id);
  if (!orderId) return { result: 'ignored', detail: 'The refund has no order_id' };
  const known = await orderOf(deps, 'shopify', [orderId]);
  if (!known) return { result: 'held', refs: [orderId], detail: 'Held until its order is paid' };
  const settings = await getSettings(deps);
  const transactions = list(refund.transactions).map(obj).filter((t) => t && t.kind === 'refund' && t.status !== 'failure' && t.status !== 'error');
  const amount = transactions.reduce<number>((sum, t) => sum + (money(t!.amount, str(t!.currency) ?? settings.currency) ?? 0), 0);
  if (amount <= 0) return { result: 'ignored', detail: 'The refund returns no money' };
  const sale = await deps.db.kysely.selectFrom('sales').select(['amount', 'refunded_amount']).where('order_id', '=', known).executeTakeFirstOrThrow();
  const left = sale.amount - sale.refunded_amount;
  if (left <= 0) return { result: 'recorded', duplicate: true, detail: `Order ${known} is refunded in full already` };
  const note = str(refund.note);
  const { result } = await recordRefund(deps, {
    orderId: known,
    amount: Math.min(amount, left),
    ...(str(refund.id) && { refundId: `shopify:${str(refund.id)}` }),
    ...(note && { reason: note.slice(0, 500) }),
  });
  return { result: 'recorded', detail: `refund of ${result.amount} on order ${known}` };
}

/** orders/cancelled: whatever is left of the sale is cancelled (a refund already recorded stays). */
async function orderCancelled(deps: Deps, order: Record<string, unknown>): Promise<Outcome> {
  const id = str(order.id);
  if (!id) return { result: 'ignored', detail: 'The order has no id' };
  const known = await orderOf(deps, 'shopify', [id]);
  if (!known) return { result: 'held', refs: [id], detail: 'Held until its order is paid' };
  const sale = await deps.db.kysely.selectFrom('sales').select(['amount', 'refunded_amount']).where('order_id', '=', known).executeTakeFirstOrThrow();
  if (sale.amount - sale.refunded_amount <= 0) return { result: 'recorded', duplicate: true, detail: `Order ${known} is refunded in full already` };
  const reason = str(order.cancel_reason);
  await recordRefund(deps, { orderId: known, refundId: `shopify-cancel:${id}`, reason: `Cancelled in Shopify${reason ? ` (${reason})` : ''}` });
  return { result: 'recorded', detail: `order ${known} cancelled` };
}

async function handle(deps: Deps, topic: string, body: Record<string, unknown>, _from?: 'held'): Promise<Outcome> {
  switch (topic) {
    case 'orders/paid':
      return orderPaid(deps, body);
    case 'refunds/create':
      return refundCreated(deps, body);
    case 'orders/cancelled':
      return orderCancelled(deps, body);
    default:
      return { result: 'ignored', detail: `Partner Center does not use ${topic} webhooks` };
  }
}

/** One delivery of a Shopify webhook: verified, then handled once per X-Shopify-Webhook-Id. */
export async function shopifyWebhook(
  deps: Deps,
  rawBody: string,
  headers: { hmac?: string; topic?: string; webhookId?: string },
  secret: string,
): Promise<WebhookAnswer> {
  verifyShopify(rawBody, headers.hmac, secret);
  let body: Record<string, unknown> | undefined;
  try {
    body = obj(JSON.parse(rawBody));
  } catch {
    body = undefined;
  }
  const topic = headers.topic?.trim() || 'unknown';
  if (!body) return { received: true, result: 'ignored', reason: 'The body is not a JSON object' };
  const eventId = headers.webhookId?.trim() || `${topic}:${str(body.id) ?? ''}`;
  return handleOnce(deps, 'shopify', eventId.slice(0, 200), topic, rawBody, () => handle(deps, topic, body));
}
