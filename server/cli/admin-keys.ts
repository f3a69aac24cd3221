import { createAdminKey } from '../merchants/admin-keys.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';

/** `admin-key create`: the key a merchant's backend sends to the admin and track APIs. */

export const adminKeyCommands: Record<string, Command> = {
  'admin-key create': defineCommand('admin-key create', {
    summary: 'Create an admin API key (shown once, stored hashed)',
    synopsis: '[--name <label>] [--db file]',
    width: 18,
    options: {
      name: { type: 'string', value: '<label>', help: 'what the key is for, e.g. "checkout" (default "admin")' },
    },
    notes: 'Send it as "Authorization: Bearer <key>" to /api/v1/admin/... and /api/v1/track/....',
    async run({ values }) {
      const name = (values.name ?? 'admin').trim();
      if (!name || name.length > 60) throw new UsageError('--name must be 1–60 characters');
      await withDeps(values.db, async (deps) => {
        const { key } = await createAdminKey(deps, name);
        console.log(key);
        console.error(`Admin key "${name}" created. It is shown only this once: store it in your secrets now.`);
      });
    },
  }),
};
