import { ConfigError } from './config.js';
import { DatabaseTooNewError, migrations } from './db/migrations.js';
import { UsageError, type Command } from './cli/command.js';
import { adminCommands } from './cli/admin.js';
import { adminKeyCommands } from './cli/admin-keys.js';
import { backupCommands } from './cli/backup.js';
import { coreCommands } from './cli/core.js';
import { dbCommands } from './cli/db.js';
import { linkCommands } from './cli/links.js';
import { partnerCommands } from './cli/partners.js';
import { paymentCommands } from './cli/payments.js';
import { programCommands } from './cli/programs.js';
import { merchantUserCommands } from './cli/merchant-users.js';
import { resourceCommands } from './cli/resources.js';
import { saleCommands } from './cli/sales.js';

export type { Command };

/** Every command, by name, in the order the help lists them; each noun's record comes from server/cli/<noun>.ts. */
export const commands: Record<string, Command> = {
  ...coreCommands,
  ...adminKeyCommands,
  ...programCommands,
  ...partnerCommands,
  ...linkCommands,
  ...saleCommands,
  ...paymentCommands,
  ...backupCommands,
  ...dbCommands,
  ...resourceCommands,
  ...adminCommands,
  ...merchantUserCommands,
};

function help() {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return `Partner Center — self-hosted referral partner portal

Usage: partner-center <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run "partner-center <command> --help" for a command's options. Schema version: ${migrations.length}.`;
}

/** The subcommands of a noun ("program" → program add, program list). */
function groupHelp(noun: string, names: string[]) {
  const width = Math.max(...names.map((n) => n.length));
  return `Usage: partner-center ${noun} <subcommand> [options]

Subcommands:
${names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`).join('\n')}

Run "partner-center ${noun} <subcommand> --help" for a subcommand's options.`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  // "admin-key create" style commands are registered as "admin-key create"
  const two = argv.slice(0, 2).join(' ');
  const [name, rest] = commands[two] ? [two, argv.slice(2)] : [argv[0], argv.slice(1)];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    const group = Object.keys(commands).filter((n) => n.startsWith(`${name} `));
    if (group.length && (rest.includes('--help') || rest.includes('-h'))) {
      console.log(groupHelp(name, group));
      return 0;
    }
    console.error(group.length ? `"${name}" needs a subcommand.\n\n${groupHelp(name, group)}` : `Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return (await command.run(rest)) ?? 0;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof ConfigError || err instanceof DatabaseTooNewError || err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`partner-center ${name}: ${(err as Error).message}`);
      return 2;
    }
    // PostgreSQL (DATABASE_URL) that cannot be reached, refuses the user or has no such database
    if (/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|28000|3D000)$/.test(code)) {
      console.error(`partner-center ${name}: cannot use the PostgreSQL database (DATABASE_URL / --database-url): ${(err as Error).message}`);
      return 2;
    }
    if ((err as Error).name === 'DomainError' || (err as Error).name === 'ZodError') {
      console.error(`partner-center ${name}: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  }
}
