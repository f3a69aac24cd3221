import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../server/db/explain.js';
import { dashboard, dashboardQueries as q, daysOf } from '../../../server/money/dashboard.js';
import { payoutsDueQuery } from '../../../server/money/payouts-due.js';
import { bulkLedger } from '../../helpers/ledger-fixtures.js';
import { testServer, type TestServer } from '../../helpers/server.js';

/**
 * Every dashboard figure is an aggregate over an index (010-dashboard-indexes.sql): the period's
 * rows are a SEARCH by time on a covering index, never a SCAN of a table, so a month costs the
 * same with 1,000,000 ledger rows as with 5,000. Plans are deterministic, so they are asserted.
 */
let s: TestServer;
const end = Date.UTC(2026, 0, 1);
before(async () => {
  s = await testServer();
  await bulkLedger(s.db.kysely, { partners: 50, rows: 5_000, heavyRows: 1_000, end, span: 3 * 365 * 86_400_000 });
});
after(() => s.close());

const plan = (query: Parameters<typeof explainQueryPlan>[1]) => explainQueryPlan(s.db, query).join('\n');
const from = end - 30 * 86_400_000;
const days = daysOf(from, end, 'Europe/Paris');
const raw = (query: { compile: (db: typeof s.db.kysely) => Parameters<typeof explainQueryPlan>[1] extends { compile: () => infer C } ? C : never }) =>
  explainQueryPlan(s.db, { compile: () => query.compile(s.db.kysely) }).join('\n');

describe('dashboard EXPLAIN QUERY PLAN', () => {
  test('the period figures search their covering index by time, day by day', () => {
    assert.equal(days.length, 31, 'the 30 days from midnight UTC touch 31 days in Paris');
    const db = s.db.kysely;
    const cases: [string, string, string][] = [
      [raw(q.clicksByDay(days)), 'x', 'COVERING INDEX dashboard_clicks_at \\(at>\\? AND at<\\?\\)'],
      [plan(q.leads(db, from, end)), 'leads', 'COVERING INDEX dashboard_leads_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.salesByDay(days)), 'x', 'COVERING INDEX dashboard_sales_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.earnedByDay(days)), 'x', 'COVERING INDEX dashboard_ledger_type_at \\(type=\\? AND at>\\? AND at<\\?\\)'],
      [plan(q.paid(db, from, end)), 'ledger_entries', 'COVERING INDEX dashboard_ledger_type_at \\(type=\\? AND at>\\? AND at<\\?\\)'],
      [plan(q.topPartners(db, from, end)), 'ledger_entries', 'COVERING INDEX dashboard_ledger_type_at \\(type=\\? AND at>\\? AND at<\\?\\)'],
      [plan(q.pending(db, end)), 'commissions', 'COVERING INDEX commissions_on_hold \\(status=\\?\\)'],
      [plan(q.signupsWaiting(db)), 'partners', 'COVERING INDEX dashboard_partners_status \\(status=\\?\\)'],
    ];
    for (const [text, table, index] of cases) {
      assert.match(text, new RegExp(`SEARCH ${table} USING ${index}`), text);
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}\\b(?! USING COVERING)`), text);
    }
  });

  test('a year of days still searches the period index (no automatic index over every sale)', () => {
    const year = daysOf(end - 365 * 86_400_000, end, 'UTC');
    assert.equal(year.length, 365);
    for (const [text, table, index] of [
      [raw(q.clicksByDay(year)), 'x', 'COVERING INDEX dashboard_clicks_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.salesByDay(year)), 'x', 'COVERING INDEX dashboard_sales_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.earnedByDay(year)), 'x', 'COVERING INDEX dashboard_ledger_type_at \\(type=\\? AND at>\\? AND at<\\?\\)'],
    ] as const) {
      assert.match(text, new RegExp(`SEARCH ${table} USING ${index}`), text);
      assert.doesNotMatch(text, /AUTOMATIC/, text);
    }
  });

  test('owed and payouts due read one balance row per partner, not the ledger', () => {
    const owed = plan(q.owed(s.db.kysely));
    assert.match(owed, /SCAN partner_balances/, owed);
    assert.doesNotMatch(owed, /ledger_entries/, owed);
    const due = plan(payoutsDueQuery(s.db.kysely, end, 5000));
    assert.match(due, /SEARCH (p|b) USING (INTEGER PRIMARY KEY \(rowid=\?\)|(COVERING )?INDEX dashboard_partners_status \(status=\?\))/, due);
    assert.match(due, /SEARCH commissions USING COVERING INDEX commissions_on_hold \(status=\?\)/, due);
    assert.doesNotMatch(due, /TEMP B-TREE FOR GROUP BY/, due);
    assert.doesNotMatch(due, /ledger_entries/, due);
  });

  test('the dashboard of the bulk ledger adds up to the ledger', async () => {
    const d = await dashboard(s.deps, { from: '2025-01-01', to: '2025-12-31' });
    const sum = (type: string) => (s.db.sqlite.prepare('SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries WHERE type = ? AND at >= ? AND at < ?').get(type, Date.UTC(2025, 0, 1), end) as { n: number }).n;
    assert.equal(d.period.earned, sum('commission'));
    assert.equal(d.period.paid, -sum('payment'));
    assert.equal(d.now.balance, (s.db.sqlite.prepare('SELECT sum(amount) AS n FROM ledger_entries').get() as { n: number }).n);
    // partners due: every active partner whose balance less what is on hold reaches the minimum, from the ledger itself
    const expected = s.db.sqlite
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(payable), 0) AS amount FROM (
           SELECT (SELECT l.balance FROM ledger_entries l WHERE l.partner_id = p.id ORDER BY l.at DESC, l.id DESC LIMIT 1)
             - coalesce((SELECT sum(c.amount - c.clawed_back) FROM commissions c WHERE c.partner_id = p.id AND c.status = 'pending' AND c.payable_at > ?), 0) AS payable
           FROM partners p WHERE p.status = 'active') WHERE payable > 0 AND payable >= ?`,
      )
      .get(s.deps.clock(), d.attention.payoutsDue.minimum) as { n: number; amount: number };
    assert.ok(expected.n > 0, 'the bulk ledger has partners due');
    assert.deepEqual({ count: d.attention.payoutsDue.count, amount: d.attention.payoutsDue.amount }, { count: expected.n, amount: expected.amount });
  });
});
