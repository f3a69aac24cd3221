import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configSchema } from '../../../server/config.js';
import { startServer, type RunningServer } from '../../../server/main.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { ADMIN_KEY } from '../../helpers/engine.js';
import { Webhook } from 'standardwebhooks';
import { checkoutSession, refundedCharge, shopifyHmac, signStripe, stripeEvent } from './helpers.js';
import { startReceiver } from '../webhooks/receiver.js';

/**
 * A fresh install over real HTTP: the merchant pastes the Stripe signing secret in the console's
 * settings, a visitor follows a partner's link, pays through Checkout with the click id, and asks
 * for a refund — with no code of the merchant's own.
 */
describe('Stripe over real HTTP on a fresh install', () => {
  let server: RunningServer;
  let where: Awaited<ReturnType<typeof testDatabaseLocation>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const pasted = 'whsec_pasted_in_the_console_0123456789';
  before(async () => {
    where = await testDatabaseLocation();
    receiver = await startReceiver();
    // the merchant's own receiver runs on this machine's loopback: allowed for tests only
    server = await startServer(
      { ...configSchema.parse({}), port: 0, host: '127.0.0.1', ...where.config, adminKey: ADMIN_KEY, allowPrivateWebhookUrls: true },
      { quiet: true },
    );
  });
  after(async () => {
    await server.close();
    await receiver.close();
    await where.drop();
  });
  const url = (path: string) => server.url.replace('localhost', '127.0.0.1') + path;
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url(path), {
      method,
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  test('a Checkout payment with a partner’s click id turns into a commission, its refund into a clawback', async () => {
    const program = await admin('POST', '/api/v1/admin/programs', { name: 'Affiliates', description: '', priority: 0, saleCommission: { type: 'percent', value: 2000 }, holdDays: 0 });
    assert.equal(program.status, 201);
    assert.equal((await admin('POST', '/api/v1/admin/partners', { code: 'alice', name: 'Alice', email: 'alice@partners.example', password: 'partner-password', programIds: [program.json.id] })).status, 201);
    assert.equal((await admin('POST', '/api/v1/admin/links', { slug: 'shop', name: 'Shop', destination: 'https://shop.example.com/' })).status, 201);

    // not connected yet: Stripe's deliveries are told so
    const early = signStripe(stripeEvent('checkout.session.completed', checkoutSession()), pasted);
    assert.equal((await fetch(url('/api/v1/integrations/stripe/webhook'), { method: 'POST', body: early.payload, headers: { 'Stripe-Signature': early.header } })).status, 503);

    // the merchant's system wants to hear of each commission
    const endpoint = await admin('POST', '/api/v1/admin/webhooks', { url: receiver.url, events: ['commission.created'], description: 'CRM' });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.json));
    assert.match(endpoint.json.secret, /^whsec_/);

    const settings = await admin('PATCH', '/api/v1/admin/integrations', { stripeWebhookSecret: pasted });
    assert.equal(settings.status, 200);
    assert.equal(settings.json.stripe.webhookUrl, `${server.url}/api/v1/integrations/stripe/webhook`);

    const click = await fetch(url('/r/alice/shop'), { redirect: 'manual', headers: { 'User-Agent': 'test-browser' } });
    const clickId = new URL(click.headers.get('Location')!).searchParams.get('pc_click')!;
    assert.match(clickId, /^[a-f0-9]{32}$/);

    const session = checkoutSession({ client_reference_id: clickId, amount_total: 4900 });
    const deliver = async (event: unknown) => {
      const signed = signStripe(event, pasted);
      const res = await fetch(url('/api/v1/integrations/stripe/webhook'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signed.header, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: signed.payload,
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    assert.deepEqual(await deliver(stripeEvent('checkout.session.completed', session)), { status: 200, json: { received: true, result: 'recorded' } });
    let commissions = (await admin('GET', '/api/v1/admin/commissions?partner=alice')).json.commissions;
    assert.deepEqual(
      commissions.map((c: any) => [c.orderId, c.amount, c.why.attribution]),
      [[session.id, 980, 'last_click']],
    );

    // the registered endpoint receives the signed commission.created
    const until = Date.now() + 15_000;
    while (!receiver.received.length && Date.now() < until) await new Promise((wake) => setTimeout(wake, 50));
    const [delivery] = receiver.received;
    assert.ok(delivery, 'the endpoint received a delivery');
    const event = new Webhook(endpoint.json.secret).verify(delivery.body, receiver.headersOf(delivery)) as { type: string; data: { partnerCode: string; amount: number } };
    assert.equal(event.type, 'commission.created');
    assert.deepEqual([event.data.partnerCode, event.data.amount], ['alice', 980]);
    assert.throws(() => new Webhook(`whsec_${Buffer.from('not-the-secret-0123456789').toString('base64')}`).verify(delivery.body, receiver.headersOf(delivery)));

    const refunded = await deliver(stripeEvent('charge.refunded', refundedCharge(session.payment_intent, 4900, { amount: 4900, amount_captured: 4900 })));
    assert.equal(refunded.json.result, 'recorded');
    commissions = (await admin('GET', '/api/v1/admin/commissions?partner=alice')).json.commissions;
    assert.deepEqual([commissions[0].status, commissions[0].clawedBack], ['clawed_back', 980]);
  });

  test('a Shopify body larger than the JSON limit of the API still arrives (raw, up to 1 MB), and a bad HMAC is refused', async () => {
    await admin('PATCH', '/api/v1/admin/integrations', { shopifyWebhookSecret: 'shopify-secret-123456' });
    const body = JSON.stringify({ id: 77, topic: 'products/update', padding: 'x'.repeat(200_000) });
    const send = (hmac: string) =>
      fetch(url('/api/v1/integrations/shopify/webhook'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shopify-Topic': 'products/update', 'X-Shopify-Hmac-Sha256': hmac, 'X-Shopify-Webhook-Id': 'big-1' },
        body,
      });
    const ok = await send(shopifyHmac(body, 'shopify-secret-123456'));
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as any).result, 'ignored');
    const bad = await send(shopifyHmac(body, 'wrong-secret'));
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).error.code, 'invalid_signature');
  });
});
