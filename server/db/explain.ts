import type { Compilable } from 'kysely';
import type { Db } from './connection.js';

/**
 * SQLite's plan for a query built with kysely, one line per step (`SEARCH ledger_entries USING
 * INDEX ledger_partner_at (partner_id=? AND at>?)`). For tests and the benchmark: plans are
 * deterministic, timings are not.
 */
export function explainQueryPlan(db: Db, query: Compilable): string[] {
  const { sql, parameters } = query.compile();
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}
