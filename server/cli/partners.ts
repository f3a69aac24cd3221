import { createPartnerAccount, listPartnerAccounts, setPartnerPassword } from '../partners/partner-admin.js';
import { formatMoney } from '../shared/money.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { readPassword, required, wholeNumber } from './options.js';
import { table } from './table.js';

/**
 * `partner add|list|set-password`: partner accounts. Reviewing them (show, approve, reject,
 * disable) is in admin.ts with the rest of the merchant's weekly work.
 */

export const partnerCommands: Record<string, Command> = {
  'partner add': defineCommand('partner add', {
    summary: 'Create a partner',
    synopsis: '--code <code> --name <name> --email <email> (--password <pw> | --password-stdin) [options]',
    width: 19,
    options: {
      code: { type: 'string', value: '<code>', help: "the partner's sign-in code and link code" },
      name: { type: 'string', value: '<name>', help: 'full name' },
      email: { type: 'string', value: '<email>', help: 'contact email' },
      password: { type: 'string', value: '<pw>', help: 'their password (or --password-stdin to read it from standard input)' },
      'password-stdin': { type: 'boolean' },
      program: { type: 'string', multiple: true, value: '<id>', help: 'enrol in a program, repeatable' },
      parent: { type: 'string', value: '<code>', help: 'the partner who referred them (earns second-tier commissions)' },
    },
    async run({ values }) {
      const password = await readPassword(values);
      await withDeps(values.db, async (deps) => {
        const partner = await createPartnerAccount(deps, {
          code: required(values.code, '--code'),
          name: required(values.name, '--name'),
          email: required(values.email, '--email'),
          password,
          programIds: (values.program ?? []).map((id) => wholeNumber(id, '--program', 1)!),
          ...(values.parent && { parentCode: values.parent }),
        });
        console.log(`Partner "${partner.code}" created${partner.programIds.length ? ` in program(s) ${partner.programIds.join(', ')}` : ''}${partner.parentCode ? `, parent ${partner.parentCode}` : ''}`);
      });
    },
  }),

  'partner list': defineCommand('partner list', {
    summary: 'List partners with their balances',
    synopsis: '[--status active|pending|disabled] [--db file]',
    width: 18,
    options: { status: { type: 'string' } },
    async run({ values }) {
      const status = values.status;
      if (status !== undefined && !['active', 'pending', 'disabled'].includes(status)) throw new UsageError('--status must be active, pending or disabled');
      await withDeps(values.db, async (deps) => {
        const { partners, total } = await listPartnerAccounts(deps, { limit: 500, ...(status && { status: status as 'active' }) });
        if (!partners.length) return console.log('No partners yet. Create one with "partner-center partner add".');
        const m = (c: number) => formatMoney(c, partners[0]!.balance.currency);
        console.log(
          table([
            ['CODE', 'NAME', 'EMAIL', 'STATUS', 'PARENT', 'PROGRAMS', 'BALANCE', 'PENDING', 'PAYABLE NOW', 'PAY BY'],
            ...partners.map((p) => [
              p.code,
              p.name,
              p.email,
              p.status,
              p.parentCode ?? '-',
              p.programIds.join(',') || '-',
              m(p.balance.balance),
              m(p.balance.pending),
              m(p.balance.payableNow),
              [p.payoutMethod, p.payoutDetailsMasked].filter(Boolean).join(' ') || '-',
            ]),
          ]),
        );
        if (total > partners.length) console.log(`… and ${total - partners.length} more`);
      });
    },
  }),

  'partner set-password': defineCommand('partner set-password', {
    summary: "Set a partner's password (ends their sessions)",
    synopsis: '<code> (--password <pw> | --password-stdin) [--db file]',
    width: 19,
    args: [['<code>']],
    options: {
      password: { type: 'string', value: '<pw>', help: 'the new password (at least 8 characters)' },
      'password-stdin': { type: 'boolean', help: 'read it from standard input instead (keeps it out of the shell history)' },
    },
    async run({ values, args }) {
      const code = required(args[0], 'the partner code');
      const password = await readPassword(values);
      await withDeps(values.db, async (deps) => {
        await setPartnerPassword(deps, code, password);
        console.log(`Password of "${code}" set; their sessions have ended.`);
      });
    },
  }),
};
