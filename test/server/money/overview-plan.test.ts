import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../server/db/explain.js';
import { overviewQueries as q, weeksOf } from '../../../server/money/overview.js';
import { bulkLedger } from '../../helpers/ledger-fixtures.js';
import { testDialect } from '../../helpers/database.js';
import { analyze, assertIndexScan, assertNoSort, assertSomeIndexScan, postgresPlan } from './postgres-plan.js';
import { testServer, type TestServer } from '../../helpers/server.js';

/**
 * The overview's own queries (the money words' queries are checked in reports/plan.test.ts) are
 * index range reads on the partner: the chart's twelve weeks are one SEARCH each of clicks,
 * sales and commission ledger rows by (partner, time), never a SCAN. On PostgreSQL the same through
 * postgres-plan.ts (the fixture leaves clicks, sales and payout requests empty: some index there).
 */
let s: TestServer;
let heavy: number;
const end = Date.UTC(2026, 0, 1);
before(async () => {
  s = await testServer();
  ({ heavyPartnerId: heavy } = await bulkLedger(s.db.kysely, { partners: 50, rows: 5_000, heavyRows: 1_000, end, span: 3 * 365 * 86_400_000 }));
  if (testDialect === 'postgres') await analyze(s.db);
});
after(() => s.close());

const plan = (query: Parameters<typeof explainQueryPlan>[1]) => explainQueryPlan(s.db, query).join('\n');
const weeks = weeksOf(end, 'America/Los_Angeles');

describe('overview EXPLAIN QUERY PLAN', () => {
  test('the weekly chart: clicks, sales and earned each one range read of a (partner, time) index', async () => {
    if (testDialect === 'postgres') {
      assertSomeIndexScan(await postgresPlan(s.db, q.clicksByWeek(s.db.kysely, heavy, weeks)), 'clicks');
      assertSomeIndexScan(await postgresPlan(s.db, q.salesByWeek(s.db.kysely, heavy, weeks)), 'sales');
      const earned = await postgresPlan(s.db, q.earnedByWeek(s.db.kysely, heavy, weeks));
      assertIndexScan(earned, 'ledger_entries', '(ledger_partner_at|ledger_partner_type)');
      assert.match(earned, /Index Cond: \(\(partner_id = .*at >= .*at < /, earned);
      return;
    }
    const cases: [string, RegExp][] = [
      [plan(q.clicksByWeek(s.db.kysely, heavy, weeks)), /SEARCH clicks USING COVERING INDEX clicks_partner_at \(partner_id=\? AND at>\? AND at<\?\)/],
      [plan(q.salesByWeek(s.db.kysely, heavy, weeks)), /SEARCH sales USING INDEX sales_partner_at \(partner_id=\? AND at>\? AND at<\?\)/],
      [plan(q.earnedByWeek(s.db.kysely, heavy, weeks)), /SEARCH ledger_entries USING INDEX ledger_partner_at \(partner_id=\? AND at>\? AND at<\?\)/],
    ];
    for (const [text, expected] of cases) {
      assert.match(text, expected, text);
      assert.doesNotMatch(text, /\bSCAN (clicks|sales|ledger_entries)\b/, text);
    }
  });

  test('recent activity, any click and the open request are seeks on the partner', async () => {
    if (testDialect === 'postgres') {
      const recent = await postgresPlan(s.db, q.recent(s.db.kysely, heavy));
      assertIndexScan(recent, 'ledger_entries', 'ledger_partner_at');
      assert.match(recent, /Index Cond: \(partner_id = /, recent);
      assertNoSort(recent);
      const any = await postgresPlan(s.db, q.anyClick(s.db.kysely, heavy));
      assertIndexScan(any, 'clicks', 'clicks_partner_at');
      const open = await postgresPlan(s.db, s.db.kysely.selectFrom('payout_requests').selectAll().where('partner_id', '=', heavy).where('status', '=', 'open'));
      assertIndexScan(open, 'payout_requests', 'payout_requests_(one_open|partner)');
      assert.match(open, /Index Cond: \(partner_id = /, open);
      return;
    }
    const recent = plan(q.recent(s.db.kysely, heavy));
    assert.match(recent, /SEARCH ledger_entries USING INDEX ledger_partner_at \(partner_id=\?\)/, recent);
    assert.doesNotMatch(recent, /TEMP B-TREE/, recent);
    assert.match(plan(q.anyClick(s.db.kysely, heavy)), /SEARCH clicks USING COVERING INDEX clicks_partner_at \(partner_id=\?\)/);
    const open = explainQueryPlan(s.db, s.db.kysely.selectFrom('payout_requests').selectAll().where('partner_id', '=', heavy).where('status', '=', 'open')).join('\n');
    assert.match(open, /SEARCH payout_requests USING INDEX payout_requests_(one_open|partner) \(partner_id=\?/, open);
  });

  test("the links page's click counts, by link, are read from the partner's clicks index alone", async () => {
    const k = s.db.kysely;
    const byLink = k.selectFrom('clicks').select(['link_id', (eb) => eb.fn.countAll<number>().as('n')]).where('partner_id', '=', heavy).groupBy('link_id');
    const oneLink = k.selectFrom('clicks').select('id').where('partner_id', '=', heavy).where('link_id', '=', 1).limit(1);
    if (testDialect === 'postgres') {
      assertIndexScan(await postgresPlan(s.db, byLink), 'clicks', 'clicks_partner_at');
      assertIndexScan(await postgresPlan(s.db, oneLink), 'clicks', 'clicks_partner_at');
      return;
    }
    assert.match(plan(byLink), /SEARCH clicks USING COVERING INDEX clicks_partner_at \(partner_id=\?\)/);
    assert.match(plan(oneLink), /SEARCH clicks USING COVERING INDEX clicks_partner_at \(partner_id=\?\)/);
  });
});
