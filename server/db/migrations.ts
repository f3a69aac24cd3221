import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Numbered schema migrations, one SQL file each in `server/db/migrations/`: `001-<slug>.sql`,
 * `002-<slug>.sql`, … whose first line is `-- name: <what it does>`. The version of a database
 * is `PRAGMA user_version`, and migration N brings a database from version N-1 to N in one
 * transaction. Never edit a migration that has shipped; add a new file with the next number.
 *
 * Times are integer milliseconds since the epoch (UTC); money is integer minor units (cents).
 * The column types the code reads and writes are in schema.ts (a test checks the two agree).
 */
export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_NAME = /^(\d{3,})-[a-z0-9]+(?:-[a-z0-9]+)*\.sql$/;
const NAME_LINE = /^-- name: (\S.*)$/;

/** A migrations folder the runner cannot trust: a gap, a number used twice, a misnamed file. */
export class MigrationFilesError extends Error {
  override name = 'MigrationFilesError';
}

/** Reads the migrations in `dir` in version order (index + 1 = version). */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const number = FILE_NAME.exec(file)?.[1];
      if (!number) throw new MigrationFilesError(`${join(dir, file)}: a migration is named like 001-create-partners.sql`);
      return { file, version: Number(number) };
    })
    .sort((a, b) => a.version - b.version);
  return files.map(({ file, version }, index) => {
    if (version === files[index - 1]?.version) {
      throw new MigrationFilesError(`${dir}: ${files[index - 1]!.file} and ${file} both have number ${version}`);
    }
    if (version !== index + 1) {
      throw new MigrationFilesError(`${dir}: migration ${String(index + 1).padStart(3, '0')} is missing (the next file is ${file})`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    const name = NAME_LINE.exec(sql.split('\n', 1)[0]!.trimEnd())?.[1];
    if (!name) throw new MigrationFilesError(`${join(dir, file)}: the first line must be "-- name: <what it does>"`);
    return { name, sql };
  });
}

/** Every migration of this Partner Center; index + 1 = version. */
export const migrations: Migration[] = readMigrations();

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
}

/** Applies every migration the database has not seen yet. Returns the versions applied. */
export function migrate(sqlite: BetterSqlite3.Database, list: Migration[] = migrations): { from: number; to: number } {
  const from = sqlite.pragma('user_version', { simple: true }) as number;
  if (from > list.length) {
    throw new DatabaseTooNewError(
      `The database is at schema version ${from}, newer than this Partner Center (${list.length}). Upgrade Partner Center or use a backup.`,
    );
  }
  for (let version = from + 1; version <= list.length; version++) {
    const migration = list[version - 1]!;
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to: list.length };
}
