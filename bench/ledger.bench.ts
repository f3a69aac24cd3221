import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../server/app.js';
import { configSchema } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { explainQueryPlan } from '../server/db/explain.js';
import type { Deps } from '../server/deps.js';
import { startSession } from '../server/partners/auth.js';
import { balanceBeforeQuery, ledgerFlowsQuery } from '../server/money/money-terms.js';
import { ledgerEntriesQuery, ledgerPage, ledgerSummary } from '../server/money/reports/ledger.js';
import { ALL_TIME, parseRange } from '../server/money/reports/range.js';
import { bulkLedger } from '../test/helpers/ledger-fixtures.js';
import { measure } from './support/measure.js';
import { report, type Figure } from './support/report.js';

/**
 * My Ledger at scale: 1,000,000 ledger rows over 10,000 partners (one of them with 10,000
 * rows), generated in one transaction into a temporary SQLite file. Prints how long a ledger
 * page, a one-year summary and a CSV export of the big partner's 10,000 rows take, and the
 * query plans behind them (test/server/money/reports/plan.test.ts asserts those plans).
 *
 * Run with `npm run bench` (bench/run.ts awaits this default export) or on its own:
 * `node --import tsx bench/ledger.bench.ts`.
 */
const ROWS = 1_000_000;
const PARTNERS = 10_000;
const HEAVY_ROWS = 10_000;
const END = Date.UTC(2026, 0, 1);
const SPAN = 3 * 365 * 86_400_000;

export default async function ledgerBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-'));
  const path = join(dir, 'ledger.sqlite');
  const db = openDatabase(path);
  try {
    console.log(`\nledger: ${ROWS.toLocaleString('en-US')} ledger rows over ${PARTNERS.toLocaleString('en-US')} partners (${path})`);
    const t = performance.now();
    const { heavyPartnerId } = await bulkLedger(db.kysely, { partners: PARTNERS, rows: ROWS, heavyRows: HEAVY_ROWS, end: END, span: SPAN });
    const generated = performance.now() - t;
    const size = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    console.log(`  generated in one transaction in ${(generated / 1000).toFixed(1)} s (${(size / 1024 / 1024).toFixed(0)} MB)`);

    const deps: Deps = { db, config: configSchema.parse({ databasePath: path }), clock: () => END };
    const app = createApp(deps);
    const typical = heavyPartnerId + PARTNERS / 2;
    const year = parseRange({ from: '2025-01-01', to: '2025-12-31' });
    const heavyToken = (await startSession(deps, (await db.kysely.selectFrom('partners').selectAll().where('id', '=', heavyPartnerId).executeTakeFirstOrThrow()), 'password', 3_600_000)).token;
    const get = async (url: string) => {
      const res = await app.request(url, { headers: { Authorization: `Bearer ${heavyToken}` } });
      return { status: res.status, body: await res.text() };
    };

    const counts = await db.kysely
      .selectFrom('ledger_entries')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .where('partner_id', '=', heavyPartnerId)
      .executeTakeFirstOrThrow();
    console.log(`  the big partner has ${Number(counts.n).toLocaleString('en-US')} rows; a typical one about ${Math.round((ROWS - HEAVY_ROWS) / (PARTNERS - 1))}`);

    console.log('\n  times (domain functions, then the HTTP route through app.request):');
    const middle = await ledgerEntriesQuery(db.kysely, heavyPartnerId, ALL_TIME, undefined, 5_000).execute();
    const deep = { at: middle.at(-1)!.at, id: middle.at(-1)!.id };
    const timed: [string, number, () => Promise<unknown>][] = [
      ['ledger page, 50 rows, typical partner', 200, () => ledgerPage(deps, typical, { range: ALL_TIME, limit: 50 })],
      ['ledger page, 50 rows, big partner, first page', 200, () => ledgerPage(deps, heavyPartnerId, { range: ALL_TIME, limit: 50 })],
      ['ledger page, 50 rows, big partner, 5,000 rows deep', 200, () => ledgerPage(deps, heavyPartnerId, { range: ALL_TIME, cursor: deep, limit: 50 })],
      ['one-year summary, big partner (≈3,300 rows in 2025)', 100, () => ledgerSummary(deps, heavyPartnerId, year)],
      ['one-year summary, typical partner', 200, () => ledgerSummary(deps, typical, year)],
      ['HTTP: a year of the big partner, first page + summary', 100, () => get('/api/v1/partner/ledger?from=2025-01-01&to=2025-12-31')],
    ];
    const figures: Figure[] = [];
    for (const [name, runs, fn] of timed) figures.push({ name, value: (await measure(name, runs, fn)).median, unit: 'ms median' });
    let lines = 0;
    const csv = await measure("CSV export of the big partner's 10,000 rows (HTTP, streamed)", 20, async () => {
      const res = await get('/api/v1/partner/ledger?format=csv');
      lines = res.body.split('\r\n').length - 2; // header, trailing line end
    });
    figures.push({ name: `CSV export of the big partner's ${lines.toLocaleString('en-US')} rows (HTTP, streamed)`, value: csv.median, unit: 'ms median' });
    console.log(`  the CSV had ${lines.toLocaleString('en-US')} data rows`);

    console.log('\n  query plans:');
    const plans = [
      ['ledger page', ledgerEntriesQuery(db.kysely, heavyPartnerId, year, deep, 51)],
      ['summary: beginning balance', balanceBeforeQuery(db.kysely, heavyPartnerId, year.from!)],
      ['summary: sums of the year', ledgerFlowsQuery(db.kysely, heavyPartnerId, year)],
      ['CSV export batch', ledgerEntriesQuery(db.kysely, heavyPartnerId, ALL_TIME, deep, 1_000)],
    ] as const;
    const notes = plans.map(([name, q]) => `${name}: \`${explainQueryPlan(db, q).join('; ')}\``);
    for (const note of notes) console.log(`  ${note}`);
    report({
      title: `Partner reads at scale on SQLite: ${ROWS.toLocaleString('en-US')} ledger rows, ${PARTNERS.toLocaleString('en-US')} partners`,
      command: 'npm run bench -- ledger',
      figures,
      notes: ['Query plans (PRODUCT.md: a ledger page comes from an index, not a scan):', ...notes.map((n) => `- ${n}`)],
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await ledgerBench();
