import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import fc from 'fast-check';
import { updateSettings } from '../../../../server/catalog/settings.js';
import { ALICE_LEDGER } from '../../../helpers/alice-reports.js';
import { ledgerFixture } from '../../../helpers/ledger-fixtures.js';
import { listLedger } from '../../../helpers/ledger-pages.js';
import { parseCsv } from '../../../helpers/csv.js';
import { aliceAndBob, T } from '../../../helpers/reports-scenario.js';
import { testServer, type TestServer } from '../../../helpers/server.js';

let s: TestServer;
let w: Awaited<ReturnType<typeof aliceAndBob>>;
beforeEach(async () => {
  s = await testServer();
  w = await aliceAndBob(s);
});
afterEach(() => s.close());

const ledger = (query: string, token = w.aliceToken, headers?: Record<string, string>) =>
  s.call('GET', `/api/v1/partner/ledger${query}`, { token, ...(headers ? { headers } : {}) });

/** Alice's summary of a range, worked out by hand: beginning, earned, clawed back, paid, adjustments, ending (USD). */
const summaryOf = (beginningBalance: number, earned: number, clawedBack: number, paid: number, adjustments: number, endingBalance: number) => ({
  beginningBalance,
  earned,
  clawedBack,
  paid,
  adjustments,
  endingBalance,
  currency: 'USD',
});

describe('GET /api/v1/partner/ledger: the summary, by hand', () => {
  const cases = [
    { name: 'all time: beginning 0, earned 62.50, clawed back 15.00, paid 12.50, adjustments +2.00, ending 37.00', query: '', summary: summaryOf(0, 6_250, 1_500, 1_250, 200, 3_700) },
    { name: 'December 2025: beginning is everything before it (42.50), ending 20.00', query: '?from=2025-12-01&to=2025-12-31', summary: summaryOf(4_250, 0, 1_500, 1_250, 500, 2_000) },
    { name: 'January 2026: beginning 20.00, earned 20.00, adjustments −3.00, ending 37.00', query: '?from=2026-01-01&to=2026-01-31', summary: summaryOf(2_000, 2_000, 0, 0, -300, 3_700) },
    {
      name: 'November to December: earned 42.50 less clawed back and paid, plus the bonus, ends at 20.00',
      query: '?from=2025-11-01&to=2025-12-31',
      summary: summaryOf(0, 4_250, 1_500, 1_250, 500, 2_000),
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const res = await ledger(c.query);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.summary, c.summary);
      assert.deepEqual(Object.keys(res.json), ['summary', 'entries', 'nextCursor']);
    });
  }

  test('December 2025: its entries, newest first, with their running balances', async () => {
    const res = await ledger('?from=2025-12-01&to=2025-12-31');
    assert.deepEqual(
      res.json.entries.map((e: any) => [e.type, e.amount, e.balance]),
      [
        ['adjustment', 500, 2_000],
        ['clawback', -1_500, 1_500],
        ['payment', -1_250, 3_000],
      ],
    );
  });

  test('a range before any activity is all zeros; one after it carries the last balance', async () => {
    const before = await ledger('?from=2025-01-01&to=2025-01-31');
    assert.deepEqual(before.json, {
      summary: summaryOf(0, 0, 0, 0, 0, 0),
      entries: [],
      nextCursor: null,
    });
    const later = await ledger('?from=2026-02-01');
    assert.equal(later.json.summary.beginningBalance, 3_700);
    assert.equal(later.json.summary.endingBalance, 3_700);
    assert.deepEqual(later.json.entries, []);
  });

  test('only from, or only to: the open end runs to the first or last entry', async () => {
    const fromDec = await ledger('?from=2025-12-01');
    assert.deepEqual([fromDec.json.summary.beginningBalance, fromDec.json.summary.endingBalance, fromDec.json.entries.length], [4_250, 3_700, 5]);
    const toNov = await ledger('?to=2025-11-30');
    assert.deepEqual([toNov.json.summary.beginningBalance, toNov.json.summary.earned, toNov.json.summary.endingBalance], [0, 4_250, 4_250]);
  });

  test('bounds are exact to the millisecond, offsets honoured: from inclusive, to inclusive', async () => {
    // the payment is at 2025-12-01 09:00:00.000Z = 10:00 in UTC+1
    const from = await ledger(`?from=${encodeURIComponent('2025-12-01T10:00:00+01:00')}&to=2025-12-01`);
    assert.deepEqual(from.json.entries.map((e: any) => e.type), ['payment']);
    assert.equal(from.json.summary.beginningBalance, 4_250);
    const after = await ledger('?from=2025-12-01T09:00:00.001Z&to=2025-12-01');
    assert.deepEqual(after.json.entries, []);
    assert.equal(after.json.summary.beginningBalance, 3_000, 'the payment is before the range now');
    const to = await ledger('?from=2025-11-21&to=2025-12-01T09:00:00.000Z');
    assert.deepEqual(to.json.entries.map((e: any) => e.type), ['payment']);
    const toBefore = await ledger('?from=2025-11-21&to=2025-12-01T08:59:59.999Z');
    assert.deepEqual(toBefore.json.entries, []);
    assert.equal(toBefore.json.summary.endingBalance, 4_250);
  });

  test('every entry, newest first, with its running balance and words', async () => {
    const res = await ledger('');
    assert.deepEqual(
      res.json.entries.map(({ id: _id, ...e }: any) => e),
      ALICE_LEDGER.map(({ id: _id, ...e }) => e),
    );
    assert.equal(res.json.nextCursor, null);
    for (const e of res.json.entries) assert.deepEqual(Object.keys(e), ['id', 'date', 'type', 'description', 'amount', 'balance']);
  });

  test('each row carries its running balance: every balance is the next older one plus its amount', async () => {
    const { entries, summary } = (await ledger('')).json;
    for (let i = 0; i < entries.length - 1; i++) assert.equal(entries[i].balance, entries[i + 1].balance + entries[i].amount);
    assert.equal(entries[0].balance, summary.endingBalance);
  });

  test('the merchant currency comes from the settings', async () => {
    await updateSettings(s.deps, { currency: 'EUR' });
    assert.equal((await ledger('')).json.summary.currency, 'EUR');
  });
});

describe('GET /api/v1/partner/balance: payable now versus pending', () => {
  test('of 37.00: A-1003 (20.00) is on hold until 2026-02-04, the other 17.00 is payable now', async () => {
    const res = await s.call('GET', '/api/v1/partner/balance', { token: w.aliceToken });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {
      currency: 'USD',
      balance: 3_700,
      payableNow: 1_700,
      pending: 2_000,
      nextPayableAt: '2026-02-04T18:45:00.000Z',
      minimumPayout: 5_000,
      payoutReady: false,
    });
  });

  test('with a 15.00 minimum the payable 17.00 is ready; after the hold everything is payable', async () => {
    await updateSettings(s.deps, { minimumPayout: 1_500 });
    const ready = await s.call('GET', '/api/v1/partner/balance', { token: w.aliceToken });
    assert.equal(ready.json.payoutReady, true);
    assert.equal(ready.json.minimumPayout, 1_500);
    s.advance(Date.UTC(2026, 1, 4, 18, 45) - s.now + 1);
    // a fresh login: the old token expired while time moved on
    const token = await s.login('alice', 'alice-password');
    const later = await s.call('GET', '/api/v1/partner/balance', { token });
    assert.deepEqual([later.json.balance, later.json.payableNow, later.json.pending, later.json.nextPayableAt], [3_700, 3_700, 0, null]);
  });

  test('a partner with nothing yet has zeros', async () => {
    await s.addPartner({ code: 'newbie' });
    const token = await s.login('newbie');
    const res = await s.call('GET', '/api/v1/partner/balance', { token });
    assert.deepEqual(res.json, { currency: 'USD', balance: 0, payableNow: 0, pending: 0, nextPayableAt: null, minimumPayout: 5_000, payoutReady: false });
    const page = await ledger('', token);
    assert.deepEqual(page.json.entries, []);
    assert.equal(page.json.summary.endingBalance, 0);
  });
});

describe('ledger CSV export', () => {
  test('?format=csv streams a header row and every entry of the range, amounts as decimals', async () => {
    const res = await ledger('?from=2025-12-01&to=2025-12-31&format=csv');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('Content-Disposition'), 'attachment; filename="ledger-2025-12-01-to-2025-12-31.csv"');
    assert.equal(res.headers.get('Cache-Control'), 'private, no-store');
    const raw = new Uint8Array(await (await s.app.request('/api/v1/partner/ledger?format=csv', { headers: { Authorization: `Bearer ${w.aliceToken}` } })).arrayBuffer());
    assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for spreadsheets');
    assert.ok(res.text.startsWith('Date (UTC),Type,'));
    assert.match(res.text, /\r\n$/);
    assert.deepEqual(parseCsv(res.text), [
      ['Date (UTC)', 'Type', 'Description', 'Amount', 'Balance', 'Currency', 'Entry ID'],
      ['2025-12-24 12:00:00', 'adjustment', 'Holiday bonus', '5.00', '20.00', 'USD', res.text.split('\r\n')[1]!.split(',').at(-1)!],
      ['2025-12-10 08:00:00', 'clawback', 'Clawback: refund on order A-1002 (Damaged in transit)', '-15.00', '15.00', 'USD', res.text.split('\r\n')[2]!.split(',').at(-1)!],
      ['2025-12-01 09:00:00', 'payment', 'Payment by PayPal (ref. PP-1)', '-12.50', '30.00', 'USD', res.text.split('\r\n')[3]!.split(',').at(-1)!],
    ]);
  });

  test('Accept: text/csv asks for the same file; all time is named so', async () => {
    const res = await ledger('', w.aliceToken, { Accept: 'text/csv' });
    assert.equal(res.headers.get('Content-Disposition'), 'attachment; filename="ledger-all-time.csv"');
    const rows = parseCsv(res.text);
    assert.equal(rows.length, 1 + 7);
    const json = await ledger('');
    assert.deepEqual(
      rows.slice(1).map((r) => [r[3], r[4], r[6]]),
      json.json.entries.map((e: any) => [(e.amount / 100).toFixed(2), (e.balance / 100).toFixed(2), String(e.id)]),
    );
    const explicitJson = await ledger('?format=json', w.aliceToken, { Accept: 'text/csv' });
    assert.equal(explicitJson.headers.get('Content-Type'), 'application/json');
  });

  test('text that a spreadsheet would run, commas, quotes and line breaks are escaped', async () => {
    const f = ledgerFixture(s.db.kysely);
    await f.adjust(w.alice.id, { at: T.jan10 + 1000, amount: 100, description: '=HYPERLINK("http://evil.example","click"), then\nmore' });
    await f.adjust(w.alice.id, { at: T.jan10 + 2000, amount: -50, description: 'Fee, "express", 2 × €' });
    const res = await ledger('?from=2026-01-10&format=csv');
    const lines = res.text.split('\r\n');
    assert.equal(lines[1], `2026-01-10 07:00:02,adjustment,"Fee, ""express"", 2 × €",-0.50,37.50,USD,${lines[1]!.split(',').at(-1)}`);
    const rows = parseCsv(res.text);
    assert.equal(rows[2]![2], `'=HYPERLINK("http://evil.example","click"), then\nmore`);
    assert.deepEqual(rows[2]!.slice(3, 5), ['1.00', '38.00']);
  });

  test('a currency without minor units is written whole', async () => {
    await updateSettings(s.deps, { currency: 'JPY' });
    const rows = parseCsv((await ledger('?from=2026-01-10&format=csv')).text);
    assert.deepEqual(rows[1]!.slice(3, 6), ['-300', '3700', 'JPY']);
  });

  test("a partner with 2,500 entries gets every one, in order, with the balances the JSON pages show", async () => {
    const f = ledgerFixture(s.db.kysely);
    const carol = await s.addPartner({ code: 'carol' });
    for (let i = 0; i < 2_500; i++) {
      await f.adjust(carol.id, { at: Date.UTC(2025, 0, 1) + i * 60_000, amount: i % 3 === 0 ? -7 : 11, description: `Entry ${i}` });
    }
    const token = await s.login('carol');
    const rows = parseCsv((await ledger('?format=csv', token)).text).slice(1);
    assert.equal(rows.length, 2_500);
    assert.equal(new Set(rows.map((r) => r[6])).size, 2_500);
    assert.deepEqual(rows[0]!.slice(2, 5), ['Entry 2499', '-0.07', '124.88'], '834 × −0.07 + 1,666 × 0.11 = 124.88');
    assert.equal(rows.at(-1)![2], 'Entry 0');
  });
});

describe('keyset pagination', () => {
  test('pages of 3 walk the ledger newest first; the last page has no cursor', async () => {
    const first = await ledger('?limit=3');
    assert.equal(first.json.entries.length, 3);
    assert.equal(typeof first.json.nextCursor, 'string');
    const second = await ledger(`?limit=3&cursor=${first.json.nextCursor}`);
    const third = await ledger(`?limit=3&cursor=${second.json.nextCursor}`);
    assert.equal(third.json.entries.length, 1);
    assert.equal(third.json.nextCursor, null);
    const all = (await ledger('')).json.entries.map((e: any) => e.id);
    assert.deepEqual([...first.json.entries, ...second.json.entries, ...third.json.entries].map((e: any) => e.id), all);
    assert.deepEqual(second.json.summary, first.json.summary, 'every page carries the summary of the whole range');
  });

  test('an exact multiple of the limit ends with an empty-free last page', async () => {
    const first = await ledger('?from=2025-12-01&to=2025-12-31&limit=3');
    assert.equal(first.json.entries.length, 3);
    assert.equal(first.json.nextCursor, null);
  });

  test('rows recorded while paging neither repeat nor push rows out', async () => {
    const f = ledgerFixture(s.db.kysely);
    const expected = (await ledger('')).json.entries.map((e: any) => e.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const page: any = await ledger(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      seen.push(...page.json.entries.map((e: any) => e.id));
      cursor = page.json.nextCursor;
      // new activity arrives between pages: at "now", and one in the same millisecond as the newest row
      s.advance(1_000);
      await f.adjust(w.alice.id, { at: s.now, amount: 1, description: `late ${n++}` });
    } while (cursor);
    assert.deepEqual(seen, expected);
  });

  test('property: any history, any page size, any arrivals between pages — each row exactly once, in order', async () => {
    const f = ledgerFixture(s.db.kysely);
    let partnerNo = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 10 }),
        async (gaps, limit, arrivals) => {
          const p = await f.partner(`prop${++partnerNo}`);
          let at = Date.UTC(2025, 5, 1);
          for (const [i, gap] of gaps.entries()) {
            at += gap; // gaps of 0: several rows in the same millisecond
            await f.adjust(p, { at, amount: 10 + i, description: `row ${i}` });
          }
          const expected = await listLedger(s.deps, p, 1_000);
          const seen: number[] = [];
          let cursor: string | undefined;
          let round = 0;
          for (;;) {
            const page = await listLedger(s.deps, p, limit, cursor);
            seen.push(...page.ids);
            for (let k = 0; k < (arrivals[round] ?? 0); k++) await f.adjust(p, { at: at + round, amount: 1, description: 'new' });
            round++;
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          assert.deepEqual(seen, expected.ids);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("another partner's token", () => {
  test("Bob sees only his own ledger and balance: none of Alice's rows, words or money", async () => {
    const res = await ledger('', w.bobToken);
    assert.deepEqual(res.json.summary, { beginningBalance: 0, earned: 500, clawedBack: 0, paid: 0, adjustments: 0, endingBalance: 500, currency: 'USD' });
    assert.deepEqual(res.json.entries.map((e: any) => e.description), ['Commission on order B-2001 (Outdoor Gear, 10%)']);
    assert.doesNotMatch(res.text, /A-100|PayPal|Holiday/);
    const csv = await ledger('?format=csv', w.bobToken);
    assert.equal(parseCsv(csv.text).length, 2);
    assert.doesNotMatch(csv.text, /A-100|PayPal|Holiday/);
    const balance = await s.call('GET', '/api/v1/partner/balance', { token: w.bobToken });
    assert.deepEqual([balance.json.balance, balance.json.pending, balance.json.payableNow], [500, 0, 500]);
  });

  test("Alice's cursor handed to Bob pages Bob's ledger, never Alice's", async () => {
    const alicePage = await ledger('?limit=1');
    const res = await ledger(`?limit=5&cursor=${alicePage.json.nextCursor}`, w.bobToken);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.entries.map((e: any) => e.description), ['Commission on order B-2001 (Outdoor Gear, 10%)']);
  });
});
