import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Deps } from '../deps.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../db/schema.js';
import { enqueueMail, merchantNotifyAddress } from '../mail/outbox.js';
import { backoffDelay, claimLeased, nextLeasedDue, startBackgroundLoop, type BackgroundWorker, type LeasedTable } from '../shared/background.js';
import { onWebhookQueued } from './events.js';
import { guardedLookup, isPrivateAddress, refusedScheme } from './ssrf.js';

/**
 * Sends webhook deliveries in the background, as the mail worker sends the outbox: a delivery is
 * claimed with a lease in one UPDATE (two servers never send it at once; one whose process died
 * is claimed again when its lease runs out: at least once — receivers dedupe on webhook-id).
 * Each try is signed (Standard Webhooks, the endpoint's secret) and POSTed with a timeout;
 * redirects are not followed (a 3xx is a failure). A 2xx delivers; anything else is retried
 * with exponential backoff and jitter (WEBHOOK_RETRY_BASE_SECONDS, ×4 each time, at most 8 h)
 * until three days after the event, then the delivery is `failed`. An endpoint that failed every
 * try of a delivery for its three days is disabled when it gives up, and the merchant is mailed.
 */

const DELIVERIES: LeasedTable = { table: 'webhook_deliveries', waiting: 'pending', working: 'sending' };
export const LEASE_MS = 60_000;
export const TIMEOUT_MS = 10_000;
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;
const BATCH = 10;
const MAX_ERROR = 500;

export type WebhookWorker = BackgroundWorker;

interface Attempt {
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST of `payload` to the endpoint; never throws. */
export async function postSigned(deps: Deps, endpoint: Pick<WebhookEndpointRow, 'url' | 'secret'>, msgId: string, payload: string): Promise<Attempt> {
  const started = performance.now();
  const done = (responseCode: number | null, error: string | null): Attempt => ({
    responseCode,
    error: error && error.slice(0, MAX_ERROR),
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return done(null, 'refused: the endpoint URL is not valid');
  }
  const scheme = refusedScheme(deps, url);
  if (scheme) return done(null, scheme);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // an IP literal is connected to without a lookup: check it here
  if (isIP(host) && isPrivateAddress(host) && !deps.config.allowPrivateWebhookUrls) {
    return done(null, `refused: ${host} is a private, loopback or reserved address`);
  }
  // signed with the wall clock: receivers check the timestamp against theirs
  const at = new Date();
  const signature = new Webhook(endpoint.secret).sign(msgId, at, payload);
  const body = Buffer.from(payload);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const finish = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const req = send(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(deps),
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          'User-Agent': 'PartnerCenter-Webhooks/1',
          'webhook-id': msgId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (res: IncomingMessage) => {
        const code = res.statusCode ?? 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) res.destroy(); // the answer's body is not kept: read a little, then stop
        });
        const answer = () => {
          if (code >= 200 && code < 300) return finish(done(code, null));
          if (code >= 300 && code < 400) {
            return finish(done(code, `redirect not followed: HTTP ${code}${res.headers.location ? ` to ${res.headers.location}` : ''}`));
          }
          finish(done(code, `HTTP ${code}`));
        };
        res.on('end', answer);
        res.on('close', answer);
        res.on('error', answer);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(null, `timed out after ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const text = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
      finish(done(null, text));
    });
    req.end(body);
  });
}

/** One pass: claims and sends until nothing is due; resolves with how many tries were made. */
export async function deliverDue(deps: Deps): Promise<number> {
  let handled = 0;
  for (;;) {
    const claimed = await claimLeased<WebhookDeliveryRow>(deps.db.kysely, DELIVERIES, deps.clock(), LEASE_MS, BATCH);
    if (!claimed.length) return handled;
    await Promise.all(claimed.map((row) => deliverOne(deps, row)));
    handled += claimed.length;
  }
}

async function deliverOne(deps: Deps, row: WebhookDeliveryRow): Promise<void> {
  const db = deps.db.kysely;
  const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', row.endpoint_id).executeTakeFirst();
  const event = await db.selectFrom('webhook_events').select(['msg_id', 'payload']).where('id', '=', row.event_id).executeTakeFirst();
  if (!endpoint || !event) {
    await db.deleteFrom('webhook_deliveries').where('id', '=', row.id).execute();
    return;
  }
  if (endpoint.status === 'disabled') {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', locked_until: null, next_attempt_at: null, last_error: 'not sent: the endpoint is disabled' })
      .where('id', '=', row.id)
      .execute();
    return;
  }
  const attempt = await postSigned(deps, endpoint, event.msg_id, event.payload);
  const now = deps.clock();
  const result = { response_code: attempt.responseCode, duration_ms: attempt.durationMs, last_attempt_at: now, locked_until: null };
  if (attempt.error === null) {
    await db
      .updateTable('webhook_deliveries')
      .set({ ...result, status: 'delivered', delivered_at: now, next_attempt_at: null, last_error: null })
      .where('id', '=', row.id)
      .execute();
    await db.updateTable('webhook_endpoints').set({ failing_since: null, failure_streak: 0 }).where('id', '=', endpoint.id).execute();
    return;
  }
  // retried until three days after the event (the last try at the end of the window), then failed
  const end = row.created_at + RETRY_WINDOW_MS;
  const giveUp = now >= end;
  const next = Math.min(end, now + backoffDelay(row.attempts, { baseMs: deps.config.webhookRetryBaseSeconds * 1000, factor: 4, maxMs: 8 * 3_600_000, jitter: 0.2 }));
  await db
    .updateTable('webhook_deliveries')
    .set({ ...result, status: giveUp ? 'failed' : 'pending', next_attempt_at: giveUp ? null : next, last_error: attempt.error })
    .where('id', '=', row.id)
    .execute();
  const failingSince = endpoint.failing_since ?? now;
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: failingSince, failure_streak: endpoint.failure_streak + (giveUp ? 1 : 0) })
    .where('id', '=', endpoint.id)
    .execute();
  // every try of this delivery failed for its three days, and nothing reached the endpoint meanwhile (a success resets failing_since)
  if (giveUp && failingSince <= row.created_at + LEASE_MS) await disableEndpoint(deps, endpoint, attempt.error);
}

/** Turns an endpoint off after three days of failures and tells the merchant (their notification address). */
async function disableEndpoint(deps: Deps, endpoint: WebhookEndpointRow, lastError: string): Promise<void> {
  const days = Math.round(RETRY_WINDOW_MS / 86_400_000);
  const reason = `Every delivery failed for ${days} days (last: ${lastError}).`;
  const changed = await deps.db.kysely
    .updateTable('webhook_endpoints')
    .set({ status: 'disabled', disabled_reason: reason, updated_at: deps.clock() })
    .where('id', '=', endpoint.id)
    .where('status', '=', 'enabled')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return;
  const to = await merchantNotifyAddress(deps);
  if (!to) return;
  const server = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  await enqueueMail(deps, { kind: 'webhook_disabled', to, data: { url: endpoint.url, reason, link: `${server}/admin#webhooks` } });
}

/**
 * Starts the loop: runs at once, when an event is written in this process, when the next retry
 * is due, and every `pollMs` (events written by another process on the same database).
 */
export function startWebhookWorker(deps: Deps, options: { pollMs?: number; onError?: (error: unknown) => void } = {}): WebhookWorker {
  return startBackgroundLoop({
    name: 'webhook worker',
    work: () => deliverDue(deps),
    nextDue: () => nextLeasedDue(deps.db.kysely, DELIVERIES),
    now: deps.clock,
    subscribe: (wake) => onWebhookQueued(deps, wake),
    ...options,
  });
}
