import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Executor } from '../db/executor.js';

/**
 * Durable background work shared by the mail outbox and webhook deliveries: rows wait in a
 * table with `status`, `next_attempt_at` and `locked_until`; a worker claims due rows with a
 * lease in one UPDATE (so two servers on one database never work on the same row at once —
 * on PostgreSQL the rows another server is claiming are skipped, FOR UPDATE SKIP LOCKED — and
 * a row whose worker died is claimed again when its lease runs out: at least once), and a loop
 * runs the work when woken, when the next row is due, and every `pollMs`.
 */

export interface LeasedTable {
  /** the table (a fixed name, never input) */
  table: string;
  /** the status of a row waiting for its next try */
  waiting: string;
  /** the status of a claimed row */
  working: string;
}

/**
 * Claims up to `limit` due rows: waiting ones whose next try is due, and working ones whose lease
 * ran out; oldest first (PostgreSQL's RETURNING keeps no order, so the rows are sorted here).
 */
export async function claimLeased<Row extends { id: number }>(db: Executor, t: LeasedTable, now: number, leaseMs: number, limit: number): Promise<Row[]> {
  const table = sql.table(t.table);
  const result = await sql<Row>`
    UPDATE ${table} SET status = ${t.working}, attempts = attempts + 1, locked_until = ${now + leaseMs}
    WHERE id IN (
      SELECT id FROM ${table}
      WHERE (status = ${t.waiting} AND next_attempt_at <= ${now}) OR (status = ${t.working} AND locked_until <= ${now})
      ORDER BY id LIMIT ${limit}${dialectOf(db) === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``}
    )
    RETURNING *`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/** When the next row is due (ms since the epoch): a waiting row's next try, or the end of a lease; null when none waits. */
export async function nextLeasedDue(db: Executor, t: LeasedTable): Promise<number | null> {
  const row = await sql<{ at: number | null }>`
    SELECT min(CASE WHEN status = ${t.waiting} THEN next_attempt_at ELSE locked_until END) AS at
    FROM ${sql.table(t.table)} WHERE status IN (${t.waiting}, ${t.working})`.execute(db);
  return row.rows[0]?.at ?? null;
}

/**
 * Exponential backoff with jitter: `baseMs × factor^(attempt − 1)`, at most `maxMs`, then ±`jitter`
 * (a fraction) so endpoints that failed together do not all come back at once.
 */
export function backoffDelay(attempt: number, options: { baseMs: number; factor: number; maxMs: number; jitter: number; random?: () => number }): number {
  const plain = Math.min(options.maxMs, options.baseMs * options.factor ** Math.max(0, attempt - 1));
  const spread = ((options.random ?? Math.random)() * 2 - 1) * options.jitter;
  return Math.max(1000, Math.round(plain * (1 + spread)));
}

export interface BackgroundWorker {
  /** Works until nothing is due; resolves with how many rows were handled. */
  runOnce(): Promise<number>;
  /** Stops the loop; waits for work in progress up to `ms`. */
  stop(ms?: number): Promise<void>;
}

/**
 * Starts a loop: runs at once, when `subscribe`'s wake is called (work queued in this process),
 * when `nextDue` says the next row is due, and every `pollMs` (work queued by another process).
 */
export function startBackgroundLoop(options: {
  name: string;
  work: () => Promise<number>;
  nextDue: () => Promise<number | null>;
  now: () => number;
  subscribe: (wake: () => void) => () => void;
  pollMs?: number;
  onError?: (error: unknown) => void;
}): BackgroundWorker {
  const pollMs = options.pollMs ?? 15_000;
  const onError = options.onError ?? ((error) => console.error(`[partner-center] ${options.name}:`, error));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  const schedule = async () => {
    if (stopped) return;
    clearTimeout(timer);
    let wait = pollMs;
    try {
      const at = await options.nextDue();
      if (at !== null) wait = Math.max(0, Math.min(pollMs, at - options.now()));
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
    running = options
      .work()
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

  const unsubscribe = options.subscribe(() => void run());
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
