import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ADMIN_KEY } from '../../helpers/engine.js';
import { merchantServer } from './helpers.js';

let s: Awaited<ReturnType<typeof merchantServer>>;
before(async () => {
  s = await merchantServer();
  await s.program();
  await s.partner('alice', { programIds: [1] });
  await s.link('shop');
  await s.sale({ orderId: 'A-1', amount: 10_000, partnerCode: 'alice' });
});

/** What staff are refused: settings changes, merchant users, admin keys, payments and payouts. */
const REFUSED: [string, string, unknown, RegExp][] = [
  ['PATCH', '/api/v1/admin/settings', { merchantName: 'Staff Shop' }, /Only an owner can change settings/],
  ['GET', '/api/v1/admin/merchant-users', undefined, /Only an owner can manage merchant users/],
  ['POST', '/api/v1/admin/merchant-users', { email: 'x@shop.example', role: 'owner', password: 'x-password-123' }, /merchant users/],
  ['PATCH', '/api/v1/admin/merchant-users/1', { role: 'staff' }, /merchant users/],
  ['DELETE', '/api/v1/admin/merchant-users/1', undefined, /merchant users/],
  ['GET', '/api/v1/admin/admin-keys', undefined, /Only an owner can manage admin API keys/],
  ['POST', '/api/v1/admin/admin-keys', { name: 'staff key' }, /admin API keys/],
  ['DELETE', '/api/v1/admin/admin-keys/1', undefined, /admin API keys/],
  ['POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 100, force: true }, /Only an owner can record payments/],
  ['POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 100, note: 'bonus' }, /payments and balance adjustments/],
  ['POST', '/api/v1/admin/ledger/1/reverse', { note: 'undo' }, /Only an owner can reverse ledger entries/],
  ['GET', '/api/v1/admin/payouts', undefined, /Only an owner can see payouts/],
  ['GET', '/api/v1/admin/webhooks', undefined, /Only an owner can manage webhooks/],
  ['POST', '/api/v1/admin/webhooks', { url: 'https://hooks.shop.example/', events: ['sale.created'] }, /manage webhooks/],
  ['GET', '/api/v1/admin/webhooks/1/deliveries', undefined, /manage webhooks/],
  ['POST', '/api/v1/admin/webhooks/deliveries/1/resend', undefined, /manage webhooks/],
];

test('staff are refused each owner-only area with 403 naming why, and nothing changes', async () => {
  const count = () => ['settings', 'merchant_users', 'admin_keys', 'payments', 'ledger_entries', 'audit_log', 'webhook_endpoints', 'webhook_deliveries'].map(s.count).join();
  const before = count();
  for (const [method, path, body, why] of REFUSED) {
    const res = await s.call(method, path, { token: s.staffToken, body });
    assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
    assert.equal(res.json.error.code, 'forbidden');
    assert.match(res.json.error.message, why, `${method} ${path}`);
    assert.match(res.json.error.message, /signed in as staff/);
  }
  assert.equal(count(), before);
});

test('owners and admin keys reach the same areas', async () => {
  for (const token of [s.ownerToken, ADMIN_KEY]) {
    for (const path of ['/api/v1/admin/merchant-users', '/api/v1/admin/admin-keys', '/api/v1/admin/payouts']) {
      const res = await s.call('GET', path, { token });
      assert.equal(res.status, 200, `${path}: ${res.text}`);
    }
  }
  const paid = await s.call('POST', '/api/v1/admin/adjustments', { token: s.ownerToken, body: { partnerCode: 'alice', amount: 500, note: 'welcome bonus' } });
  assert.equal(paid.status, 201, paid.text);
});

test('staff may do everything else: read settings, programs, partners, links, commissions, resources, audit', async () => {
  const t = s.staffToken;
  for (const path of ['settings', 'programs', 'partners', 'partners/alice', 'partners/alice/ledger', 'links', 'commissions', 'payments', 'sales', 'banners', 'email-copy', 'resource-pages', 'uploads', 'audit']) {
    const res = await s.call('GET', `/api/v1/admin/${path}`, { token: t });
    assert.equal(res.status, 200, `GET ${path}: ${res.text}`);
  }
  const program = await s.call('POST', '/api/v1/admin/programs', { token: t, body: { name: 'Staff made', saleCommission: { type: 'percent', value: 500 } } });
  assert.equal(program.status, 201, program.text);
  assert.equal((await s.call('PATCH', '/api/v1/admin/partners/alice', { token: t, body: { name: 'Alice Staffed' } })).status, 200);
  const commission = (await s.call('GET', '/api/v1/admin/commissions', { token: t })).json.commissions[0];
  assert.equal((await s.call('POST', `/api/v1/admin/commissions/${commission.id}/approve`, { token: t })).status, 200);
  assert.equal((await s.call('POST', '/api/v1/admin/embed-tokens', { token: t, body: { partnerCode: 'alice' } })).status, 201);
  assert.equal((await s.call('POST', '/api/v1/admin/resource-pages', { token: t, body: { title: 'Staff guide', body: '# Hi' } })).status, 201);
});
