import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../server/db/connection.js';

/**
 * Raw SQL in tests, the same on SQLite and PostgreSQL: write the query with kysely's `sql`
 * tag (`${value}` becomes a parameter), e.g.
 * `await one<{ n: number }>(s.db, sql\`SELECT count(*) AS n FROM clicks WHERE partner_id = ${id}\`)`.
 * Counts and sums come back as numbers on both.
 */
export async function all<T = Record<string, unknown>>(db: Db, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(db.kysely)).rows as T[];
}

/** The first row, or undefined. */
export async function one<T = Record<string, unknown>>(db: Db, query: RawBuilder<unknown>): Promise<T | undefined> {
  return (await all<T>(db, query))[0];
}

/** Runs a statement; answers the number of rows it changed. */
export async function run(db: Db, query: RawBuilder<unknown>): Promise<number> {
  const result = await query.execute(db.kysely);
  return Number(result.numAffectedRows ?? 0);
}

/** The tables of the database (no SQLite internals, no PostgreSQL schema-version table), by name. */
export async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'postgres'
      ? await all<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'partner_center_schema'`)
      : await all<{ name: string }>(db, sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).sort();
}

export { sql };
