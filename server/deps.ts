import type { Config } from './config.js';
import type { Db } from './db/connection.js';

/** What every route and domain function is handed; tests build their own. */
export interface Deps {
  db: Db;
  config: Config;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  clock: () => number;
}
