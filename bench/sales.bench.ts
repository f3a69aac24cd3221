/**
 * Sales ingestion. Over real HTTP on loopback, keep-alive: sales with items, each attributed by
 * a click id recorded through GET /r/…, posted to POST /api/v1/track/sales as fast as they are
 * answered. Checks every sale, item, commission and ledger row was written. Prints figures;
 * asserts no time. `salesBench()` returns them too.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { BENCH_ADMIN_KEY } from './support/constants.js';

const SALES = Number(process.env.BENCH_SALES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

export interface SalesFigures {
  /** sales recorded per second over HTTP (best of the rounds) */
  salesPerSecond: number;
  salesRounds: number[];
  sales: number;
  connections: number;
}

/** `total` requests over `connections` keep-alive sockets, as fast as they answer; the statuses seen. */
async function load(port: number, total: number, connections: number, body: (i: number) => string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  let next = 0;
  const once = (i: number) =>
    new Promise<void>((done, fail) => {
      const text = body(i);
      const headers = { Authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) };
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/track/sales', agent, headers }, (res) => {
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
        res.resume();
        res.on('end', done);
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(text);
    });
  const worker = async () => {
    while (next < total) await once(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, perSecond: total / seconds, statuses };
}

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

export async function httpSales(): Promise<SalesFigures> {
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
  try {
    const { port, clickIds } = await new Promise<{ port: number; clickIds: string[] }>((ready, fail) => {
      child.once('message', (m) => ready(m as { port: number; clickIds: string[] }));
      child.once('exit', (code) => fail(new Error(`the bench server exited (${code})`)));
    });
    await load(port, 1_000, CONNECTIONS, saleBody('WARM', clickIds));
    const rounds = [];
    for (let round = 0; round < 3; round++) {
      const before = { sales: await ask('sales'), items: await ask('sale_items'), commissions: await ask('commissions'), ledger: await ask('ledger_entries') };
      const result = await load(port, SALES, CONNECTIONS, saleBody(`R${round}`, clickIds));
      const written = {
        sales: (await ask('sales')) - before.sales,
        items: (await ask('sale_items')) - before.items,
        commissions: (await ask('commissions')) - before.commissions,
        ledger: (await ask('ledger_entries')) - before.ledger,
      };
      console.log(
        `  round ${round + 1}: ${fmt(result.perSecond).padStart(6)} sales/s  (${SALES.toLocaleString('en-US')} in ${result.seconds.toFixed(2)} s; ${statusText(result.statuses)}; ` +
          `written: ${written.sales} sales, ${written.items} items, ${written.commissions} commissions, ${written.ledger} ledger rows)`,
      );
      const ok = result.statuses.get(201) === SALES && written.sales === SALES && written.items === 2 * SALES && written.commissions === SALES && written.ledger === SALES;
      if (!ok) throw new Error('a sale, item, commission or ledger row is missing');
      rounds.push(result.perSecond);
    }
    return { salesPerSecond: Math.max(...rounds), salesRounds: rounds, sales: SALES, connections: CONNECTIONS };
  } finally {
    if (child.connected) child.send({ ask: 'close' });
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}

export default async function salesBench() {
  console.log(`POST /api/v1/track/sales over HTTP, ${CONNECTIONS} keep-alive connections, 2 items each, attributed by click id`);
  const figures = await httpSales();
  console.log(`sales ingested: ${fmt(figures.salesPerSecond)} sales/s (best of 3 rounds of ${SALES.toLocaleString('en-US')})`);
  return figures;
}
