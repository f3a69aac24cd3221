import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../../server/db/explain.js';
import { commissionsPageQuery, commissionTotalsQuery } from '../../../../server/money/reports/commissions.js';
import { balanceBeforeQuery, currentBalanceQuery, ledgerFlowsQuery, pendingQuery } from '../../../../server/money/money-terms.js';
import { ledgerEntriesQuery } from '../../../../server/money/reports/ledger.js';
import { clicksByQuarterQuery } from '../../../../server/money/reports/links.js';
import { leadsPageQuery } from '../../../../server/money/reports/leads.js';
import { ALL_TIME, parseRange } from '../../../../server/money/reports/range.js';
import { salesPageQuery } from '../../../../server/money/reports/sales.js';
import { bulkLedger } from '../../../helpers/ledger-fixtures.js';
import { testDialect } from '../../../helpers/database.js';
import { analyze, assertIndexScan, assertNoSort, assertSomeIndexScan, postgresPlan } from '../postgres-plan.js';
import { testServer, type TestServer } from '../../../helpers/server.js';

/**
 * The queries behind a ledger page, a year's summary and a CSV export come from the index on
 * (partner_id, at, id): a SEARCH entered at the partner (and range), in index order — never a
 * SCAN of the table, never a sort of the partner's rows. Plans are deterministic, so they are
 * asserted here; the benchmark prints the times. On PostgreSQL: the same index serves each query
 * in its order (postgres-plan.ts); the fixture fills only the ledger, so for the other reports'
 * (empty) tables it is some index, never a Seq Scan.
 */
let s: TestServer;
let heavy: number;
before(async () => {
  s = await testServer();
  ({ heavyPartnerId: heavy } = await bulkLedger(s.db.kysely, { partners: 50, rows: 5_000, heavyRows: 1_000, end: Date.UTC(2026, 0, 1), span: 3 * 365 * 86_400_000 }));
  if (testDialect === 'postgres') await analyze(s.db);
});
after(() => s.close());

const plan = (q: Parameters<typeof explainQueryPlan>[1]) => explainQueryPlan(s.db, q).join('\n');
const year = parseRange({ from: '2025-01-01', to: '2025-12-31' });
const cursor = { at: Date.UTC(2025, 6, 1), id: 1_234 };

function assertIndexed(text: string, table: string, index: string) {
  assert.match(text, new RegExp(`SEARCH ${table} USING (COVERING )?INDEX ${index} \\(partner_id=\\?`), text);
  assert.doesNotMatch(text, new RegExp(`SCAN ${table}\\b`), text);
}

const pg = testDialect === 'postgres';

describe('EXPLAIN QUERY PLAN', () => {
  test('a ledger page (range and cursor) walks ledger_partner_at backwards with no sort', async () => {
    if (pg) {
      for (const q of [ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 51), ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, undefined, 51), ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, cursor, 51)]) {
        const text = await postgresPlan(s.db, q);
        assert.match(text, /Index Scan Backward using ledger_partner_at on ledger_entries/, text);
        assertIndexScan(text, 'ledger_entries', 'ledger_partner_at');
        assertNoSort(text);
      }
      const ranged = await postgresPlan(s.db, ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 51));
      assert.match(ranged, /Index Cond: \(\(partner_id = .*\) AND \(at >= .*\) AND \(at <= /, ranged);
      return;
    }
    for (const q of [
      ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 51),
      ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, undefined, 51),
      ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, cursor, 51),
    ]) {
      const text = plan(q);
      assertIndexed(text, 'ledger_entries', 'ledger_partner_at');
      assert.doesNotMatch(text, /TEMP B-TREE/, `no sort: ${text}`);
    }
    assert.match(plan(ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 51)), /\(partner_id=\? AND at>\? AND at<\?\)/);
  });

  test("a year's summary: the beginning balance is one seek, the year's sums one index range", async () => {
    if (pg) {
      const beginning = await postgresPlan(s.db, balanceBeforeQuery(s.db.kysely, heavy, year.from!));
      assertIndexScan(beginning, 'ledger_entries', 'ledger_partner_at');
      assert.match(beginning, /Index Cond: \(\(partner_id = .*\) AND \(at < /, beginning);
      assertNoSort(beginning);
      const sums = await postgresPlan(s.db, ledgerFlowsQuery(s.db.kysely, heavy, year));
      assertIndexScan(sums, 'ledger_entries', 'ledger_partner_at');
      assert.match(sums, /Index Cond: \(\(partner_id = .*\) AND \(at >= .*\) AND \(at < /, sums);
      const current = await postgresPlan(s.db, currentBalanceQuery(s.db.kysely, heavy));
      assertIndexScan(current, 'ledger_entries', 'ledger_partner_at');
      assertNoSort(current);
      return;
    }
    const beginning = plan(balanceBeforeQuery(s.db.kysely, heavy, year.from!));
    assertIndexed(beginning, 'ledger_entries', 'ledger_partner_at');
    assert.match(beginning, /\(partner_id=\? AND at<\?\)/);
    assert.doesNotMatch(beginning, /TEMP B-TREE/);
    const sums = plan(ledgerFlowsQuery(s.db.kysely, heavy, year));
    assertIndexed(sums, 'ledger_entries', 'ledger_partner_at');
    assert.match(sums, /\(partner_id=\? AND at>\? AND at<\?\)/);
    const current = plan(currentBalanceQuery(s.db.kysely, heavy));
    assertIndexed(current, 'ledger_entries', 'ledger_partner_at');
    assert.doesNotMatch(current, /TEMP B-TREE/);
  });

  test('the CSV export reads its batches through the same index, in order', async () => {
    if (pg) {
      for (const q of [ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, undefined, 1_000), ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 1_000)]) {
        const text = await postgresPlan(s.db, q);
        assertIndexScan(text, 'ledger_entries', 'ledger_partner_at');
        assertNoSort(text);
      }
      return;
    }
    // every batch after the first continues from a cursor
    for (const q of [ledgerEntriesQuery(s.db.kysely, heavy, ALL_TIME, undefined, 1_000), ledgerEntriesQuery(s.db.kysely, heavy, year, cursor, 1_000)]) {
      const text = plan(q);
      assertIndexed(text, 'ledger_entries', 'ledger_partner_at');
      assert.doesNotMatch(text, /TEMP B-TREE/);
    }
  });

  test('the other reports page through their partner indexes too', async () => {
    if (pg) {
      assertSomeIndexScan(await postgresPlan(s.db, commissionsPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'commissions');
      assertSomeIndexScan(await postgresPlan(s.db, commissionTotalsQuery(s.db.kysely, heavy, year)), 'commissions');
      assertSomeIndexScan(await postgresPlan(s.db, leadsPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'leads');
      assertSomeIndexScan(await postgresPlan(s.db, salesPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'sales');
      assertSomeIndexScan(await postgresPlan(s.db, clicksByQuarterQuery(s.db.kysely, heavy, year)), 'clicks');
      const pending = await postgresPlan(s.db, pendingQuery(s.db.kysely, heavy));
      assert.match(pending, /Index (Only )?Scan using (commissions_partner_status|commissions_on_hold) on commissions/, pending);
      assert.match(pending, /partner_id = /, pending);
      return;
    }
    assertIndexed(plan(commissionsPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'c', 'commissions_partner_created');
    assertIndexed(plan(commissionTotalsQuery(s.db.kysely, heavy, year)), 'commissions', 'commissions_partner_created');
    assertIndexed(plan(leadsPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'l', 'leads_partner_at');
    assertIndexed(plan(salesPageQuery(s.db.kysely, heavy, year, cursor, 51)), 'sales', 'sales_partner_at');
    assertIndexed(plan(clicksByQuarterQuery(s.db.kysely, heavy, year)), 'clicks', 'clicks_partner_at');
    // the engine's (partner, status) index, or the pending commissions' (status, partner, …) one: a seek on the partner either way
    const pending = plan(pendingQuery(s.db.kysely, heavy));
    assert.match(pending, /SEARCH commissions USING (COVERING )?INDEX (commissions_partner_status \(partner_id=\?|commissions_on_hold \(status=\? AND partner_id=\?)/, pending);
    for (const q of [commissionsPageQuery(s.db.kysely, heavy, year, cursor, 51), leadsPageQuery(s.db.kysely, heavy, year, cursor, 51), salesPageQuery(s.db.kysely, heavy, year, cursor, 51)]) {
      assert.doesNotMatch(plan(q), /TEMP B-TREE FOR ORDER BY/, plan(q));
    }
  });

  test('the assertion bites: a query on an unindexed column shows a SCAN', async () => {
    if (pg) {
      const text = await postgresPlan(s.db, s.db.kysely.selectFrom('ledger_entries').select('id').where('description', '=', 'x'));
      assert.match(text, /Seq Scan on ledger_entries/, text);
      assert.throws(() => assertIndexScan(text, 'ledger_entries', 'ledger_partner_at'));
      return;
    }
    const text = plan(s.db.kysely.selectFrom('ledger_entries').select('id').where('description', '=', 'x'));
    assert.throws(() => assertIndexed(text, 'ledger_entries', 'ledger_partner_at'));
  });
});
