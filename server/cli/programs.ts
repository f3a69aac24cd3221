import { createProgram, listPrograms } from '../catalog/programs.js';
import type { NewProgram, ProductRate } from '../catalog/program.schemas.js';
import { getSettings } from '../catalog/settings.js';
import { formatMoney } from '../shared/money.js';
import { defineCommand, UsageError, withDeps, type Command } from './command.js';
import { money, percent, rate, required, showRate, wholeNumber } from './options.js';
import { table } from './table.js';

/** `program add|list`: commission programs and their rules. */

export const programCommands: Record<string, Command> = {
  'program add': defineCommand('program add', {
    summary: 'Create a program',
    synopsis: '--name <name> (--sale-percent <p> | --sale-flat <amount>) [options]',
    width: 28,
    options: {
      name: { type: 'string', value: '<name>', help: 'program name' },
      description: { type: 'string', value: '<text>', help: 'what partners read about it' },
      priority: { type: 'string', value: '<n>', help: 'higher wins when a partner is in several programs (default 0; negative: --priority=-5)' },
      'sale-percent': { type: 'string', value: '<p>', help: 'commission as a percent of the sale, e.g. 10 or 12.5' },
      'sale-flat': { type: 'string', value: '<amount>', help: 'or a flat amount per sale, e.g. 25.00' },
      product: { type: 'string', multiple: true, value: '<id>=<p>%|<amount>', help: 'per-product override, repeatable: --product pro-plan=20% --product sticker=0.50' },
      lead: { type: 'string', value: '<amount>', help: 'commission per lead' },
      recurring: { type: 'string', value: 'every|none|<N>', help: 'subscription payments that earn: every (default), only the first, or the first N' },
      'second-tier-percent': { type: 'string', value: '<p>', help: "paid to the partner's parent on the same sales…" },
      'second-tier-flat': { type: 'string', value: '<amount>', help: '…or a flat amount per sale' },
      window: { type: 'string', value: '<days>', help: "attribution window (default: the settings' 30)" },
      'first-click': { type: 'boolean', help: 'credit the first click within the window (default: last click)' },
      hold: { type: 'string', value: '<days>', help: "days before commissions become payable (default: the settings' 30)" },
      'open-to-signup': { type: 'boolean', help: 'partners who sign themselves up join it (default for the first program)' },
      'no-open-to-signup': { type: 'boolean', help: 'they do not (default for every later program)' },
    },
    async run({ values }) {
      if (values['open-to-signup'] && values['no-open-to-signup']) throw new UsageError('give --open-to-signup or --no-open-to-signup, not both');
      await withDeps(values.db, async (deps) => {
        const sale = await rate(deps, values['sale-percent'], values['sale-flat'], 'sale');
        if (!sale) throw new UsageError('--sale-percent or --sale-flat is required');
        const productRates: ProductRate[] = [];
        for (const spec of values.product ?? []) {
          const m = /^([^=]+)=(.+)$/.exec(spec);
          if (!m) throw new UsageError(`--product must look like id=10% or id=5.00, got "${spec}"`);
          const [, productId, value] = m as unknown as [string, string, string];
          productRates.push(
            value.endsWith('%')
              ? { productId, type: 'percent', value: percent(value, '--product') }
              : { productId, type: 'flat', value: await money(deps, value, '--product') },
          );
        }
        let recurring: NewProgram['recurring'];
        if (values.recurring !== undefined) {
          if (values.recurring === 'every' || values.recurring === 'none') recurring = { mode: values.recurring };
          else recurring = { mode: 'first_n', payments: wholeNumber(values.recurring, '--recurring', 1)! };
        }
        const secondTier = await rate(deps, values['second-tier-percent'], values['second-tier-flat'], 'second-tier');
        const program = await createProgram(deps, {
          name: required(values.name, '--name'),
          description: values.description ?? '',
          priority: wholeNumber(values.priority, '--priority', -1000) ?? 0,
          saleCommission: sale,
          productRates,
          ...(values.lead !== undefined && { leadCommission: await money(deps, values.lead, '--lead') }),
          ...(recurring && { recurring }),
          ...(secondTier && { secondTier }),
          ...(values.window !== undefined && { attributionWindowDays: wholeNumber(values.window, '--window', 1)! }),
          ...(values['first-click'] && { attributionModel: 'first_click' as const }),
          ...(values.hold !== undefined && { holdDays: wholeNumber(values.hold, '--hold')! }),
          ...(values['open-to-signup'] && { openToSignup: true }),
          ...(values['no-open-to-signup'] && { openToSignup: false }),
        });
        const { currency } = await getSettings(deps);
        console.log(
          `Program ${program.id} "${program.name}" created: ${showRate(program.saleCommission, currency)} per sale, priority ${program.priority}${program.openToSignup ? ', open to sign-up' : ''}`,
        );
      });
    },
  }),

  'program list': defineCommand('program list', {
    summary: 'List programs, highest priority first',
    synopsis: '[--db file]',
    width: 18,
    options: {},
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const { currency } = await getSettings(deps);
        const programs = await listPrograms(deps);
        if (!programs.length) return console.log('No programs yet. Create one with "partner-center program add".');
        console.log(
          table([
            ['ID', 'NAME', 'PRIORITY', 'SALE', 'LEAD', 'SECOND TIER', 'HOLD', 'STATUS', 'SIGN-UP'],
            ...programs.map((p) => [
              String(p.id),
              p.name,
              String(p.priority),
              showRate(p.saleCommission, currency) + (p.productRates.length ? ` (+${p.productRates.length} products)` : ''),
              p.leadCommission ? formatMoney(p.leadCommission, currency) : '-',
              p.secondTier ? showRate(p.secondTier, currency) : '-',
              p.holdDays === null ? 'default' : `${p.holdDays}d`,
              p.status,
              p.openToSignup ? 'open' : '-',
            ]),
          ]),
        );
      });
    },
  }),
};
