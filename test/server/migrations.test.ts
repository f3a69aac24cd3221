import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { databaseName, type Db } from '../../server/db/connection.js';
import { DatabaseTooNewError, MigrationFilesError, migrate, migratePostgres, migrations, postgresVersion, readMigrations } from '../../server/db/migrations.js';
import { testDatabaseLocation, testDialect } from '../helpers/database.js';
import { all, run, sql, tableNames } from '../helpers/sql.js';

const SNAPSHOT = new URL('./fixtures/schema.sql', import.meta.url);
const bin = fileURLToPath(new URL('../../bin/partner-center.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pc-migrations-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The schema a database holds, as text: its version, then every table, index and trigger in
 * `sqlite_master` by type and name, each statement trimmed line by line (indentation is not schema).
 */
function schemaOf(sqlite: Sqlite.Database): string {
  const rows = sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
  const statements = rows.map(({ type, name, tbl_name, sql }) => {
    const text = (sql ?? '(implicit)')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    return `-- ${type} ${name} on ${tbl_name}\n${text};`;
  });
  return `-- user_version ${sqlite.pragma('user_version', { simple: true })}\n\n${statements.join('\n\n')}\n`;
}

function migrated(list = migrations): Sqlite.Database {
  const sqlite = new Sqlite(':memory:');
  migrate(sqlite, list);
  return sqlite;
}

/** A migrations folder holding `files` (name → SQL). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'dir-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout.trim(), err: stderr.trim() });
    });
  });
}

describe('migrations', () => {
  test('a new database gets exactly the schema in test/server/fixtures/schema.sql', () => {
    const actual = schemaOf(migrated());
    // After adding a migration, rewrite the snapshot with UPDATE_SCHEMA_SNAPSHOT=1 and review its diff.
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) writeFileSync(SNAPSHOT, actual);
    assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'));
  });

  test('a database upgraded one version at a time ends with the same schema as a new one', () => {
    const sqlite = new Sqlite(':memory:');
    for (let version = 1; version <= migrations.length; version++) migrate(sqlite, migrations.slice(0, version));
    assert.equal(schemaOf(sqlite), schemaOf(migrated()));
  });

  test('each migration is named by the first line of its file', () => {
    assert.equal(migrations[0]!.name, 'create partners, sessions and login failures');
    assert.equal(migrations[5]!.name, 'programs open to sign-up');
  });

  test('`partner-center migrate` finds the SQL files from any working folder, and says the version', async () => {
    const db = join(scratch, 'cli.sqlite');
    const first = await cli(scratch, 'migrate', '--db', db);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, `Migrated ${db} from schema version 0 to ${migrations.length}`);
    const again = await cli(tmpdir(), 'migrate', '--db', db);
    assert.equal(again.out, `${db} is up to date (schema version ${migrations.length})`);
    const sqlite = new Sqlite(db, { readonly: true });
    assert.equal(schemaOf(sqlite), readFileSync(SNAPSHOT, 'utf8'));
    sqlite.close();
  });

  test('a database newer than the code is refused and left as it was', async () => {
    const db = join(scratch, 'newer.sqlite');
    const sqlite = new Sqlite(db);
    sqlite.pragma(`user_version = ${migrations.length + 1}`);
    sqlite.close();
    const conn = new Sqlite(db);
    assert.throws(() => migrate(conn), DatabaseTooNewError);
    conn.close();
    const refused = await cli(scratch, 'migrate', '--db', db);
    assert.equal(refused.code, 2);
    assert.match(refused.err, new RegExp(`schema version ${migrations.length + 1}, newer than this Partner Center \\(${migrations.length}\\)`));
    const after = new Sqlite(db, { readonly: true });
    assert.equal(after.pragma('user_version', { simple: true }), migrations.length + 1);
    assert.deepEqual(after.prepare('SELECT name FROM sqlite_master').all(), []);
    after.close();
  });

  test('a migration that fails leaves the database at the version before it, with none of it applied', () => {
    const list = readMigrations(
      folder({
        '001-one.sql': '-- name: one\nCREATE TABLE one (id INTEGER PRIMARY KEY);',
        '002-two.sql': '-- name: two\nCREATE TABLE two (id INTEGER PRIMARY KEY);\nINSERT INTO missing VALUES (1);',
      }),
    );
    const sqlite = new Sqlite(':memory:');
    assert.throws(() => migrate(sqlite, list), /no such table: missing/);
    assert.equal(sqlite.pragma('user_version', { simple: true }), 1);
    assert.deepEqual(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all(), [{ name: 'one' }]);
  });

  test('the folder is read in number order, not name order, and other files are ignored', () => {
    const dir = folder({
      '002-a-second.sql': '-- name: second\nSELECT 2;',
      '001-z-first.sql': '-- name: first\nSELECT 1;',
      'README.md': 'notes',
    });
    assert.deepEqual(
      readMigrations(dir).map((m) => m.name),
      ['first', 'second'],
    );
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['a gap in the numbers', { '001-a.sql': '-- name: a\n', '003-c.sql': '-- name: c\n' }, /migration 002 is missing \(the next file is 003-c\.sql\)/],
    ['a number used twice', { '001-a.sql': '-- name: a\n', '002-b.sql': '-- name: b\n', '002-c.sql': '-- name: c\n' }, /002-b\.sql and 002-c\.sql both have number 2/],
    ['a folder that does not start at 001', { '002-b.sql': '-- name: b\n' }, /migration 001 is missing/],
    ['a file not named NNN-slug.sql', { '001-a.sql': '-- name: a\n', '2-b.sql': '-- name: b\n' }, /2-b\.sql: a migration is named like 001-create-partners\.sql/],
    ['a file without its name line', { '001-a.sql': 'CREATE TABLE a (id INTEGER);' }, /001-a\.sql: the first line must be "-- name: <what it does>"/],
  ];
  for (const [what, files, message] of refused) {
    test(`the runner refuses ${what}`, () => {
      assert.throws(() => readMigrations(folder(files)), (err: Error) => err instanceof MigrationFilesError && message.test(err.message));
    });
  }
});

/**
 * The schema a PostgreSQL database holds, as text: its version, every column (type, null, default),
 * index and constraint of the public tables, sorted.
 */
async function postgresSchemaOf(db: Db): Promise<string> {
  const columns = await all<{ line: string }>(
    db,
    sql`SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || is_identity AS line
        FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const indexes = await all<{ line: string }>(db, sql`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()`);
  const constraints = await all<{ line: string }>(
    db,
    sql`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conrelid <> 0`,
  );
  const lines = [...columns, ...indexes, ...constraints].map((r) => r.line).sort();
  return `-- version ${await postgresVersion(db.kysely)}\n${lines.join('\n')}\n`;
}

/** A PostgreSQL database with nothing in it (the test's database, its schema dropped), and the CLI flags naming it. */
async function emptyPostgres() {
  const location = await testDatabaseLocation();
  const db = await location.open();
  await sql`DROP SCHEMA public CASCADE`.execute(db.kysely);
  await sql`CREATE SCHEMA public`.execute(db.kysely);
  const url = location.env.DATABASE_URL!;
  return { location, db, url, name: databaseName({ databasePath: '', databaseUrl: url }), close: async () => (await db.close(), await location.drop()) };
}

// On a PostgreSQL server (TEST_POSTGRES_URL): these tests hold two databases at once (stepwise
// and fresh) or two sessions migrating at once, which in-process PGlite — one database, one
// session — cannot give; there PC_TEST_DB=postgres runs the rest of the suite.
if (testDialect === 'postgres' && process.env.TEST_POSTGRES_URL) {
  describe('migrations on PostgreSQL', () => {
    test('the same migrations bring an empty database to the current version, with the tables SQLite gets, from any working folder', async () => {
      const pg = await emptyPostgres();
      try {
        assert.deepEqual(await tableNames(pg.db), []);
        const first = await cli(scratch, 'migrate', '--database-url', pg.url);
        assert.equal(first.code, 0, first.err);
        assert.equal(first.out, `Migrated ${pg.name} from schema version 0 to ${migrations.length}`);
        const again = await cli(tmpdir(), 'migrate', '--database-url', pg.url);
        assert.equal(again.code, 0, again.err);
        assert.equal(again.out, `${pg.name} is up to date (schema version ${migrations.length})`);
        assert.equal(await postgresVersion(pg.db.kysely), migrations.length);
        const sqlite = migrated();
        const sqliteTables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
        sqlite.close();
        assert.deepEqual(await tableNames(pg.db), sqliteTables);
      } finally {
        await pg.close();
      }
    });

    test('a database upgraded one version at a time ends with the same schema as a new one', async () => {
      const [stepwise, fresh] = [await emptyPostgres(), await emptyPostgres()];
      try {
        for (let version = 1; version <= migrations.length; version++) {
          assert.deepEqual(await migratePostgres(stepwise.db.kysely, migrations.slice(0, version)), { from: version - 1, to: version });
        }
        assert.deepEqual(await migratePostgres(fresh.db.kysely), { from: 0, to: migrations.length });
        assert.equal(await postgresSchemaOf(stepwise.db), await postgresSchemaOf(fresh.db));
      } finally {
        await stepwise.close();
        await fresh.close();
      }
    });

    test('a database newer than the code is refused (DatabaseTooNewError) and left as it was', async () => {
      const pg = await emptyPostgres();
      try {
        await migratePostgres(pg.db.kysely);
        await run(pg.db, sql`UPDATE partner_center_schema SET version = ${migrations.length + 1}`);
        const before = await postgresSchemaOf(pg.db);
        await assert.rejects(migratePostgres(pg.db.kysely), DatabaseTooNewError);
        const refused = await cli(scratch, 'migrate', '--database-url', pg.url);
        assert.equal(refused.code, 2, refused.out);
        assert.match(refused.err, new RegExp(`schema version ${migrations.length + 1}, newer than this Partner Center \\(${migrations.length}\\)`));
        assert.equal(await postgresVersion(pg.db.kysely), migrations.length + 1);
        assert.equal(await postgresSchemaOf(pg.db), before);
      } finally {
        await pg.close();
      }
    });

    test('two instances migrating at once migrate once: one from 0, the other finds the schema current', async () => {
      const pg = await emptyPostgres();
      try {
        const answers = await Promise.all([cli(scratch, 'migrate', '--database-url', pg.url), cli(scratch, 'migrate', '--database-url', pg.url)]);
        for (const answer of answers) assert.equal(answer.code, 0, answer.err);
        assert.deepEqual(
          answers.map((a) => a.out).sort(),
          [`Migrated ${pg.name} from schema version 0 to ${migrations.length}`, `${pg.name} is up to date (schema version ${migrations.length})`],
        );
        assert.equal(await postgresVersion(pg.db.kysely), migrations.length);
        assert.deepEqual((await all(pg.db, sql`SELECT version FROM partner_center_schema`)).length, 1);
      } finally {
        await pg.close();
      }
    });

    test('a migration that fails leaves the database at the version before the run, with none of it applied', async () => {
      const pg = await emptyPostgres();
      try {
        const list = readMigrations(
          folder({
            '001-one.sql': '-- name: one\nCREATE TABLE one (id INTEGER PRIMARY KEY);',
            '002-two.sql': '-- name: two\nCREATE TABLE two (id INTEGER PRIMARY KEY);\nINSERT INTO missing VALUES (1);',
          }),
        );
        await migratePostgres(pg.db.kysely, list.slice(0, 1));
        await assert.rejects(migratePostgres(pg.db.kysely, list), /relation "missing" does not exist/);
        assert.equal(await postgresVersion(pg.db.kysely), 1);
        assert.deepEqual(await tableNames(pg.db), ['one']);
      } finally {
        await pg.close();
      }
    });
  });
}
