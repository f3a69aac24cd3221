import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { emitEvent } from '../../../server/webhooks/events.js';
import { deliverDue } from '../../../server/webhooks/worker.js';
import { assertError, DAY, engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, sql } from '../../helpers/sql.js';
import { startReceiver } from './receiver.js';

const HOUR = 3_600_000;
let s: EngineServer;
let receivers: { close(): Promise<void> }[] = [];
beforeEach(async () => {
  s = await engineServer();
  s.deps.config.allowPrivateWebhookUrls = true;
});
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
  await s.close();
});

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

async function register(url: string, events: string[] = ['sale.created']) {
  const res = await s.admin('POST', '/api/v1/admin/webhooks', { url, events, description: 'our CRM' });
  assert.equal(res.status, 201, res.text);
  assert.match(res.json.secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
  return res.json as { id: number; secret: string };
}

const deliveriesOf = async (id: number) => (await s.admin('GET', `/api/v1/admin/webhooks/${id}/deliveries`)).json.deliveries;

describe('webhooks out', () => {
  test('every event type reaches a registered endpoint, signed: the receiver verifies each with standardwebhooks', async () => {
    const r = await receiver();
    const endpoint = await register(r.url, ['partner.created', 'partner.approved', 'sale.created', 'commission.created', 'commission.approved', 'commission.clawed_back', 'payment.created', 'lead.created']);
    const program = await s.program({ holdDays: 14 });
    await s.partner('alice', { programIds: [program.id] });
    await s.partner('bob', { programIds: [program.id], status: 'pending' });
    assert.equal((await s.admin('POST', '/api/v1/admin/partners/bob/approve')).status, 200);
    const sale = await s.sale({ orderId: 'W-1', amount: 10000, partnerCode: 'alice' });
    const commissionId = sale.json.commissions[0].id;
    assert.equal((await s.admin('POST', `/api/v1/admin/commissions/${commissionId}/approve`)).status, 200);
    assert.equal((await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 500 })).status, 201);
    await s.sale({ orderId: 'W-2', amount: 5000, partnerCode: 'alice' });
    assert.equal((await s.admin('POST', '/api/v1/track/refunds', { orderId: 'W-2' })).status, 201);
    assert.equal((await s.admin('POST', '/api/v1/track/leads', { email: 'lead@customer.example', partnerCode: 'alice' })).status, 201);

    await deliverDue(s.deps);
    const hook = new Webhook(endpoint.secret);
    const got = r.received.map((req) => hook.verify(req.body, r.headersOf(req)) as { type: string; timestamp: string; data: any });
    const types = got.map((g) => g.type);
    for (const type of ['partner.created', 'partner.approved', 'sale.created', 'commission.created', 'commission.approved', 'commission.clawed_back', 'payment.created', 'lead.created']) {
      assert.ok(types.includes(type), `${type} delivered (got ${types.join(', ')})`);
    }
    // a batch of deliveries goes out at once: the order they arrive in is not promised, so events are found by what they are about
    const byType = (type: string) => got.filter((g) => g.type === type);
    assert.deepEqual(byType('partner.created').map((g) => g.data.code).sort(), ['alice', 'bob']);
    assert.equal(byType('partner.approved')[0]!.data.status, 'active');
    assert.ok(byType('partner.created').every((g) => g.data.payoutDetails === undefined), 'payout details stay in the console');
    const saleEvent = byType('sale.created').find((g) => g.data.orderId === 'W-1')!;
    assert.equal(saleEvent.data.orderId, 'W-1');
    assert.equal(saleEvent.data.amount, 10000);
    assert.equal(saleEvent.data.partnerCode, 'alice');
    assert.equal(saleEvent.timestamp, new Date(s.now).toISOString());
    // data is the admin API's view of the object
    const adminView = (await s.admin('GET', `/api/v1/admin/commissions/${commissionId}`)).json;
    assert.deepEqual({ ...byType('commission.created').find((g) => g.data.id === commissionId)!.data, status: undefined, approvedAt: undefined }, { ...adminView, status: undefined, approvedAt: undefined });
    assert.equal(byType('commission.approved')[0]!.data.id, commissionId);
    assert.equal(byType('commission.clawed_back')[0]!.data.status, 'clawed_back');
    assert.equal(byType('payment.created')[0]!.data.amount, 500);
    assert.equal(byType('lead.created')[0]!.data.email, 'lead@customer.example');
    const log = await deliveriesOf(endpoint.id);
    assert.ok(log.every((d: any) => d.status === 'delivered' && d.responseCode === 200 && d.attempts === 1 && typeof d.durationMs === 'number'));
    // an endpoint only gets the events it subscribed to
    const other = await receiver();
    await register(other.url, ['payment.created']);
    await s.sale({ orderId: 'W-3', amount: 100, partnerCode: 'alice' });
    await deliverDue(s.deps);
    assert.equal(other.received.length, 0);
  });

  test('a change that rolls back sends nothing', async () => {
    const r = await receiver();
    await register(r.url, ['sale.created']);
    await assert.rejects(
      s.deps.db.kysely.transaction().execute(async (trx) => {
        await emitEvent(s.deps, trx, 'sale.created', { orderId: 'gone' });
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    // a sale refused (unknown currency) writes nothing either
    assert.equal((await s.sale({ orderId: 'R-1', amount: 100, currency: 'EUR' })).status, 422);
    assert.equal(await deliverDue(s.deps), 0);
    assert.equal(r.received.length, 0);
    assert.equal(await s.count('webhook_events'), 0);
  });

  test('a failing receiver is retried with backoff until it recovers; the log shows attempts and codes', async () => {
    const r = await receiver((n) => (n < 2 ? 503 : 204));
    const endpoint = await register(r.url);
    await s.sale({ orderId: 'T-1', amount: 100 });
    await deliverDue(s.deps);
    let [d] = await deliveriesOf(endpoint.id);
    assert.equal(d.status, 'pending');
    assert.equal(d.responseCode, 503);
    assert.equal(d.lastError, 'HTTP 503');
    const wait = Date.parse(d.nextAttemptAt) - s.now;
    assert.ok(wait >= 24_000 && wait <= 36_000, `first retry after about 30 s (${wait} ms)`);
    assert.equal(await deliverDue(s.deps), 0, 'not due yet');
    s.advance(wait);
    await deliverDue(s.deps);
    [d] = await deliveriesOf(endpoint.id);
    const second = Date.parse(d.nextAttemptAt) - s.now;
    assert.ok(second >= 96_000 && second <= 144_000, `then about 4× longer (${second} ms)`);
    s.advance(second);
    await deliverDue(s.deps);
    [d] = await deliveriesOf(endpoint.id);
    assert.equal(d.status, 'delivered');
    assert.equal(d.attempts, 3);
    assert.equal(d.responseCode, 204);
    assert.equal(d.nextAttemptAt, null);
    assert.equal(new Set(r.received.map((x) => x.headers['webhook-id'])).size, 1, 'the same webhook-id on every try');
    // resend: a new delivery of the same event
    const again = await s.admin('POST', `/api/v1/admin/webhooks/deliveries/${d.id}/resend`);
    assert.equal(again.status, 202, again.text);
    assert.equal(again.json.eventId, d.eventId);
    await deliverDue(s.deps);
    assert.equal(r.received.length, 4);
  });

  test('redirects are not followed: a 3xx is a failure', async () => {
    const r = await receiver((n) => (n === 0 ? { status: 302, headers: { Location: '/elsewhere' } } : 200));
    const endpoint = await register(r.url);
    await s.sale({ orderId: 'D-1', amount: 100 });
    await deliverDue(s.deps);
    const [d] = await deliveriesOf(endpoint.id);
    assert.equal(d.status, 'pending');
    assert.equal(d.responseCode, 302);
    assert.match(d.lastError, /redirect not followed: HTTP 302 to \/elsewhere/);
    assert.deepEqual(r.received.map((x) => x.path), ['/hooks']);
  });

  test('private, loopback and non-https endpoints are refused (SSRF) without ALLOW_PRIVATE_WEBHOOK_URLS', async () => {
    const r = await receiver();
    const registered = await register(r.url); // allowed while the flag is on
    const byName = await register(`https://localhost:${r.port}/hooks`);
    const byAddress = await register(`https://127.0.0.1:${r.port}/hooks`);
    s.deps.config.allowPrivateWebhookUrls = false;
    for (const url of ['https://127.0.0.1/hooks', 'https://10.1.2.3/hooks', 'https://[::1]/hooks', 'https://localhost/hooks', 'https://192.168.1.10/', 'https://169.254.169.254/latest', 'https://[fd00::1]/', 'https://[::ffff:127.0.0.1]/', 'http://203.0.114.9/hooks', r.url]) {
      assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url, events: ['sale.created'] }), 400, 'invalid_request', 'url');
    }
    assertError(await s.admin('PATCH', `/api/v1/admin/webhooks/${registered.id}`, { url: 'https://localhost:8443/x' }), 400, 'invalid_request', 'url');
    // checked again at delivery: the endpoint registered earlier is not called
    await s.sale({ orderId: 'S-1', amount: 100 });
    await deliverDue(s.deps);
    const [d] = await deliveriesOf(registered.id);
    assert.equal(d.status, 'pending');
    assert.match(d.lastError, /refused: http: URLs are not allowed \(https only\)/);
    const [literal] = await deliveriesOf(byAddress.id);
    assert.match(literal.lastError, /refused: 127\.0\.0\.1 is a private, loopback or reserved address/);
    // a name is judged by the address it resolves to, when connecting
    const [named] = await deliveriesOf(byName.id);
    assert.match(named.lastError, /refused: localhost resolves to (127\.0\.0\.1|::1), a private, loopback or reserved address/);
    assert.equal(r.received.length, 0);
    assert.equal((await s.admin('GET', '/api/v1/admin/webhooks')).json.endpoints.length, 3);
  });

  test('an endpoint failing every delivery for three days is disabled and the merchant is mailed', async () => {
    s.deps.config.mailNotifyTo = 'owner@shop.example';
    const r = await receiver(() => 500);
    const endpoint = await register(r.url);
    const test = await s.admin('POST', `/api/v1/admin/webhooks/${endpoint.id}/test`);
    assert.equal(test.status, 202, test.text);
    for (let i = 0; i < 40; i++) {
      await deliverDue(s.deps);
      s.advance(8 * HOUR + 60_000);
    }
    const [d] = await deliveriesOf(endpoint.id);
    assert.equal(d.status, 'failed');
    assert.equal(d.eventType, 'webhook.test');
    assert.ok(d.attempts >= 8 && d.attempts <= 14, `retried for three days (${d.attempts} tries)`);
    assert.ok(r.received.length === d.attempts);
    const [listed] = (await s.admin('GET', '/api/v1/admin/webhooks')).json.endpoints;
    assert.equal(listed.status, 'disabled');
    assert.match(listed.disabledReason, /Every delivery failed for 3 days \(last: HTTP 500\)/);
    assert.deepEqual(listed.lastDelivery.status, 'failed');
    const mail = await all<{ to: string; subject: string; text: string }>(s.db, sql`SELECT "to", subject, text FROM outbox WHERE kind = 'webhook_disabled' ORDER BY id`);
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.to, 'owner@shop.example');
    assert.match(mail[0]!.subject, new RegExp(`Webhook endpoint disabled: ${r.url}`));
    // nothing more is sent to a disabled endpoint; turning it on again forgets the failures
    await s.sale({ orderId: 'X-1', amount: 100 });
    assert.equal(await s.count('webhook_events'), 1);
    const on = await s.admin('PATCH', `/api/v1/admin/webhooks/${endpoint.id}`, { status: 'enabled' });
    assert.equal(on.json.status, 'enabled');
    assert.equal(on.json.disabledReason, null);
  });

  test('bad input is a 4xx naming the problem; the secret is shown only at creation', async () => {
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { events: ['sale.created'] }), 400, 'invalid_request', 'url');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url: 'not a url', events: ['sale.created'] }), 400, 'invalid_request', 'url');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url: 'ftp://example.com/', events: ['sale.created'] }), 400, 'invalid_request', 'url');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1/', events: ['sale.exploded'] }), 400, 'invalid_request', 'events.0');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1/', events: [] }), 400, 'invalid_request', 'events');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1/', events: ['sale.created'], secret: 'mine' }), 400, 'invalid_request');
    assert.equal(await s.count('webhook_endpoints'), 0);
    const created = await register('http://127.0.0.1:9/hooks');
    const listed = (await s.admin('GET', '/api/v1/admin/webhooks')).json.endpoints;
    assert.equal(listed[0].secret, undefined);
    assert.equal(JSON.stringify(listed).includes(created.secret), false);
    assertError(await s.admin('PATCH', `/api/v1/admin/webhooks/${created.id}`, { status: 'paused' }), 400, 'invalid_request', 'status');
    assertError(await s.admin('PATCH', '/api/v1/admin/webhooks/999', { description: 'x' }), 404, 'webhook_endpoint_not_found');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks/999/test'), 404, 'webhook_endpoint_not_found');
    assertError(await s.admin('POST', '/api/v1/admin/webhooks/deliveries/999/resend'), 404, 'webhook_delivery_not_found');
    assertError(await s.admin('GET', `/api/v1/admin/webhooks/${created.id}/deliveries?cursor=nope!`), 400, 'invalid_cursor', 'cursor');
    const audit = await all<{ action: string; after: string }>(s.db, sql`SELECT action, after FROM audit_log WHERE action LIKE 'webhook_endpoint.%' ORDER BY id`);
    assert.deepEqual(audit.map((a) => a.action), ['webhook_endpoint.create']);
    assert.equal(audit[0]!.after.includes(created.secret), false);
    assert.equal((await s.admin('DELETE', `/api/v1/admin/webhooks/${created.id}`)).status, 204);
    assertError(await s.admin('DELETE', `/api/v1/admin/webhooks/${created.id}`), 404, 'webhook_endpoint_not_found');
  });
});

void DAY;
