import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The two databases Partner Center runs on: embedded SQLite (the default) and PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres';

/** Which database a query builder or open transaction talks to. */
export const dialectOf = (db: Kysely<any>): Dialect => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/**
 * Locks the partner's row until the transaction ends, so writes that read the partner's state
 * (the running balance, an open payout request) and then write follow one another when they
 * arrive at several instances at once. PostgreSQL only: SQLite runs one write transaction at
 * a time anyway. Locks that one row and nothing wider, and not against rows that merely refer
 * to the partner (FOR NO KEY UPDATE: inserting a sale or a click for them does not wait).
 */
export async function lockPartner(trx: Kysely<any>, partnerId: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`SELECT id FROM partners WHERE id = ${partnerId} FOR NO KEY UPDATE`.execute(trx);
}

/** A UNIQUE or PRIMARY KEY constraint refused the write (either database). */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * PostgreSQL gave up on a transaction that may succeed when run again: a unique key another
 * instance wrote a moment earlier (the retry then reads it and answers as for a repeat), a
 * serialisation failure or a deadlock.
 */
export function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  return code === '23505' || code === '40001' || code === '40P01';
}

/**
 * Runs `fn` in a transaction. On PostgreSQL a transaction refused for a reason another
 * instance caused (see {@link isRetryable}) runs again, up to `attempts` times, so a rule kept
 * by a unique constraint answers like the single-instance code path instead of failing.
 * `fn` must touch nothing outside the database (it may run more than once).
 */
export async function transaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>, attempts = 5): Promise<T> {
  if (dialectOf(db) !== 'postgres') return db.transaction().execute(fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((next) => setTimeout(next, Math.random() * 5 * attempt));
    }
  }
}
