import { existsSync } from 'node:fs';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from './http/listen.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { connectDatabase, databaseName } from './db/connection.js';
import { drainClicks } from './db/hot-path.js';
import { DEMO_CREDENTIALS, DEMO_OWNER, seedDemo } from './demo/seed.js';
import type { Deps } from './deps.js';
import { getMailSettings, maskSmtpUrl } from './mail/settings.js';
import { startMailWorker } from './mail/worker.js';
import { startWebhookWorker } from './webhooks/worker.js';
import { approveDueCommissions } from './money/approvals.js';
import { pruneSignInRows } from './partners/auth.js';
import { runNotificationJobs } from './partners/notifications.js';
import { passwordResetsSettled } from './partners/password-reset.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /**
   * Stops gracefully: no new connections, requests in flight finish (up to
   * `shutdownTimeoutSeconds`, then their connections are closed), idle keep-alive connections
   * close, pending click batches are committed, then the database closes. `reason` is logged.
   */
  close(reason?: string): Promise<void>;
}

/** Opens and migrates the database, seeds the demo when asked, and listens. */
export async function startServer(config: Config, options: { quiet?: boolean } = {}): Promise<RunningServer> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const distDir = isAbsolute(config.distDir) ? config.distDir : resolve(PACKAGE_ROOT, config.distDir);
  if (!existsSync(resolve(distDir, 'partner-center.js'))) {
    console.warn(`Warning: no browser bundle in ${distDir}; run "npm run build" so /partner-center.js can be served.`);
  }
  const db = await connectDatabase(config);
  const deps: Deps = { db, config: { ...config, distDir }, clock: Date.now };
  if (config.demo && (await seedDemo(deps))) log(`Seeded demo data into ${databaseName(config)}`);
  const app = createApp(deps);
  // commissions whose hold days ended become approved without waiting for a read; old sign-in rows go
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= approveDueCommissions(deps)
      .then(() => pruneSignInRows(deps))
      .then(() => runNotificationJobs(deps)) // daily digests, monthly statements: each claimed once per partner and period
      .then(() => {})
      .catch((err) => console.error('[partner-center] minute sweep failed:', err))
      .finally(() => (sweeping = undefined));
  };
  sweep();
  const sweeper = setInterval(sweep, 60_000);
  sweeper.unref();
  // the outbox is sent in the background: queued mail never waits for SMTP in a request
  const mailWorker = startMailWorker(deps);
  // webhook deliveries too: written with the change, sent (and retried) from the table
  const webhookWorker = startWebhookWorker(deps);
  const server = await listen(app, deps, { port: config.port, hostname: config.host });
  const inFlight = trackRequests(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  // read before "listening" is announced: whoever waits for that line (a supervisor, a test) may
  // send SIGTERM at once, and it must find the shutdown below already in place, not this await
  const mail = await getMailSettings(deps);
  log(`Partner Center listening on ${url}`);
  log(`  API:      ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.json)`);
  log(`  Bundle:   ${url}/partner-center.js`);
  log(
    mail.smtpUrl
      ? `  Email:    through ${maskSmtpUrl(mail.smtpUrl)} (${mail.smtpUrlFrom === 'settings' ? 'the console\'s email settings' : 'SMTP_URL'}), from ${mail.mailFrom}`
      : `  Email:    no SMTP_URL: messages are kept in the outbox${config.demo ? ` (${url}/demo/outbox)` : ''}`,
  );
  if (config.demo) {
    log(`  Demo:     ${url}/`);
    log(`  Sign in as partner code "${DEMO_CREDENTIALS.code}", password "${DEMO_CREDENTIALS.password}"`);
    log(`  Sign in as merchant owner "${DEMO_OWNER.email}", password "${DEMO_OWNER.password}" (POST /api/v1/admin/auth/login)`);
  }
  if (!config.publicUrl && (process.env.NODE_ENV === 'production' || !config.demo)) {
    console.warn(
      'Warning: PUBLIC_URL is not set, so partners\' links, snippets and QR codes are built from each request\'s Host header ' +
        '(never cached publicly). Set PUBLIC_URL=https://partners.example.com in production.',
    );
  }

  let closing: Promise<void> | undefined;
  const shutdown = async (reason: string) => {
    const started = Date.now();
    const deadline = config.shutdownTimeoutSeconds * 1000;
    log(`Shutting down (${reason}): no new connections; ${inFlight.count} request(s) in flight, up to ${config.shutdownTimeoutSeconds} s to finish`);
    clearInterval(sweeper);
    const closed = new Promise<void>((done) => server.close(() => done()));
    inFlight.closing();
    const finished = await inFlight.settled(deadline);
    if (finished) log(`Every request in flight answered (${Date.now() - started} ms)`);
    else {
      log(`Deadline of ${config.shutdownTimeoutSeconds} s passed: closing the connections of ${inFlight.count} unfinished request(s)`);
      server.closeAllConnections();
    }
    await closed;
    const clicks = await drainClicks(db);
    await sweeping;
    await passwordResetsSettled(); // reset links answered but not yet queued
    await mailWorker.stop(Math.max(1000, deadline - (Date.now() - started)));
    await webhookWorker.stop(Math.max(1000, deadline - (Date.now() - started)));
    log(`Pending click batches committed (${clicks} click(s) were waiting)`);
    await db.close();
    log('Database closed');
  };
  return {
    url,
    port,
    deps,
    close: (reason = 'close') => (closing ??= shutdown(reason)),
  };
}

/**
 * Counts the requests the server is answering, so shutdown can wait for them. Once closing, every
 * answer says `Connection: close` and each keep-alive connection closes as soon as it is idle.
 */
function trackRequests(server: HttpServer) {
  const open = new Set<ServerResponse>();
  let isClosing = false;
  let wake = () => {};
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res);
    if (isClosing && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      open.delete(res);
      if (isClosing) {
        server.closeIdleConnections();
        if (!open.size) wake();
      }
    });
  });
  return {
    get count() {
      return open.size;
    },
    closing() {
      isClosing = true;
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
    },
    /** Resolves true when no request is in flight, false when `ms` passed first. */
    settled(ms: number): Promise<boolean> {
      if (!open.size) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
