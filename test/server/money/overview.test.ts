import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';
import { run, sql } from '../../helpers/sql.js';

/**
 * GET /api/v1/partner/overview against a worked example in Los Angeles (UTC−8 in winter), 10%
 * commissions held 10 days:
 *
 *   2026-01-15T12:00Z  click + sale A $100.00  → earned $10.00 (Jan, week of Jan 12), payable Jan 25
 *   2026-02-01T05:00Z  click + sale B $200.00  → earned $20.00 — Jan 31, 21:00 in LA: January, week of Jan 26
 *   2026-02-01T09:00Z  click + sale C  $50.00  → earned  $5.00 — Feb 1, 01:00 in LA: February, still week of Jan 26 (a Sunday)
 *   2026-02-02T12:00Z  payment $4.00 (of A's $10.00 payable)
 *   2026-02-03T12:00Z  refund $50.00 of B      → clawback $5.00 of B's held commission
 *   now 2026-02-05T12:00Z (Thursday, week of Feb 2)
 *
 * In LA: earned this month $5.00, last month $30.00 (in UTC it would be $25.00 and $10.00).
 * Balance 35 − 5 − 4 = $26.00; pending B 15 + C 5 = $20.00; payable now $6.00.
 */
let s: EngineServer;
let token: string;
const LA = 'America/Los_Angeles';
const at = (iso: string) => s.advance(Date.parse(iso) - s.now);

beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

async function workedExample() {
  const program = await s.program({ holdDays: 10 });
  await s.link('shop');
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await run(s.db, sql`UPDATE partners SET payout_details = 'alice@paypal.example' WHERE code = 'alice'`);
  at('2026-01-15T12:00:00Z');
  await s.click('alice');
  assert.equal((await s.sale({ orderId: 'A', amount: 10000, partnerCode: 'alice' })).status, 201);
  at('2026-02-01T05:00:00Z');
  await s.click('alice');
  assert.equal((await s.sale({ orderId: 'B', amount: 20000, partnerCode: 'alice' })).status, 201);
  at('2026-02-01T09:00:00Z');
  await s.click('alice');
  assert.equal((await s.sale({ orderId: 'C', amount: 5000, partnerCode: 'alice' })).status, 201);
  at('2026-02-02T12:00:00Z');
  const paid = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 400, method: 'PayPal', reference: 'PP-1' });
  assert.equal(paid.status, 201, paid.text);
  at('2026-02-03T12:00:00Z');
  assert.ok([200, 201].includes((await s.admin('POST', '/api/v1/track/refunds', { orderId: 'B', amount: 5000 })).status));
  at('2026-02-05T12:00:00Z');
  token = await s.login('alice', 'partner-password');
}

const get = (query = `?timeZone=${LA}`, t = token) => s.call('GET', `/api/v1/partner/overview${query}`, { token: t });
const schedule = async (payoutSchedule: unknown) => assert.equal((await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule })).status, 200);

describe('GET /api/v1/partner/overview', () => {
  test('the figures of the worked example, months and weeks counted in Los Angeles', async () => {
    await workedExample();
    await schedule({ kind: 'monthly', day: 11 });
    const res = await get();
    assert.equal(res.status, 200, res.text);
    const o = res.json;
    assert.equal(o.currency, 'USD');
    assert.equal(o.timeZone, LA);
    assert.deepEqual([o.earnedThisMonth, o.earnedLastMonth], [500, 3000]);
    assert.deepEqual([o.balance, o.pending, o.payableNow], [2600, 2000, 600]);
    assert.deepEqual(o.nextRelease, { at: '2026-02-11T05:00:00.000Z', amount: 1500 });
    // Feb 11 in LA ends at Feb 12 08:00Z: B and C are payable by then
    assert.deepEqual(o.nextPayout, {
      schedule: { kind: 'monthly', day: 11 },
      date: '2026-02-11',
      estimatedAmount: 600 + 1500 + 500,
      minimumPayout: 5000,
      meetsMinimum: false,
      payoutDetailsMissing: false,
    });
    assert.equal(o.openRequest, null);
    assert.deepEqual(o.mainLink, { id: o.mainLink.id, name: 'Link shop', url: 'http://localhost/r/alice/shop' });
    assert.equal(o.weeks.length, 12);
    assert.deepEqual(o.weeks.slice(-4), [
      { weekStart: '2026-01-12', clicks: 1, sales: 1, earned: 1000 },
      { weekStart: '2026-01-19', clicks: 0, sales: 0, earned: 0 },
      { weekStart: '2026-01-26', clicks: 2, sales: 2, earned: 2500 },
      { weekStart: '2026-02-02', clicks: 0, sales: 0, earned: 0 },
    ]);
    assert.equal(o.weeks[0].weekStart, '2025-11-17');
    assert.deepEqual(
      o.recent.map((e: any) => [e.type, e.amount]),
      [
        ['clawback', -500],
        ['payment', -400],
        ['commission', 500],
        ['commission', 2000],
        ['commission', 1000],
      ],
    );
    assert.equal(o.hasActivity, true);
  });

  test('in UTC the same entries fall in other months; the payout day moves with the schedule', async () => {
    await workedExample();
    const utc = (await get('')).json;
    assert.equal(utc.timeZone, 'UTC');
    assert.deepEqual([utc.earnedThisMonth, utc.earnedLastMonth], [2500, 1000]);
    // the default schedule: monthly on the 1st → March 1, by when everything held is payable
    assert.deepEqual([utc.nextPayout.date, utc.nextPayout.estimatedAmount], ['2026-03-01', 2600]);
    await schedule({ kind: 'monthly', day: 5 });
    // today (Feb 5) is the payout day: nothing held is payable by its end
    assert.deepEqual([(await get()).json.nextPayout.date, (await get()).json.nextPayout.estimatedAmount], ['2026-02-05', 600]);
    await schedule({ kind: 'monthly', day: 4 });
    assert.equal((await get()).json.nextPayout.date, '2026-03-04');
    await schedule({ kind: 'on-request' });
    const onRequest = (await get()).json.nextPayout;
    assert.deepEqual([onRequest.schedule, onRequest.date, onRequest.estimatedAmount, onRequest.meetsMinimum], [{ kind: 'on-request' }, null, 600, false]);
    await s.admin('PATCH', '/api/v1/admin/settings', { minimumPayout: 500 });
    assert.equal((await get()).json.nextPayout.meetsMinimum, true);
  });

  test('a new partner sees an empty overview (no activity, payout details missing) and never another partner’s figures', async () => {
    await workedExample();
    const bob = await s.login('bob', 'partner-password');
    const o = (await get(`?timeZone=${LA}`, bob)).json;
    assert.deepEqual([o.earnedThisMonth, o.earnedLastMonth, o.balance, o.pending, o.payableNow], [0, 0, 0, 0, 0]);
    assert.equal(o.nextRelease, null);
    assert.equal(o.nextPayout.payoutDetailsMissing, true);
    assert.equal(o.nextPayout.meetsMinimum, false);
    assert.deepEqual(o.recent, []);
    assert.ok(o.weeks.every((w: any) => w.clicks === 0 && w.sales === 0 && w.earned === 0));
    assert.equal(o.hasActivity, false);
    assert.equal(o.mainLink.url, 'http://localhost/r/bob/shop');
  });

  test('a bad time zone is a 400 naming timeZone; no token is a 401', async () => {
    await workedExample();
    assertError(await get('?timeZone=Mars/Olympus'), 400, 'invalid_time_zone', 'timeZone');
    assertError(await get('?timeZone=%3Cscript%3E'), 400, 'invalid_time_zone', 'timeZone');
    assertError(await s.call('GET', '/api/v1/partner/overview'), 401);
  });
});

describe('the overview over DST', () => {
  test('weeks start on Monday midnight in the zone even across a clock change', async () => {
    const program = await s.program({ holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    at('2026-03-30T10:00:00Z'); // Monday after Europe's change to summer time (Mar 29)
    token = await s.login('alice', 'partner-password');
    const weeks = (await get('?timeZone=Europe/Berlin')).json.weeks;
    assert.deepEqual(
      weeks.slice(-3).map((w: any) => w.weekStart),
      ['2026-03-16', '2026-03-23', '2026-03-30'],
    );
    // a sale at 23:30 on Sunday Mar 29 in Berlin (21:30Z, summer time) is in the week of Mar 23
    at('2026-03-30T10:00:00Z');
    s.advance(-(12 * 3_600_000 + 30 * 60_000)); // 2026-03-29T21:30Z
    await s.sale({ orderId: 'D', amount: 10000, partnerCode: 'alice' });
    s.advance(12 * 3_600_000 + 30 * 60_000);
    const after = (await get('?timeZone=Europe/Berlin')).json.weeks;
    assert.deepEqual([after.at(-2).sales, after.at(-1).sales], [1, 0]);
  });
});
