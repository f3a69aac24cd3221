import { getSettings } from '../catalog/settings.js';
import { formatMoney } from '../shared/money.js';
import { recordRefund } from '../tracking/refunds.js';
import { recordSale } from '../tracking/sales.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { money, required } from './options.js';

/** `sale record` and `refund record`: what the track API records, from the shell. */

export const saleCommands: Record<string, Command> = {
  'sale record': defineCommand('sale record', {
    summary: 'Record a sale (as POST /api/v1/track/sales)',
    synopsis: '--order <id> --amount <amount> [options]',
    width: 27,
    options: {
      order: { type: 'string', value: '<id>', help: 'your order id (recording it again changes nothing)' },
      amount: { type: 'string', value: '<amount>', help: 'the sale total, e.g. 120.00' },
      currency: { type: 'string', value: '<code>', help: "default: the settings' currency" },
      click: { type: 'string', value: '<id>', help: 'the pc_click id from the landing URL' },
      partner: { type: 'string', value: '<code>', help: 'or credit this partner directly' },
      coupon: { type: 'string', value: '<code>', help: "or the coupon code the customer used (a partner's)" },
      email: { type: 'string', value: '<email>', help: "the customer's email (self-referrals and leads)" },
      name: { type: 'string', value: '<name>', help: "the customer's name" },
      item: { type: 'string', multiple: true, value: '<product>:<amount>[:<quantity>]', help: 'a line, repeatable: --item pro-plan:99.00 --item sticker:1.50:3' },
      subscription: { type: 'string', value: '<id>', help: 'the subscription this payment belongs to' },
    },
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const settings = await getSettings(deps);
        const items = [];
        for (const spec of values.item ?? []) {
          const m = /^(.+?):([\d.]+)(?::(\d+))?$/.exec(spec);
          if (!m) throw new UsageError(`--item must look like product:12.50 or product:12.50:2, got "${spec}"`);
          items.push({ productId: m[1]!, amount: await money(deps, m[2]!, '--item'), quantity: Number(m[3] ?? 1) });
        }
        const { created, result } = await recordSale(deps, {
          orderId: required(values.order, '--order'),
          amount: await money(deps, required(values.amount, '--amount'), '--amount'),
          currency: values.currency ?? settings.currency,
          ...(values.click && { clickId: values.click }),
          ...(values.partner && { partnerCode: values.partner }),
          ...(values.coupon && { couponCode: values.coupon }),
          ...(values.email && { customer: { email: values.email, ...(values.name && { name: values.name }) } }),
          ...(items.length && { items }),
          ...(values.subscription && { subscriptionId: values.subscription }),
        });
        const m = (c: number) => formatMoney(c, result.currency);
        console.log(`${created ? 'Recorded' : 'Already recorded'} order ${result.orderId}: ${m(result.amount)}`);
        if (!result.attributed) console.log(`  not attributed (${result.notAttributedReason})`);
        else console.log(`  credited to ${result.partnerCode} by ${result.attribution}${result.selfReferral ? ' — self-referral, no commission' : ''}`);
        for (const c of result.commissions) console.log(`  commission ${c.id}: ${m(c.amount)} to ${c.partnerCode} (${c.tier}, ${c.programName}, ${c.status})`);
      });
    },
  }),

  'refund record': defineCommand('refund record', {
    summary: 'Record a refund or cancel (as POST /api/v1/track/refunds)',
    synopsis: '--order <id> [--amount <amount>] [--refund-id <id>] [--reason <text>] [--db file]',
    width: 19,
    options: {
      order: { type: 'string', value: '<id>', help: 'the order refunded' },
      amount: { type: 'string', value: '<amount>', help: 'how much; leave out to refund everything left (a cancel)' },
      'refund-id': { type: 'string', value: '<id>', help: 'your refund id: recording it again changes nothing' },
      reason: { type: 'string', value: '<text>', help: 'why' },
    },
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const { created, result } = await recordRefund(deps, {
          orderId: required(values.order, '--order'),
          ...(values.amount !== undefined && { amount: await money(deps, values.amount, '--amount') }),
          ...(values['refund-id'] && { refundId: values['refund-id'] }),
          ...(values.reason && { reason: values.reason }),
        });
        const { currency } = await getSettings(deps);
        const m = (c: number) => formatMoney(c, currency);
        console.log(`${created ? 'Refunded' : 'Already recorded:'} ${m(result.amount)} of order ${result.orderId} (${m(result.sale.refundedAmount)} of ${m(result.sale.amount)} refunded)`);
        for (const c of result.clawbacks) console.log(`  clawed back ${m(c.amount)} from ${c.partnerCode} (commission ${c.commissionId})`);
      });
    },
  }),
};
