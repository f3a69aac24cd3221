import { main } from '../../server/cli.js';

/**
 * Runs the CLI in-process against the SQLite file `db` (`--db` is added unless the arguments ask
 * for `--help`, or `db` is empty) and returns its exit code and what it printed to stdout and stderr.
 */
export async function runCli(db: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    const code = await main([...args, ...(args.includes('--help') || !db ? [] : ['--db', db])]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
