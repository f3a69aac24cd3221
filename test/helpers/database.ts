import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, openPostgres, type Db } from '../../server/db/connection.js';
import { migratePostgres, migrations } from '../../server/db/migrations.js';

/**
 * The database a test server runs on. `PC_TEST_DB=postgres` runs the server suite on
 * PostgreSQL (`npm test` runs it once on each database): then each test database is a fresh
 * database created on the server at `TEST_POSTGRES_URL` from a migrated template (dropped when
 * the test closes it), or — with no `TEST_POSTGRES_URL` — PostgreSQL in-process (PGlite on a
 * loopback port, reached through the same `pg` driver), emptied for each test.
 * Otherwise an in-memory SQLite database.
 */
export const testDialect: 'sqlite' | 'postgres' = process.env.PC_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export async function testDatabase(): Promise<Db> {
  if (testDialect === 'sqlite') return openDatabase(':memory:');
  return process.env.TEST_POSTGRES_URL ? serverDatabase(process.env.TEST_POSTGRES_URL) : inProcessDatabase();
}

/** A URL naming another database on the same server. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let template: Promise<string> | undefined;

/** A database migrated once per version of the migrations, that each test database copies. */
function migratedTemplate(url: string): Promise<string> {
  template ??= (async () => {
    const name = `pc_template_${migrations.length}_${hashOfMigrations()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // test processes start together: one creates the template, the others wait for it
      await admin.query('SELECT pg_advisory_lock(7461226532)');
      // databases of test processes that were killed before they could drop theirs
      const left = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'pc\\_test\\_%'");
      for (const { datname } of left.rows as { datname: string }[]) {
        const pid = Number(/^pc_test_(\d+)_/.exec(datname)?.[1]);
        if (pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!found.rowCount) {
        await admin.query(`CREATE DATABASE ${name}`);
        const db = await openPostgres(withDatabase(url, name), { max: 1 });
        await db.close();
      }
      await admin.query('SELECT pg_advisory_unlock(7461226532)');
    } finally {
      await admin.end();
    }
    return name;
  })();
  return template;
}

/** Whether a process of this machine still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hashOfMigrations(): string {
  let h = 0;
  for (const m of migrations) for (let i = 0; i < m.sql.length; i++) h = (Math.imul(h, 31) + m.sql.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** This process's test databases that a closed test left behind, to empty and use again (creating one costs ~0.6 s, emptying one ms). */
const free: string[] = [];
const created: string[] = [];

/**
 * Empties every table and restarts the ids, foreign keys aside for the moment (tests only:
 * needs a superuser, as the local test server's `postgres` is).
 */
async function empty(db: Db): Promise<void> {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'partner_center_schema'`.execute(db.kysely);
  const sequences = await sql<{ name: string }>`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`.execute(db.kysely);
  await db.kysely.connection().execute(async (c) => {
    await sql`SET session_replication_role = replica`.execute(c);
    await sql.raw(tables.rows.map((t) => `DELETE FROM "${t.name}";`).join('\n')).execute(c);
    if (sequences.rows.length) await sql.raw(sequences.rows.map((q) => `ALTER SEQUENCE "${q.name}" RESTART;`).join('\n')).execute(c);
    await sql`SET session_replication_role = DEFAULT`.execute(c);
  });
}

async function serverDatabase(url: string): Promise<Db> {
  let name = free.pop();
  const reused = Boolean(name);
  if (!name) {
    const from = await migratedTemplate(url);
    name = `pc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${from}`);
    } finally {
      await admin.end();
    }
    if (!created.length) process.once('beforeExit', () => void dropCreated(url));
    created.push(name);
  }
  // a test's commits need not wait for the disk (never so outside the tests)
  const target = new URL(withDatabase(url, name));
  target.searchParams.set('options', '-c synchronous_commit=off');
  const db = await openPostgres(target.toString(), { max: 4 });
  if (reused) await empty(db);
  const close = db.close.bind(db);
  let closed = false;
  db.close = async () => {
    if (closed) return;
    closed = true;
    await close();
    free.push(name);
  };
  return db;
}

/** Drops this process's test databases once its tests are done. */
async function dropCreated(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

let inProcess: Promise<string> | undefined;

/** PGlite served on a loopback port, one per test process; every test database empties it first. */
async function inProcessDatabase(): Promise<Db> {
  inProcess ??= (async () => {
    const [{ PGlite }, { citext }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/citext'),
      import('@electric-sql/pglite-socket'),
    ]);
    const pglite = await PGlite.create({ extensions: { citext } });
    // several pools may connect (a test's own and a server's); PGlite runs their queries one at a
    // time and keeps an open transaction to its connection
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 64 });
    await server.start();
    // the test process ends when its tests do, whatever this server still holds
    (server as unknown as { server: import('node:net').Server | null }).server?.unref();
    // and so does every server process a test starts (it inherits this environment): pooled
    // connections would interleave their statements in the one session PGlite has
    process.env.DATABASE_POOL_SIZE = '1';
    return `postgres://postgres@${server.getServerConn()}/postgres`;
  })();
  const url = await inProcess;
  // one PostgreSQL session serves every connection here: one connection per database
  const db = await openPostgres(url, { max: 1 });
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'partner_center_schema'`.execute(db.kysely);
  if (tables.rows.length) await sql.raw(`TRUNCATE ${tables.rows.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`).execute(db.kysely);
  await migratePostgres(db.kysely);
  return db;
}

/**
 * Where a server or CLI process the test starts finds its own empty database: a SQLite file
 * in `dir` (default a new temporary folder), or — with PC_TEST_DB=postgres — a fresh migrated
 * PostgreSQL database. `args` are the CLI flags naming it (`--db <file>` or `--database-url <url>`),
 * `env` the environment variables (DATABASE_PATH or DATABASE_URL), `config` the Config fields;
 * `open()` connects this test to the same database; `drop()` removes it.
 */
export async function testDatabaseLocation(dir?: string, dialect: 'sqlite' | 'postgres' = testDialect) {
  if (dialect === 'sqlite') {
    const folder = dir ?? mkdtempSync(join(tmpdir(), 'pc-db-'));
    const file = join(folder, 'partner-center.sqlite');
    return {
      args: ['--db', file],
      env: { DATABASE_PATH: file } as Record<string, string>,
      config: { databasePath: file } as { databasePath: string; databaseUrl?: string },
      open: async () => openDatabase(file),
      drop: async () => {
        if (!dir) rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await emptyPostgres();
  return {
    args: ['--database-url', url],
    env: { DATABASE_URL: url } as Record<string, string>,
    config: { databasePath: ':unused:', databaseUrl: url } as { databasePath: string; databaseUrl?: string },
    open: async () => openPostgres(url, { max: process.env.TEST_POSTGRES_URL ? 4 : 1 }),
    drop,
  };
}

/**
 * A new empty (migrated) PostgreSQL database whatever PC_TEST_DB says — on the server at
 * TEST_POSTGRES_URL, else the in-process PGlite (emptied; one at a time) — and how to drop it.
 */
export async function emptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_POSTGRES_URL) {
    const base = process.env.TEST_POSTGRES_URL;
    const name = `pc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(base)}`).finally(() => admin.end());
    return {
      url: withDatabase(base, name),
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
      },
    };
  }
  const db = await inProcessDatabase();
  await db.close();
  return { url: await inProcess!, drop: async () => {} };
}
