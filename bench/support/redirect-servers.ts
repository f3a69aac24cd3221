/**
 * The servers under test for bench/redirect.bench.ts, in their own process so the load
 * generator does not share their event loop: a bare Hono app whose route only redirects, and
 * the real Partner Center app over a fresh SQLite file (WAL) with a program, a partner and a
 * link. Tells the parent its ports over IPC and answers its questions: { count } of a table's rows,
 * { cpu } time used so far (µs, to price a request independently of a busy machine), { keys }
 * the newest click ids, and { stored } how many of the given click ids are in the database.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.js';
import { listen as listenApp } from '../../server/http/listen.js';
import { benchProgram } from './bench-program.js';
import { DESTINATION } from './constants.js';

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ server: ServerType; port: number }>((ready) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready({ server, port: info.port }));
  });

const { deps, remove } = await benchProgram();
const { db } = deps;

const bare = new Hono();
bare.get('/r/:code/:slug', (c) => c.redirect(DESTINATION, 302));

const bareServer = await listen(bare.fetch);
// the real server: main.ts's listen, with the redirect's own path before the app
const fullServer = await listenApp(createApp(deps), deps, { port: 0, hostname: '127.0.0.1' }).then((server) => ({ server, port: (server.address() as { port: number }).port }));

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
      remove();
      process.exit(0);
    });
  }
});
process.send!({ bare: bareServer.port, full: fullServer.port });
