import { existsSync } from 'node:fs';
import type { Db } from './connection.js';

/** Said when `backup` is asked of a PostgreSQL database: the server has its own tools for that. */
export class BackupNotSupportedError extends Error {
  override name = 'BackupNotSupportedError';
  constructor() {
    super(
      'backup copies a SQLite database; this Partner Center runs on PostgreSQL, which has its own backups: use pg_dump (e.g. pg_dump --format=custom --file=partner-center.dump "$DATABASE_URL") or your host\'s snapshots',
    );
  }
}

/**
 * Copies the live database to `file` with SQLite's online backup: consistent even while the
 * server writes, and the server keeps serving. Refuses to overwrite an existing file unless told.
 * On PostgreSQL it refuses ({@link BackupNotSupportedError}): pg_dump is the backup there.
 */
export async function backupDatabase(db: Db, file: string, options: { overwrite?: boolean } = {}): Promise<{ pages: number }> {
  if (db.dialect === 'postgres') throw new BackupNotSupportedError();
  if (!options.overwrite && existsSync(file)) throw new Error(`${file} exists already; choose a new file name or pass --force`);
  const result = await db.sqlite.backup(file);
  return { pages: result.totalPages };
}
