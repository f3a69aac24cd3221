import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError } from '../../helpers/engine.js';
import { all, sql } from '../../helpers/sql.js';
import { merchantServer } from '../merchants/helpers.js';

type Server = Awaited<ReturnType<typeof merchantServer>>;
let s: Server;
beforeEach(async () => {
  s = await merchantServer();
  const program = await s.program({ holdDays: 0 });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await s.link('shop');
});
afterEach(() => s.close());

const as = (token: string) => (method: string, path: string, body?: unknown) => s.call(method, path, { body, token });

describe('coupon codes', () => {
  test('the merchant gives a partner codes; another partner cannot take one in any case (409); the partner sees theirs in /me', async () => {
    const owner = as(s.ownerToken);
    const added = await owner('POST', '/api/v1/admin/partners/alice/coupons', { code: 'ALICE10' });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.json.code, 'ALICE10');
    assert.equal(typeof added.json.createdAt, 'string');
    // staff manage partners, so they manage coupon codes
    assert.equal((await as(s.staffToken)('POST', '/api/v1/admin/partners/alice/coupons', { code: 'summer-alice' })).status, 201);
    assert.equal((await owner('POST', '/api/v1/admin/partners/alice/coupons', { code: 'alice10' })).status, 200); // hers already

    const taken = await owner('POST', '/api/v1/admin/partners/bob/coupons', { code: 'alice10' });
    assertError(taken, 409, 'coupon_taken', 'code');
    assert.match(taken.json.error.message, /alice/);
    assertError(await owner('POST', '/api/v1/admin/partners/bob/coupons', { code: 'x' }), 400, undefined, 'code');
    assertError(await owner('POST', '/api/v1/admin/partners/bob/coupons', { code: 'has space' }), 400, undefined, 'code');
    assertError(await owner('POST', '/api/v1/admin/partners/nobody/coupons', { code: 'NOBODY1' }), 404, 'partner_not_found');

    const list = await owner('GET', '/api/v1/admin/partners/alice/coupons');
    assert.deepEqual(list.json.coupons.map((c: { code: string }) => c.code), ['ALICE10', 'summer-alice']);
    const token = await s.login('alice', 'partner-password');
    const me = await s.call('GET', '/api/v1/me', { token });
    assert.deepEqual(me.json.coupons, ['ALICE10', 'summer-alice']);

    assert.equal((await owner('DELETE', '/api/v1/admin/partners/alice/coupons/summer-alice')).status, 204);
    assertError(await owner('DELETE', '/api/v1/admin/partners/alice/coupons/summer-alice'), 404, 'coupon_not_found');
    assert.deepEqual((await s.call('GET', '/api/v1/me', { token })).json.coupons, ['ALICE10']);
    // then bob may have it
    assert.equal((await owner('POST', '/api/v1/admin/partners/bob/coupons', { code: 'SUMMER-ALICE' })).status, 201);

    const audit = await owner('GET', '/api/v1/admin/audit?targetType=partner&targetId=alice');
    const actions = (audit.json.items ?? audit.json.entries ?? []).map((e: { action: string }) => e.action);
    assert.ok(actions.includes('coupon.create') && actions.includes('coupon.delete'), JSON.stringify(audit.json).slice(0, 300));
  });

  test('the tracking API credits a sale’s couponCode (any case) after clickId and partnerCode', async () => {
    await s.admin('POST', '/api/v1/admin/partners/alice/coupons', { code: 'ALICE10' });
    const byCoupon = await s.sale({ orderId: 'C-1', amount: 5000, couponCode: 'alice10' });
    assert.equal(byCoupon.status, 201, byCoupon.text);
    assert.equal(byCoupon.json.partnerCode, 'alice');
    assert.equal(byCoupon.json.attribution, 'partner_code');
    assert.equal(byCoupon.json.commissions[0].amount, 500);

    const { clickId } = await s.click('bob');
    const clickWins = await s.sale({ orderId: 'C-2', amount: 5000, couponCode: 'ALICE10', clickId });
    assert.equal(clickWins.json.partnerCode, 'bob');
    const codeWins = await s.sale({ orderId: 'C-3', amount: 5000, couponCode: 'ALICE10', partnerCode: 'bob' });
    assert.equal(codeWins.json.partnerCode, 'bob');

    const unknown = await s.sale({ orderId: 'C-4', amount: 5000, couponCode: 'NOPE' });
    assert.equal(unknown.json.attributed, false);
    assert.equal(unknown.json.notAttributedReason, 'unknown_coupon');
  });
});

describe('the integrations settings (owners only)', () => {
  test('staff are refused; the owner sees where each secret comes from and the URLs, never the secrets', async () => {
    for (const [method, body] of [['GET'], ['PATCH', { stripeWebhookSecret: 'whsec_abcdefgh' }]] as const) {
      assertError(await as(s.staffToken)(method, '/api/v1/admin/integrations', body), 403, 'forbidden');
    }
    const owner = as(s.ownerToken);
    let view = await owner('GET', '/api/v1/admin/integrations');
    assert.equal(view.status, 200, view.text);
    assert.deepEqual(view.json.stripe, { configured: false, from: null, webhookUrl: 'http://localhost/api/v1/integrations/stripe/webhook' });
    assert.equal(view.json.shopify.webhookUrl, 'http://localhost/api/v1/integrations/shopify/webhook');

    Object.assign(s.deps.config, { shopifyWebhookSecret: 'from-the-environment' });
    view = await owner('PATCH', '/api/v1/admin/integrations', { stripeWebhookSecret: 'whsec_from_console_1234' });
    assert.equal(view.status, 200, view.text);
    assert.deepEqual([view.json.stripe.configured, view.json.stripe.from, view.json.shopify.from], [true, 'settings', 'env']);
    assert.ok(!view.text.includes('whsec_from_console_1234') && !view.text.includes('from-the-environment'));

    assertError(await owner('PATCH', '/api/v1/admin/integrations', { stripeWebhookSecret: 'short' }), 400, undefined, 'stripeWebhookSecret');
    view = await owner('PATCH', '/api/v1/admin/integrations', { stripeWebhookSecret: null });
    assert.deepEqual(view.json.stripe, { configured: false, from: null, webhookUrl: 'http://localhost/api/v1/integrations/stripe/webhook' });
    const audit = (await all<{ after: string }>(s.db, sql`SELECT after FROM audit_log WHERE action = 'integrations.update' ORDER BY id`)).map((r) => r.after);
    assert.deepEqual(audit.map((a) => JSON.parse(a).stripeWebhookSecret), ['set', 'cleared']);
    assert.ok(!audit.join().includes('whsec_from_console'));
  });
});
