import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connection.js';
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
  const database = await connectDatabase(config);
  try {
    return await runAs({ type: 'cli' }, () => fn({ db: database, config, clock: Date.now }));
  } finally {
    await database.close();
  }
}

/** Where partners' links point: PUBLIC_URL, else this machine at the configured port. */
export const publicOrigin = (deps: Deps) => deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;

/** One option of a command: its parseArgs type and the line `--help` prints for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** the placeholder after a string option in the help, e.g. "<code>" */
  value?: string;
  /**
   * The option's line in the help: say "repeatable" here when `multiple`; a "\n" continues it
   * on the next line under the help column. Leave out to name the option in the synopsis only.
   */
  help?: string;
  /** pad this option's name to at most this many columns, whatever the command's `width` */
  width?: number;
}
type OptionTable = Record<string, OptionSpec>;
type Values<O extends OptionTable> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
} & { db?: string };

export interface CommandSpec<O extends OptionTable> {
  summary: string;
  /** what follows the command's name in the usage line, e.g. "<code> --note <text>" */
  synopsis?: string;
  /** positional arguments in order: [name, help]; without help, named in the synopsis only */
  args?: [name: string, help?: string][];
  options: O;
  /**
   * The column the names are padded to before their help (default: the widest name). A name
   * wider than that is followed by three spaces instead of two, so it stands out as an exception.
   */
  width?: number;
  /** a paragraph printed after the options */
  notes?: string;
  run(input: { values: Values<O>; args: string[] }): Promise<number | void>;
}

/** Every command's `--db`; its help line keeps the same 18 columns however wide the others are. */
const DB_OPTION: OptionSpec = { type: 'string', value: '<file>', help: 'the SQLite file or a postgres:// URL (default: DATABASE_URL, else DATABASE_PATH, else data/partner-center.sqlite)', width: 18 };

/** The lines of the option table: `  <name padded>  <help>`, continued lines under the help. */
function optionLines(rows: { name: string; help: string; width?: number }[], width = Math.max(...rows.map((r) => r.name.length))): string[] {
  return rows.map(({ name, help, width: most = Infinity }) => {
    const column = Math.min(width, most);
    const gap = name.length > column ? '   ' : '  ';
    return `  ${name.padEnd(column)}${gap}${help.replaceAll('\n', `\n  ${' '.repeat(column)}  `)}`;
  });
}

/**
 * A command whose usage text and argument parsing both come from one option table, so the
 * help never drifts from what the command accepts. Every command takes `--db <file>`.
 */
export function defineCommand<const O extends OptionTable>(name: string, spec: CommandSpec<O>): Command {
  const options: OptionTable = { ...spec.options, db: DB_OPTION };
  const rows = [
    ...(spec.args ?? []).flatMap(([arg, help]) => (help === undefined ? [] : [{ name: arg, help }])),
    ...Object.entries(options).flatMap(([flag, o]) =>
      o.help === undefined ? [] : [{ name: `--${flag}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`, help: o.help, ...(o.width && { width: o.width }) }],
    ),
  ];
  const usage = [
    `partner-center ${name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`,
    '',
    ...optionLines(rows, spec.width),
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
