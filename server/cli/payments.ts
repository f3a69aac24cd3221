import { getSettings } from '../catalog/settings.js';
import { recordPayment } from '../money/payments.js';
import { payoutsDue } from '../money/payouts-due.js';
import { csvText } from '../shared/csv.js';
import { formatMoney, toDecimal } from '../shared/money.js';
import { defineCommand, withDeps, type Command } from './command.js';
import { money, required } from './options.js';
import { table } from './table.js';

/** `payment record` and `payouts due`: paying partners what they have earned. */

export const paymentCommands: Record<string, Command> = {
  'payment record': defineCommand('payment record', {
    summary: 'Record a payment to a partner (as POST /api/v1/admin/payments)',
    synopsis: '--partner <code> --amount <amount> [options]',
    width: 21,
    options: {
      partner: { type: 'string', value: '<code>', help: 'who was paid' },
      amount: { type: 'string', value: '<amount>', help: 'how much, e.g. 80.00 (at most what is payable now…)' },
      force: { type: 'boolean', help: '…unless forced (an advance)' },
      method: { type: 'string', value: '<text>', help: 'PayPal, bank transfer…' },
      reference: { type: 'string', value: '<text>', help: "the transfer's reference" },
      note: { type: 'string', value: '<text>', help: 'a note on the ledger' },
    },
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const payment = await recordPayment(deps, {
          partnerCode: required(values.partner, '--partner'),
          amount: await money(deps, required(values.amount, '--amount'), '--amount'),
          ...(values.force && { force: true }),
          ...(values.method && { method: values.method }),
          ...(values.reference && { reference: values.reference }),
          ...(values.note && { note: values.note }),
        });
        const m = (c: number) => formatMoney(c, payment.currency);
        console.log(`Payment ${payment.id}: ${m(payment.amount)} to ${payment.partnerCode}${payment.forced ? ' (forced)' : ''}. Balance now ${m(payment.balance.balance)} (${m(payment.balance.payableNow)} payable now, ${m(payment.balance.pending)} pending)`);
      });
    },
  }),

  'payouts due': defineCommand('payouts due', {
    summary: 'Partners whose payable-now balance reaches the minimum payout',
    synopsis: '[--min <amount>] [--csv] [--db file]',
    width: 19,
    options: {
      min: { type: 'string', value: '<amount>', help: "smallest payout, e.g. 50.00 (default: the settings' minimumPayout)" },
      csv: { type: 'boolean', help: 'print CSV (code,name,email,amount,currency,payout_method,payout_details) for a\npayout batch, payout details in full (the table masks them)' },
    },
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const { currency } = await getSettings(deps);
        const min = values.min === undefined ? undefined : await money(deps, values.min, '--min');
        const due = (await payoutsDue(deps, min)).rows;
        if (values.csv) {
          const header = 'code,name,email,amount,currency,payout_method,payout_details';
          const rows = due.map((p) => [p.partnerCode, p.name, p.email, toDecimal(p.amount, currency), currency, p.payoutMethod ?? '', p.payoutDetails ?? ''].map(csvText).join(','));
          console.log([header, ...rows].join('\n'));
          return;
        }
        if (!due.length) return console.log('Nobody is due a payout.');
        const m = (c: number) => formatMoney(c, currency);
        console.log(
          table([
            ['CODE', 'NAME', 'EMAIL', 'DUE', 'PENDING', 'PAY BY'],
            ...due.map((p) => [p.partnerCode, p.name, p.email, m(p.amount), m(p.balance.pending), [p.payoutMethod, p.payoutDetailsMasked].filter(Boolean).join(' ') || '-']),
          ]),
        );
        console.log(`Total: ${m(due.reduce((t, p) => t + p.amount, 0))} to ${due.length} partner${due.length === 1 ? '' : 's'}`);
      });
    },
  }),
};
