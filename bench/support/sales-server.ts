/**
 * The server under test for bench/sales.bench.ts, in its own process so the load generator
 * does not share its event loop: the real Partner Center app over a fresh SQLite file (WAL)
 * with a program, a partner and a link, and `clicks` clicks recorded through GET /r/… (their
 * ids are what the sales carry). Tells the parent its port and the click ids over IPC and
 * answers { count } and { cpu } (µs of CPU used so far) questions.
 */
import { createApp } from '../../server/app.js';
import { listen } from '../../server/http/listen.js';
import { benchProgram } from './bench-program.js';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000);

const { deps, remove } = await benchProgram();
const { db } = deps;

const app = createApp(deps);
const clickIds: string[] = [];
for (let i = 0; i < CLICKS; i++) {
  const res = await app.request('/r/bench/shop', { headers: { 'User-Agent': 'bench/1.0', 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` } });
  const id = new URL(res.headers.get('location')!).searchParams.get('pc_click');
  if (!id) throw new Error(`the redirect answered ${res.status} without a click id`);
  clickIds.push(id);
}

const server = await listen(app, deps, { port: 0, hostname: '127.0.0.1' });
const port = (server.address() as { port: number }).port;

type Table = 'clicks' | 'sales' | 'sale_items' | 'commissions' | 'ledger_entries';
const count = (table: Table) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

process.on('message', (message: { ask: 'count' | 'cpu' | 'close'; table?: Table }) => {
  if (message.ask === 'count') process.send!({ count: count(message.table ?? 'sales') });
  if (message.ask === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system });
  }
  if (message.ask === 'close') {
    server.close();
    void db.close().then(() => {
      remove();
      process.exit(0);
    });
  }
});
process.send!({ port, clickIds });
