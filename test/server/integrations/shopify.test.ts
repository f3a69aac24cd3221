import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError } from '../../helpers/engine.js';
import { all, sql } from '../../helpers/sql.js';
import { integrationServer, SHOPIFY_PATH, shopifyHmac, type IntegrationServer } from './helpers.js';

let s: IntegrationServer;
beforeEach(async () => {
  s = await integrationServer();
  await s.link('shop');
  const program = await s.program({ holdDays: 0, productRates: [{ productId: 'SKU-PRO', type: 'percent', value: 2000 }] });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
});
afterEach(() => s.close());

let orders = 5_123_456_789_000;
/** An order as Shopify's orders/paid webhook sends it (https://shopify.dev/docs/api/webhooks?reference=toml#list-orders/paid). */
function order(overrides: Record<string, unknown> = {}) {
  return {
    id: ++orders,
    name: '#1001',
    email: 'jon@example.com',
    currency: 'USD',
    total_price: '150.00',
    subtotal_price: '150.00',
    financial_status: 'paid',
    landing_site: '/',
    note_attributes: [],
    discount_codes: [],
    customer: { id: 115310627314723950, email: 'jon@example.com', first_name: 'Jon', last_name: 'Snow' },
    line_items: [
      { id: 1, product_id: 632910392, variant_id: 808950810, sku: 'SKU-PRO', title: 'Pro plan', price: '100.00', quantity: 1, discount_allocations: [] },
      { id: 2, product_id: 632910393, variant_id: 808950811, sku: '', title: 'Mug', price: '25.00', quantity: 2, discount_allocations: [] },
    ],
    ...overrides,
  };
}

/** A refund as refunds/create sends it: the money is in its refund transactions. */
const refund = (orderId: number, amount: string, id = orderId + 7) => ({
  id,
  order_id: orderId,
  note: 'Customer changed their mind',
  refund_line_items: [{ id: 104689539, quantity: 1, line_item_id: 1, subtotal: Number(amount) }],
  transactions: [{ id: 179259969, order_id: orderId, kind: 'refund', status: 'success', amount, currency: 'USD' }],
});

describe('Shopify: orders, refunds, cancels', () => {
  test('orders/paid with ?pc_click= on the landing site: a sale with its lines, the product rate applied', async () => {
    const { clickId } = await s.click('alice');
    const paid = order({ landing_site: `/products/pro?utm_source=x&pc_click=${clickId}` });
    const res = await s.shopify('orders/paid', paid);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, { received: true, result: 'recorded' });
    const sale = (await s.saleOf(String(paid.id)))!;
    assert.equal(sale.code, 'alice');
    assert.equal(sale.amount, 15000);
    const items = await all(s.db, sql`SELECT product_id, amount, quantity FROM sale_items ORDER BY id`);
    assert.deepEqual(items, [
      { product_id: 'SKU-PRO', amount: 10000, quantity: 1 },
      { product_id: '632910393', amount: 5000, quantity: 2 },
    ]);
    // 20% of the Pro plan (product rate) + 10% of the mugs
    assert.equal((await s.ledgerOf('alice')).sum, 2000 + 500);
  });

  test('a partial refund claws back its share, orders/cancelled the rest; the same webhook id again is a duplicate', async () => {
    const paid = order({ note_attributes: [{ name: 'partner', value: 'bob' }] });
    await s.shopify('orders/paid', paid);
    assert.equal((await s.ledgerOf('bob')).sum, 2500);
    const partial = await s.shopify('refunds/create', refund(paid.id, '30.00'), { webhookId: 'refund-hook-1' });
    assert.equal(partial.json.result, 'recorded');
    assert.equal((await s.saleOf(String(paid.id)))!.refunded_amount, 3000);
    assert.equal((await s.ledgerOf('bob')).sum, 2000); // 20% of the commission back
    const again = await s.shopify('refunds/create', refund(paid.id, '30.00'), { webhookId: 'refund-hook-1' });
    assert.equal(again.json.result, 'duplicate');
    assert.equal((await s.saleOf(String(paid.id)))!.refunded_amount, 3000);

    const cancelled = await s.shopify('orders/cancelled', { ...paid, cancel_reason: 'customer', cancelled_at: '2026-01-16T10:00:00-05:00' });
    assert.equal(cancelled.json.result, 'recorded');
    assert.equal((await s.saleOf(String(paid.id)))!.status, 'refunded');
    assert.equal((await s.ledgerOf('bob')).sum, 0);
  });

  test('a discount code the merchant gave a partner credits the partner; ?ref= on the landing site too', async () => {
    await s.admin('POST', '/api/v1/admin/partners/bob/coupons', { code: 'BOB15' });
    const withCode = order({ discount_codes: [{ code: 'bob15', amount: '15.00', type: 'percentage' }], total_price: '135.00' });
    await s.shopify('orders/paid', withCode);
    assert.equal((await s.saleOf(String(withCode.id)))!.code, 'bob');
    const withRef = order({ landing_site: '/?ref=alice' });
    await s.shopify('orders/paid', withRef);
    assert.equal((await s.saleOf(String(withRef.id)))!.code, 'alice');
  });

  test('a refund before its order is paid is held, then applied', async () => {
    const paid = order({ note_attributes: [{ name: 'pc_partner', value: 'alice' }] });
    const early = await s.shopify('refunds/create', refund(paid.id, '150.00'));
    assert.equal(early.json.result, 'held');
    assert.equal(await s.count('refunds'), 0);
    await s.shopify('orders/paid', paid);
    assert.equal((await s.saleOf(String(paid.id)))!.status, 'refunded');
    assert.equal((await s.ledgerOf('alice')).sum, 0);
    assert.equal(await s.count('held_events'), 0);
  });

  test('a bad or missing HMAC answers 400 invalid_signature and records nothing; other topics are ignored', async () => {
    const before = await s.counts();
    assertError(await s.shopify('orders/paid', order(), { hmac: shopifyHmac('{}') }), 400, 'invalid_signature');
    assertError(await s.shopify('orders/paid', order(), { hmac: shopifyHmac(JSON.stringify(order()), 'not-the-secret') }), 400, 'invalid_signature');
    assertError(await s.call('POST', SHOPIFY_PATH, { body: JSON.stringify(order()), headers: { 'X-Shopify-Topic': 'orders/paid' } }), 400, 'invalid_signature');
    assert.deepEqual(await s.counts(), before);
    const other = await s.shopify('products/update', { id: 1, title: 'Mug' });
    assert.equal(other.status, 200);
    assert.equal(other.json.result, 'ignored');
    assert.equal(await s.count('sales'), 0);
  });
});
