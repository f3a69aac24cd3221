import assert from 'node:assert/strict';
import { sql, type Compilable } from 'kysely';
import type { Db } from '../../../server/db/connection.js';
import { explainPlan } from '../../../server/db/explain.js';

/**
 * The PostgreSQL side of the plan tests. SQLite plans without statistics, so its plan says which
 * index can serve a query; PostgreSQL's does too once sequential scans, bitmap scans and sorts
 * are priced out (`indexesOnly`): a Seq Scan or a Sort left in the plan has no index to replace it.
 */
export async function postgresPlan(db: Db, query: Compilable): Promise<string> {
  return (await explainPlan(db, query, { indexesOnly: true })).join('\n');
}

/** Statistics for the bulk fixture's tables, as a running server would have them. */
export const analyze = (db: Db) => sql`ANALYZE`.execute(db.kysely);

/** The plan reads `table` through `index` (an index or index-only scan, either direction), never a Seq Scan of it. */
export function assertIndexScan(text: string, table: string, index: string, options: { only?: boolean } = {}) {
  const scan = options.only ? 'Index Only Scan' : 'Index (Only )?Scan';
  assert.match(text, new RegExp(`${scan}( Backward)? using ${index} on ${table}\\b`), text);
  assert.doesNotMatch(text, new RegExp(`Seq Scan on ${table}\\b`), text);
}

/** The plan reads `table` by some index, never a Seq Scan of it (for tables the fixture leaves empty, where the planner's pick among indexes is a guess). */
export function assertSomeIndexScan(text: string, table: string) {
  assert.match(text, new RegExp(`Index (Only )?Scan( Backward)? using \\w+ on ${table}\\b`), text);
  assert.doesNotMatch(text, new RegExp(`Seq Scan on ${table}\\b`), text);
}

/** No sort of the rows (PostgreSQL's TEMP B-TREE): neither a Sort nor an Incremental Sort node. */
export const assertNoSort = (text: string) => assert.doesNotMatch(text, /\bSort\b/, text);
