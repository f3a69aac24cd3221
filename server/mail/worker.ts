import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { OutboxRow } from '../db/schema.js';
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

export interface MailWorker {
  /** Sends every due message (claims until none is left); resolves with how many were handled. */
  runOnce(): Promise<number>;
  /** Stops the loop; waits for a send in progress up to `ms`. */
  stop(ms?: number): Promise<void>;
}

/** Claims up to `limit` due messages for this worker. */
export async function claimDue(deps: Deps, limit = BATCH): Promise<OutboxRow[]> {
  const now = deps.clock();
  const result = await sql<OutboxRow>`
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = ${now + LEASE_MS}
    WHERE id IN (
      SELECT id FROM outbox
      WHERE (status = 'queued' AND next_attempt_at <= ${now}) OR (status = 'sending' AND locked_until <= ${now})
      ORDER BY id LIMIT ${limit}
    )
    RETURNING *`.execute(deps.db.kysely);
  return result.rows;
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

/** When the next message is due (ms since the epoch): a queued one's next try, or the end of a lease; null when none waits. */
async function nextDue(deps: Deps): Promise<number | null> {
  const row = await sql<{ at: number | null }>`
    SELECT min(CASE WHEN status = 'queued' THEN next_attempt_at ELSE locked_until END) AS at
    FROM outbox WHERE status IN ('queued', 'sending')`.execute(deps.db.kysely);
  return row.rows[0]?.at ?? null;
}

/**
 * Starts the loop: runs at once, when a message is queued in this process, when the next retry
 * is due, and every `pollMs` (messages queued by another process on the same database).
 */
export function startMailWorker(deps: Deps, options: { pollMs?: number; onError?: (error: unknown) => void } = {}): MailWorker {
  const pollMs = options.pollMs ?? 15_000;
  const onError = options.onError ?? ((error) => console.error('[partner-center] mail worker:', error));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  const schedule = async () => {
    if (stopped) return;
    clearTimeout(timer);
    let wait = pollMs;
    try {
      const at = await nextDue(deps);
      if (at !== null) wait = Math.max(0, Math.min(pollMs, at - deps.clock()));
    } catch (error) {
      if (!stopped) onError(error);
    }
    if (stopped) return;
    timer = setTimeout(run, wait);
    timer.unref();
  };

  const run = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = sendDue(deps)
      .catch((error) => {
        if (!stopped) onError(error);
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void run();
        } else void schedule();
      });
    return running;
  };

  const unsubscribe = onMailQueued(deps, () => void run());
  void run();
  return {
    runOnce: run,
    async stop(ms = 5_000) {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      if (running) await Promise.race([running, new Promise((done) => setTimeout(done, ms).unref())]);
    },
  };
}
