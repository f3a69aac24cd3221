import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { getSettings } from '../catalog/settings.js';
import { withoutMail } from '../mail/outbox.js';
import { formatMoney } from '../shared/money.js';
import { recordRefund } from '../tracking/refunds.js';
import { recordSale, recordSales, type HistoricalSale, type SaleInput } from '../tracking/sales.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { money, required } from './options.js';

/** `sale record`, `sale import` and `refund record`: what the track API records, from the shell. */

/** Sales per transaction in `sale import`: one commit per batch is what makes a backfill fast. */
const IMPORT_BATCH = 500;
/** Refused lines printed one by one; the rest are counted. */
const SHOWN_REFUSALS = 20;

/** One line of an import file: a sale as the track API takes it, with `recordedAt` (ISO 8601) when it happened. */
function historicalSale(line: string, now: number): HistoricalSale | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object (one sale per line)';
  const { recordedAt, ...input } = value as { recordedAt?: unknown };
  if (recordedAt === undefined) return { input: input as SaleInput, at: now };
  const at = typeof recordedAt === 'string' && /^\d{4}-\d\d-\d\dT/.test(recordedAt) ? Date.parse(recordedAt) : NaN;
  if (!Number.isFinite(at)) return 'recordedAt: must be an ISO 8601 time like 2025-03-01T12:00:00Z';
  if (at > now) return 'recordedAt: must not be in the future';
  return { input: input as SaleInput, at };
}

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

  'sale import': defineCommand('sale import', {
    summary: 'Record many sales at once from a JSON Lines file (a backfill)',
    synopsis: '<file> [--db file]',
    args: [['<file>', 'one sale per line, as POST /api/v1/track/sales takes it, plus "recordedAt"\n(ISO 8601, when it happened; default now); - reads standard input']],
    options: {},
    notes:
      'Each sale is recorded as POST /api/v1/track/sales would record it at its recordedAt: attributed, its\n' +
      'commissions and ledger entries written. An order id already recorded with the same details changes\n' +
      'nothing, so an import can be run again. Queues no email (past sales are news to nobody). A refused line\n' +
      'is reported with its number and the rest go on; the exit code is then 1.',
    async run({ values, args }) {
      const file = required(args[0], '<file>');
      if (file !== '-' && !existsSync(file)) throw new UsageError(`no such file: ${file}`);
      return withDeps(values.db, (deps) =>
        withoutMail(async () => {
          const started = performance.now();
          const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
          const counts = { created: 0, repeated: 0, refused: 0 };
          const refuse = (lineNo: number, why: string) => {
            if (++counts.refused <= SHOWN_REFUSALS) console.error(`line ${lineNo}: ${why}`);
          };
          // refusals are reported in line order: a batch's lines, read or refused, are settled together
          let batch: { lineNo: number; sale: HistoricalSale | string }[] = [];
          const flush = async () => {
            const sales = batch.flatMap((b) => (typeof b.sale === 'string' ? [] : [b.sale]));
            const outcomes = (await recordSales(deps, sales)).values();
            for (const { lineNo, sale } of batch) {
              if (typeof sale === 'string') {
                refuse(lineNo, sale);
                continue;
              }
              const outcome = outcomes.next().value!;
              if ('error' in outcome) refuse(lineNo, outcome.error.message); // it names its field already, as the API's answer does
              else counts[outcome.created ? 'created' : 'repeated']++;
            }
            batch = [];
          };
          let lineNo = 0;
          for await (const line of lines) {
            lineNo++;
            if (!line.trim()) continue;
            batch.push({ lineNo, sale: historicalSale(line, Date.now()) });
            if (batch.length >= IMPORT_BATCH) await flush();
          }
          if (batch.length) await flush();
          if (counts.refused > SHOWN_REFUSALS) console.error(`… and ${counts.refused - SHOWN_REFUSALS} more refused lines`);
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `Imported ${counts.created} new sales in ${seconds.toFixed(1)} s (${Math.round(counts.created / Math.max(seconds, 0.001))}/s); ` +
              `${counts.repeated} already recorded, ${counts.refused} refused`,
          );
          return counts.refused ? 1 : 0;
        }),
      );
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
