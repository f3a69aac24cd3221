/**
 * PostgreSQL, next to SQLite and a bare redirect, in one run:
 *  1. redirects per second with every click recorded, through `/r/bench/shop`: a bare Hono
 *     route that only redirects, Partner Center on SQLite (one process), on PostgreSQL with one
 *     instance and with three (connections spread over the instances, as a load balancer
 *     would); every click counted in the database afterwards;
 *  2. sales ingested per second over HTTP on each of the three;
 *  3. the ledger page at 1,000,000 rows on PostgreSQL, timed, with its plan (EXPLAIN ANALYZE).
 * Needs a PostgreSQL server: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else
 * postgres://postgres@127.0.0.1:5432/test; makes its own databases and drops them. On this
 * project's 2-core machines the three instances share two cores with the load generator, so
 * the 3-instance figure shows the cost of coordination, not the gain of more machines.
 * Prints figures; asserts no time. `npm run bench -- postgres`.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { sql } from 'kysely';
import pg from 'pg';
import { configSchema } from '../server/config.js';
import { openPostgres, type Db } from '../server/db/connection.js';
import type { Deps } from '../server/deps.js';
import { ledgerEntriesQuery, ledgerPage } from '../server/money/reports/ledger.js';
import { ALL_TIME, parseRange } from '../server/money/reports/range.js';
import { adminClient, CHILD_ADMIN_KEY, spawnServer, type ChildServer } from '../test/helpers/child-server.js';
import { bulkLedger } from '../test/helpers/ledger-fixtures.js';
import { BENCH_ADMIN_KEY } from './support/constants.js';
import { measure } from './support/measure.js';
import { report, type Figure } from './support/report.js';

const BASE = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIRECTS = Number(process.env.BENCH_PG_REDIRECTS ?? 10_000);
const SALES = Number(process.env.BENCH_PG_SALES ?? 1_000);
const LEDGER_ROWS = Number(process.env.BENCH_PG_LEDGER_ROWS ?? 1_000_000);
const CONNECTIONS = [16, 64];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** `total` requests over `connections` keep-alive sockets spread over `ports`; answers per second and the click ids of the redirects. */
async function load(ports: number[], total: number, connections: number, request: (i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> }) {
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(connections / ports.length) }));
  const statuses = new Map<number, number>();
  const clicks: string[] = [];
  let next = 0;
  const once = (i: number, w: number) =>
    new Promise<void>((done, fail) => {
      const { method, path, body, headers } = request(i);
      const port = ports[w % ports.length]!;
      const req = http.request({ host: '127.0.0.1', port, method, path, agent: agents[w % ports.length], headers: { ...headers, ...(body && { 'Content-Length': Buffer.byteLength(body) }) } }, (res) => {
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
        const click = res.headers.location ? new URL(res.headers.location).searchParams.get('pc_click') : null;
        if (click) clicks.push(click);
        res.resume();
        res.on('end', done);
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  const worker = async (w: number) => {
    while (next < total) await once(next++, w);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  for (const a of agents) a.destroy();
  return { perSecond: total / seconds, seconds, statuses, clicks };
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pc_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

const redirect = () => ({ method: 'GET', path: '/r/bench/shop', headers: { 'User-Agent': 'bench/1.0' } });
const sale = (prefix: string, key: string) => (i: number) => ({
  method: 'POST',
  path: '/api/v1/track/sales',
  headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ orderId: `${prefix}-${i}`, amount: 5000 + (i % 100) * 37, currency: 'USD', partnerCode: 'bench', items: [{ productId: `p-${i % 7}`, amount: 5000 + (i % 100) * 37, quantity: 1 }] }),
});

export default async function postgresBench(): Promise<void> {
  try {
    const probe = new pg.Client({ connectionString: BASE });
    await probe.connect();
    await probe.end();
  } catch (err) {
    console.log(`PostgreSQL bench skipped: no server at ${BASE} (${(err as Error).message}); set BENCH_POSTGRES_URL`);
    return;
  }
  // the bare Hono redirect and Partner Center on SQLite, from the redirect benchmark's server process
  const local = fork(new URL('./support/redirect-servers.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ports = await new Promise<{ bare: number; full: number }>((ready) => local.once('message', (m) => ready(m as { bare: number; full: number })));
  const databases: { url: string; drop: () => Promise<void> }[] = [];
  const servers: ChildServer[] = [];
  const figures: Figure[] = [];
  try {
    const one = await freshDatabase();
    const three = await freshDatabase();
    databases.push(one, three);
    const pgOne = await spawnServer(one.url, [], { DATABASE_URL: one.url });
    servers.push(pgOne);
    const pgThree = [await spawnServer(three.url)];
    pgThree.push(...(await Promise.all([spawnServer(three.url), spawnServer(three.url)])));
    servers.push(...pgThree);
    await adminClient(pgOne.url).setup(['bench']);
    await adminClient(pgThree[0]!.url).setup(['bench']);
    const port = (s: ChildServer) => Number(new URL(s.url).port);
    const setups = [
      { name: 'bare Hono redirect', ports: [ports.bare], db: undefined as string | undefined },
      { name: 'Partner Center, SQLite', ports: [ports.full], db: undefined },
      { name: 'Partner Center, PostgreSQL, 1 instance', ports: [port(pgOne)], db: one.url },
      { name: 'Partner Center, PostgreSQL, 3 instances', ports: pgThree.map(port), db: three.url },
    ];
    console.log(`redirects: ${fmt(REDIRECTS)} per round, best of 2 rounds, keep-alive; sales: ${fmt(SALES)} per setup`);
    for (const s of setups) await load(s.ports, 1_000, 16, redirect); // warm up
    for (const connections of CONNECTIONS) {
      console.log(`\n${connections} connections`);
      let bare = 0;
      for (const s of setups) {
        const rounds = [await load(s.ports, REDIRECTS, connections, redirect), await load(s.ports, REDIRECTS, connections, redirect)];
        const best = Math.max(...rounds.map((r) => r.perSecond));
        if (!bare) bare = best;
        let stored = '';
        let lost: number | undefined;
        if (s.db) {
          const db = await openPostgres(s.db, { max: 1, migrate: false });
          const ids = rounds.flatMap((r) => r.clicks);
          const found = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM clicks WHERE click_key = ANY(${ids})`.execute(db.kysely)).rows[0]!.n);
          await db.close();
          lost = ids.length - found;
          stored = `  clicks stored ${fmt(found)} of ${fmt(ids.length)} acknowledged${found === ids.length ? ' ✔' : ' ✖ LOST'}`;
        }
        console.log(`  ${s.name.padEnd(42)} ${fmt(best).padStart(8)} req/s  ×${(best / bare).toFixed(2)} of bare${stored}`);
        if (s.db) figures.push({ name: `redirects, ${s.name.replace('Partner Center, ', '')}, ${connections} connections`, value: best, unit: 'req/s', peer: { name: 'bare Hono', value: bare } });
        if (s.db && lost !== undefined) figures.push({ name: `clicks lost, ${s.name.replace('Partner Center, ', '')}, ${connections} connections`, value: lost, unit: 'clicks', budget: { atMost: 0 } });
      }
    }
    console.log('\nsales ingested over HTTP (8 connections, attributed by partner code, with items)');
    for (const s of setups.slice(1)) {
      const key = s.db ? CHILD_ADMIN_KEY : BENCH_ADMIN_KEY;
      // warmed as the redirects are: a server's first sales compile its code paths
      await load(s.ports, Math.min(SALES, 500), 8, sale(`${s.name.replace(/\W+/g, '-')}-warm-${Date.now()}`, key));
      const r = await load(s.ports, SALES, 8, sale(`${s.name.replace(/\W+/g, '-')}-${Date.now()}`, key));
      console.log(`  ${s.name.padEnd(42)} ${fmt(r.perSecond).padStart(8)} sales/s  (${[...r.statuses].map(([k, v]) => `${v}×${k}`).join(', ')})`);
      figures.push({ name: `sales ingested over HTTP, ${s.name.replace('Partner Center, ', '')}`, value: r.perSecond, unit: 'sales/s', ...(s.db ? {} : { budget: { atLeast: 2_000 } }) });
    }
    report({
      title: 'PostgreSQL: redirects and sales with one and with three instances, next to SQLite and a bare Hono redirect',
      command: 'npm run bench -- postgres (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/test)',
      figures,
      notes: [`Node's http client as the load generator, ${fmt(REDIRECTS)} redirects per round, best of 2; the three instances share this machine's cores with it, so the three-instance figure shows the cost of coordination, not the gain of more machines.`],
    });
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    local.send({ ask: 'close' });
    await new Promise((done) => (local.exitCode !== null ? done(null) : local.once('exit', done)));
    for (const d of databases) await d.drop();
  }
  await ledgerAtScale();
}

/** The ledger page at 1,000,000 rows on PostgreSQL: generated, timed, and its plan. */
async function ledgerAtScale(): Promise<void> {
  const target = await freshDatabase();
  let db: Db | undefined;
  try {
    db = await openPostgres(target.url, { max: 2 });
    const END = Date.UTC(2026, 0, 1);
    console.log(`\nledger on PostgreSQL: ${fmt(LEDGER_ROWS)} rows over 10,000 partners (one with 10,000)`);
    const t = performance.now();
    const { heavyPartnerId } = await bulkLedger(db.kysely, { partners: 10_000, rows: LEDGER_ROWS, heavyRows: 10_000, end: END, span: 3 * 365 * 86_400_000 });
    await sql`ANALYZE`.execute(db.kysely);
    console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const deps: Deps = { db, config: configSchema.parse({ databasePath: ':unused:' }), clock: () => END };
    const middle = await ledgerEntriesQuery(db.kysely, heavyPartnerId, ALL_TIME, undefined, 5_000).execute();
    const deep = { at: middle.at(-1)!.at, id: middle.at(-1)!.id };
    const first = await measure('ledger page, 50 rows, big partner, first page', 100, () => ledgerPage(deps, heavyPartnerId, { range: ALL_TIME, limit: 50 }));
    const deeper = await measure('ledger page, 50 rows, big partner, 5,000 rows deep', 100, () => ledgerPage(deps, heavyPartnerId, { range: ALL_TIME, cursor: deep, limit: 50 }));
    // the first page of a year that holds rows (a cursor from before the year would plan a page of none)
    const year = parseRange({ from: '2025-01-01', to: '2025-12-31' });
    const { sql: text, parameters } = ledgerEntriesQuery(db.kysely, heavyPartnerId, year, undefined, 51).compile();
    const plan = await db.pool!.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${text}`, parameters as unknown[]);
    const lines = plan.rows.map((r: Record<string, string>) => Object.values(r)[0]);
    console.log(`  plan of a ledger page (EXPLAIN ANALYZE):\n    ${lines.join('\n    ')}`);
    report({
      title: `PostgreSQL: the ledger page at ${fmt(LEDGER_ROWS)} rows`,
      command: 'npm run bench -- postgres',
      figures: [
        { name: 'ledger page, 50 rows, big partner, first page', value: first.median, unit: 'ms median' },
        { name: 'ledger page, 50 rows, big partner, 5,000 rows deep', value: deeper.median, unit: 'ms median' },
      ],
      notes: ['Plan of a ledger page (EXPLAIN ANALYZE), from an index:', `\`\`\`\n${lines.join('\n')}\n\`\`\``],
    });
  } finally {
    await db?.close();
    await target.drop();
  }
}
