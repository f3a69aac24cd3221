import { loadConfig } from '../config.js';
import { connectDatabase, databaseName } from '../db/connection.js';
import { migrate, migratePostgres } from '../db/migrations.js';
import { startServer } from '../main.js';
import type { Command } from './command.js';

export const SETTINGS_HELP = `Settings (flag, else environment variable):
  --db <file>               DATABASE_PATH      SQLite file (default data/partner-center.sqlite)
  --database-url <url>      DATABASE_URL       PostgreSQL instead: postgres://user:password@host:5432/db
  --database-pool-size <n>  DATABASE_POOL_SIZE PostgreSQL connections per instance (default 10)
                                               (several instances may share it; see the README)
  --port, -p <n>            PORT               port to listen on (default 3000)
  --host <addr>             HOST               address to bind (default 0.0.0.0)
  --allowed-origins <list>  ALLOWED_ORIGINS    comma-separated origins allowed to call the API
  --trust-proxy[=<n|list>]  TRUST_PROXY        behind proxies: trust n hops of X-Forwarded-For (bare: 1),
                                               or only the listed proxy addresses/CIDRs
  --public-url <origin>     PUBLIC_URL         origin used in partners' links (default: the request's)
  --frame-ancestors <list>  FRAME_ANCESTORS    who may frame the pages: 'self' (default), 'none' or origins
  --shutdown-timeout <s>    SHUTDOWN_TIMEOUT_SECONDS  on SIGTERM, seconds requests in flight may take (default 10)
  --smtp-url <url>          SMTP_URL           send mail through this server (smtps://user:pass@host:465);
                                               none: mail is kept in the outbox only
  --mail-from <address>     MAIL_FROM          From of every message ("Shop Partners <partners@shop.example>")
  --mail-notify-to <addr>   MAIL_NOTIFY_TO     where messages for the merchant (new sign-ups) go
                            MAIL_RETRY_DELAYS  seconds between tries of a failed send (default 60,300,1800,7200,21600)
  --stripe-webhook-secret <whsec_…>  STRIPE_WEBHOOK_SECRET  Stripe's webhook signing secret (the console's wins)
  --shopify-webhook-secret <s>       SHOPIFY_WEBHOOK_SECRET the secret Shopify signs webhooks with (the console's wins)
  --demo                    PARTNER_CENTER_DEMO=1  serve the demo page and seed demo data
                            PARTNER_CENTER_ADMIN_KEY  bootstrap admin API key (16+ characters)
                            SESSION_TTL_HOURS  how long a partner sign-in lasts (default 12)`;

export const coreCommands: Record<string, Command> = {
  serve: {
    summary: 'Run the server (migrates the database first)',
    usage: `partner-center serve [--db file] [--port n] [--demo] ...\n\n${SETTINGS_HELP}`,
    async run(args) {
      const server = await startServer(loadConfig(args));
      const stop = (signal: NodeJS.Signals) => {
        // a second signal while shutting down stops at once
        process.once(signal, () => process.exit(1));
        void server.close(signal).then(
          () => process.exit(0),
          (err) => {
            console.error('[partner-center] shutdown failed:', err);
            process.exit(1);
          },
        );
      };
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
      const db = await connectDatabase(config, { migrate: false });
      const where = databaseName(config);
      try {
        const { from, to } = db.dialect === 'postgres' ? await migratePostgres(db.kysely) : migrate(db.sqlite);
        console.log(from === to ? `${where} is up to date (schema version ${to})` : `Migrated ${where} from schema version ${from} to ${to}`);
      } finally {
        await db.close();
      }
    },
  },
};
