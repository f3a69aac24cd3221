import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError } from '../../helpers/engine.js';
import { one, sql } from '../../helpers/sql.js';
import { checkoutSession, integrationServer, paidInvoice, refundedCharge, signStripe, STRIPE_PATH, stripeEvent, type IntegrationServer } from './helpers.js';

let s: IntegrationServer;
beforeEach(async () => {
  s = await integrationServer();
  await s.link('shop');
  const program = await s.program({ holdDays: 0 });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
});
afterEach(() => s.close());

describe('Stripe: Checkout sales and refunds', () => {
  test('a Checkout payment with the partner’s click id in client_reference_id becomes a commission; a partial refund claws back its share, a full one the rest', async () => {
    const { clickId } = await s.click('alice');
    const session = checkoutSession({ client_reference_id: clickId });
    const paid = await s.stripe(stripeEvent('checkout.session.completed', session));
    assert.equal(paid.status, 200, paid.text);
    assert.deepEqual(paid.json, { received: true, result: 'recorded' });
    const sale = (await s.saleOf(session.id))!;
    assert.equal(sale.code, 'alice');
    assert.equal(sale.amount, 10000);
    assert.equal(JSON.parse(sale.response).attribution, 'last_click');
    assert.deepEqual((await s.commissionsOf('alice')).map((c) => c.amount), [1000]);

    // a quarter refunded: a quarter of the commission taken back
    const partial = await s.stripe(stripeEvent('charge.refunded', refundedCharge(session.payment_intent, 2500)));
    assert.deepEqual(partial.json, { received: true, result: 'recorded' });
    assert.equal((await s.saleOf(session.id))!.status, 'partially_refunded');
    assert.equal((await s.commissionsOf('alice'))[0]!.clawed_back, 250);
    assert.equal((await s.ledgerOf('alice')).sum, 750);

    // then refunded in full: the rest
    const full = await s.stripe(stripeEvent('charge.refunded', refundedCharge(session.payment_intent, 10000)));
    assert.equal(full.json.result, 'recorded');
    assert.equal((await s.saleOf(session.id))!.status, 'refunded');
    assert.equal((await s.commissionsOf('alice'))[0]!.status, 'clawed_back');
    assert.equal((await s.ledgerOf('alice')).sum, 0);
  });

  test('metadata.pc_click, else a partner code in metadata, attribute the sale', async () => {
    const { clickId } = await s.click('bob');
    const byMeta = checkoutSession({ metadata: { pc_click: clickId }, client_reference_id: 'user_42' });
    await s.stripe(stripeEvent('checkout.session.completed', byMeta));
    assert.equal((await s.saleOf(byMeta.id))!.code, 'bob');
    const byCode = checkoutSession({ metadata: { partner: 'alice' } });
    await s.stripe(stripeEvent('checkout.session.completed', byCode));
    assert.equal((await s.saleOf(byCode.id))!.code, 'alice');
    assert.equal(JSON.parse((await s.saleOf(byCode.id))!.response).attribution, 'partner_code');
  });

  test('a promotion code the merchant gave a partner credits the partner (any case)', async () => {
    assert.equal((await s.admin('POST', '/api/v1/admin/partners/alice/coupons', { code: 'alice10' })).status, 201);
    const session = checkoutSession({
      amount_total: 9000,
      discounts: [{ coupon: 'ALICE10', promotion_code: 'promo_1QxYz' }],
      total_details: { amount_discount: 1000, amount_shipping: 0, amount_tax: 0 },
    });
    const res = await s.stripe(stripeEvent('checkout.session.completed', session));
    assert.equal(res.json.result, 'recorded');
    assert.equal((await s.saleOf(session.id))!.code, 'alice');
    assert.deepEqual((await s.commissionsOf('alice')).map((c) => c.amount), [900]);
  });

  test('no click, code or coupon: the customer’s email credits the partner who brought them as a lead', async () => {
    const lead = await s.admin('POST', '/api/v1/track/leads', { email: 'lena@example.com', partnerCode: 'bob' });
    assert.equal(lead.status, 201, lead.text);
    const session = checkoutSession({ customer_details: { email: 'lena@example.com', name: 'Lena' } });
    await s.stripe(stripeEvent('checkout.session.completed', session));
    assert.equal((await s.saleOf(session.id))!.code, 'bob');
    assert.equal(JSON.parse((await s.saleOf(session.id))!.response).attribution, 'lead_email');
  });

  test('the same event again answers duplicate and records nothing more', async () => {
    const { clickId } = await s.click('alice');
    const event = stripeEvent('checkout.session.completed', checkoutSession({ client_reference_id: clickId }));
    assert.equal((await s.stripe(event)).json.result, 'recorded');
    const before = await s.counts();
    const again = await s.stripe(event);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, { received: true, result: 'duplicate' });
    assert.deepEqual(await s.counts(), before);
  });

  test('a refund that arrives before its sale is held, then applied when the sale arrives', async () => {
    const { clickId } = await s.click('alice');
    const session = checkoutSession({ client_reference_id: clickId });
    const early = await s.stripe(stripeEvent('charge.refunded', refundedCharge(session.payment_intent, 5000)));
    assert.deepEqual(early.json, { received: true, result: 'held' });
    assert.equal(await s.count('refunds'), 0);
    assert.equal((await one<{ n: number }>(s.db, sql`SELECT count(DISTINCT event_id) AS n FROM held_events`))!.n, 1);

    await s.stripe(stripeEvent('checkout.session.completed', session));
    const sale = (await s.saleOf(session.id))!;
    assert.equal(sale.refunded_amount, 5000);
    assert.equal(sale.status, 'partially_refunded');
    assert.equal((await s.commissionsOf('alice'))[0]!.clawed_back, 500);
    assert.equal(await s.count('held_events'), 0);
    assert.equal((await one<{ result: string }>(s.db, sql`SELECT result FROM integration_events WHERE type = 'charge.refunded'`))!.result, 'recorded');
  });

  test('a session not yet paid (delayed payment method) records nothing until async_payment_succeeded', async () => {
    const session = checkoutSession({ payment_status: 'unpaid', metadata: { partner: 'alice' } });
    const pending = await s.stripe(stripeEvent('checkout.session.completed', session));
    assert.equal(pending.json.result, 'ignored');
    assert.equal(await s.count('sales'), 0);
    await s.stripe(stripeEvent('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }));
    assert.equal((await s.saleOf(session.id))!.code, 'alice');
  });
});

describe('Stripe: subscriptions', () => {
  test('invoice.paid records each later payment with the invoice id, numbered so the recurring terms apply', async () => {
    const recurring = await s.program({ name: 'SaaS', priority: 10, holdDays: 0, recurring: { mode: 'first_n', payments: 2 } });
    await s.partner('carol', { programIds: [recurring.id] });
    const { clickId } = await s.click('carol');
    const session = checkoutSession({ mode: 'subscription', subscription: 'sub_test_1', invoice: 'in_first', payment_intent: null, amount_total: 5000, client_reference_id: clickId });
    await s.stripe(stripeEvent('checkout.session.completed', session));
    // the subscription's first invoice is the Checkout Session's sale
    const first = await s.stripe(stripeEvent('invoice.paid', paidInvoice('sub_test_1', { id: 'in_first', billing_reason: 'subscription_create' })));
    assert.equal(first.json.result, 'ignored');

    const second = paidInvoice('sub_test_1');
    const third = paidInvoice('sub_test_1');
    assert.equal((await s.stripe(stripeEvent('invoice.paid', second))).json.result, 'recorded');
    assert.equal((await s.stripe(stripeEvent('invoice.paid', third))).json.result, 'recorded');

    assert.equal((await s.saleOf(second.id))!.code, 'carol');
    assert.equal((await s.saleOf(second.id))!.subscription_id, 'sub_test_1');
    // first_n 2: the first two payments earn, the third does not
    assert.deepEqual(
      (await s.commissionsOf('carol')).map((c) => [c.order_id, c.amount]),
      [
        [session.id, 500],
        [second.id, 500],
      ],
    );
    assert.equal(JSON.parse((await s.saleOf(third.id))!.response).noCommissionReason, 'recurring_ended');
  });
});

describe('Stripe: subscription refunds', () => {
  test('a refund of a subscription payment finds its invoice through the invoice’s payment intent', async () => {
    const invoice = paidInvoice('sub_test_9', {
      metadata: { partner: 'alice' },
      payments: { object: 'list', data: [{ id: 'inpay_1', payment: { type: 'payment_intent', payment_intent: 'pi_invoice_9' }, status: 'paid' }] },
    });
    await s.stripe(stripeEvent('invoice.paid', invoice));
    assert.equal((await s.saleOf(invoice.id))!.code, 'alice');
    const res = await s.stripe(stripeEvent('charge.refunded', refundedCharge('pi_invoice_9', 1000, { amount: 5000, amount_captured: 5000 })));
    assert.equal(res.json.result, 'recorded');
    assert.equal((await s.saleOf(invoice.id))!.refunded_amount, 1000);
    assert.equal((await s.commissionsOf('alice'))[0]!.clawed_back, 100);
  });
});

describe('Stripe: free trials', () => {
  test('a Checkout that took no money (a trial) keeps the customer as the partner’s lead; the first paid invoice is credited by the email', async () => {
    const { clickId } = await s.click('bob');
    const trial = checkoutSession({ mode: 'subscription', subscription: 'sub_trial', amount_total: 0, payment_intent: null, client_reference_id: clickId, customer_details: { email: 'tess@example.com', name: 'Tess' } });
    const res = await s.stripe(stripeEvent('checkout.session.completed', trial));
    assert.equal(res.json.result, 'recorded');
    assert.equal(await s.count('sales'), 0);
    assert.equal((await one<{ code: string }>(s.db, sql`SELECT p.code FROM leads l JOIN partners p ON p.id = l.partner_id WHERE l.email = 'tess@example.com'`))?.code, 'bob');

    const firstPaid = paidInvoice('sub_trial', { customer_email: 'tess@example.com', amount_paid: 3000 });
    await s.stripe(stripeEvent('invoice.paid', firstPaid));
    const sale = (await s.saleOf(firstPaid.id))!;
    assert.equal(sale.code, 'bob');
    assert.equal(JSON.parse(sale.response).attribution, 'lead_email');
    assert.deepEqual((await s.commissionsOf('bob')).map((c) => c.amount), [300]);
  });
});

describe('Stripe: what changes nothing', () => {
  test('a bad or missing signature answers 400 invalid_signature and records nothing', async () => {
    const { clickId } = await s.click('alice');
    const event = stripeEvent('checkout.session.completed', checkoutSession({ client_reference_id: clickId }));
    const before = await s.counts();
    const forged = signStripe(event, 'whsec_someone_else_entirely');
    assertError(await s.stripe(event, forged.header), 400, 'invalid_signature');
    const tampered = signStripe(event);
    const res = await s.call('POST', STRIPE_PATH, { body: tampered.payload.replace('10000', '99999'), headers: { 'Stripe-Signature': tampered.header } });
    assertError(res, 400, 'invalid_signature');
    assertError(await s.call('POST', STRIPE_PATH, { body: tampered.payload }), 400, 'invalid_signature');
    assert.deepEqual(await s.counts(), before);
  });

  test('an event type Partner Center does not use answers 200 ignored', async () => {
    const before = await s.counts();
    const res = await s.stripe(stripeEvent('customer.created', { id: 'cus_1', object: 'customer', email: 'x@example.com' }));
    assert.equal(res.status, 200);
    assert.equal(res.json.result, 'ignored');
    assert.equal(await s.count('sales'), before.sales);
  });

  test('a sale the tracking API refuses (another currency) answers 200 ignored with the reason, so Stripe does not retry forever', async () => {
    const res = await s.stripe(stripeEvent('checkout.session.completed', checkoutSession({ currency: 'eur', metadata: { partner: 'alice' } })));
    assert.equal(res.status, 200);
    assert.equal(res.json.result, 'ignored');
    assert.match(res.json.reason, /USD/);
    assert.equal(await s.count('sales'), 0);
  });

  test('without a signing secret the webhook answers 503 not_configured', async () => {
    Object.assign(s.deps.config, { stripeWebhookSecret: undefined });
    assertError(await s.stripe(stripeEvent('checkout.session.completed', checkoutSession())), 503, 'not_configured');
    assert.equal(await s.count('integration_events'), 0);
  });
});
