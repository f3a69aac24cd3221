import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { DatabaseTooNewError, migrations } from './db/migrations.js';
import { startServer } from './main.js';

/** One CLI command: `partner-center <name> [args]`. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number | void>;
}

const commonFlags = `Settings (flag, else environment variable):
  --db <file>               DATABASE_PATH      SQLite file (default data/partner-center.sqlite)
  --port, -p <n>            PORT               port to listen on (default 3000)
  --host <addr>             HOST               address to bind (default 0.0.0.0)
  --allowed-origins <list>  ALLOWED_ORIGINS    comma-separated origins allowed to call the API
  --trust-proxy             TRUST_PROXY        take the client address from X-Forwarded-For
  --demo                    PARTNER_CENTER_DEMO=1  serve the demo page and seed demo data
                            PARTNER_CENTER_ADMIN_KEY  bootstrap admin API key
                            SESSION_TTL_HOURS  how long a partner sign-in lasts (default 12)`;

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Run the server (migrates the database first)',
    usage: `partner-center serve [--db file] [--port n] [--demo] ...\n\n${commonFlags}`,
    async run(args) {
      const server = await startServer(loadConfig(args));
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {}); // serve until stopped
    },
  },
  migrate: {
    summary: 'Create or upgrade the database schema, then exit',
    usage: 'partner-center migrate [--db file]',
    async run(args) {
      const config = loadConfig(args);
      const db = openDatabase(config.databasePath, { migrate: false });
      try {
        const before = db.sqlite.pragma('user_version', { simple: true }) as number;
        const { migrate } = await import('./db/migrations.js');
        const { to } = migrate(db.sqlite);
        console.log(before === to ? `${config.databasePath} is up to date (schema version ${to})` : `Migrated ${config.databasePath} from schema version ${before} to ${to}`);
      } finally {
        await db.close();
      }
    },
  },
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

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return (await command.run(rest)) ?? 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DatabaseTooNewError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`partner-center ${name}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}
