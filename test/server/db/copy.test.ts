import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../server/app.js';
import { configSchema } from '../../../server/config.js';
import { openDatabase, openPostgres, type Db } from '../../../server/db/connection.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../../server/demo/seed.js';
import { runCli } from '../../helpers/cli.js';
import { emptyPostgres } from '../../helpers/database.js';
import { all, sql, tableNames } from '../../helpers/sql.js';

/** The CLI in-process, what it printed on either stream in one string. */
async function cli(argv: string[]) {
  const run = await runCli('', ...argv);
  return { code: run.code, out: `${run.out}\n${run.err}` };
}

/** The ledger page the demo partner reads, through the real routes. */
async function demoLedger(db: Db) {
  const app = createApp({ db, config: configSchema.parse({ databasePath: ':unused:' }), clock: Date.now });
  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(DEMO_CREDENTIALS) });
  assert.equal(login.status, 200);
  const { token } = (await login.json()) as { token: string };
  const ledger = await app.request('/api/v1/partner/ledger', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(ledger.status, 200);
  return ledger.json();
}

describe('partner-center db copy: from the SQLite file to PostgreSQL', () => {
  let dir: string;
  let file: string;
  let target: { url: string; drop: () => Promise<void> };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-copy-test-'));
    file = join(dir, 'partner-center.sqlite');
    const db = openDatabase(file);
    await seedDemo({ db, config: configSchema.parse({ databasePath: file, demo: true }), clock: Date.now });
    await db.close();
    target = await emptyPostgres();
  });
  after(async () => {
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('copies every row, moves the id sequences on, verifies, and the partner reads the same ledger on PostgreSQL', async () => {
    const run = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /Copied \d+ rows in \d+ tables\. Verified/);
    const sqlite = openDatabase(file);
    const pg = await openPostgres(target.url, { max: 1 });
    try {
      assert.deepEqual(await tableNames(pg), await tableNames(sqlite));
      for (const name of await tableNames(sqlite)) {
        const count = async (db: Db) => (await all<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.table(name)}`))[0]!.n;
        assert.equal(await count(pg), await count(sqlite), `rows of ${name}`);
      }
      assert.deepEqual(await demoLedger(pg), await demoLedger(sqlite));
      // the next id continues after the copied ones
      const [{ max }] = await all<{ max: number }>(sqlite, sql`SELECT max(id) AS max FROM ledger_entries`) as [{ max: number }];
      const [{ id }] = await all<{ id: number }>(pg, sql`INSERT INTO audit_log (at, actor_type, actor, action, target_type) VALUES (1, 'cli', 'test', 'test', 'test') RETURNING id`) as [{ id: number }];
      const [{ top }] = await all<{ top: number }>(sqlite, sql`SELECT max(id) AS top FROM audit_log`) as [{ top: number }];
      assert.ok(max > 0);
      assert.equal(id, top + 1);
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });

  test('a target that is not empty is refused, and nothing is written', async () => {
    const pg = await openPostgres(target.url, { max: 1 });
    const before = (await all<{ n: number }>(pg, sql`SELECT count(*) AS n FROM ledger_entries`))[0]!.n;
    const run = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    assert.equal(run.code, 2);
    assert.match(run.out, /not empty \(table \w+ has rows\)/);
    assert.equal((await all<{ n: number }>(pg, sql`SELECT count(*) AS n FROM ledger_entries`))[0]!.n, before);
    await pg.close();
  });

  test('bad arguments are named', async () => {
    assert.match((await cli(['db', 'copy', '--to', target.url])).out, /--from <file> is required/);
    assert.match((await cli(['db', 'copy', '--from', file, '--to', file])).out, /--to must be a postgres:\/\/ URL/);
    const missing = join(dir, 'missing.sqlite');
    const absent = await cli(['db', 'copy', '--from', missing, '--to', target.url]);
    assert.equal(absent.code, 2);
    assert.match(absent.out, /missing\.sqlite does not exist/);
    assert.equal(existsSync(missing), false, 'no file is created in its place');
    const unreachable = await cli(['db', 'copy', '--from', file, '--to', 'postgres://pc:secret@127.0.0.1:1/none']);
    assert.equal(unreachable.code, 2, unreachable.out);
    assert.match(unreachable.out, /cannot use postgres:\/\/pc:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
    // any command on an unreachable DATABASE_URL: one line, exit 2
    const migrate = await cli(['migrate', '--database-url', 'postgres://pc@127.0.0.1:1/none']);
    assert.equal(migrate.code, 2, migrate.out);
    assert.match(migrate.out, /partner-center migrate: cannot use the PostgreSQL database \(DATABASE_URL \/ --database-url\): connect ECONNREFUSED/);
  });
});
