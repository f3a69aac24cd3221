import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseName, isPostgresUrl } from '../db/connection.js';
import { copyToPostgres, CopyRefusedError } from '../db/copy.js';
import { UsageError, type Command } from './command.js';

/** `db copy`: the move from the embedded SQLite file to PostgreSQL. */
export const dbCommands: Record<string, Command> = {
  'db copy': {
    summary: 'Copy every row of a SQLite installation into an empty PostgreSQL database, then verify',
    usage: `partner-center db copy --from <file> --to <postgres-url>

  --from <file>          the SQLite file (e.g. data/partner-center.sqlite); safe while the server runs,
                         but what it writes after the copy starts is not copied: stop it first
  --to <postgres-url>    postgres://user:password@host:5432/database — an empty database
                         (refused if any table has rows); its schema is created or upgraded first

Copies the schema, every row and the id sequences in one transaction, then checks the row
count of every table and every partner's balance on both sides. Then start the server with
DATABASE_URL=<postgres-url>.`,
    async run(argv) {
      const { values } = parseArgs({ args: argv, strict: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
      if (!values.from) throw new UsageError('--from <file> is required: the SQLite file to copy');
      if (!values.to) throw new UsageError('--to <postgres-url> is required: the empty PostgreSQL database to copy into');
      if (isPostgresUrl(values.from)) throw new UsageError('--from takes the SQLite file; --to the postgres:// URL');
      if (!isPostgresUrl(values.to)) throw new UsageError('--to must be a postgres:// URL');
      if (!existsSync(values.from)) throw new UsageError(`${values.from} does not exist: --from names the SQLite file of the installation to copy`);
      console.log(`Copying ${values.from} to PostgreSQL…`);
      try {
        const report = await copyToPostgres(values.from, values.to, (line) => console.log(line));
        const rows = report.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Copied ${rows} rows in ${report.tables.length} tables. Verified: every table's row count, and the balances of ${report.partners} partners (${report.balances} cents in all) agree on both sides.`);
        console.log('Next: start Partner Center with DATABASE_URL set to the PostgreSQL URL.');
      } catch (err) {
        if (err instanceof CopyRefusedError) throw new UsageError(err.message);
        const code = (err as { code?: string }).code;
        // the target cannot be reached or refuses us: one line, nothing was written
        if (code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|28000|3D000)$/.test(code)) {
          throw new UsageError(`cannot use ${databaseName({ databaseUrl: values.to, databasePath: '' })}: ${(err as Error).message}`);
        }
        throw err;
      }
    },
  },
};
