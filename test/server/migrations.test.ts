import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { migrate, migrations } from '../../server/db/migrations.js';

const SNAPSHOT = new URL('./fixtures/schema.sql', import.meta.url);

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
});
