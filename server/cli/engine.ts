import { csvText } from '../shared/csv.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupDatabase } from '../db/backup.js';
import type { Deps } from '../deps.js';
import { createAdminKey } from '../partners/admin-keys.js';
import { createLink, listLinks } from '../catalog/links.js';
import { formatMoney, formatRate, parseDecimal, parsePercent, toDecimal } from '../shared/money.js';
import { createPartnerAccount, listPartnerAccounts, setPartnerPassword } from '../partners/partner-admin.js';
import { payoutsDue, recordPayment } from '../money/payments.js';
import { createProgram, listPrograms, type NewProgram, type ProductRate, type Rate } from '../catalog/programs.js';
import { recordSale } from '../tracking/sales.js';
import { recordRefund } from '../tracking/refunds.js';
import { getSettings } from '../catalog/settings.js';
import { UsageError, withDeps, type Command } from './command.js';

/**
 * The merchant's CLI over the same engine as the admin API. Amounts are written in the
 * currency's major units ("12.50" is $12.50) and percents as percents ("10" is 10%).
 */

type Options = NonNullable<ParseArgsConfig['options']>;
const DB = { db: { type: 'string' } } as const satisfies Options;
const DB_HELP = '  --db <file>         the SQLite file (default: DATABASE_PATH or data/partner-center.sqlite)';

function parse<O extends Options>(args: string[], options: O, positionals = 0) {
  const result = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  if (result.positionals.length > positionals) throw new UsageError(`unexpected argument "${result.positionals[positionals]}"`);
  return result;
}

function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

async function money(deps: Deps, text: string, flag: string, options: { signed?: boolean } = {}): Promise<number> {
  const { currency } = await getSettings(deps);
  const cents = parseDecimal(text, currency, options);
  if (cents === undefined) throw new UsageError(`${flag} must be an amount in ${currency} like 12.50, got "${text}"`);
  return cents;
}

function percent(text: string, flag: string): number {
  const bps = parsePercent(text);
  if (bps === undefined) throw new UsageError(`${flag} must be a percent from 0 to 100 like 10 or 12.5, got "${text}"`);
  return bps;
}

function wholeNumber(text: string | undefined, flag: string, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min) throw new UsageError(`${flag} must be a whole number${min !== 0 ? ` of at least ${min}` : ''}, got "${text}"`);
  return Number(text);
}

async function rate(deps: Deps, percentText: string | undefined, flatText: string | undefined, name: string): Promise<Rate | undefined> {
  if (percentText !== undefined && flatText !== undefined) throw new UsageError(`give --${name}-percent or --${name}-flat, not both`);
  if (percentText !== undefined) return { type: 'percent', value: percent(percentText, `--${name}-percent`) };
  if (flatText !== undefined) return { type: 'flat', value: await money(deps, flatText, `--${name}-flat`) };
  return undefined;
}

const showRate = (r: Rate, currency: string) => (r.type === 'percent' ? formatRate(r.value) : formatMoney(r.value, currency));

async function readPassword(values: { password?: string; 'password-stdin'?: boolean }): Promise<string> {
  if (values.password !== undefined && values['password-stdin']) throw new UsageError('give --password or --password-stdin, not both');
  if (values.password !== undefined) return values.password;
  if (!values['password-stdin']) throw new UsageError('--password <password> or --password-stdin is required');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Fixed-width columns for lists. */
function table(rows: string[][]): string {
  if (!rows.length) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

export const engineCommands: Record<string, Command> = {
  'admin-key create': {
    summary: 'Create an admin API key (shown once, stored hashed)',
    usage: `partner-center admin-key create [--name <label>] [--db file]

  --name <label>      what the key is for, e.g. "checkout" (default "admin")
${DB_HELP}

Send it as "Authorization: Bearer <key>" to /api/v1/admin/... and /api/v1/track/....`,
    async run(args) {
      const { values } = parse(args, { ...DB, name: { type: 'string' } });
      const name = (values.name ?? 'admin').trim();
      if (!name || name.length > 60) throw new UsageError('--name must be 1–60 characters');
      await withDeps(values.db, async (deps) => {
        const { key } = await createAdminKey(deps, name);
        console.log(key);
        console.error(`Admin key "${name}" created. It is shown only this once: store it in your secrets now.`);
      });
    },
  },

  'program add': {
    summary: 'Create a program',
    usage: `partner-center program add --name <name> (--sale-percent <p> | --sale-flat <amount>) [options]

  --name <name>                 program name
  --description <text>          what partners read about it
  --priority <n>                higher wins when a partner is in several programs (default 0; negative: --priority=-5)
  --sale-percent <p>            commission as a percent of the sale, e.g. 10 or 12.5
  --sale-flat <amount>          or a flat amount per sale, e.g. 25.00
  --product <id>=<p>%|<amount>  per-product override, repeatable: --product pro-plan=20% --product sticker=0.50
  --lead <amount>               commission per lead
  --recurring every|none|<N>    subscription payments that earn: every (default), only the first, or the first N
  --second-tier-percent <p>     paid to the partner's parent on the same sales…
  --second-tier-flat <amount>   …or a flat amount per sale
  --window <days>               attribution window (default: the settings' 30)
  --first-click                 credit the first click within the window (default: last click)
  --hold <days>                 days before commissions become payable (default: the settings' 30)
  --open-to-signup              partners who sign themselves up join it (default for the first program)
  --no-open-to-signup           they do not (default for every later program)
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, {
        ...DB,
        name: { type: 'string' },
        description: { type: 'string' },
        priority: { type: 'string' },
        'sale-percent': { type: 'string' },
        'sale-flat': { type: 'string' },
        product: { type: 'string', multiple: true },
        lead: { type: 'string' },
        recurring: { type: 'string' },
        'second-tier-percent': { type: 'string' },
        'second-tier-flat': { type: 'string' },
        window: { type: 'string' },
        'first-click': { type: 'boolean' },
        hold: { type: 'string' },
        'open-to-signup': { type: 'boolean' },
        'no-open-to-signup': { type: 'boolean' },
      });
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
  },

  'program list': {
    summary: 'List programs, highest priority first',
    usage: `partner-center program list [--db file]\n\n${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, DB);
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
  },

  'partner add': {
    summary: 'Create a partner',
    usage: `partner-center partner add --code <code> --name <name> --email <email> (--password <pw> | --password-stdin) [options]

  --code <code>        the partner's sign-in code and link code
  --name <name>        full name
  --email <email>      contact email
  --password <pw>      their password (or --password-stdin to read it from standard input)
  --program <id>       enrol in a program, repeatable
  --parent <code>      the partner who referred them (earns second-tier commissions)
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, {
        ...DB,
        code: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        program: { type: 'string', multiple: true },
        parent: { type: 'string' },
      });
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
  },

  'partner list': {
    summary: 'List partners with their balances',
    usage: `partner-center partner list [--status active|pending|disabled] [--db file]\n\n${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, { ...DB, status: { type: 'string' } });
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
  },

  'partner set-password': {
    summary: "Set a partner's password (ends their sessions)",
    usage: `partner-center partner set-password <code> (--password <pw> | --password-stdin) [--db file]

  --password <pw>      the new password (at least 8 characters)
  --password-stdin     read it from standard input instead (keeps it out of the shell history)
${DB_HELP}`,
    async run(args) {
      const { values, positionals } = parse(args, { ...DB, password: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, 1);
      const code = required(positionals[0], 'the partner code');
      const password = await readPassword(values);
      await withDeps(values.db, async (deps) => {
        await setPartnerPassword(deps, code, password);
        console.log(`Password of "${code}" set; their sessions have ended.`);
      });
    },
  },

  'link add': {
    summary: 'Create a redirect link every partner can share',
    usage: `partner-center link add --slug <slug> --name <name> --destination <url> [--program <id>…] [--db file]

  --slug <slug>          the last part of /r/<code>/<slug>
  --name <name>          what partners see
  --destination <url>    where the link leads (https://…)
  --program <id>         limit the link to a program, repeatable (default: every program)
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, { ...DB, slug: { type: 'string' }, name: { type: 'string' }, destination: { type: 'string' }, program: { type: 'string', multiple: true } });
      await withDeps(values.db, async (deps) => {
        const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
        const link = await createLink(
          deps,
          {
            slug: required(values.slug, '--slug'),
            name: required(values.name, '--name'),
            destination: required(values.destination, '--destination'),
            programIds: (values.program ?? []).map((id) => wholeNumber(id, '--program', 1)!),
          },
          origin,
        );
        console.log(`Link ${link.id} "${link.slug}" → ${link.destination}\nPartners share: ${origin}/r/<their code>/${link.slug}`);
      });
    },
  },

  'link list': {
    summary: 'List redirect links',
    usage: `partner-center link list [--db file]\n\n${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, DB);
      await withDeps(values.db, async (deps) => {
        const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
        const links = await listLinks(deps, origin, { partnerId: null, limit: 500 });
        if (!links.length) return console.log('No links yet. Create one with "partner-center link add".');
        console.log(table([['ID', 'SLUG', 'NAME', 'STATUS', 'DESTINATION'], ...links.map((l) => [String(l.id), l.slug, l.name, l.status, l.destination])]));
      });
    },
  },

  'sale record': {
    summary: 'Record a sale (as POST /api/v1/track/sales)',
    usage: `partner-center sale record --order <id> --amount <amount> [options]

  --order <id>                 your order id (recording it again changes nothing)
  --amount <amount>            the sale total, e.g. 120.00
  --currency <code>            default: the settings' currency
  --click <id>                 the pc_click id from the landing URL
  --partner <code>             or credit this partner directly
  --email <email>              the customer's email (self-referrals and leads)
  --name <name>                the customer's name
  --item <product>:<amount>[:<quantity>]   a line, repeatable: --item pro-plan:99.00 --item sticker:1.50:3
  --subscription <id>          the subscription this payment belongs to
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, {
        ...DB,
        order: { type: 'string' },
        amount: { type: 'string' },
        currency: { type: 'string' },
        click: { type: 'string' },
        partner: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        item: { type: 'string', multiple: true },
        subscription: { type: 'string' },
      });
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
  },

  'refund record': {
    summary: 'Record a refund or cancel (as POST /api/v1/track/refunds)',
    usage: `partner-center refund record --order <id> [--amount <amount>] [--refund-id <id>] [--reason <text>] [--db file]

  --order <id>         the order refunded
  --amount <amount>    how much; leave out to refund everything left (a cancel)
  --refund-id <id>     your refund id: recording it again changes nothing
  --reason <text>      why
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, { ...DB, order: { type: 'string' }, amount: { type: 'string' }, 'refund-id': { type: 'string' }, reason: { type: 'string' } });
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
  },

  'payment record': {
    summary: 'Record a payment to a partner (as POST /api/v1/admin/payments)',
    usage: `partner-center payment record --partner <code> --amount <amount> [options]

  --partner <code>       who was paid
  --amount <amount>      how much, e.g. 80.00 (at most what is payable now…)
  --force                …unless forced (an advance)
  --method <text>        PayPal, bank transfer…
  --reference <text>     the transfer's reference
  --note <text>          a note on the ledger
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, {
        ...DB,
        partner: { type: 'string' },
        amount: { type: 'string' },
        force: { type: 'boolean' },
        method: { type: 'string' },
        reference: { type: 'string' },
        note: { type: 'string' },
      });
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
  },

  'payouts due': {
    summary: 'Partners whose payable-now balance reaches the minimum payout',
    usage: `partner-center payouts due [--min <amount>] [--csv] [--db file]

  --min <amount>       smallest payout, e.g. 50.00 (default: the settings' minimumPayout)
  --csv                print CSV (code,name,email,amount,currency,payout_method,payout_details) for a
                       payout batch, payout details in full (the table masks them)
${DB_HELP}`,
    async run(args) {
      const { values } = parse(args, { ...DB, min: { type: 'string' }, csv: { type: 'boolean' } });
      await withDeps(values.db, async (deps) => {
        const { currency } = await getSettings(deps);
        const min = values.min === undefined ? undefined : await money(deps, values.min, '--min');
        const due = await payoutsDue(deps, min);
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
  },

  backup: {
    summary: 'Copy the database to a file with SQLite online backup (safe while serving)',
    usage: `partner-center backup <file> [--force] [--db file]

  <file>               where to write the copy (refused if it exists, unless --force)
${DB_HELP}`,
    async run(args) {
      const { values, positionals } = parse(args, { ...DB, force: { type: 'boolean' } }, 1);
      const file = required(positionals[0], 'the backup file');
      await withDeps(values.db, async (deps) => {
        try {
          const { pages } = await backupDatabase(deps.db, file, { overwrite: values.force ?? false });
          console.log(`Backed up ${deps.config.databasePath} to ${file} (${pages} pages)`);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
      });
    },
  },
};
