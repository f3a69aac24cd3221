import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import ts from 'typescript';
import type { Db } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrations.js';
import { testDatabase, testDialect } from '../helpers/database.js';
import { all, sql } from '../helpers/sql.js';

/**
 * The tables the code's types describe (the `Database` interface of server/db/schema.ts, read
 * with the TypeScript compiler) against the tables the migrations build (PRAGMA table_info of a
 * new database), so neither can change without the other.
 */

const SCHEMA_TS = fileURLToPath(new URL('../../server/db/schema.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/** What one column holds, in terms both sides can state. */
interface Column {
  /** the SQLite storage class: INTEGER, TEXT or BLOB */
  type: string;
  nullable: boolean;
  /** the only values allowed (a TS literal union; a SQL `CHECK (column IN (…))`), sorted */
  values?: string[];
  /** may an insert leave it out? (TS: `Generated<…>`; SQL: a default, nullable, or the rowid) */
  optional: boolean;
}
type Tables = Map<string, Map<string, Column>>;

function typesDescribe(): Tables {
  const { config } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(TSCONFIG));
  // the project's compiler options, with only the libraries schema.ts needs (twice as fast)
  const program = ts.createProgram([SCHEMA_TS], { ...options, noEmit: true, lib: ['lib.es2023.d.ts'], types: ['node'] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(SCHEMA_TS)!)!;
  const database = checker.getExportsOfModule(module).find((symbol) => symbol.name === 'Database');
  assert.ok(database, 'server/db/schema.ts exports no Database interface');

  const storage = (type: ts.Type): string => {
    if (type.flags & ts.TypeFlags.NumberLike || type.flags & ts.TypeFlags.BooleanLike) return 'INTEGER';
    if (type.flags & ts.TypeFlags.StringLike) return 'TEXT';
    if (type.getSymbol()?.name === 'Buffer' || type.getSymbol()?.name === 'Uint8Array') return 'BLOB';
    return `${checker.typeToString(type)} (no SQLite type)`;
  };
  const tables: Tables = new Map();
  for (const table of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(database))) {
    const columns = new Map<string, Column>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      let type = checker.getTypeOfSymbol(column);
      let optional = false;
      const select = type.getProperty('__select__'); // Kysely's ColumnType / Generated
      if (select) {
        const insert = checker.getTypeOfSymbol(type.getProperty('__insert__')!);
        optional = (insert.isUnion() ? insert.types : [insert]).some((t) => t.flags & ts.TypeFlags.Undefined);
        type = checker.getTypeOfSymbol(select);
      }
      const all = type.isUnion() ? type.types : [type];
      const members = all.filter((t) => !(t.flags & ts.TypeFlags.Null));
      const literals = members.every((t) => t.isLiteral()) ? members.map((t) => String((t as ts.LiteralType).value)).sort() : undefined;
      columns.set(column.name, {
        type: [...new Set(members.map(storage))].join(' mixed with '),
        nullable: members.length < all.length,
        ...(literals && { values: literals }),
        optional,
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function migrationsBuild(): Tables {
  const sqlite = new Sqlite(':memory:');
  migrate(sqlite);
  const tables: Tables = new Map();
  const all = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  for (const { name, sql } of all) {
    const info = sqlite.pragma(`table_info(${JSON.stringify(name)})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const checks = new Map(
      [...sql.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)].map(([, column, list]) => [
        column!,
        list!.split(',').map((value) => value.trim().replace(/^'(.*)'$/, '$1')).sort(),
      ]),
    );
    const rowid = info.filter((c) => c.pk).length === 1 ? info.find((c) => c.pk && c.type.toUpperCase() === 'INTEGER')?.name : undefined;
    const columns = new Map<string, Column>();
    for (const column of info) {
      // A primary key is never null (SQLite would take one in a non-INTEGER key; the code never writes one).
      const nullable = !column.notnull && !column.pk;
      const values = checks.get(column.name);
      columns.set(column.name, {
        type: column.type.toUpperCase(),
        nullable,
        ...(values && { values }),
        optional: nullable || column.dflt_value !== null || column.name === rowid,
      });
    }
    tables.set(name, columns);
  }
  sqlite.close();
  return tables;
}

/** PostgreSQL's column types, as the SQLite storage classes the migrations wrote (toPostgres() translated them). */
const storageOf: Record<string, string> = { int8: 'INTEGER', text: 'TEXT', citext: 'TEXT', bytea: 'BLOB' };

/** The tables a migrated PostgreSQL database holds (information_schema and its CHECK constraints), in the same terms. */
async function postgresBuilt(db: Db): Promise<Tables> {
  const columns = await all<{ table: string; name: string; type: string; nullable: string; dflt: string | null; identity: string }>(
    db,
    sql`SELECT table_name AS "table", column_name AS name, udt_name AS type, is_nullable AS nullable, column_default AS dflt, is_identity AS identity
        FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'partner_center_schema' ORDER BY table_name, ordinal_position`,
  );
  const checks = await all<{ table: string; def: string }>(
    db,
    sql`SELECT conrelid::regclass::text AS "table", pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'c' AND connamespace = current_schema()::regnamespace AND conrelid <> 0`,
  );
  const values = new Map<string, string[]>();
  for (const { table, def } of checks) {
    // CHECK ((status = ANY (ARRAY['active'::text, …]))) is the translation of CHECK (status IN ('active', …))
    const match = /^CHECK \(\(\(?(\w+)\)?(?:::\w+)? = ANY \(\(?ARRAY\[(.*)\]/.exec(def);
    // each element is 'active'::text or (0)::bigint
    if (match) values.set(`${table}.${match[1]}`, [...match[2]!.matchAll(/'([^']*)'|\((-?\d+)\)/g)].map((m) => (m[1] ?? m[2])!).sort());
  }
  const tables: Tables = new Map();
  for (const c of columns) {
    if (!tables.has(c.table)) tables.set(c.table, new Map());
    const nullable = c.nullable === 'YES';
    const allowed = values.get(`${c.table}.${c.name}`);
    tables.get(c.table)!.set(c.name, {
      type: storageOf[c.type] ?? `${c.type} (no SQLite type)`,
      nullable,
      ...(allowed && { values: allowed }),
      optional: nullable || c.dflt !== null || c.identity === 'YES',
    });
  }
  return tables;
}

/** Every way the two disagree, one line each, naming table.column. */
function differences(types: Tables, database: Tables): string[] {
  const problems: string[] = [];
  const show = (c: Column) => `${c.type}${c.nullable ? ' or null' : ''}${c.values ? ` in (${c.values.join(', ')})` : ''}`;
  for (const table of new Set([...types.keys(), ...database.keys()])) {
    const described = types.get(table);
    const built = database.get(table);
    if (!described) {
      problems.push(`${table}: the migrations build it; the Database interface in server/db/schema.ts has no such table`);
      continue;
    }
    if (!built) {
      problems.push(`${table}: the Database interface in server/db/schema.ts has it; the migrations build no such table`);
      continue;
    }
    for (const name of new Set([...described.keys(), ...built.keys()])) {
      const [t, d] = [described.get(name), built.get(name)];
      const where = `${table}.${name}`;
      if (!t) problems.push(`${where}: the migrations build it (${show(d!)}); server/db/schema.ts does not describe it`);
      else if (!d) problems.push(`${where}: server/db/schema.ts describes it (${show(t)}); the migrations build no such column`);
      else {
        if (t.type !== d.type || t.nullable !== d.nullable || String(t.values) !== String(d.values)) {
          problems.push(`${where}: server/db/schema.ts says ${show(t)}; the migrations build ${show(d)}`);
        }
        // Generated<…> lets an insert leave a column out: the database must then have a value for it.
        if (t.optional && !d.optional) problems.push(`${where}: server/db/schema.ts marks it Generated, but the migrations give it no default`);
      }
    }
  }
  return problems;
}

describe('schema types against migrations', () => {
  const database = migrationsBuild();
  let described: Tables | undefined;
  const types = () => (described ??= typesDescribe());

  test('the Database interface describes every table and column the migrations build, with the same types', () => {
    assert.deepEqual(differences(types(), database), []);
  });

  test(`the database the tests run on (${testDialect}) has the tables and columns the migrations build`, async () => {
    const db = await testDatabase();
    try {
      if (db.dialect === 'postgres') assert.deepStrictEqual(await postgresBuilt(db), database);
      else assert.deepEqual((await all<{ name: string }>(db, sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map((t) => t.name), [...database.keys()].sort());
    } finally {
      await db.close();
    }
  });

  test('a column on one side only, or a type that differs, is named table.column', () => {
    const drifted = structuredClone(database);
    drifted.get('partners')!.set('nickname', { type: 'TEXT', nullable: true, optional: true });
    drifted.get('sales')!.set('amount', { type: 'TEXT', nullable: false, optional: false });
    drifted.get('sessions')!.delete('revoked_at');
    assert.deepEqual(differences(types(), drifted), [
      'partners.nickname: the migrations build it (TEXT or null); server/db/schema.ts does not describe it',
      'sessions.revoked_at: server/db/schema.ts describes it (INTEGER or null); the migrations build no such column',
      'sales.amount: server/db/schema.ts says INTEGER; the migrations build TEXT',
    ]);
  });
});
