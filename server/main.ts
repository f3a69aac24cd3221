import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/connection.js';
import { DEMO_CREDENTIALS, seedDemo } from './demo/seed.js';
import type { Deps } from './deps.js';
import { approveDueCommissions } from './domain/approvals.js';
import { pruneSignInRows } from './domain/auth.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  close(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo when asked, and listens. */
export async function startServer(config: Config, options: { quiet?: boolean } = {}): Promise<RunningServer> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const distDir = isAbsolute(config.distDir) ? config.distDir : resolve(PACKAGE_ROOT, config.distDir);
  if (!existsSync(resolve(distDir, 'partner-center.js'))) {
    console.warn(`Warning: no browser bundle in ${distDir}; run "npm run build" so /partner-center.js can be served.`);
  }
  const db = openDatabase(config.databasePath);
  const deps: Deps = { db, config: { ...config, distDir }, clock: Date.now };
  if (config.demo && (await seedDemo(deps))) log(`Seeded demo data into ${config.databasePath}`);
  const app = createApp(deps);
  // commissions whose hold days ended become approved without waiting for a read; old sign-in rows go
  const sweep = () =>
    void approveDueCommissions(deps)
      .then(() => pruneSignInRows(deps))
      .catch((err) => console.error('[partner-center] minute sweep failed:', err));
  sweep();
  const sweeper = setInterval(sweep, 60_000);
  sweeper.unref();
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => ready(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  log(`Partner Center listening on ${url}`);
  log(`  API:      ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.json)`);
  log(`  Bundle:   ${url}/partner-center.js`);
  if (config.demo) {
    log(`  Demo:     ${url}/`);
    log(`  Sign in as partner code "${DEMO_CREDENTIALS.code}", password "${DEMO_CREDENTIALS.password}"`);
  }
  return {
    url,
    port,
    deps,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(sweeper);
        server.close(() => void db.close().then(done));
        // idle keep-alive sockets would hold close() open
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
