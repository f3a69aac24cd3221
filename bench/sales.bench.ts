/**
 * Sales ingestion:
 *  1. over real HTTP on loopback, keep-alive: sales with items, each attributed by a click id
 *     recorded through GET /r/…, posted to POST /api/v1/track/sales as fast as they are answered;
 *  2. a backfill: 100,000 past sales (items, partner code, a time in the past year) through
 *     `partner-center sale import`, timed from the command's start to its exit — for a program
 *     with 30 hold days, then one without (each commission approved and settled at once).
 * Checks every sale, item, commission and ledger row was written. Prints figures; asserts no
 * time. `salesBench()` returns them too.
 */
import { execFile, fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createProgram } from '../server/catalog/programs.js';
import { configSchema } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { createPartnerAccount } from '../server/partners/partner-admin.js';
import { BENCH_ADMIN_KEY } from './support/constants.js';
import { load } from './support/load.js';
import { report } from './support/report.js';

const SALES = Number(process.env.BENCH_SALES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const BACKFILL = Number(process.env.BENCH_BACKFILL ?? 100_000);
const YEAR_MS = 365 * 86_400_000;

export interface SalesFigures {
  /** sales recorded per second over HTTP (best of the rounds) */
  salesPerSecond: number;
  salesRounds: number[];
  /** the server's CPU time per sale (µs), least of the rounds: steadier than sales/s on a shared machine */
  cpuPerSale: number;
  sales: number;
  connections: number;
  /** seconds `partner-center sale import` took for `backfillSales` past sales (start to exit) */
  backfillSeconds: number;
  backfillSales: number;
  backfillPerSecond: number;
}

/** A sale POSTed as the merchant's systems would. */
const salePost = (body: (i: number) => string) => (i: number) => ({
  method: 'POST',
  path: '/api/v1/track/sales',
  body: body(i),
  headers: { Authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'Content-Type': 'application/json' },
});

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const statusText = (m: Map<number, number>) => [...m].map(([s, n]) => `${n}×${s}`).join(', ');

/** A sale of two items attributed by one of the click ids. */
const saleBody = (prefix: string, clickIds: string[]) => (i: number) =>
  JSON.stringify({
    orderId: `${prefix}-${i}`,
    amount: 5000 + (i % 100) * 37 + 1500,
    currency: 'USD',
    clickId: clickIds[i % clickIds.length],
    customer: { email: `buyer${i}@example.com` },
    items: [
      { productId: `p-${i % 7}`, amount: 5000 + (i % 100) * 37, quantity: 1 },
      { productId: 'sticker', amount: 500, quantity: 3 },
    ],
  });

/** A past sale of two items credited by partner code, as one line of an import file. */
const pastSale = (i: number, recordedAt: string) =>
  JSON.stringify({
    orderId: `PAST-${i}`,
    amount: 4000 + (i % 100) * 37 + 1500,
    currency: 'USD',
    partnerCode: 'past',
    customer: { email: `buyer${i}@example.com` },
    items: [
      { productId: `p-${i % 7}`, amount: 4000 + (i % 100) * 37, quantity: 1 },
      { productId: 'sticker', amount: 500, quantity: 3 },
    ],
    recordedAt,
  });

export async function httpSales(): Promise<Pick<SalesFigures, 'salesPerSecond' | 'salesRounds' | 'cpuPerSale' | 'sales' | 'connections'>> {
  const child = fork(new URL('./support/sales-server.ts', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_PROFILE=<dir> writes a CPU profile of the server there
    execArgv: [...process.execArgv, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
  });
  const ask = (table: string) =>
    new Promise<number>((answer) => {
      child.once('message', (m) => answer((m as { count: number }).count));
      child.send({ ask: 'count', table });
    });
  const cpu = () =>
    new Promise<number>((answer) => {
      child.once('message', (m) => answer((m as { cpu: number }).cpu));
      child.send({ ask: 'cpu' });
    });
  try {
    const { port, clickIds } = await new Promise<{ port: number; clickIds: string[] }>((ready, fail) => {
      child.once('message', (m) => ready(m as { port: number; clickIds: string[] }));
      child.once('exit', (code) => fail(new Error(`the bench server exited (${code})`)));
    });
    await load(port, 1_000, CONNECTIONS, salePost(saleBody('WARM', clickIds)));
    const rounds = [];
    const cpuRounds = [];
    for (let round = 0; round < 3; round++) {
      const before = { sales: await ask('sales'), items: await ask('sale_items'), commissions: await ask('commissions'), ledger: await ask('ledger_entries') };
      const cpuBefore = await cpu();
      const result = await load(port, SALES, CONNECTIONS, salePost(saleBody(`R${round}`, clickIds)));
      const cpuPerSale = ((await cpu()) - cpuBefore) / SALES;
      const written = {
        sales: (await ask('sales')) - before.sales,
        items: (await ask('sale_items')) - before.items,
        commissions: (await ask('commissions')) - before.commissions,
        ledger: (await ask('ledger_entries')) - before.ledger,
      };
      console.log(
        `  round ${round + 1}: ${fmt(result.perSecond).padStart(6)} sales/s, ${fmt(cpuPerSale)} server CPU µs a sale  (${SALES.toLocaleString('en-US')} in ${result.seconds.toFixed(2)} s; ${statusText(result.statuses)}; ` +
          `written: ${written.sales} sales, ${written.items} items, ${written.commissions} commissions, ${written.ledger} ledger rows)`,
      );
      const ok = result.statuses.get(201) === SALES && written.sales === SALES && written.items === 2 * SALES && written.commissions === SALES && written.ledger === SALES;
      if (!ok) throw new Error('a sale, item, commission or ledger row is missing');
      rounds.push(result.perSecond);
      cpuRounds.push(cpuPerSale);
    }
    return { salesPerSecond: Math.max(...rounds), salesRounds: rounds, cpuPerSale: Math.min(...cpuRounds), sales: SALES, connections: CONNECTIONS };
  } finally {
    if (child.connected) child.send({ ask: 'close' });
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}

/**
 * `count` past sales through `partner-center sale import` on a fresh SQLite file with a program
 * (of `holdDays`) and a partner. With no hold days each commission is approved as it is recorded
 * and settled against the partner's payments: the partner's history grows with every sale.
 */
export async function backfill(count = BACKFILL, holdDays = 30): Promise<Pick<SalesFigures, 'backfillSeconds' | 'backfillSales' | 'backfillPerSecond'>> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-backfill-'));
  try {
    const path = join(dir, 'backfill.sqlite');
    const db = openDatabase(path);
    const deps = { db, config: { ...configSchema.parse({}), databasePath: path }, clock: Date.now };
    const program = await createProgram(deps, { name: 'Backfill', saleCommission: { type: 'percent', value: 1000 }, holdDays });
    await createPartnerAccount(deps, { code: 'past', name: 'Past Partner', email: 'past@example.com', password: 'past-password', programIds: [program.id] });
    await db.close();

    const file = join(dir, 'sales.jsonl');
    const out = createWriteStream(file);
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const recordedAt = new Date(now - YEAR_MS + Math.floor((i / count) * YEAR_MS)).toISOString();
      if (!out.write(`${pastSale(i, recordedAt)}\n`)) await new Promise<void>((drain) => out.once('drain', () => drain()));
    }
    await new Promise<void>((done) => out.end(done));

    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [new URL('../bin/partner-center.js', import.meta.url).pathname, 'sale', 'import', file, '--db', path], { maxBuffer: 1 << 20 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${stdout.trim()}`);

    const check = openDatabase(path, { migrate: false });
    const n = (table: string) => (check.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const written = { sales: n('sales'), items: n('sale_items'), commissions: n('commissions'), ledger: n('ledger_entries'), outbox: n('outbox'), approved: n("commissions WHERE status = 'approved'") };
    await check.close();
    console.log(`  written: ${written.sales} sales, ${written.items} items, ${written.commissions} commissions, ${written.ledger} ledger rows, ${written.outbox} emails`);
    if (written.sales !== count || written.items !== 2 * count || written.commissions !== count || written.ledger !== count) throw new Error('the backfill missed a row');
    if (holdDays === 0 && written.approved !== count) throw new Error(`${count - written.approved} commissions of a program without hold days were not approved`);
    return { backfillSeconds: seconds, backfillSales: count, backfillPerSecond: count / seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function salesBench(): Promise<SalesFigures> {
  console.log(`POST /api/v1/track/sales over HTTP, ${CONNECTIONS} keep-alive connections, 2 items each, attributed by click id`);
  const http = await httpSales();
  console.log(`sales ingested: ${fmt(http.salesPerSecond)} sales/s (best of 3 rounds of ${SALES.toLocaleString('en-US')}); the server's CPU: ${fmt(http.cpuPerSale)} µs a sale (least of the rounds)`);
  console.log(`\nbackfill: ${BACKFILL.toLocaleString('en-US')} past sales through partner-center sale import`);
  const past = await backfill();
  console.log(`backfill: ${past.backfillSeconds.toFixed(1)} s for ${BACKFILL.toLocaleString('en-US')} sales (${fmt(past.backfillPerSecond)} sales/s, the command's start to its exit)`);
  console.log(`\nbackfill, a program without hold days: ${BACKFILL.toLocaleString('en-US')} past sales, each commission approved and settled as it is recorded`);
  const approvedAtOnce = await backfill(BACKFILL, 0);
  console.log(`backfill, no hold days: ${approvedAtOnce.backfillSeconds.toFixed(1)} s (${fmt(approvedAtOnce.backfillPerSecond)} sales/s)`);
  report({
    title: 'Sales ingested (SQLite)',
    command: 'npm run bench -- sales',
    figures: [
      { name: `POST /api/v1/track/sales over HTTP, ${CONNECTIONS} connections, 2 items each, attributed by click id`, value: http.salesPerSecond, unit: 'sales/s', budget: { atLeast: 2_000 } },
      {
        name: 'server CPU per sale (least of the rounds)',
        value: http.cpuPerSale,
        unit: 'µs',
        note: `one core at this rate: ${fmt(1_000_000 / http.cpuPerSale)} sales/s — steadier than sales/s when the machine's speed drifts`,
      },
      { name: `backfill of ${past.backfillSales.toLocaleString('en-US')} past sales through partner-center sale import`, value: past.backfillSeconds, unit: 's', note: `${fmt(past.backfillPerSecond)} sales/s, start to exit` },
      {
        name: `the same backfill for a program without hold days (every commission approved and settled as it is recorded, one partner)`,
        value: approvedAtOnce.backfillSeconds,
        unit: 's',
        peer: { name: '30 hold days', value: past.backfillSeconds },
        note: `${fmt(approvedAtOnce.backfillPerSecond)} sales/s`,
      },
    ],
  });
  return { ...http, ...past };
}
