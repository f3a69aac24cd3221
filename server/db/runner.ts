import type Sqlite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { Db } from './connection.js';
import type { Executor } from './executor.js';

/** A Kysely query (select, insert, update) as the runner needs it: compilable, executable. */
export interface RunnableQuery<R> {
  compile(): CompiledQuery<R>;
  execute(): Promise<R[]>;
}

/**
 * Runs queries built with Kysely inside an open transaction. Code that decides (a sale, its
 * commissions and ledger rows) is written once against this; two thin executors run it:
 * on PostgreSQL Kysely's own (async, pooled), on SQLite each query's SQL as a better-sqlite3
 * statement prepared once and run synchronously on the raw connection — Kysely's async driver
 * pipeline costs more than the query itself (seen in a profile of POST /api/v1/track/sales).
 */
export interface Runner {
  /** the query builder of the open transaction: build queries with it, run them with all/first */
  db: Executor;
  all<R>(query: RunnableQuery<R>): Promise<R[]>;
  first<R>(query: RunnableQuery<R>): Promise<R | undefined>;
  /** the first row, which must be there (an insert's `returning`) */
  one<R>(query: RunnableQuery<R>): Promise<R>;
  /** reads kept for the rest of the transaction, by key (see {@link keptRead}); absent: nothing is kept */
  readonly kept?: Map<string, Promise<unknown>>;
}

/**
 * `read()` once per transaction when `run` keeps reads, else at every call: for what the
 * transaction's own writes never change — the merchant's settings, mail templates, webhook
 * endpoints, a program's terms. A batch of sales keeps them, so its sales read each once
 * instead of once a sale (eight of the 21 statements a sale alone runs).
 */
export function keptRead<T>(run: Runner, key: string, read: () => Promise<T>): Promise<T> {
  if (!run.kept) return read();
  let kept = run.kept.get(key) as Promise<T> | undefined;
  if (!kept) run.kept.set(key, (kept = read()));
  return kept;
}

const theRow = <R>(rows: R[]): R => {
  if (!rows.length) throw new Error('the query returned no row');
  return rows[0]!;
};

/** Kysely's own executor (PostgreSQL; and any caller outside a SQLite transaction). */
export const kyselyRunner = (db: Executor): Runner => ({
  db,
  all: (query) => query.execute(),
  first: async (query) => (await query.execute())[0],
  one: async (query) => theRow(await query.execute()),
});

const statements = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();
const MAX_STATEMENTS = 200;

function prepared(sqlite: Sqlite.Database, sql: string): Sqlite.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(sql, (statement = sqlite.prepare(sql)));
  }
  return statement;
}

/** Runs one compiled query on the raw connection now: the rows it returns (none for a plain write). */
function runNow<R>(sqlite: Sqlite.Database, query: RunnableQuery<R>): R[] {
  const { sql, parameters } = query.compile();
  const statement = prepared(sqlite, sql);
  if (statement.reader) return statement.all(parameters as unknown[]) as R[];
  statement.run(parameters as unknown[]);
  return [];
}

/**
 * The runner for `trx`, a transaction open on `db`. On SQLite only call it inside that
 * transaction: Kysely holds its one connection for the transaction, so statements run on the
 * raw handle belong to it and no other request's queries come in between. `keepReads`: the
 * runner keeps what {@link keptRead} reads, for the transaction's life.
 */
export function transactionRunner(db: Db, trx: Executor, options: { keepReads?: boolean } = {}): Runner {
  const kept = options.keepReads ? { kept: new Map<string, Promise<unknown>>() } : {};
  if (db.dialect !== 'sqlite') return { ...kyselyRunner(trx), ...kept };
  const sqlite = db.sqlite;
  return {
    ...kept,
    db: trx,
    all: async (query) => runNow(sqlite, query),
    first: async (query) => runNow(sqlite, query)[0],
    one: async (query) => theRow(runNow(sqlite, query)),
  };
}

/** A runner or a plain query builder (callers that have not moved to runners). */
export const asRunner = (db: Runner | Executor): Runner => ('all' in db && 'first' in db ? db : kyselyRunner(db as Executor));
