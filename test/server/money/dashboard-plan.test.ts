import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../server/db/explain.js';
import { dashboard, dashboardQueries as q, daysOf } from '../../../server/money/dashboard.js';
import { payoutsDueQuery } from '../../../server/money/payouts-due.js';
import { bulkLedger } from '../../helpers/ledger-fixtures.js';
import { testDialect } from '../../helpers/database.js';
import { one, sql } from '../../helpers/sql.js';
import { analyze, assertIndexScan, assertNoSort, postgresPlan } from './postgres-plan.js';
import { testServer, type TestServer } from '../../helpers/server.js';

/**
 * Every dashboard figure is an aggregate over an index (010-dashboard-indexes.sql): the period's
 * rows are a SEARCH by time on a covering index, never a SCAN of a table, so a month costs the
 * same with 1,000,000 ledger rows as with 5,000. Plans are deterministic, so they are asserted.
 * On PostgreSQL: the same covering indexes as Index Only Scans (postgres-plan.ts).
 */
let s: TestServer;
const end = Date.UTC(2026, 0, 1);
before(async () => {
  s = await testServer();
  await bulkLedger(s.db.kysely, { partners: 50, rows: 5_000, heavyRows: 1_000, end, span: 3 * 365 * 86_400_000 });
  if (testDialect === 'postgres') {
    // clicks too: on an empty table PostgreSQL may read any index that holds the time whole
    const link = await s.db.kysely.insertInto('links').values({ slug: 'plan', name: 'Plan', destination: 'https://shop.example.com/', partner_id: null, sub: null, status: 'active', created_at: end, updated_at: end }).returning('id').executeTakeFirstOrThrow();
    const partners = (await s.db.kysely.selectFrom('partners').select('id').execute()).map((p) => p.id);
    const span = 3 * 365 * 86_400_000;
    const clicks = Array.from({ length: 5_000 }, (_, i) => ({ click_key: `plan${String(i).padStart(28, '0')}`, link_id: link.id, partner_id: partners[i % partners.length]!, at: end - span + Math.floor((i / 5_000) * span), ip_hash: 'plan' }));
    for (let i = 0; i < clicks.length; i += 500) await s.db.kysely.insertInto('clicks').values(clicks.slice(i, i + 500)).execute();
    await analyze(s.db);
  }
});
after(() => s.close());

const plan = (query: Parameters<typeof explainQueryPlan>[1]) => explainQueryPlan(s.db, query).join('\n');
const from = end - 30 * 86_400_000;
const days = daysOf(from, end, 'Europe/Paris');
const raw = (query: { compile: (db: typeof s.db.kysely) => Parameters<typeof explainQueryPlan>[1] extends { compile: () => infer C } ? C : never }) =>
  explainQueryPlan(s.db, { compile: () => query.compile(s.db.kysely) }).join('\n');
const pg = testDialect === 'postgres';
const pgRaw = (query: { compile: (db: typeof s.db.kysely) => any }) => postgresPlan(s.db, { compile: () => query.compile(s.db.kysely) });

describe('dashboard EXPLAIN QUERY PLAN', () => {
  test('the period figures search their covering index by time, day by day', async () => {
    assert.equal(days.length, 31, 'the 30 days from midnight UTC touch 31 days in Paris');
    const db = s.db.kysely;
    if (pg) {
      const cases: [string, string, string][] = [
        [await pgRaw(q.clicksByDay(days)), 'clicks', 'dashboard_clicks_at'],
        [await postgresPlan(s.db, q.leads(db, from, end)), 'leads', 'dashboard_leads_at'],
        [await pgRaw(q.salesByDay(days)), 'sales', 'dashboard_sales_at'],
        [await pgRaw(q.earnedByDay(days)), 'ledger_entries', 'dashboard_ledger_type_at'],
        [await postgresPlan(s.db, q.paid(db, from, end)), 'ledger_entries', 'dashboard_ledger_type_at'],
        [await postgresPlan(s.db, q.topPartners(db, from, end)), 'ledger_entries', 'dashboard_ledger_type_at'],
        [await postgresPlan(s.db, q.pending(db, end)), 'commissions', 'commissions_on_hold'],
        [await postgresPlan(s.db, q.signupsWaiting(db)), 'partners', 'dashboard_partners_status'],
      ];
      for (const [text, table, index] of cases) assertIndexScan(text, table, index, { only: true });
      for (const [text] of cases.slice(3, 6)) assert.match(text, /Index Cond: \(\(type = .*at >= .*at < /, text);
      return;
    }
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

  test('a year of days still searches the period index (no automatic index over every sale)', async () => {
    const year = daysOf(end - 365 * 86_400_000, end, 'UTC');
    assert.equal(year.length, 365);
    if (pg) {
      for (const [text, table, index] of [
        [await pgRaw(q.clicksByDay(year)), 'clicks', 'dashboard_clicks_at'],
        [await pgRaw(q.salesByDay(year)), 'sales', 'dashboard_sales_at'],
        [await pgRaw(q.earnedByDay(year)), 'ledger_entries', 'dashboard_ledger_type_at'],
      ] as const) {
        assertIndexScan(text, table, index, { only: true });
        // SQLite's AUTOMATIC index: a hash table built over every row of the table
        assert.doesNotMatch(text, /\bHash (Join|Right Join)\b/, text);
      }
      return;
    }
    for (const [text, table, index] of [
      [raw(q.clicksByDay(year)), 'x', 'COVERING INDEX dashboard_clicks_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.salesByDay(year)), 'x', 'COVERING INDEX dashboard_sales_at \\(at>\\? AND at<\\?\\)'],
      [raw(q.earnedByDay(year)), 'x', 'COVERING INDEX dashboard_ledger_type_at \\(type=\\? AND at>\\? AND at<\\?\\)'],
    ] as const) {
      assert.match(text, new RegExp(`SEARCH ${table} USING ${index}`), text);
      assert.doesNotMatch(text, /AUTOMATIC/, text);
    }
  });

  test('owed and payouts due read one balance row per partner, not the ledger', async () => {
    if (pg) {
      const owed = await postgresPlan(s.db, q.owed(s.db.kysely));
      assert.match(owed, /Scan (using \w+ )?on partner_balances/, owed);
      assert.doesNotMatch(owed, /ledger_entries/, owed);
      const due = await postgresPlan(s.db, payoutsDueQuery(s.db.kysely, end, 5000));
      assert.match(due, /Index (Only )?Scan using (partners_pkey|dashboard_partners_status) on partners p/, due);
      assertIndexScan(due, 'commissions', 'commissions_on_hold', { only: true });
      assertNoSort(due);
      assert.doesNotMatch(due, /ledger_entries/, due);
      return;
    }
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
    const sum = async (type: string) =>
      (await one<{ n: number }>(s.db, sql`SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries WHERE type = ${type} AND at >= ${Date.UTC(2025, 0, 1)} AND at < ${end}`))!.n;
    assert.equal(d.period.earned, await sum('commission'));
    assert.equal(d.period.paid, -(await sum('payment')));
    assert.equal(d.now.balance, (await one<{ n: number }>(s.db, sql`SELECT sum(amount) AS n FROM ledger_entries`))!.n);
    // partners due: every active partner whose balance less what is on hold reaches the minimum, from the ledger itself
    const expected = (await one<{ n: number; amount: number }>(
      s.db,
      sql`SELECT count(*) AS n, coalesce(sum(payable), 0) AS amount FROM (
           SELECT (SELECT l.balance FROM ledger_entries l WHERE l.partner_id = p.id ORDER BY l.at DESC, l.id DESC LIMIT 1)
             - coalesce((SELECT sum(c.amount - c.clawed_back) FROM commissions c WHERE c.partner_id = p.id AND c.status = 'pending' AND c.payable_at > ${s.deps.clock()}), 0) AS payable
           FROM partners p WHERE p.status = 'active') AS due WHERE payable > 0 AND payable >= ${d.attention.payoutsDue.minimum}`,
    ))!;
    assert.ok(expected.n > 0, 'the bulk ledger has partners due');
    assert.deepEqual({ count: d.attention.payoutsDue.count, amount: d.attention.payoutsDue.amount }, { count: expected.n, amount: expected.amount });
  });
});
