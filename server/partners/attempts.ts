import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { DomainError } from '../shared/errors.js';

/**
 * Limits on attempts (password checks, sign-ups), enforced by the database so they hold for
 * concurrent requests and across instances.
 *
 * An attempt is written *before* the work it guards, then the bucket is counted. Each request
 * counts after its own row is written, so of any set of attempts let through, the last one to
 * count saw all the others: a burst of any size gets no more than the limit. On PostgreSQL the
 * write and the count are one transaction under a lock per bucket, so a burst is decided one
 * attempt at a time there too and the limit is reached, not undercut. Rows of refused attempts
 * and of successful password checks are removed; failures (and sign-ups) stay and count until
 * they age out.
 */
export interface Limit {
  /** What is limited, e.g. `login:code:alice`. */
  bucket: string;
  /** How far back attempts count. */
  windowMs: number;
  /** How many of the newest earlier attempts `wait` needs to see. */
  look: number;
  /** Milliseconds to wait before this attempt may go ahead (0: go), from the earlier attempts still counted, newest first. */
  wait(earlier: number[], now: number): number;
}

/** At most `max` attempts per `windowMs`, sliding. */
export const atMost = (bucket: string, max: number, windowMs: number): Limit => ({
  bucket,
  windowMs,
  look: max,
  wait: (earlier, now) => (earlier.length >= max ? earlier[max - 1]! + windowMs - now : 0),
});

/**
 * `free` attempts per `windowMs`; after that each further one waits after the previous one,
 * twice as long each time: `firstWaitMs`, 2×, 4×, … up to `maxWaitMs`.
 */
export const growing = (bucket: string, o: { free: number; firstWaitMs: number; maxWaitMs: number; windowMs: number }): Limit => {
  const doublings = Math.ceil(Math.log2(o.maxWaitMs / o.firstWaitMs));
  return {
    bucket,
    windowMs: o.windowMs,
    look: o.free + doublings + 1,
    wait: (earlier, now) => {
      if (earlier.length < o.free) return 0;
      const pause = Math.min(o.maxWaitMs, o.firstWaitMs * 2 ** (earlier.length - o.free));
      return Math.max(0, earlier[0]! + pause - now);
    },
  };
};

export interface Attempt {
  /** The guarded work succeeded and does not count against the limits (a right password). */
  succeeded(): Promise<void>;
  /** The guarded work failed: the attempt keeps counting until it ages out. */
  failed(): Promise<void>;
}

/** Retry-After seconds and a sentence for a wait. */
export function tooManyAttempts(what: string, waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new DomainError('rate_limited', 'too_many_attempts', `Too many ${what}. Try again in ${wait}.`, undefined, seconds);
}

/**
 * Counts one attempt against every limit; throws what `refuse` makes of the longest wait when
 * any limit says wait (the attempt is then not counted). Otherwise the caller does the work and
 * reports how it went; an attempt never reported keeps counting (a sign-up, a crash).
 */
export async function beginAttempt(deps: Deps, limits: Limit[], refuse: (waitMs: number) => Error): Promise<Attempt> {
  const { kysely } = deps.db;
  const now = deps.clock();
  /** Writes the attempt and counts the earlier ones: the attempt's row ids, or a refusal (its rows removed). */
  const decide = async (db: Kysely<Database>) => {
    const rows = await db
      .insertInto('attempts')
      .values(limits.map((limit) => ({ bucket: limit.bucket, at: now })))
      .returning('id')
      .execute();
    const ids = rows.map((row) => row.id);
    let wait = 0;
    for (const limit of limits) {
      const earlier = await db
        .selectFrom('attempts')
        .select('at')
        .where('bucket', '=', limit.bucket)
        .where('at', '>', now - limit.windowMs)
        .where('id', 'not in', ids)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit.look)
        .execute();
      wait = Math.max(wait, limit.wait(earlier.map((row) => row.at), now));
    }
    if (wait > 0) {
      await db.deleteFrom('attempts').where('id', 'in', ids).execute();
      throw refuse(wait);
    }
    return ids;
  };
  // PostgreSQL runs a burst's requests truly side by side: attempts that all see one another
  // would all be refused and forgotten, leaving fewer counted than the limit (the attacker's
  // next guess then goes through). One decision at a time per bucket there, as on SQLite's one
  // connection; a refusal rolls its rows back.
  const ids =
    deps.db.dialect === 'postgres'
      ? await kysely.transaction().execute(async (trx) => {
          for (const bucket of [...new Set(limits.map((limit) => limit.bucket))].sort()) {
            await sql`SELECT pg_advisory_xact_lock(${sql.lit(ATTEMPTS_LOCK)}, hashtext(${bucket}))`.execute(trx);
          }
          return decide(trx);
        })
      : await decide(kysely);
  const forget = () => kysely.deleteFrom('attempts').where('id', 'in', ids).execute().then(() => undefined);
  return { succeeded: forget, failed: async () => {} };
}

/** The first key of the advisory locks that serialise attempts per bucket on PostgreSQL (the second is the bucket's hash). */
const ATTEMPTS_LOCK = 7461;

/** Removes attempts older than any limit looks back (`horizonMs`). */
export async function pruneAttempts(deps: Deps, horizonMs: number): Promise<number> {
  const result = await deps.db.kysely.deleteFrom('attempts').where('at', '<=', deps.clock() - horizonMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
