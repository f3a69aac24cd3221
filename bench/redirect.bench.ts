/**
 * The hot path. Over real HTTP on loopback, keep-alive, a fixed number of requests:
 *  1. redirects per second of a bare Hono route that only redirects, and of Partner Center's
 *     GET /r/:code/:slug recording every click — same machine, same run, alternating, best of
 *     rounds — and their ratio (goal ≥ 0.7);
 *  2. sales ingested per second through POST /api/v1/track/sales.
 * Checks that no click was lost (rows written = redirects answered = distinct click ids) and
 * every sale was recorded. Prints figures; asserts no time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { BENCH_ADMIN_KEY } from './support/constants.js';

const REDIRECTS = Number(process.env.BENCH_REDIRECTS ?? 20_000);
const SALES = Number(process.env.BENCH_SALES ?? 2_000);
/** keep-alive connections: a moderate and a busy load (more concurrent visitors, bigger commit batches) */
const CONNECTION_LEVELS = (process.env.BENCH_CONNECTIONS ?? '16,64').split(',').map(Number);
const ROUNDS = 3;

interface Result {
  seconds: number;
  perSecond: number;
  statuses: Map<number, number>;
  locations: string[];
}

/** `total` requests over `connections` keep-alive sockets, as fast as they answer. */
async function load(port: number, total: number, connections: number, request: (i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> }): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  const locations: string[] = [];
  let next = 0;
  const once = (i: number) =>
    new Promise<void>((done, fail) => {
      const { method, path, body, headers } = request(i);
      const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body && { 'Content-Length': Buffer.byteLength(body) }) } }, (res) => {
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
        if (res.headers.location) locations.push(res.headers.location);
        res.resume();
        res.on('end', done);
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  const worker = async () => {
    while (next < total) await once(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, perSecond: total / seconds, statuses, locations };
}

function ask<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((answer) => {
    child.once('message', (m) => answer(m as T));
    child.send(message);
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const statusText = (m: Map<number, number>) => [...m].map(([s, n]) => `${n}×${s}`).join(', ');

export default async function redirectBench() {
  const child = fork(new URL('./support/redirect-servers.ts', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_PROFILE=<dir> writes a CPU profile of the servers there
    execArgv: [...process.execArgv, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
  });
  try {
    const ports = await new Promise<{ bare: number; full: number }>((ready, fail) => {
      child.once('message', (m) => ready(m as { bare: number; full: number }));
      child.once('exit', (code) => fail(new Error(`the bench servers exited (${code})`)));
    });
    const redirect = () => ({ method: 'GET', path: '/r/bench/shop', headers: { 'User-Agent': 'bench/1.0' } });
    console.log(`${REDIRECTS.toLocaleString('en-US')} requests per round, keep-alive, best of ${ROUNDS} alternating rounds per load`);

    // warm up both (JIT, statement caches, SQLite pages)
    await load(ports.bare, 2_000, 16, redirect);
    await load(ports.full, 2_000, 16, redirect);

    const best = (list: Result[]) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const ids = new Set<string | null>();
    for (const connections of CONNECTION_LEVELS) {
      const before = (await ask<{ count: number }>(child, { ask: 'count', table: 'clicks' })).count;
      const bare: Result[] = [];
      const full: Result[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bare.push(await load(ports.bare, REDIRECTS, connections, redirect));
        full.push(await load(ports.full, REDIRECTS, connections, redirect));
      }
      const after = (await ask<{ count: number }>(child, { ask: 'count', table: 'clicks' })).count;

      const bareBest = best(bare);
      const fullBest = best(full);
      const answered = full.reduce((t, r) => t + (r.statuses.get(302) ?? 0), 0);
      const roundIds = new Set(full.flatMap((r) => r.locations.map((l) => new URL(l).searchParams.get('pc_click'))));
      roundIds.delete(null);
      for (const id of roundIds) ids.add(id);
      const recorded = after - before;
      const ratio = fullBest.perSecond / bareBest.perSecond;

      console.log(`\n${connections} connections`);
      console.log(`  redirect, bare Hono route        ${fmt(bareBest.perSecond).padStart(8)} req/s   rounds: ${bare.map((r) => fmt(r.perSecond)).join(' / ')}   (${statusText(bareBest.statuses)})`);
      console.log(`  redirect, Partner Center /r/…    ${fmt(fullBest.perSecond).padStart(8)} req/s   rounds: ${full.map((r) => fmt(r.perSecond)).join(' / ')}   (${statusText(fullBest.statuses)})`);
      console.log(`  ratio                            ${ratio.toFixed(2).padStart(8)}         goal ≥ 0.70 ${ratio >= 0.7 ? '✔ met' : '✖ not met'}`);
      const ok = recorded === answered && roundIds.size === answered && answered === REDIRECTS * ROUNDS;
      console.log(
        `  clicks recorded: ${recorded.toLocaleString('en-US')} rows for ${answered.toLocaleString('en-US')} redirects with ${roundIds.size.toLocaleString('en-US')} distinct click ids — ${ok ? 'none lost ✔' : `✖ MISMATCH (${answered - recorded} lost)`}`,
      );
      if (!ok) throw new Error('clicks were lost or a redirect failed');
    }
    ids.delete(null);

    // sales ingestion: each sale attributed by one of the recorded click ids
    const clickIds = [...ids] as string[];
    const salesBefore = (await ask<{ count: number }>(child, { ask: 'count', table: 'sales' })).count;
    const sales = await load(ports.full, SALES, 8, (i) => ({
      method: 'POST',
      path: '/api/v1/track/sales',
      headers: { Authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        orderId: `BENCH-${i}`,
        amount: 5000 + (i % 100) * 37,
        currency: 'USD',
        clickId: clickIds[i % clickIds.length],
        customer: { email: `buyer${i}@example.com` },
        items: [{ productId: `p-${i % 7}`, amount: 5000 + (i % 100) * 37, quantity: 1 }],
      }),
    }));
    const salesRecorded = (await ask<{ count: number }>(child, { ask: 'count', table: 'sales' })).count - salesBefore;
    const commissions = (await ask<{ count: number }>(child, { ask: 'count', table: 'commissions' })).count;
    console.log(
      `\nsales ingested (8 connections)     ${fmt(sales.perSecond).padStart(8)} sales/s  (${SALES.toLocaleString('en-US')} sales in ${sales.seconds.toFixed(2)} s; ${statusText(sales.statuses)}; ${salesRecorded} recorded, ${commissions} commissions)`,
    );
    if (salesRecorded !== SALES || sales.statuses.get(201) !== SALES) throw new Error('a sale was not recorded');
  } finally {
    if (child.connected) child.send({ ask: 'close' });
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}
