import type { Deps } from '../deps.js';
import type { OutboxRow } from '../db/schema.js';
import { claimLeased, nextLeasedDue, startBackgroundLoop, type BackgroundWorker, type LeasedTable } from '../shared/background.js';
import { onMailQueued } from './outbox.js';
import { currentTransport, describeError, send } from './transport.js';

/**
 * Sends what the outbox holds, in the background of the server. A message is claimed with a lease
 * in one UPDATE (status `sending`, `locked_until` = now + lease), so two servers on one database
 * never send the same message at once; a message whose lease ran out (its process died mid-send)
 * is claimed again — delivery is at least once. A failed send is retried after the next of
 * MAIL_RETRY_DELAYS (1 min, 5 min, 30 min, 2 h, 6 h by default), then marked `failed` with the
 * last error for the merchant to see; an SMTP server that refuses for good (5xx) fails at once.
 * With no SMTP server configured, messages are `kept`: in the outbox only.
 */

/** How long a claimed message is ours: longer than any send can take (transport.ts timeouts). */
export const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export type MailWorker = BackgroundWorker;

const OUTBOX: LeasedTable = { table: 'outbox', waiting: 'queued', working: 'sending' };

/** Claims up to `limit` due messages for this worker. */
export async function claimDue(deps: Deps, limit = BATCH): Promise<OutboxRow[]> {
  return claimLeased<OutboxRow>(deps.db.kysely, OUTBOX, deps.clock(), LEASE_MS, limit);
}

/** With no SMTP server: every due message is kept in the outbox only. */
async function keepDue(deps: Deps): Promise<number> {
  const now = deps.clock();
  const result = await deps.db.kysely
    .updateTable('outbox')
    .set({ status: 'kept', next_attempt_at: null, locked_until: null })
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/** One pass: claims and sends until nothing is due. */
export async function sendDue(deps: Deps): Promise<number> {
  let handled = 0;
  for (;;) {
    const current = await currentTransport(deps);
    if (!current) return handled + (await keepDue(deps));
    const claimed = await claimDue(deps);
    if (!claimed.length) return handled;
    for (const row of claimed) {
      handled++;
      try {
        await send(current.transport, current.from, {
          to: row.to,
          subject: row.subject,
          text: row.text,
          html: row.html,
          headers: parse(row.headers, {}),
          attachments: parse(row.attachments, []),
        });
        await deps.db.kysely
          .updateTable('outbox')
          .set({ status: 'sent', sent_at: deps.clock(), locked_until: null, next_attempt_at: null, last_error: null })
          .where('id', '=', row.id)
          .execute();
      } catch (error) {
        const delays = deps.config.mailRetryDelays;
        const code = (error as { responseCode?: number }).responseCode;
        const permanent = typeof code === 'number' && code >= 500 && code < 600;
        const giveUp = permanent || row.attempts > delays.length;
        const delay = delays[Math.min(row.attempts, delays.length) - 1]! * 1000;
        await deps.db.kysely
          .updateTable('outbox')
          .set({
            status: giveUp ? 'failed' : 'queued',
            next_attempt_at: giveUp ? null : deps.clock() + delay,
            locked_until: null,
            last_error: describeError(error, current.smtpUrl),
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
  }
}

/**
 * Starts the loop: runs at once, when a message is queued in this process, when the next retry
 * is due, and every `pollMs` (messages queued by another process on the same database).
 */
export function startMailWorker(deps: Deps, options: { pollMs?: number; onError?: (error: unknown) => void } = {}): MailWorker {
  return startBackgroundLoop({
    name: 'mail worker',
    work: () => sendDue(deps),
    nextDue: () => nextLeasedDue(deps.db.kysely, OUTBOX),
    now: deps.clock,
    subscribe: (wake) => onMailQueued(deps, wake),
    ...options,
  });
}
