import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { updateSettings } from '../../../server/catalog/settings.js';
import { testServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(() => s.close());

async function program(name: string, fields: Record<string, unknown> = {}) {
  const row = await s.db.kysely
    .insertInto('programs')
    .values({
      name,
      description: `${name} description`,
      priority: 0,
      sale_commission_type: 'percent',
      sale_commission_value: 1000,
      lead_commission: null,
      recurring_mode: 'every',
      recurring_payments: null,
      second_tier_type: null,
      second_tier_value: null,
      attribution_window_days: null,
      attribution_model: 'last_click',
      hold_days: null,
      status: 'active',
      created_at: s.now,
      updated_at: s.now,
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const enroll = (partnerId: number, programId: number) =>
  s.db.kysely.insertInto('enrollments').values({ partner_id: partnerId, program_id: programId, created_at: s.now }).execute();

test('a partner sees the programs they are enrolled in, highest priority first, with their commission structure', async () => {
  const alice = await s.addPartner({ code: 'alice', password: 'alice-password' });
  const bob = await s.addPartner({ code: 'bob', password: 'bob-password' });
  const basic = await program('Basic', { priority: 1 });
  const vip = await program('VIP', {
    priority: 10,
    sale_commission_type: 'flat',
    sale_commission_value: 2500,
    lead_commission: 150,
    recurring_mode: 'first_n',
    recurring_payments: 3,
    second_tier_type: 'percent',
    second_tier_value: 200,
    attribution_window_days: 60,
    attribution_model: 'first_click',
    hold_days: 14,
  });
  const archived = await program('Old', { status: 'archived' });
  const bobsOnly = await program('Bob only');
  await s.db.kysely.insertInto('program_product_rates').values({ program_id: vip, product_id: 'SKU-1', commission_type: 'percent', commission_value: 1500 }).execute();
  await enroll(alice.id, basic);
  await enroll(alice.id, vip);
  await enroll(alice.id, archived);
  await enroll(bob.id, bobsOnly);
  await updateSettings(s.deps, { currency: 'EUR', holdDays: 30, attributionWindowDays: 45 });

  const res = await s.call('GET', '/api/v1/partner/programs', { token: await s.login('alice', 'alice-password') });
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.json.programs.map((p: { name: string }) => p.name),
    ['VIP', 'Basic'],
  );
  const [v, b] = res.json.programs;
  assert.deepEqual(v.saleCommission, { type: 'flat', value: 2500 });
  assert.deepEqual(v.productRates, [{ productId: 'SKU-1', type: 'percent', value: 1500 }]);
  assert.equal(v.leadCommission, 150);
  assert.deepEqual(v.recurring, { mode: 'first_n', payments: 3 });
  assert.deepEqual(v.secondTier, { type: 'percent', value: 200 });
  assert.equal(v.attributionWindowDays, 60);
  assert.equal(v.attributionModel, 'first_click');
  assert.equal(v.holdDays, 14);
  assert.equal(v.currency, 'EUR');
  assert.equal(b.holdDays, 30, 'the settings default fills in');
  assert.equal(b.attributionWindowDays, 45);
  assert.equal(b.secondTier, null);

  const bobs = await s.call('GET', '/api/v1/partner/programs', { token: await s.login('bob', 'bob-password') });
  assert.deepEqual(
    bobs.json.programs.map((p: { name: string }) => p.name),
    ['Bob only'],
  );
});

test('a partner in no program gets an empty list; no token gets 401', async () => {
  await s.addPartner({ code: 'carol', password: 'carol-password' });
  const res = await s.call('GET', '/api/v1/partner/programs', { token: await s.login('carol', 'carol-password') });
  assert.deepEqual(res.json, { programs: [] });
  assert.equal((await s.call('GET', '/api/v1/partner/programs')).status, 401);
});

test('GET /api/v1/portal shows the merchant name, currency and Home sections without a token', async () => {
  await updateSettings(s.deps, { merchantName: 'Northwind', menus: { welcome: true, profile: true, programs: false, commissions: true } });
  const res = await s.call('GET', '/api/v1/portal');
  assert.equal(res.status, 200);
  assert.equal(res.json.merchantName, 'Northwind');
  assert.equal(res.json.currency, 'USD');
  assert.equal(res.json.menus.programs, false);
});

test("GET /api/v1/partner/welcome renders the merchant's markdown, sanitized, for partners only", async () => {
  await updateSettings(s.deps, {
    merchantName: 'Northwind',
    welcomeMessage: '# Hello partners\n\nEarn **10%**. <script>alert(1)</script><img src=x onerror=alert(1)> [bad](javascript:alert(1)) [site](https://northwind.example)',
  });
  await s.addPartner({ code: 'alice', password: 'alice-password' });
  assert.equal((await s.call('GET', '/api/v1/partner/welcome')).status, 401);
  const res = await s.call('GET', '/api/v1/partner/welcome', { token: await s.login('alice', 'alice-password') });
  assert.equal(res.status, 200);
  assert.equal(res.json.merchantName, 'Northwind');
  assert.match(res.json.html, /<h3>Hello partners<\/h3>/, 'headings sit below the element title');
  assert.match(res.json.html, /<strong>10%<\/strong>/);
  assert.match(res.json.html, /<a href="https:\/\/northwind.example\/" rel="noopener noreferrer nofollow">site<\/a>/);
  assert.doesNotMatch(res.json.html, /script|onerror|javascript:/i);
});
