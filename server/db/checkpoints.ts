import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

/** SQLite's own default: a checkpoint once the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
/**
 * With the worker: the main connection still checkpoints, but only past this many pages, by when
 * the worker has copied nearly all of them — a short checkpoint whose real job is to let the next
 * write start the WAL over (under steady writes the worker's checkpoint never catches up with the
 * last frame, so the WAL would otherwise grow without bound).
 */
const BACKSTOP_PAGES = 4000;

// The worker: its own connection to the file, a passive checkpoint every `everyMs` (copies the
// committed WAL frames into the database file and fsyncs both, never blocking writers), closed
// on any message. Plain JavaScript, evaluated: no loader needed in the worker.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

export interface BackgroundCheckpoints {
  /** Moves checkpoints to the worker (idempotent). Until it is ready, or if it fails, SQLite checkpoints as usual. */
  start(): void;
  /** Stops the worker and closes its connection; the main connection checkpoints again (and on close). */
  stop(): Promise<void>;
}

/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that
 * fills the WAL past 1000 pages and, with `synchronous = NORMAL`, waits for two fsyncs there:
 * tens of milliseconds in which the server answers nothing (on a busy redirect, about half of
 * a click's cost). A worker thread checkpoints instead. Durability is unchanged: a commit is in
 * the WAL before it is acknowledged, whoever copies it to the database file later.
 */
export function backgroundCheckpoints(sqlite: Sqlite.Database, path: string, everyMs = 200): BackgroundCheckpoints {
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  const inline = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  return {
    start() {
      if (worker) return;
      const running = new Worker(WORKER, { eval: true, workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path, everyMs } });
      worker = running;
      running.unref(); // never what keeps the process alive
      running.once('message', () => sqlite.open && sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`));
      running.once('error', (err) => {
        console.error('[partner-center] background checkpoints stopped; SQLite checkpoints inline again:', err);
        inline();
      });
      exited = new Promise((done) => running.once('exit', () => done()));
    },
    async stop() {
      if (!worker) return;
      worker.ref(); // waiting for it must keep the process alive
      worker.postMessage('stop');
      await exited;
      inline();
    },
  };
}
