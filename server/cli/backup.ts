import { backupDatabase } from '../db/backup.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { required } from './options.js';

/** `backup <file>`: SQLite's online backup, safe while the server runs. */

export const backupCommands: Record<string, Command> = {
  backup: defineCommand('backup', {
    summary: 'Copy the database to a file with SQLite online backup (safe while serving)',
    synopsis: '<file> [--force] [--db file]',
    width: 19,
    args: [['<file>', 'where to write the copy (refused if it exists, unless --force)']],
    options: { force: { type: 'boolean' } },
    async run({ values, args }) {
      const file = required(args[0], 'the backup file');
      await withDeps(values.db, async (deps) => {
        try {
          const { pages } = await backupDatabase(deps.db, file, { overwrite: values.force ?? false });
          console.log(`Backed up ${deps.config.databasePath} to ${file} (${pages} pages)`);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
      });
    },
  }),
};
