import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './connection.js';

/**
 * SQLite's plan for a query built with kysely, one line per step (`SEARCH ledger_entries USING
 * INDEX ledger_partner_at (partner_id=? AND at>?)`). For tests and the benchmark: plans are
 * deterministic, timings are not. SQLite only; {@link explainPlan} answers on either database.
 */
export function explainQueryPlan(db: Db, query: Compilable): string[] {
  const { sql: text, parameters } = query.compile();
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...(parameters as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/**
 * The plan for a query on the database it runs on, one line per step: on SQLite the lines of
 * {@link explainQueryPlan}; on PostgreSQL those of `EXPLAIN (COSTS OFF)`, one per node and its
 * details (`Index Scan Backward using ledger_partner_at on ledger_entries`, `  Index Cond: …`).
 *
 * PostgreSQL weighs row counts, so on a test's small tables it may rightly prefer a Seq Scan or a
 * sort; `indexesOnly` asks what SQLite's plan shows without statistics — can an index serve the
 * query, in its order — by pricing sequential scans, bitmap scans and sorts out of the plan
 * (`enable_* = off` for this statement only): a Seq Scan or a Sort still in the plan then has no
 * index to replace it. SQLite ignores it.
 */
export async function explainPlan(db: Db, query: Compilable, options: { indexesOnly?: boolean } = {}): Promise<string[]> {
  if (db.dialect === 'sqlite') return explainQueryPlan(db, query);
  const { sql: text, parameters } = query.compile();
  const explain = CompiledQuery.raw(`EXPLAIN (COSTS OFF) ${text}`, [...parameters]);
  const rows = await db.kysely.transaction().execute(async (trx) => {
    if (options.indexesOnly) for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await trx.executeQuery(CompiledQuery.raw(`SET LOCAL ${setting} = off`));
    return (await trx.executeQuery<{ 'QUERY PLAN': string }>(explain)).rows;
  });
  return rows.map((r) => r['QUERY PLAN']);
}
