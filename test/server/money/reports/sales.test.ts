import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../../helpers/csv.js';
import { DAY, engineServer, type EngineServer } from '../../../helpers/engine.js';

/**
 * A sale that earns its partner nothing says why: the track API's answer and the partner's
 * sales report carry a `noCommissionReason` code for each case, recorded through the real
 * routes (programs, partners, links, clicks, sales, refunds).
 */

let s: EngineServer;
const answers = new Map<string, any>();

before(async () => {
  s = await engineServer();
  const shop = await s.program({
    name: 'Shop',
    priority: 1,
    saleCommission: { type: 'percent', value: 1000 },
    productRates: [{ productId: 'gift-card', type: 'percent', value: 0 }],
    recurring: { mode: 'none' },
  });
  const club = await s.program({ name: 'Club', priority: 5, saleCommission: { type: 'percent', value: 0 }, productRates: [{ productId: 'box', type: 'percent', value: 2500 }] });
  const quick = await s.program({ name: 'Quick', priority: 1, saleCommission: { type: 'percent', value: 1000 }, attributionWindowDays: 1 });
  const slow = await s.program({ name: 'Slow', priority: 5, saleCommission: { type: 'percent', value: 0 }, productRates: [{ productId: 'box', type: 'percent', value: 2500 }], attributionWindowDays: 60 });

  await s.partner('pat', { programIds: [shop.id, club.id], email: 'pat@partners.example' });
  await s.partner('solo', { programIds: [club.id] });
  await s.partner('nobody', { programIds: [] });
  await s.partner('win', { programIds: [quick.id, slow.id] });
  await s.link('shop');
  await s.link('club-only', { programIds: [club.id] });

  const shoe = (orderId: string, extra: Record<string, unknown> = {}) => ({ orderId, amount: 10_000, items: [{ productId: 'shoe', amount: 10_000 }], ...extra });
  const sale = async (body: Record<string, unknown>) => {
    const res = await s.sale(body);
    assert.equal(res.status, 201, res.text);
    answers.set(body.orderId as string, res.json);
  };

  await sale(shoe('EARNS', { partnerCode: 'pat' }));
  await sale(shoe('SELF', { partnerCode: 'pat', customer: { email: 'pat@partners.example' } }));
  await sale(shoe('NO-PROGRAM', { partnerCode: 'nobody' }));
  await sale(shoe('LINK', { clickId: (await s.click('pat', 'club-only')).clickId }));
  await sale(shoe('NOT-COVERED', { partnerCode: 'solo' }));
  await sale({ orderId: 'EXCLUDED', amount: 5_000, partnerCode: 'pat', items: [{ productId: 'gift-card', amount: 5_000 }] });
  await sale(shoe('SUB-1', { partnerCode: 'pat', subscriptionId: 'sub-1' }));
  await sale(shoe('SUB-2', { subscriptionId: 'sub-1' }));
  await sale({ orderId: 'TINY', amount: 4, partnerCode: 'pat', items: [{ productId: 'shoe', amount: 4 }] });
  await sale(shoe('REFUNDED', { partnerCode: 'pat' }));
  assert.equal((await s.admin('POST', '/api/v1/track/refunds', { orderId: 'REFUNDED' })).status, 201);
  const click = await s.click('win', 'shop');
  s.advance(2 * DAY);
  await sale(shoe('WINDOW', { clickId: click.clickId }));
});
after(() => s.close());

const report = async (code: string) => {
  const token = await s.login(code, 'partner-password');
  const res = await s.call('GET', '/api/v1/partner/reports/sales?limit=500', { token });
  assert.equal(res.status, 200, res.text);
  return new Map<string, { commission: number; noCommissionReason: string | null }>(res.json.items.map((i: any) => [i.order, i]));
};

describe('why a sale earned nothing', () => {
  const cases: [order: string, partner: string, reason: string | null][] = [
    ['EARNS', 'pat', null],
    ['SELF', 'pat', 'self_referral'],
    ['NO-PROGRAM', 'nobody', 'no_program'],
    ['LINK', 'pat', 'link_programs'],
    ['NOT-COVERED', 'solo', 'product_not_covered'],
    ['EXCLUDED', 'pat', 'product_excluded'],
    ['SUB-1', 'pat', null],
    ['SUB-2', 'pat', 'recurring_ended'],
    ['TINY', 'pat', 'zero_amount'],
    ['WINDOW', 'win', 'outside_window'],
  ];

  for (const [order, partner, reason] of cases) {
    test(`${order}: the sale is ${partner}'s and ${reason ? `earns nothing because ${reason}` : 'earns'}`, async () => {
      const answer = answers.get(order);
      assert.equal(answer.partnerCode, partner, 'attributed');
      assert.equal(answer.noCommissionReason, reason, 'the track API says why');
      const row = (await report(partner)).get(order);
      assert.ok(row, `${order} is in ${partner}'s sales report`);
      assert.equal(row.noCommissionReason, reason, 'the sales report says why');
      assert.equal(row.commission === 0, reason !== null, `commission ${row.commission}`);
    });
  }

  test('a sale whose commission a refund took back says so (clawed_back)', async () => {
    assert.equal(answers.get('REFUNDED').noCommissionReason, null, 'it earned when it came in');
    const row = (await report('pat')).get('REFUNDED')!;
    assert.deepEqual([row.commission, row.noCommissionReason], [0, 'clawed_back']);
  });

  test('the CSV has the reason in its own column', async () => {
    const token = await s.login('pat', 'partner-password');
    const [header, ...rows] = parseCsv((await s.call('GET', '/api/v1/partner/reports/sales?format=csv', { token })).text);
    const order = header!.indexOf('Order');
    const why = header!.indexOf('No commission because');
    assert.ok(why > 0, header!.join(','));
    const byOrder = Object.fromEntries(rows.map((r) => [r[order], r[why]]));
    assert.deepEqual([byOrder.EARNS, byOrder.SELF, byOrder.EXCLUDED, byOrder.REFUNDED], ['', 'self_referral', 'product_excluded', 'clawed_back']);
  });
});
