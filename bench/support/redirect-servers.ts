/**
 * The servers under test for bench/redirect.bench.ts, in their own process so the load
 * generator does not share their event loop: a bare Hono app whose route only redirects, and
 * the real Partner Center app over a fresh SQLite file (WAL) with a program, a partner and a
 * link. Tells the parent its ports over IPC and answers its questions: { count } of a table's rows,
 * { cpu } time used so far (µs, to price a request independently of a busy machine), { keys }
 * the newest click ids, and { stored } how many of the given click ids are in the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.js';
import { configSchema } from '../../server/config.js';
import { openDatabase } from '../../server/db/connection.js';
import type { Deps } from '../../server/deps.js';
import { createLink } from '../../server/catalog/links.js';
import { createPartnerAccount } from '../../server/partners/partner-admin.js';
import { createProgram } from '../../server/catalog/programs.js';
import { BENCH_ADMIN_KEY, DESTINATION } from './constants.js';

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ server: ServerType; port: number }>((ready) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready({ server, port: info.port }));
  });

const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const deps: Deps = { db, config: { ...configSchema.parse({}), adminKey: BENCH_ADMIN_KEY, databasePath: join(dir, 'bench.sqlite') }, clock: Date.now };

const program = await createProgram(deps, { name: 'Bench', saleCommission: { type: 'percent', value: 1000 }, holdDays: 30 });
await createPartnerAccount(deps, { code: 'bench', name: 'Bench Partner', email: 'bench@example.com', password: 'bench-password', programIds: [program.id] });
await createLink(deps, { slug: 'shop', name: 'Shop', destination: DESTINATION }, 'http://127.0.0.1');

const bare = new Hono();
bare.get('/r/:code/:slug', (c) => c.redirect(DESTINATION, 302));

const bareServer = await listen(bare.fetch);
const fullServer = await listen(createApp(deps).fetch);

const count = (table: 'clicks' | 'sales' | 'commissions') => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

type Question =
  | { ask: 'count'; table?: 'clicks' | 'sales' | 'commissions' }
  | { ask: 'cpu' | 'close' }
  | { ask: 'stored'; keys: string[] };

const isStored = db.sqlite.prepare<[string], { id: number }>('SELECT id FROM clicks WHERE click_key = ?');

process.on('message', (message: Question) => {
  if (message.ask === 'count') process.send!({ count: count(message.table ?? 'clicks') });
  if (message.ask === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system });
  }
  if (message.ask === 'stored') process.send!({ stored: message.keys.filter((key) => isStored.get(key)).length });
  if (message.ask === 'close') {
    bareServer.server.close();
    fullServer.server.close();
    void db.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ bare: bareServer.port, full: fullServer.port });
