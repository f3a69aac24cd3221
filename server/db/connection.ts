import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { backgroundCheckpoints, type BackgroundCheckpoints } from './checkpoints.js';
import type { Dialect } from './dialect.js';
import { migrate, migratePostgres } from './migrations.js';
import type { Database } from './schema.js';

export interface Db {
  /** The query builder every module uses. */
  kysely: Kysely<Database>;
  /** Which database this is: embedded SQLite (the default) or PostgreSQL (`DATABASE_URL`). */
  dialect: Dialect;
  /**
   * SQLite only — the raw connection, for the db folder only (migrations, backups, prepared hot
   * paths); on PostgreSQL reading it throws.
   */
  sqlite: Sqlite.Database;
  /** PostgreSQL only: the connection pool. */
  pool?: pg.Pool;
  /** SQLite files only: WAL checkpoints in a worker thread, once started (the redirect's hot path starts them). */
  checkpoints?: BackgroundCheckpoints;
  close(): Promise<void>;
}

/** Whether `location` names a PostgreSQL database (a `postgres://` or `postgresql://` URL) rather than a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);

/**
 * Kysely's SQLite driver prepares every query it runs; this hands it each distinct SQL text's
 * statement prepared once (at most `size` kept, the oldest dropped first). Safe because Kysely
 * runs one query at a time on the connection and never leaves a statement iterating.
 */
function withStatementCache(sqlite: Sqlite.Database, size = 500) {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // keep the most recently used last
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Opens (creating when missing) the SQLite database at `path` — `:memory:` for a throw-away
 * one — with WAL and foreign keys on, and brings its schema up to date.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  if (options.migrate !== false) migrate(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const checkpoints = path === ':memory:' ? undefined : backgroundCheckpoints(sqlite, path);
  let closed = false;
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    ...(checkpoints && { checkpoints }),
    async close() {
      if (closed) return;
      closed = true;
      await checkpoints?.stop(); // first: the last connection to close checkpoints and removes the WAL
      await kysely.destroy(); // closes the better-sqlite3 connection too
    },
  };
}

// PostgreSQL's 64-bit integers (ids, milliseconds, cents, count(*)) and numerics (sum() of
// them) arrive as strings from pg; every one of ours is an integer well inside 2^53
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Connects to the PostgreSQL database at `url` through a `pg` pool of `max` connections
 * (default 10) and brings its schema up to date (the same migrations as SQLite's).
 */
export async function openPostgres(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: types as pg.CustomTypesConfig });
  // an idle connection the server dropped must not take the process down
  pool.on('error', (err) => console.error('[partner-center] PostgreSQL connection error:', err.message));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.migrate !== false) await migratePostgres(kysely);
  } catch (err) {
    await kysely.destroy();
    throw err;
  }
  let closed = false;
  return {
    kysely,
    dialect: 'postgres',
    get sqlite(): Sqlite.Database {
      throw new Error('This needs the SQLite database; Partner Center runs on PostgreSQL here');
    },
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // ends the pool
    },
  };
}

/** The database a config names, for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseName(config: { databaseUrl?: string | undefined; databasePath: string }): string {
  if (!config.databaseUrl) return config.databasePath;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

/** Opens the database a server or command runs on: PostgreSQL when `databaseUrl` is set, else the SQLite file at `databasePath`. */
export async function connectDatabase(config: { databaseUrl?: string | undefined; databasePath: string; databasePoolSize?: number }, options: { migrate?: boolean } = {}): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, { ...options, max: config.databasePoolSize }) : openDatabase(config.databasePath, options);
}
