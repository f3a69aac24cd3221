import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import type { Deps } from '../deps.js';
import { runAs } from '../merchants/actor.js';

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
 * the same deps the server uses, and closes it. Changes it makes are audited as the CLI's.
 */
export async function withDeps<T>(db: string | undefined, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig(db ? ['--db', db] : []);
  const database = openDatabase(config.databasePath);
  try {
    return await runAs({ type: 'cli' }, () => fn({ db: database, config, clock: Date.now }));
  } finally {
    await database.close();
  }
}

/** One option of a command: its parseArgs type and the line `--help` prints for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** the placeholder after a string option in the help, e.g. "<code>" */
  value?: string;
  help: string;
}
type OptionTable = Record<string, OptionSpec>;
type Values<O extends OptionTable> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
} & { db?: string };

export interface CommandSpec<O extends OptionTable> {
  summary: string;
  /** what follows the command's name in the usage line, e.g. "<code> --note <text>" */
  synopsis?: string;
  /** positional arguments in order: [name, help] */
  args?: [string, string][];
  options: O;
  /** a paragraph printed after the options */
  notes?: string;
  run(input: { values: Values<O>; args: string[] }): Promise<number | void>;
}

const DB_OPTION: OptionSpec = { type: 'string', value: '<file>', help: 'the SQLite file (default: DATABASE_PATH or data/partner-center.sqlite)' };

/**
 * A command whose usage text and argument parsing both come from one option table, so the
 * help never drifts from what the command accepts. Every command takes `--db <file>`.
 */
export function defineCommand<const O extends OptionTable>(name: string, spec: CommandSpec<O>): Command {
  const options: OptionTable = { ...spec.options, db: DB_OPTION };
  const rows: [string, string][] = [
    ...(spec.args ?? []).map(([arg, help]): [string, string] => [arg, help]),
    ...Object.entries(options).map(([flag, o]): [string, string] => [`--${flag}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`, o.help + (o.multiple ? ' (repeatable)' : '')]),
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  const usage = [
    `partner-center ${name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`,
    '',
    ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`),
    ...(spec.notes ? ['', spec.notes] : []),
  ].join('\n');
  const parseOptions = Object.fromEntries(Object.entries(options).map(([flag, o]) => [flag, { type: o.type, ...(o.multiple && { multiple: true }) }]));
  const maxArgs = spec.args?.length ?? 0;
  return {
    summary: spec.summary,
    usage,
    async run(argv) {
      const { values, positionals } = parseArgs({ args: argv, options: parseOptions, strict: true, allowPositionals: maxArgs > 0 });
      if (positionals.length > maxArgs) throw new UsageError(`unexpected argument "${positionals[maxArgs]}"`);
      return spec.run({ values: values as Values<O>, args: positionals });
    },
  };
}

/** Standard input, read to the end, without one trailing newline (`--password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
