import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, openPostgres, type Db } from './connection.js';

/** What `db copy` did: rows per table, and the partners whose balances it checked. */
export interface CopyReport {
  tables: { name: string; rows: number }[];
  partners: number;
  /** the sum of every partner's balance, in cents, the same on both sides */
  balances: number;
}

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** The tables of a SQLite database in an order that inserts no row before a row it refers to. */
function tablesInOrder(source: Db): string[] {
  const names = (source.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const refers = new Map(names.map((n) => [n, (source.sqlite.prepare(`PRAGMA foreign_key_list("${n}")`).all() as { table: string }[]).map((f) => f.table).filter((t) => t !== n)]));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of refers.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

const BATCH = 500;

/**
 * Moves a Partner Center installation from its SQLite file to an empty PostgreSQL database:
 * - reads a consistent snapshot of the file (SQLite's online backup, so the server may keep
 *   serving — what it writes after the snapshot is not copied: stop it, or copy again);
 * - brings the target to the same schema version and refuses it unless every table is empty;
 * - copies every row of every table in one transaction (so a failed copy leaves the target
 *   empty), parents before the rows that refer to them and each table in id order, then moves
 *   each identity sequence past the highest id;
 * - verifies the row count of every table and every partner's balance (the stored balance
 *   and the sum of their ledger) on both sides, and throws if anything differs.
 */
export async function copyToPostgres(fromFile: string, toUrl: string, log: (line: string) => void = () => {}): Promise<CopyReport> {
  const dir = mkdtempSync(join(tmpdir(), 'pc-copy-'));
  let source: Db | undefined;
  let target: Db | undefined;
  try {
    const live = openDatabase(fromFile);
    const snapshot = join(dir, 'snapshot.sqlite');
    try {
      await live.sqlite.backup(snapshot);
    } finally {
      await live.close();
    }
    source = openDatabase(snapshot);
    target = await openPostgres(toUrl, { max: 2 });
    const tables = tablesInOrder(source);
    for (const name of tables) {
      const row = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(name)} LIMIT 1`.execute(target.kysely);
      if (row.rows.length) throw new CopyRefusedError(`The target database is not empty (table ${name} has rows): copy only into a new, empty database`);
    }
    const report: CopyReport = { tables: [], partners: 0, balances: 0 };
    const src = source;
    await target.kysely.transaction().execute(async (trx) => {
      for (const name of tables) {
        const columns = (src.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[]);
        const order = columns.some((c) => c.name === 'id') ? 'id' : 'rowid';
        const read = src.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`);
        let batch: Record<string, unknown>[] = [];
        let rows = 0;
        const flush = async () => {
          if (!batch.length) return;
          await trx.insertInto(name as never).values(batch as never).execute();
          rows += batch.length;
          batch = [];
        };
        for (const row of read.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (columns.some((c) => c.name === 'id' && c.pk === 1)) {
          await sql`SELECT setval(pg_get_serial_sequence(${name}, 'id'), coalesce((SELECT max(id) FROM ${sql.table(name)}), 0) + 1, false)`.execute(trx);
        }
        report.tables.push({ name, rows });
        log(`  ${name.padEnd(28)} ${String(rows).padStart(9)} rows`);
      }
    });
    // verify: the same number of rows everywhere, and every partner's balance on both sides
    for (const { name, rows } of report.tables) {
      const copied = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(target.kysely)).rows[0]!.n);
      if (copied !== rows) throw new Error(`Verification failed: ${name} has ${rows} rows in the file but ${copied} in PostgreSQL`);
    }
    const balancesQuery = sql<{ id: number; stored: number | null; ledger: number | null }>`
      SELECT p.id, b.balance AS stored, (SELECT sum(amount) FROM ledger_entries l WHERE l.partner_id = p.id) AS ledger
      FROM partners p LEFT JOIN partner_balances b ON b.partner_id = p.id ORDER BY p.id`;
    const before = (await balancesQuery.execute(source.kysely)).rows;
    const after = new Map((await balancesQuery.execute(target.kysely)).rows.map((r) => [r.id, r]));
    for (const b of before) {
      const a = after.get(b.id);
      const same = a && Number(a.stored ?? 0) === Number(b.stored ?? 0) && Number(a.ledger ?? 0) === Number(b.ledger ?? 0);
      if (!same) throw new Error(`Verification failed: partner ${b.id}'s balance differs between the file and PostgreSQL`);
      if (Number(b.stored ?? 0) !== Number(b.ledger ?? 0)) log(`  note: partner ${b.id}'s stored balance ${b.stored} is not the sum of their ledger ${b.ledger} (copied as it is)`);
      report.balances += Number(b.stored ?? 0);
    }
    report.partners = before.length;
    return report;
  } finally {
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
