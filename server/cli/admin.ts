import type { Deps } from '../deps.js';
import { approveCommission, approveDueCommissions } from '../money/approvals.js';
import { getCommission, listCommissions, reverseCommission, type CommissionView } from '../money/commissions.js';
import { changeSettings } from '../catalog/merchant-settings.js';
import { formatMoney, parseDecimal } from '../shared/money.js';
import { getPartnerAccount, partnerByCode, updatePartnerAccount } from '../partners/partner-admin.js';
import { recordAdjustment, reversalSchema, reverseLedgerEntry, reversePayment } from '../money/payments.js';
import { getSettings, SETTING_KEYS, type Settings } from '../catalog/settings.js';
import { parseInput } from '../shared/validation.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { positiveId } from './options.js';
import { table } from './table.js';

/**
 * The merchant's weekly work from the shell, over the same domain functions as the admin API:
 * approving partners and commissions, adjustments and reversals, settings.
 */

const money = async (deps: Deps, cents: number) => formatMoney(cents, (await getSettings(deps)).currency);

function code(text: string | undefined): string {
  if (!text) throw new UsageError('the partner code is required');
  return text;
}

/** The note every reversal carries, checked by the same rule as the admin API. */
const note = (text: string | undefined) => {
  if (text === undefined) throw new UsageError('--note is required: say why');
  return parseInput(reversalSchema, { note: text }).note;
};

const NOTE = { type: 'string', value: '<text>', help: 'why (kept on the ledger)' } as const;

function statusChange(verb: string, status: 'active' | 'disabled', summary: string, only?: 'pending'): Command {
  const name = `partner ${verb}`;
  return defineCommand(name, {
    summary,
    synopsis: '<code>',
    args: [['<code>', 'the partner']],
    options: {},
    async run({ values, args }) {
      await withDeps(values.db, async (deps) => {
        const partner = await partnerByCode(deps, code(args[0]));
        if (only && partner.status !== only) throw new UsageError(`"${partner.code}" is ${partner.status}, not ${only}; use "partner-center partner disable" instead`);
        const view = await updatePartnerAccount(deps, partner.code, { status });
        const programs = view.programIds.length ? `in program(s) ${view.programIds.join(', ')}` : 'in no program: they earn nothing until a program includes them';
        console.log(`Partner "${view.code}" is ${view.status}${status === 'active' ? `, ${programs}` : '; their sessions have ended'}`);
      });
    },
  });
}

const commissionLine = (c: CommissionView, m: (cents: number) => string) =>
  [String(c.id), c.partnerCode, c.orderId ?? '-', c.programName ?? '-', c.tier, m(c.amount), c.clawedBack ? m(c.clawedBack) : '-', c.status, c.payableAt.slice(0, 10)];

/** `menus.welcome` → ["menus", "welcome"], after checking the setting exists. */
function settingPath(key: string): [keyof Settings, string?] {
  const [top, sub, ...rest] = key.split('.');
  if (!SETTING_KEYS.includes(top as keyof Settings) || rest.length) {
    throw new UsageError(`unknown setting "${key}"; the settings are ${SETTING_KEYS.join(', ')}`);
  }
  return [top as keyof Settings, sub];
}

/** A value on the command line: JSON (`30`, `true`, `["a.example"]`, `"123"`), else the text itself. */
function settingValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const adminCommands: Record<string, Command> = {
  'partner show': defineCommand('partner show', {
    summary: "One partner: status, programs, balance and payout details in full",
    synopsis: '<code>',
    args: [['<code>', 'the partner']],
    options: {},
    async run({ values, args }) {
      await withDeps(values.db, async (deps) => {
        const p = await getPartnerAccount(deps, code(args[0]));
        const m = (c: number) => formatMoney(c, p.balance.currency);
        console.log(
          [
            `${p.code}  ${p.name} <${p.email}>  ${p.status}`,
            `  programs: ${p.programIds.join(', ') || 'none'}${p.parentCode ? `; parent ${p.parentCode}` : ''}`,
            `  balance: ${m(p.balance.balance)} (${m(p.balance.payableNow)} payable now, ${m(p.balance.pending)} pending)`,
            `  payout: ${p.payoutMethod ?? 'not given'}${p.payoutDetails ? ` — ${p.payoutDetails}` : ''}`,
          ].join('\n'),
        );
      });
    },
  }),
  'partner approve': statusChange('approve', 'active', 'Approve a pending partner (or re-enable a disabled one): they can sign in'),
  'partner reject': statusChange('reject', 'disabled', 'Turn down a pending partner: disabled, kept for the books', 'pending'),
  'partner disable': statusChange('disable', 'disabled', 'Disable a partner: they cannot sign in and earn nothing new; their sessions end'),

  'commission list': defineCommand('commission list', {
    summary: 'Commissions, newest first',
    options: {
      partner: { type: 'string', value: '<code>', help: 'only this partner’s' },
      status: { type: 'string', value: '<status>', help: 'pending, approved, paid or clawed_back' },
      limit: { type: 'string', value: '<n>', help: 'at most this many (default 50)' },
    },
    async run({ values }) {
      const status = values.status;
      if (status !== undefined && !['pending', 'approved', 'paid', 'clawed_back'].includes(status)) throw new UsageError('--status must be pending, approved, paid or clawed_back');
      const limit = values.limit === undefined ? 50 : positiveId(values.limit, '--limit');
      await withDeps(values.db, async (deps) => {
        const partnerId = values.partner ? (await partnerByCode(deps, values.partner)).id : undefined;
        const list = await listCommissions(deps, { limit: Math.min(limit, 500), ...(partnerId !== undefined && { partnerId }), ...(status && { status: status as CommissionView['status'] }) });
        if (!list.length) return console.log('No commissions.');
        const { currency } = await getSettings(deps);
        const m = (c: number) => formatMoney(c, currency);
        console.log(table([['ID', 'PARTNER', 'ORDER', 'PROGRAM', 'TIER', 'AMOUNT', 'CLAWED BACK', 'STATUS', 'PAYABLE'], ...list.map((c) => commissionLine(c, m))]));
      });
    },
  }),

  'commission approve': defineCommand('commission approve', {
    summary: 'Approve a pending commission now, or every commission past its hold',
    synopsis: '(<id> | --due)',
    args: [['<id>', 'the commission to approve before its hold ends']],
    options: { due: { type: 'boolean', help: 'instead: approve every pending commission whose hold days are over' } },
    async run({ values, args }) {
      if (values.due && args.length) throw new UsageError('give a commission id or --due, not both');
      await withDeps(values.db, async (deps) => {
        if (values.due) {
          const n = await approveDueCommissions(deps);
          return console.log(n ? `Approved ${n} commission${n === 1 ? '' : 's'} past their hold.` : 'No pending commission is past its hold.');
        }
        const commissionId = positiveId(args[0], 'the commission id (or --due)');
        const result = await approveCommission(deps, commissionId);
        const c = await getCommission(deps, commissionId);
        console.log(`Commission ${c.id}: ${await money(deps, c.amount)} to ${c.partnerCode} is ${result.status}${result.changed ? '' : ' (unchanged)'}`);
      });
    },
  }),

  'commission reverse': defineCommand('commission reverse', {
    summary: 'Take back what is left of a commission (fraud, a deal undone)',
    synopsis: '<id> --note <text>',
    args: [['<id>', 'the commission']],
    options: { note: NOTE },
    async run({ values, args }) {
      const commissionId = positiveId(args[0], 'the commission id');
      const why = note(values.note);
      await withDeps(values.db, async (deps) => {
        const c = await reverseCommission(deps, commissionId, why, await getSettings(deps));
        const p = await getPartnerAccount(deps, c.partnerCode);
        console.log(`Commission ${c.id} reversed: ${await money(deps, c.clawedBack)} taken back from ${c.partnerCode}. Balance now ${await money(deps, p.balance.balance)}`);
      });
    },
  }),

  'adjustment record': defineCommand('adjustment record', {
    summary: 'A manual change to a partner’s balance: a bonus (+) or a deduction (−)',
    synopsis: '--partner <code> --amount <±amount> --note <text>',
    options: {
      partner: { type: 'string', value: '<code>', help: 'whose balance' },
      amount: { type: 'string', value: '<±amount>', help: 'e.g. 25.00 adds, -5.00 (or --amount=-5) takes away' },
      note: { type: 'string', value: '<text>', help: 'why (the partner sees it on their ledger)' },
    },
    notes: 'Undo it with "partner-center ledger reverse <entry id> --note <text>".',
    async run({ values }) {
      if (!values.partner) throw new UsageError('--partner is required');
      if (values.amount === undefined) throw new UsageError('--amount is required');
      if (values.note === undefined) throw new UsageError('--note is required');
      await withDeps(values.db, async (deps) => {
        const { currency } = await getSettings(deps);
        const amount = parseDecimal(values.amount!, currency, { signed: true });
        if (amount === undefined) throw new UsageError(`--amount must be an amount in ${currency} like 25.00 or -5.00, got "${values.amount}"`);
        const { entry, balance } = await recordAdjustment(deps, { partnerCode: values.partner!, amount, note: values.note! });
        const m = (c: number) => formatMoney(c, currency);
        console.log(`Ledger entry ${entry.id}: ${m(entry.amount)} to ${values.partner} (${entry.description}). Balance now ${m(balance.balance)}`);
      });
    },
  }),

  'payment reverse': defineCommand('payment reverse', {
    summary: 'Undo a payment (it bounced, it was recorded twice): the money is owed again',
    synopsis: '<payment id> --note <text>',
    args: [['<payment id>', 'the id "payment record" printed']],
    options: { note: NOTE },
    async run({ values, args }) {
      const paymentId = positiveId(args[0], 'the payment id');
      const why = note(values.note);
      await withDeps(values.db, async (deps) => {
        const { entry, balance } = await reversePayment(deps, paymentId, why);
        const m = (c: number) => formatMoney(c, balance.currency);
        console.log(`Payment ${paymentId} reversed by ledger entry ${entry.id} (${m(entry.amount)}). Balance now ${m(balance.balance)}`);
      });
    },
  }),

  'ledger reverse': defineCommand('ledger reverse', {
    summary: 'Reverse a payment or adjustment ledger entry (as POST /api/v1/admin/ledger/:id/reverse)',
    synopsis: '<entry id> --note <text>',
    args: [['<entry id>', 'the ledger entry to undo (a payment or an adjustment)']],
    options: { note: NOTE },
    async run({ values, args }) {
      const entryId = positiveId(args[0], 'the ledger entry id');
      const why = note(values.note);
      await withDeps(values.db, async (deps) => {
        const { entry, balance } = await reverseLedgerEntry(deps, entryId, why);
        const m = (c: number) => formatMoney(c, balance.currency);
        console.log(`Entry ${entryId} reversed by entry ${entry.id} (${m(entry.amount)}). Balance now ${m(balance.balance)}`);
      });
    },
  }),

  'settings get': defineCommand('settings get', {
    summary: 'Print the settings (or one) as JSON',
    synopsis: '[<key>]',
    args: [['<key>', `a setting (${SETTING_KEYS.join(', ')}), or menus.<section>`]],
    options: {},
    async run({ values, args }) {
      const path = args[0] === undefined ? undefined : settingPath(args[0]);
      await withDeps(values.db, async (deps) => {
        const settings = await getSettings(deps);
        if (!path) return console.log(JSON.stringify(settings, null, 2));
        const [key, sub] = path;
        const value = sub === undefined ? settings[key] : (settings[key] as Record<string, unknown>)[sub];
        if (value === undefined) throw new UsageError(`unknown setting "${args[0]}"`);
        console.log(JSON.stringify(value, null, 2));
      });
    },
  }),

  'settings set': defineCommand('settings set', {
    summary: 'Change one setting (checked by the same rules as PATCH /api/v1/admin/settings)',
    synopsis: '<key> <value>',
    args: [
      ['<key>', `a setting (${SETTING_KEYS.join(', ')}), or menus.<section>`],
      ['<value>', 'JSON: 30, true, ["shop.example.com"], "123"; other text is taken as a string'],
    ],
    options: {},
    notes: 'Examples: settings set merchantName "Northwind Outfitters"; settings set holdDays 14; settings set menus.programs false',
    async run({ values, args }) {
      if (args.length < 2) throw new UsageError('give a setting and its value, e.g. "settings set holdDays 14"');
      const [key, sub] = settingPath(args[0]!);
      const value = settingValue(args[1]!);
      await withDeps(values.db, async (deps) => {
        const settings = await changeSettings(deps, { [key]: sub === undefined ? value : { [sub]: value } });
        console.log(`${key}${sub ? `.${sub}` : ''} = ${JSON.stringify(sub === undefined ? settings[key] : (settings[key] as Record<string, unknown>)[sub])}`);
      });
    },
  }),
};
