/**
 * The server under test for bench/sales.bench.ts, in its own process so the load generator
 * does not share its event loop: the real Partner Center app over a fresh SQLite file (WAL)
 * with a program, a partner and a link, and `clicks` clicks recorded through GET /r/… (their
 * ids are what the sales carry). Tells the parent its port and the click ids over IPC and
 * answers { count } questions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { configSchema } from '../../server/config.js';
import { openDatabase } from '../../server/db/connection.js';
import type { Deps } from '../../server/deps.js';
import { createLink } from '../../server/catalog/links.js';
import { createPartnerAccount } from '../../server/partners/partner-admin.js';
import { createProgram } from '../../server/catalog/programs.js';
import { BENCH_ADMIN_KEY, DESTINATION } from './constants.js';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000);

const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const deps: Deps = { db, config: { ...configSchema.parse({}), adminKey: BENCH_ADMIN_KEY, databasePath: join(dir, 'bench.sqlite') }, clock: Date.now };

const program = await createProgram(deps, { name: 'Bench', saleCommission: { type: 'percent', value: 1000 }, holdDays: 30 });
await createPartnerAccount(deps, { code: 'bench', name: 'Bench Partner', email: 'bench@example.com', password: 'bench-password', programIds: [program.id] });
await createLink(deps, { slug: 'shop', name: 'Shop', destination: DESTINATION }, 'http://127.0.0.1');

const app = createApp(deps);
const clickIds: string[] = [];
for (let i = 0; i < CLICKS; i++) {
  const res = await app.request('/r/bench/shop', { headers: { 'User-Agent': 'bench/1.0', 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` } });
  const id = new URL(res.headers.get('location')!).searchParams.get('pc_click');
  if (!id) throw new Error(`the redirect answered ${res.status} without a click id`);
  clickIds.push(id);
}

const server = await new Promise<ServerType>((ready) => {
  const s: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
});
const port = (server.address() as { port: number }).port;

type Table = 'clicks' | 'sales' | 'sale_items' | 'commissions' | 'ledger_entries';
const count = (table: Table) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

process.on('message', (message: { ask: 'count' | 'close'; table?: Table }) => {
  if (message.ask === 'count') process.send!({ count: count(message.table ?? 'sales') });
  if (message.ask === 'close') {
    server.close();
    void db.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ port, clickIds });
