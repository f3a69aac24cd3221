import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError, DAY, engineServer, type EngineServer } from '../../helpers/engine.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const dashboard = async (query = '') => {
  const res = await s.admin('GET', `/api/v1/admin/dashboard${query}`);
  assert.equal(res.status, 200, res.text);
  return res.json;
};

/**
 * Day 0 (2026-01-15): two clicks and a $100 sale for alice, a $500 sale for bob, a self-referral
 * and an unattributed sale (neither counts); 11 days later, past the 10-day hold: a $200 sale
 * for alice, still on hold. A partner waits for approval.
 */
async function seed() {
  const program = await s.program({ holdDays: 10 });
  await s.link('shop');
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await s.partner('newbie', { status: 'pending' });
  await s.click('alice');
  await s.click('alice');
  await s.sale({ orderId: 'A-1', amount: 10_000, partnerCode: 'alice' });
  await s.sale({ orderId: 'B-1', amount: 50_000, partnerCode: 'bob' });
  await s.sale({ orderId: 'SELF-1', amount: 7000, partnerCode: 'bob', customer: { email: 'bob@partners.example' } });
  await s.sale({ orderId: 'NOBODY-1', amount: 9000 });
  const day0 = s.now;
  s.advance(11 * DAY);
  await s.sale({ orderId: 'A-2', amount: 20_000, partnerCode: 'alice' });
  return { day0, day11: s.now };
}

describe('GET /api/v1/admin/dashboard', () => {
  test('the last 30 days by default: totals, money now, trend, top partners, what needs attention', async () => {
    const { day0, day11 } = await seed();
    const d = await dashboard();
    assert.equal(d.timeZone, 'UTC');
    assert.equal(d.currency, 'USD');
    assert.equal(d.from, `${day(day11 - 29 * DAY)}T00:00:00.000Z`);
    assert.equal(d.to, `${day(day11)}T23:59:59.999Z`);
    assert.deepEqual(d.period, { clicks: 2, leads: 0, sales: { count: 3, amount: 80_000 }, earned: 8000, paid: 0 });
    assert.deepEqual(d.now, { balance: 8000, pending: 2000, payableNow: 6000, currency: 'USD' });
    assert.equal(d.trend.length, 30);
    assert.deepEqual(d.trend.find((t: any) => t.date === day(day0)), { date: day(day0), clicks: 2, sales: 2, earned: 6000 });
    assert.deepEqual(d.trend.find((t: any) => t.date === day(day11)), { date: day(day11), clicks: 0, sales: 1, earned: 2000 });
    assert.equal(d.trend.reduce((t: number, x: any) => t + x.earned, 0), d.period.earned);
    assert.deepEqual(d.topPartners, [
      { code: 'bob', name: 'Partner bob', earned: 5000, sales: { count: 1, amount: 50_000 } },
      { code: 'alice', name: 'Partner alice', earned: 3000, sales: { count: 2, amount: 30_000 } },
    ]);
    // both day-0 commissions are past their hold: what the sweep approves next
    assert.deepEqual(d.attention, { signupsWaiting: 1, pastHold: { count: 2, amount: 6000 }, payoutsDue: { count: 1, amount: 5000, minimum: 5000 } });

    // the same figures as the partner's own ledger and the payouts list
    const alice = await s.admin('GET', '/api/v1/admin/partners/alice/ledger');
    const bob = await s.admin('GET', '/api/v1/admin/partners/bob/ledger');
    for (const key of ['balance', 'pending', 'payableNow'] as const) assert.equal(alice.json.balance[key] + bob.json.balance[key], d.now[key], key);
    const due = (await s.admin('GET', '/api/v1/admin/payouts')).json.payouts;
    assert.deepEqual([due.length, due.reduce((t: number, p: any) => t + p.amount, 0)], [d.attention.payoutsDue.count, d.attention.payoutsDue.amount]);
    const token = await s.login('alice', 'partner-password');
    const report = await s.call('GET', `/api/v1/partner/ledger?from=${day(day11 - 29 * DAY)}&to=${day(day11)}`, { token });
    assert.equal(report.status, 200, report.text);
    assert.equal(report.json.summary.earned, d.topPartners[1].earned);
  });

  test('after a batch payment: paid in the period, owed and due go down, the sweep has run for the partner paid', async () => {
    await seed();
    const batch = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'bob' }] });
    assert.equal(batch.status, 201, batch.text);
    const d = await dashboard();
    assert.equal(d.period.paid, 5000);
    assert.equal(d.period.earned, 8000);
    assert.deepEqual(d.now, { balance: 3000, pending: 2000, payableNow: 1000, currency: 'USD' });
    assert.deepEqual(d.attention.pastHold, { count: 1, amount: 1000 });
    assert.deepEqual(d.attention.payoutsDue, { count: 0, amount: 0, minimum: 5000 });
  });

  test('a chosen period and time zone', async () => {
    const { day0 } = await seed();
    const first = await dashboard(`?from=${day(day0)}&to=${day(day0)}`);
    assert.deepEqual(first.period, { clicks: 2, leads: 0, sales: { count: 2, amount: 60_000 }, earned: 6000, paid: 0 });
    assert.deepEqual(first.trend, [{ date: day(day0), clicks: 2, sales: 2, earned: 6000 }]);
    // the sales at 12:00 UTC are at 02:00 the next day in Kiritimati (UTC+14)
    const kiritimati = await dashboard(`?from=${day(day0)}T00:00:00Z&to=${day(day0)}T23:59:59Z&timeZone=Pacific/Kiritimati`);
    assert.equal(kiritimati.timeZone, 'Pacific/Kiritimati');
    assert.deepEqual(
      kiritimati.trend.map((t: any) => [t.date, t.sales]),
      [
        [day(day0), 0],
        [day(day0 + DAY), 2],
      ],
    );
    const paris = await dashboard('?timeZone=Europe/Paris');
    assert.equal(paris.trend.length, 30);
    assert.equal(paris.from.slice(11), '23:00:00.000Z', 'midnight in Paris (UTC+1 in winter)');

    assertError(await s.admin('GET', '/api/v1/admin/dashboard?timeZone=Mars/Base'), 400, 'invalid_time_zone', 'timeZone');
    assertError(await s.admin('GET', '/api/v1/admin/dashboard?from=2026-02-01&to=2026-01-01'), 400, 'invalid_range', 'to');
    assertError(await s.admin('GET', '/api/v1/admin/dashboard?from=2020-01-01&to=2026-01-01'), 400, 'invalid_range', 'from');
    assertError(await s.admin('GET', '/api/v1/admin/dashboard?from=yesterday'), 400, 'invalid_date', 'from');
  });
});
