import { existsSync } from 'node:fs';
import type { Db } from './connection.js';

/**
 * Copies the live database to `file` with SQLite's online backup: consistent even while the
 * server writes, and the server keeps serving. Refuses to overwrite an existing file unless told.
 */
export async function backupDatabase(db: Db, file: string, options: { overwrite?: boolean } = {}): Promise<{ pages: number }> {
  if (!options.overwrite && existsSync(file)) throw new Error(`${file} exists already; choose a new file name or pass --force`);
  const result = await db.sqlite.backup(file);
  return { pages: result.totalPages };
}
