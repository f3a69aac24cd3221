import type {
  Balance,
  Commission,
  CommissionReport,
  DateRangeQuery,
  Lead,
  LedgerEntry,
  LedgerPage,
  LedgerSummary,
  LinkStats,
  Sale,
} from '../../src/api/types.js';

/**
 * Realistic, deterministic report data for element tests, stories and the fake API: a
 * partner's ledger with consistent running balances, commissions, leads, sales and link
 * statistics, ending at `end`.
 */

const DAY = 86_400_000;

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(l: readonly T[]) => l[Math.floor(next() * l.length)]! };
}

const PROGRAMS = ['Outdoor Gear', 'Premium Tents'] as const;
const REASONS = ['Wrong size', 'Damaged in transit', 'Changed their mind'] as const;

/**
 * `count` ledger entries, newest first, spread evenly over `days` days before `end`, with
 * running balances that add up: mostly commissions, a monthly payment, some clawbacks and
 * adjustments.
 */
export function sampleLedger(count: number, options: { end?: number; days?: number; seed?: number } = {}): LedgerEntry[] {
  const end = options.end ?? Date.now();
  const days = options.days ?? Math.max(30, Math.ceil(count / 3));
  const rand = prng(options.seed ?? 11);
  const step = Math.max(60_000, Math.floor((days * DAY) / (count + 1)));
  const oldestFirst: LedgerEntry[] = [];
  let balance = 0;
  let order = 10_000;
  let sinceLastPayment = 0;
  for (let i = 0; i < count; i++) {
    const at = end - (count - i) * step;
    let type: LedgerEntry['type'] = 'commission';
    let amount: number;
    let description: string;
    const roll = rand.next();
    if (sinceLastPayment >= 12 && balance > 5_000) {
      type = 'payment';
      amount = -balance;
      description = `Payment by bank transfer (ref. PAY-${new Date(at).toISOString().slice(0, 7)})`;
      sinceLastPayment = 0;
    } else if (roll < 0.08 && balance > 2_000) {
      type = 'clawback';
      amount = -rand.int(500, Math.min(balance, 3_000));
      description = `Clawback: refund on order NW-${order - rand.int(1, 20)} (${rand.pick(REASONS)})`;
    } else if (roll < 0.11) {
      type = 'adjustment';
      amount = rand.next() < 0.7 ? 1_000 : -250;
      description = amount > 0 ? 'Bonus: top partner of the month' : 'Correction: duplicate commission';
    } else {
      const program = rand.pick(PROGRAMS);
      const sale = rand.int(20, 400) * 100 - rand.int(0, 1) * 1;
      const rate = program === 'Outdoor Gear' ? 10 : 15;
      amount = Math.round((sale * rate) / 100);
      description = `Commission on order NW-${++order} (${program}, ${rate}%)`;
    }
    balance += amount;
    sinceLastPayment++;
    oldestFirst.push({ id: i + 1, date: new Date(at).toISOString(), type, description, amount, balance });
  }
  return oldestFirst.reverse();
}

const inRange = (date: string, range: DateRangeQuery) => {
  const at = Date.parse(date);
  return (!range.from || at >= Date.parse(range.from)) && (!range.to || at <= Date.parse(range.to));
};

/** The summary the server would compute over `entries` (newest first) for `range`. */
export function summarize(entries: LedgerEntry[], range: DateRangeQuery, currency = 'USD'): LedgerSummary {
  const from = range.from ? Date.parse(range.from) : -Infinity;
  const before = entries.find((e) => Date.parse(e.date) < from);
  const within = entries.filter((e) => inRange(e.date, range));
  const sum = (type: LedgerEntry['type']) => within.filter((e) => e.type === type).reduce((s, e) => s + e.amount, 0);
  const beginningBalance = before?.balance ?? 0;
  const earned = sum('commission');
  const clawedBack = -sum('clawback');
  const paid = -sum('payment');
  const adjustments = sum('adjustment');
  return { beginningBalance, earned, clawedBack, paid, adjustments, endingBalance: beginningBalance + earned - clawedBack - paid + adjustments, currency };
}

/** One page of `entries` as the server answers it; the cursor is the index of the next row. */
export function ledgerPageOf(entries: LedgerEntry[], query: DateRangeQuery & { cursor?: string; limit?: number }, currency = 'USD'): LedgerPage {
  const within = entries.filter((e) => inRange(e.date, query));
  const start = query.cursor ? Number(query.cursor.replace('fake:', '')) : 0;
  const limit = query.limit ?? 50;
  const rows = within.slice(start, start + limit);
  return { summary: summarize(entries, query, currency), entries: rows, nextCursor: start + limit < within.length ? `fake:${start + limit}` : null };
}

export function sampleBalance(entries: LedgerEntry[], overrides: Partial<Balance> = {}): Balance {
  const balance = entries[0]?.balance ?? 0;
  const pending = Math.min(balance, entries.filter((e) => e.type === 'commission').slice(0, 3).reduce((s, e) => s + e.amount, 0));
  return {
    currency: 'USD',
    balance,
    payableNow: balance - pending,
    pending,
    nextPayableAt: pending ? new Date(Date.now() + 12 * DAY).toISOString() : null,
    minimumPayout: 5_000,
    payoutReady: balance - pending >= 5_000,
    ...overrides,
  };
}

export function sampleCommissions(count: number, options: { end?: number; seed?: number } = {}): Commission[] {
  const end = options.end ?? Date.now();
  const rand = prng(options.seed ?? 5);
  const list: Commission[] = [];
  for (let i = 0; i < count; i++) {
    const at = end - (i + 1) * 2.5 * DAY;
    const second = i % 9 === 4;
    const lead = i % 11 === 7;
    const sale = rand.int(25, 380) * 100;
    const program = rand.pick(PROGRAMS);
    const rateValue = second ? 200 : program === 'Outdoor Gear' ? 1_000 : 1_500;
    const amount = lead ? 500 : Math.round((sale * rateValue) / 10_000);
    const age = (end - at) / DAY;
    const status: Commission['status'] = i % 13 === 3 ? 'clawed_back' : age < 30 ? 'pending' : age < 45 ? 'approved' : 'paid';
    const clawedBack = status === 'clawed_back' ? amount : i % 7 === 2 ? Math.round(amount / 2) : 0;
    const attribution = lead ? 'lead_email' : i % 5 === 0 ? 'partner_code' : 'last_click';
    list.push({
      id: 5_000 + count - i,
      date: new Date(at).toISOString(),
      kind: lead ? 'lead' : 'sale',
      order: lead ? null : `NW-${20_000 + count - i}`,
      saleAmount: lead ? null : sale,
      baseAmount: lead ? 0 : sale,
      rate: lead ? { type: 'flat', value: 500 } : { type: 'percent', value: rateValue },
      amount,
      clawedBack,
      status,
      tier: second ? 'second' : 'direct',
      payableAt: new Date(at + 30 * DAY).toISOString(),
      why: {
        attribution,
        link: attribution === 'last_click' ? { slug: i % 2 ? 'tents' : 'spring-sale', name: i % 2 ? 'Tents and shelters' : 'Spring sale' } : null,
        sub: attribution === 'last_click' ? rand.pick(['newsletter', 'instagram', null]) : null,
        clickAt: attribution === 'last_click' ? new Date(at - rand.int(1, 72) * 3_600_000).toISOString() : null,
        program: { id: program === 'Outdoor Gear' ? 1 : 2, name: program },
        childCode: second ? 'trail-tom' : null,
      },
      clawback: clawedBack ? { amount: clawedBack, date: new Date(at + 6 * DAY).toISOString(), reason: rand.pick(REASONS) } : null,
    });
  }
  return list;
}

/**
 * The totals a server would answer for these commissions: the period's earned and clawed back,
 * `paid` as what covered the paid ones, and today's figures (pending ones on hold, balance =
 * what is left of them all less what was paid).
 */
export function commissionReportOf(items: Commission[], currency = 'USD'): Omit<CommissionReport, 'items' | 'nextCursor'> {
  const net = (c: Commission) => c.amount - c.clawedBack;
  const by = (status: Commission['status']) => items.filter((c) => c.status === status).reduce((s, c) => s + net(c), 0);
  const earned = items.reduce((s, c) => s + c.amount, 0);
  const clawedBack = items.reduce((s, c) => s + c.clawedBack, 0);
  const paid = by('paid');
  const balance = earned - clawedBack - paid;
  const pending = by('pending');
  return { currency, totals: { count: items.length, earned, clawedBack, paid, pending, payableNow: balance - pending, balance, currency } };
}

const FIRST = ['jane', 'omar', 'li', 'sofia', 'mateo', 'aiko', 'noah', 'fatima'] as const;
const DOMAINS = ['example.com', 'example.org', 'mail.example.net'] as const;

export function sampleLeads(count: number, options: { end?: number; masked?: boolean } = {}): Lead[] {
  const end = options.end ?? Date.now();
  const masked = options.masked ?? true;
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const email = `${first}.${i}@${DOMAINS[i % DOMAINS.length]}`;
    return {
      id: 900 + count - i,
      date: new Date(end - (i + 1) * 1.7 * DAY).toISOString(),
      lead: masked ? `${first[0]}•••@${DOMAINS[i % DOMAINS.length]}` : email,
      name: masked ? null : `${first[0]!.toUpperCase()}${first.slice(1)} ${String.fromCharCode(65 + (i % 26))}.`,
      status: i % 3 === 0 ? 'customer' : 'lead',
      link: i % 4 === 3 ? null : { slug: i % 2 ? 'tents' : 'spring-sale', name: i % 2 ? 'Tents and shelters' : 'Spring sale' },
      sub: i % 3 === 1 ? 'newsletter' : null,
    } satisfies Lead;
  });
}

const PRODUCTS = [
  ['tent-2p', 24_900],
  ['sleeping-bag', 12_900],
  ['headlamp', 3_450],
  ['trail-shoes', 14_000],
] as const;

export function sampleSales(count: number, options: { end?: number } = {}): Sale[] {
  const end = options.end ?? Date.now();
  return Array.from({ length: count }, (_, i) => {
    const items = PRODUCTS.filter((_, j) => (i + j) % 3 === 0).map(([product, amount]) => ({ product, quantity: 1 + (i % 2), amount: amount * (1 + (i % 2)) }));
    const amount = items.reduce((s, x) => s + x.amount, 0);
    const refunded = i % 10 === 4 ? amount : i % 10 === 7 ? Math.round(amount / 2) : 0;
    const self = i % 17 === 16;
    // now and then a sale that earns nothing, for a reason the report puts in words
    const unpaid: Sale['noCommissionReason'] = self ? 'self_referral' : i % 13 === 5 ? 'product_excluded' : i % 19 === 9 ? 'link_programs' : null;
    const commission = unpaid ? 0 : Math.round(((amount - refunded) * 1_000) / 10_000);
    return {
      id: 3_000 + count - i,
      date: new Date(end - (i + 1) * 2.2 * DAY).toISOString(),
      order: `NW-${30_000 + count - i}`,
      amount,
      currency: 'USD',
      refunded,
      status: refunded === 0 ? 'completed' : refunded === amount ? 'refunded' : 'partially_refunded',
      selfReferral: self,
      items,
      commission,
      noCommissionReason: unpaid ?? (commission === 0 && refunded > 0 ? 'clawed_back' : null),
    } satisfies Sale;
  });
}

/** Link statistics over `days` days ending at `end` (UTC days). */
export function sampleLinkStats(days: number, options: { end?: number; seed?: number } = {}): LinkStats {
  const end = options.end ?? Date.now();
  const rand = prng(options.seed ?? 3);
  const byDay: LinkStats['byDay'] = [];
  for (let d = days - 1; d >= 0; d--) {
    const date = new Date(end - d * DAY).toISOString().slice(0, 10);
    const clicks = rand.int(0, 60) + (d % 7 === 2 ? 40 : 0);
    const sales = Math.floor(clicks * rand.next() * 0.06);
    const salesAmount = sales * rand.int(40, 160) * 100;
    if (clicks || sales) byDay.push({ date, clicks, leads: Math.floor(clicks / 12), sales, salesAmount, earnings: Math.round(salesAmount / 10) });
  }
  const sum = (k: 'clicks' | 'leads' | 'sales' | 'salesAmount' | 'earnings') => byDay.reduce((s, d) => s + d[k], 0);
  const rates = (c: { clicks: number; sales: number; earnings: number }) =>
    c.clicks ? { conversionRate: Math.round((c.sales * 10_000) / c.clicks), earningsPerClick: Math.round(c.earnings / c.clicks) } : { conversionRate: null, earningsPerClick: null };
  const totals = { clicks: sum('clicks'), leads: sum('leads'), sales: sum('sales'), salesAmount: sum('salesAmount'), earnings: sum('earnings') };
  const split = (share: number) => {
    const c = {
      clicks: Math.round(totals.clicks * share),
      leads: Math.round(totals.leads * share),
      sales: Math.round(totals.sales * share),
      salesAmount: Math.round(totals.salesAmount * share),
      earnings: Math.round(totals.earnings * share),
    };
    return { ...c, ...rates(c) };
  };
  return {
    currency: 'USD',
    timeZone: 'UTC',
    totals: { ...totals, ...rates(totals) },
    byDay,
    bySub: [
      { sub: 'newsletter', ...split(0.5) },
      { sub: 'instagram', ...split(0.3) },
      { sub: null, ...split(0.2) },
    ],
    byLink: [
      { link: { slug: 'spring-sale', name: 'Spring sale' }, ...split(0.6) },
      { link: { slug: 'tents', name: 'Tents and shelters' }, ...split(0.4) },
    ],
  };
}
