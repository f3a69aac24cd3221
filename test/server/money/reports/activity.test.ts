import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateSettings } from '../../../../server/catalog/settings.js';
import { parseCsv } from '../../../helpers/csv.js';
import { commissionA1003 } from '../../../helpers/alice-reports.js';
import { ledgerFixture } from '../../../helpers/ledger-fixtures.js';
import { aliceAndBob, T } from '../../../helpers/reports-scenario.js';
import { testServer, type TestServer } from '../../../helpers/server.js';

let s: TestServer;
let w: Awaited<ReturnType<typeof aliceAndBob>>;
beforeEach(async () => {
  s = await testServer();
  w = await aliceAndBob(s);
});
afterEach(() => s.close());

const get = (path: string, token = w.aliceToken) => s.call('GET', `/api/v1/partner/reports/${path}`, { token });

describe('GET /api/v1/partner/reports/commissions', () => {
  test('each commission: order, sale amount, rate, amount, status, tier, why, and the clawback reason', async () => {
    const res = await get('commissions');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {
      currency: 'USD',
      // today A-1002 is past its hold: only A-1003 (+20.00, payable 2026-02-04) is pending; 37.00 − 20.00 is payable now
      totals: { count: 3, earned: 6_250, clawedBack: 1_500, paid: 1_250, pending: 2_000, payableNow: 1_700, balance: 3_700, currency: 'USD' },
      items: [
        commissionA1003({ id: w.sales.a1003.commissionId!, programId: w.gear.id }),
        {
          id: w.sales.a1002.commissionId,
          date: '2025-11-20T15:30:00.000Z',
          kind: 'sale',
          order: 'A-1002',
          saleAmount: 20_000,
          baseAmount: 20_000,
          rate: { type: 'percent', value: 1_500 },
          amount: 3_000,
          clawedBack: 1_500,
          status: 'pending',
          tier: 'direct',
          payableAt: '2025-12-20T15:30:00.000Z',
          why: {
            attribution: 'last_click',
            link: { slug: 'tents', name: 'Tents' },
            sub: 'instagram',
            clickAt: '2025-11-19T15:30:00.000Z',
            program: { id: w.premium.id, name: 'Premium Tents' },
            childCode: null,
          },
          clawback: { amount: 1_500, date: '2025-12-10T08:00:00.000Z', reason: 'Damaged in transit' },
        },
        {
          id: w.sales.a1001.commissionId,
          date: '2025-11-03T10:00:00.000Z',
          kind: 'sale',
          order: 'A-1001',
          saleAmount: 12_500,
          baseAmount: 12_500,
          rate: { type: 'percent', value: 1_000 },
          amount: 1_250,
          clawedBack: 0,
          status: 'paid',
          tier: 'direct',
          payableAt: '2025-12-03T10:00:00.000Z',
          why: {
            attribution: 'last_click',
            link: { slug: 'spring-sale', name: 'Spring sale' },
            sub: 'newsletter',
            clickAt: '2025-11-02T11:00:00.000Z',
            program: { id: w.gear.id, name: 'Outdoor Gear' },
            childCode: null,
          },
          clawback: null,
        },
      ],
      nextCursor: null,
    });
  });

  test("a range counts its commissions and the ledger's money of the range; today's figures stay; pages keep the totals", async () => {
    const nov = await get('commissions?from=2025-11-01&to=2025-11-30&limit=1');
    // the payment (Dec 1) and the clawback (Dec 10) belong to December, whatever commission they touch
    assert.deepEqual(nov.json.totals, { count: 2, earned: 4_250, clawedBack: 0, paid: 0, pending: 2_000, payableNow: 1_700, balance: 3_700, currency: 'USD' });
    assert.deepEqual(nov.json.items.map((c: any) => c.order), ['A-1002']);
    const next = await get(`commissions?from=2025-11-01&to=2025-11-30&limit=1&cursor=${nov.json.nextCursor}`);
    assert.deepEqual(next.json.items.map((c: any) => c.order), ['A-1001']);
    assert.equal(next.json.nextCursor, null);
    const dec = await get('commissions?from=2025-12-01&to=2025-12-31');
    assert.deepEqual(dec.json.totals, { count: 0, earned: 0, clawedBack: 1_500, paid: 1_250, pending: 2_000, payableNow: 1_700, balance: 3_700, currency: 'USD' });
    assert.deepEqual(dec.json.items, []);
  });

  test('a second-tier commission names the partner who sold; a lead commission has no order; a full refund claws both back', async () => {
    const f = ledgerFixture(s.db.kysely);
    const dave = await s.addPartner({ code: 'dave' });
    const erin = await s.addPartner({ code: 'erin' });
    await s.db.kysely.updateTable('partners').set({ parent_id: dave.id }).where('id', '=', erin.id).execute();
    const club = await f.program({ name: 'Referral Club', rate: { type: 'percent', value: 1_000 }, secondTier: { type: 'percent', value: 200 }, holdDays: 10 });
    const news = await f.program({ name: 'Newsletter', rate: { type: 'flat', value: 0 }, holdDays: 10 });
    await f.lead(dave.id, { at: T.nov3, email: 'sam@example.com', commission: { program: news, amount: 500 } });
    const sale = await f.sale(erin.id, { at: T.nov20, orderId: 'E-1', items: [{ product: 'canoe', amount: 30_000 }], program: club });
    await f.refund({ at: T.dec10, sale, amount: 30_000, reason: 'Returned unused' });
    const token = await s.login('dave');
    const res = await get('commissions', token);
    // the lead's hold ended on Nov 13: nothing is pending today
    assert.deepEqual(res.json.totals, { count: 2, earned: 1_100, clawedBack: 600, paid: 0, pending: 0, payableNow: 500, balance: 500, currency: 'USD' });
    const [second, lead] = res.json.items;
    assert.deepEqual(
      { tier: second.tier, order: second.order, rate: second.rate, amount: second.amount, status: second.status, childCode: second.why.childCode, clawback: second.clawback },
      {
        tier: 'second',
        order: 'E-1',
        rate: { type: 'percent', value: 200 },
        amount: 600,
        status: 'clawed_back',
        childCode: 'erin',
        clawback: { amount: 600, date: '2025-12-10T08:00:00.000Z', reason: 'Returned unused' },
      },
    );
    assert.deepEqual(
      { kind: lead.kind, order: lead.order, saleAmount: lead.saleAmount, rate: lead.rate, amount: lead.amount, attribution: lead.why.attribution },
      { kind: 'lead', order: null, saleAmount: null, rate: { type: 'flat', value: 500 }, amount: 500, attribution: 'lead_email' },
    );
    const erinView = await get('commissions', await s.login('erin'));
    assert.deepEqual(erinView.json.items.map((c: any) => [c.tier, c.amount, c.status]), [['direct', 3_000, 'clawed_back']]);
  });

  test('a reason the engine wrote oddly is shown as unknown, not an error', async () => {
    await s.db.kysely.updateTable('commissions').set({ reason: 'not json' }).where('id', '=', w.sales.a1001.commissionId!).execute();
    const res = await get('commissions');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.items[2].why, { attribution: null, link: null, sub: null, clickAt: null, program: { id: w.gear.id, name: null }, childCode: null });
  });

  test('CSV: one row per commission with the why and the clawback reason', async () => {
    const res = await get('commissions?format=csv');
    assert.equal(res.headers.get('Content-Disposition'), 'attachment; filename="commissions-all-time.csv"');
    const rows = parseCsv(res.text);
    assert.deepEqual(rows[0], [
      'Date (UTC)', 'Commission ID', 'Kind', 'Order', 'Sale amount', 'Base amount', 'Rate', 'Amount', 'Clawed back', 'Status', 'Tier',
      'Payable on (UTC)', 'Program', 'Attribution', 'Link', 'Sub-id', 'Click time (UTC)', 'Clawback reason', 'Currency',
    ]);
    assert.deepEqual(rows[2], [
      '2025-11-20 15:30:00', String(w.sales.a1002.commissionId), 'sale', 'A-1002', '200.00', '200.00', '15%', '30.00', '15.00', 'pending', 'direct',
      '2025-12-20 15:30:00', 'Premium Tents', 'last_click', 'tents', 'instagram', '2025-11-19 15:30:00', 'Damaged in transit', 'USD',
    ]);
    assert.equal(rows.length, 4);
  });
});

describe('GET /api/v1/partner/reports/leads', () => {
  test('masked by default: j•••@example.com, no names; status and link', async () => {
    const res = await get('leads');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {
      privacy: 'masked',
      totals: { leads: 2, customers: 1 },
      items: [
        { id: res.json.items[0].id, date: '2026-01-08T16:00:00.000Z', lead: 'm•••@example.org', name: null, status: 'lead', link: null, sub: 'podcast' },
        {
          id: res.json.items[1].id,
          date: '2025-11-02T12:00:00.000Z',
          lead: 'j•••@example.com',
          name: null,
          status: 'customer',
          link: { slug: 'spring-sale', name: 'Spring sale' },
          sub: 'newsletter',
        },
      ],
      nextCursor: null,
    });
    assert.doesNotMatch(res.text, /jane@|Jane Doe|mark\.smith|Mark Smith/);
    const csv = await get('leads?format=csv');
    assert.doesNotMatch(csv.text, /jane@|Jane Doe|mark\.smith|Mark Smith/);
    assert.deepEqual(parseCsv(csv.text)[2], ['2025-11-02 12:00:00', String(res.json.items[1].id), 'j•••@example.com', '', 'customer', 'spring-sale', 'newsletter']);
  });

  test("in full when the merchant's privacy setting says so", async () => {
    await updateSettings(s.deps, { leadPrivacy: 'full' });
    const res = await get('leads');
    assert.equal(res.json.privacy, 'full');
    assert.deepEqual(res.json.items.map((l: any) => [l.lead, l.name]), [
      ['mark.smith@example.org', 'Mark Smith'],
      ['jane@example.com', 'Jane Doe'],
    ]);
  });

  test('ranges and pages', async () => {
    const jan = await get('leads?from=2026-01-01&to=2026-01-31');
    assert.deepEqual(jan.json.totals, { leads: 1, customers: 0 });
    const first = await get('leads?limit=1');
    const second = await get(`leads?limit=1&cursor=${first.json.nextCursor}`);
    assert.deepEqual([first.json.items[0].lead, second.json.items[0].lead, second.json.nextCursor], ['m•••@example.org', 'j•••@example.com', null]);
  });
});

describe('GET /api/v1/partner/reports/sales', () => {
  test('each sale with its items, refunds and the commission it earned', async () => {
    const res = await get('sales');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.totals, { count: 3, amount: 52_500, refunded: 10_000, commission: 4_750 });
    assert.deepEqual(
      res.json.items.map(({ id: _id, ...sale }: any) => sale),
      [
        { date: '2026-01-05T18:45:00.000Z', order: 'A-1003', amount: 20_000, currency: 'USD', refunded: 0, status: 'completed', selfReferral: false, items: [{ product: 'rain-jacket', quantity: 1, amount: 20_000 }], commission: 2_000, noCommissionReason: null },
        { date: '2025-11-20T15:30:00.000Z', order: 'A-1002', amount: 20_000, currency: 'USD', refunded: 10_000, status: 'partially_refunded', selfReferral: false, items: [{ product: 'tent-4p', quantity: 1, amount: 20_000 }], commission: 1_500, noCommissionReason: null },
        {
          date: '2025-11-03T10:00:00.000Z',
          order: 'A-1001',
          amount: 12_500,
          currency: 'USD',
          refunded: 0,
          status: 'completed',
          selfReferral: false,
          items: [
            { product: 'tent-2p', quantity: 1, amount: 10_000 },
            { product: 'headlamp', quantity: 2, amount: 2_500 },
          ],
          commission: 1_250,
          noCommissionReason: null,
        },
      ],
    );
  });

  test('a self-referred sale is listed, flagged, and earns nothing', async () => {
    const f = ledgerFixture(s.db.kysely);
    await f.sale(w.alice.id, { at: T.jan10 + 1000, orderId: 'A-SELF', items: [{ product: 'tent-2p', amount: 10_000 }], program: w.gear, selfReferral: true });
    const res = await get('sales?from=2026-01-10');
    assert.deepEqual(res.json.items.map((x: any) => [x.order, x.selfReferral, x.commission, x.noCommissionReason]), [['A-SELF', true, 0, 'self_referral']]);
    assert.deepEqual(res.json.totals, { count: 1, amount: 10_000, refunded: 0, commission: 0 });
  });

  test('CSV: items in one cell, money as decimals', async () => {
    const rows = parseCsv((await get('sales?format=csv')).text);
    assert.deepEqual(rows[0], ['Date (UTC)', 'Sale ID', 'Order', 'Amount', 'Refunded', 'Status', 'Self-referral', 'Items', 'Commission', 'No commission because', 'Currency']);
    assert.deepEqual(rows[3]!.slice(2), ['A-1001', '125.00', '0.00', 'completed', 'no', '1 × tent-2p (100.00); 2 × headlamp (25.00)', '12.50', '', 'USD']);
  });
});

describe('GET /api/v1/partner/reports/links', () => {
  const day = (date: string, clicks: number, leads: number, sales: number, salesAmount: number, earnings: number) => ({ date, clicks, leads, sales, salesAmount, earnings });

  test('totals, by day, by sub-id and by link; conversion in basis points, earnings per click in cents', async () => {
    const res = await get('links');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {
      currency: 'USD',
      timeZone: 'UTC',
      // 6 clicks, 3 sales: 50% = 5000 bp; 47.50 / 6 clicks = 7.9166… → 7.92
      totals: { clicks: 6, leads: 2, sales: 3, salesAmount: 52_500, earnings: 4_750, conversionRate: 5_000, earningsPerClick: 792 },
      byDay: [
        day('2025-11-01', 3, 0, 0, 0, 0),
        day('2025-11-02', 1, 1, 0, 0, 0),
        day('2025-11-03', 0, 0, 1, 12_500, 1_250),
        day('2025-11-19', 1, 0, 0, 0, 0),
        day('2025-11-20', 0, 0, 1, 20_000, 1_500),
        day('2026-01-05', 0, 0, 1, 20_000, 2_000),
        day('2026-01-06', 1, 0, 0, 0, 0),
        day('2026-01-08', 0, 1, 0, 0, 0),
      ],
      bySub: [
        // 12.50 / 4 clicks = 3.125 → 3.13
        { sub: 'newsletter', clicks: 4, leads: 1, sales: 1, salesAmount: 12_500, earnings: 1_250, conversionRate: 2_500, earningsPerClick: 313 },
        { sub: null, clicks: 1, leads: 0, sales: 1, salesAmount: 20_000, earnings: 2_000, conversionRate: 10_000, earningsPerClick: 2_000 },
        { sub: 'instagram', clicks: 1, leads: 0, sales: 1, salesAmount: 20_000, earnings: 1_500, conversionRate: 10_000, earningsPerClick: 1_500 },
        { sub: 'podcast', clicks: 0, leads: 1, sales: 0, salesAmount: 0, earnings: 0, conversionRate: null, earningsPerClick: null },
      ],
      byLink: [
        { link: { slug: 'spring-sale', name: 'Spring sale' }, clicks: 4, leads: 1, sales: 1, salesAmount: 12_500, earnings: 1_250, conversionRate: 2_500, earningsPerClick: 313 },
        { link: { slug: 'tents', name: 'Tents' }, clicks: 2, leads: 0, sales: 1, salesAmount: 20_000, earnings: 1_500, conversionRate: 5_000, earningsPerClick: 750 },
        { link: null, clicks: 0, leads: 1, sales: 1, salesAmount: 20_000, earnings: 2_000, conversionRate: null, earningsPerClick: null },
      ],
    });
  });

  test('days are counted in the asked time zone: the three 1 November clicks fall on 31 October in Los Angeles', async () => {
    const res = await get('links?timeZone=America/Los_Angeles');
    assert.equal(res.json.timeZone, 'America/Los_Angeles');
    assert.deepEqual(res.json.byDay.slice(0, 3), [day('2025-10-31', 3, 0, 0, 0, 0), day('2025-11-02', 1, 1, 0, 0, 0), day('2025-11-03', 0, 0, 1, 12_500, 1_250)]);
  });

  test('a range counts only its days', async () => {
    const res = await get('links?from=2026-01-01&to=2026-01-31');
    assert.deepEqual(res.json.totals, { clicks: 1, leads: 1, sales: 1, salesAmount: 20_000, earnings: 2_000, conversionRate: 10_000, earningsPerClick: 2_000 });
    assert.deepEqual(res.json.byDay.map((d: any) => d.date), ['2026-01-05', '2026-01-06', '2026-01-08']);
  });

  test('CSV: a total row, then rows by day, sub-id and link', async () => {
    const rows = parseCsv((await get('links?format=csv')).text);
    assert.deepEqual(rows[0], ['Breakdown', 'Key', 'Clicks', 'Leads', 'Sales', 'Sales amount', 'Earnings', 'Conversion rate', 'Earnings per click', 'Currency']);
    assert.deepEqual(rows[1], ['Total', 'All', '6', '2', '3', '525.00', '47.50', '50%', '7.92', 'USD']);
    assert.deepEqual(rows[2], ['Day', '2025-11-01', '3', '0', '0', '0.00', '0.00', '0%', '0.00', 'USD']);
    assert.deepEqual(rows.find((r) => r[0] === 'Sub-id' && r[1] === 'podcast'), ['Sub-id', 'podcast', '0', '1', '0', '0.00', '0.00', '', '', 'USD']);
    assert.deepEqual(rows.find((r) => r[0] === 'Link' && r[1] === '(no link)')?.slice(2, 7), ['0', '1', '1', '200.00', '20.00']);
  });
});

describe("another partner's token sees none of Alice's activity", () => {
  for (const path of ['commissions', 'leads', 'sales', 'links']) {
    test(`${path}: JSON and CSV are Bob's only`, async () => {
      const json = await get(path, w.bobToken);
      const csv = await get(`${path}?format=csv`, w.bobToken);
      assert.equal(json.status, 200);
      for (const text of [json.text, csv.text]) {
        assert.doesNotMatch(text, /A-100|jane|j•••|m•••|newsletter|instagram|podcast|Premium Tents/);
      }
    });
  }

  test("Bob's numbers are his own", async () => {
    assert.deepEqual((await get('commissions', w.bobToken)).json.totals, { count: 1, earned: 500, clawedBack: 0, paid: 0, pending: 0, payableNow: 500, balance: 500, currency: 'USD' });
    assert.deepEqual((await get('leads', w.bobToken)).json.items.map((l: any) => l.lead), ['b•••@example.net']);
    assert.deepEqual((await get('sales', w.bobToken)).json.items.map((x: any) => x.order), ['B-2001']);
    assert.deepEqual((await get('links', w.bobToken)).json.totals, { clicks: 1, leads: 1, sales: 1, salesAmount: 5_000, earnings: 500, conversionRate: 10_000, earningsPerClick: 500 });
  });
});
