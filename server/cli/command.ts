import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import type { Deps } from '../deps.js';

/** One CLI command: `partner-center <name> [args]`. Commands live in server/cli/*.ts. */
export interface Command {
  summary: string;
  usage: string;
  /** Returns the exit code (0 when omitted). */
  run(args: string[]): Promise<number | void>;
}

/** A CLI error shown as one line without a stack (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Opens the database named by `--db` (else DATABASE_PATH, else the default), runs `fn` with
 * the same deps the server uses, and closes it.
 */
export async function withDeps<T>(db: string | undefined, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig(db ? ['--db', db] : []);
  const database = openDatabase(config.databasePath);
  try {
    return await fn({ db: database, config, clock: Date.now });
  } finally {
    await database.close();
  }
}
