import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

export interface Db {
  /** The query builder every module uses. */
  kysely: Kysely<Database>;
  /** The raw connection, for the db folder only (migrations, backups, prepared hot paths). */
  sqlite: Sqlite.Database;
  close(): Promise<void>;
}

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
  let closed = false;
  return {
    kysely,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // closes the better-sqlite3 connection too
    },
  };
}
