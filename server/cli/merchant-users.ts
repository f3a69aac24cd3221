import { randomBytes } from 'node:crypto';
import { newMerchantUserSchema, merchantUserPatchSchema } from '../merchants/schemas.js';
import { createMerchantUser, getMerchantUserByEmail, listMerchantUsers, updateMerchantUser } from '../merchants/users.js';
import { parseInput } from '../shared/validation.js';
import { defineCommand, readStdin, UsageError, withDeps, type Command } from './command.js';

/** `merchant-user add|list|set-password`: the people who sign in to the console, from the shell. */

const PASSWORD_NOTE =
  'Without --password-stdin a password is generated and printed once: pass it on, it cannot be shown again. ' +
  'With --password-stdin it is read from standard input (at least 12 characters), e.g. printf %s "$PW" | partner-center …';

/** The password from standard input, or a generated one (and that it was generated). */
async function passwordFrom(values: { 'password-stdin'?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (values['password-stdin']) return { password: await readStdin(), generated: false };
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

const passwordStdin = { type: 'boolean', help: 'read the password from standard input (else one is generated and printed once)' } as const;

export const merchantUserCommands: Record<string, Command> = {
  'merchant-user add': defineCommand('merchant-user add', {
    summary: 'Add a merchant user who signs in to the console (owner or staff)',
    synopsis: '--email <email> --role owner|staff [--password-stdin]',
    options: {
      email: { type: 'string', value: '<email>', help: 'their email address (how they sign in)' },
      role: { type: 'string', value: 'owner|staff', help: 'owner: everything; staff: everything but settings changes, users, keys and payments' },
      'password-stdin': passwordStdin,
    },
    notes: PASSWORD_NOTE,
    async run({ values }) {
      if (values.email === undefined) throw new UsageError('--email is required');
      if (values.role === undefined) throw new UsageError('--role owner|staff is required');
      if (values.role !== 'owner' && values.role !== 'staff') throw new UsageError(`--role is owner or staff, not "${values.role}"`);
      const { password, generated } = await passwordFrom(values);
      const input = parseInput(newMerchantUserSchema, { email: values.email, role: values.role, password });
      const user = await withDeps(values.db, (deps) => createMerchantUser(deps, input));
      console.log(`Added ${user.role} ${user.email} (id ${user.id})`);
      if (generated) console.log(`Password (shown once): ${password}`);
    },
  }),
  'merchant-user list': defineCommand('merchant-user list', {
    summary: 'List the merchant users',
    options: {},
    async run({ values }) {
      const users = await withDeps(values.db, (deps) => listMerchantUsers(deps));
      if (!users.length) {
        console.log('No merchant users yet. Add one: partner-center merchant-user add --email <email> --role owner');
        return;
      }
      const rows = [['ID', 'EMAIL', 'ROLE', 'STATUS', 'CREATED'], ...users.map((u) => [String(u.id), u.email, u.role, u.status, u.createdAt.slice(0, 10)])];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      console.log(rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n'));
    },
  }),
  'merchant-user set-password': defineCommand('merchant-user set-password', {
    summary: 'Set a merchant user’s password (ends their sessions)',
    synopsis: '<email> [--password-stdin]',
    args: [['<email>', 'the user’s email address']],
    options: { 'password-stdin': passwordStdin },
    notes: PASSWORD_NOTE,
    async run({ values, args }) {
      const email = args[0];
      if (!email) throw new UsageError('name the user: partner-center merchant-user set-password <email>');
      const { password, generated } = await passwordFrom(values);
      const patch = parseInput(merchantUserPatchSchema, { password });
      const user = await withDeps(values.db, async (deps) => updateMerchantUser(deps, (await getMerchantUserByEmail(deps, email)).id, patch));
      console.log(`Password set for ${user.email}; their sessions have ended`);
      if (generated) console.log(`Password (shown once): ${password}`);
    },
  }),
};
