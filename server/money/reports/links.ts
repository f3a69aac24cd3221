import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { invalid } from '../../shared/errors.js';
import { calendarDate } from '../../shared/time.js';
import { getSettings } from '../../catalog/settings.js';
import { csvNumber, csvText } from '../../shared/csv.js';
import { toDecimal, formatRate } from '../../shared/money.js';
import { pageWhere, type Range } from './range.js';
import { parseWhy } from './commissions.js';
import type { LinkCounts, LinkRates, LinkStats } from './schemas.js';

/**
 * Link statistics: the partner's clicks, leads, sales and earnings, with the conversion rate
 * (sales per click) and earnings per click, in total, by day, by sub-id and by link. Earnings
 * are the partner's direct commissions net of clawbacks; self-referred sales are left out. Its
 * shape: LinkStatsSchema (schemas.ts).
 */

/** An IANA time zone name Intl knows, else a 400 naming `timeZone`. */
export function checkTimeZone(value: string | undefined): string {
  if (value === undefined || value === '') return 'UTC';
  if (value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) throw invalid('timeZone', 'timeZone: is not a time zone name like Europe/Paris', 'invalid_time_zone');
  try {
    return calendarDate(value).resolvedOptions().timeZone;
  } catch {
    throw invalid('timeZone', `timeZone: "${value}" is not a time zone name like Europe/Paris`, 'invalid_time_zone');
  }
}

export const QUARTER_HOUR = 900_000;

type Db = Kysely<Database>;
type Where = Pick<Range, 'from' | 'until'>;
const quarter = sql<number>`at / ${QUARTER_HOUR}`;

export function clicksByQuarterQuery(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('clicks')
    .select((eb) => [quarter.as('q'), eb.fn.countAll<number | string>().as('n')])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('q');
}

function leadsByQuarterQuery(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('leads')
    .select((eb) => [quarter.as('q'), eb.fn.countAll<number | string>().as('n')])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('q');
}

function salesByQuarterQuery(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('sales')
    .select((eb) => [quarter.as('q'), eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('amount').as('amount')])
    .where('partner_id', '=', partnerId)
    .where('self_referral', '=', 0)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('q');
}

function clicksBy(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('clicks as k')
    .leftJoin('links as n', 'n.id', 'k.link_id')
    .select((eb) => ['k.sub', 'n.slug', 'n.name', eb.fn.countAll<number | string>().as('n')])
    .where('k.partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'k.at', id: 'k.id' }, range))
    .groupBy(['k.sub', 'n.slug', 'n.name']);
}

function leadsBy(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('leads as l')
    .leftJoin('clicks as k', 'k.id', 'l.click_id')
    .leftJoin('links as n', 'n.id', 'k.link_id')
    .select((eb) => ['l.sub', 'n.slug', 'n.name', eb.fn.countAll<number | string>().as('n')])
    .where('l.partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'l.at', id: 'l.id' }, range))
    .groupBy(['l.sub', 'n.slug', 'n.name']);
}

function salesBy(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('sales as s')
    .leftJoin('clicks as k', 'k.id', 's.click_id')
    .leftJoin('links as n', 'n.id', 'k.link_id')
    .select((eb) => ['s.sub', 'n.slug', 'n.name', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('s.amount').as('amount')])
    .where('s.partner_id', '=', partnerId)
    .where('s.self_referral', '=', 0)
    .where((eb) => pageWhere(eb, { at: 's.at', id: 's.id' }, range))
    .groupBy(['s.sub', 'n.slug', 'n.name']);
}

function earningsQuery(db: Db, partnerId: number, range: Where) {
  return db
    .selectFrom('commissions')
    .select(['created_at', 'amount', 'clawed_back', 'reason', 'program_id'])
    .where('partner_id', '=', partnerId)
    .where('tier', '=', 'direct')
    .where((eb) => pageWhere(eb, { at: 'created_at', id: 'id' }, range));
}

const zero = (): LinkCounts => ({ clicks: 0, leads: 0, sales: 0, salesAmount: 0, earnings: 0 });

export function ratesOf(c: LinkCounts): LinkRates {
  if (c.clicks === 0) return { conversionRate: null, earningsPerClick: null };
  return { conversionRate: Math.round((c.sales * 10_000) / c.clicks), earningsPerClick: Math.round(c.earnings / c.clicks) };
}

/** Day keys in a time zone, memoised per quarter hour (every real UTC offset is a multiple of 15 minutes). */
export function dayKeyer(timeZone: string) {
  const format = calendarDate(timeZone);
  const memo = new Map<number, string>();
  return (q: number) => {
    let key = memo.get(q);
    if (key === undefined) {
      const parts = format.formatToParts(q * QUARTER_HOUR);
      const get = (type: string) => parts.find((p) => p.type === type)!.value;
      key = `${get('year')}-${get('month')}-${get('day')}`;
      memo.set(q, key);
    }
    return key;
  };
}

export async function linkStats(deps: Deps, partnerId: number, options: { range: Range; timeZone: string }): Promise<LinkStats> {
  const db = deps.db.kysely;
  const { range, timeZone } = options;
  const { currency } = await getSettings(deps);
  const dayOf = dayKeyer(timeZone);

  const days = new Map<string, LinkCounts>();
  const day = (key: string) => {
    let d = days.get(key);
    if (!d) days.set(key, (d = zero()));
    return d;
  };
  const subs = new Map<string | null, LinkCounts>();
  const links = new Map<string | null, { name: string; counts: LinkCounts }>();
  const sub = (key: string | null) => {
    let s = subs.get(key);
    if (!s) subs.set(key, (s = zero()));
    return s;
  };
  const link = (slug: string | null, name: string | null) => {
    let l = links.get(slug);
    if (!l) links.set(slug, (l = { name: name ?? slug ?? '', counts: zero() }));
    else if (name && l.name === slug) l.name = name;
    return l.counts;
  };
  const totals = zero();

  for (const r of await clicksByQuarterQuery(db, partnerId, range).execute()) day(dayOf(Number(r.q))).clicks += Number(r.n);
  for (const r of await leadsByQuarterQuery(db, partnerId, range).execute()) day(dayOf(Number(r.q))).leads += Number(r.n);
  for (const r of await salesByQuarterQuery(db, partnerId, range).execute()) {
    const d = day(dayOf(Number(r.q)));
    d.sales += Number(r.n);
    d.salesAmount += Number(r.amount);
  }
  for (const r of await clicksBy(db, partnerId, range).execute()) {
    const n = Number(r.n);
    totals.clicks += n;
    sub(r.sub).clicks += n;
    link(r.slug, r.name).clicks += n;
  }
  for (const r of await leadsBy(db, partnerId, range).execute()) {
    const n = Number(r.n);
    totals.leads += n;
    sub(r.sub).leads += n;
    link(r.slug, r.name).leads += n;
  }
  for (const r of await salesBy(db, partnerId, range).execute()) {
    const n = Number(r.n);
    const amount = Number(r.amount);
    totals.sales += n;
    totals.salesAmount += amount;
    const s = sub(r.sub);
    s.sales += n;
    s.salesAmount += amount;
    const l = link(r.slug, r.name);
    l.sales += n;
    l.salesAmount += amount;
  }
  for (const r of await earningsQuery(db, partnerId, range).execute()) {
    const net = r.amount - r.clawed_back;
    const why = parseWhy(r.reason, r.program_id);
    totals.earnings += net;
    day(dayOf(Math.floor(r.created_at / QUARTER_HOUR))).earnings += net;
    sub(why.sub).earnings += net;
    link(why.link?.slug ?? null, why.link?.name ?? null).earnings += net;
  }

  const withRates = <T extends LinkCounts>(c: T): T & LinkRates => ({ ...c, ...ratesOf(c) });
  const byClicks = (a: LinkCounts, b: LinkCounts) => b.clicks - a.clicks || b.earnings - a.earnings;
  return {
    currency,
    timeZone,
    totals: withRates(totals),
    byDay: [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, c]) => ({ date, ...c })),
    bySub: [...subs]
      .sort(([, a], [, b]) => byClicks(a, b))
      .map(([key, c]) => ({ sub: key, ...withRates(c) })),
    byLink: [...links]
      .sort(([, a], [, b]) => byClicks(a.counts, b.counts))
      .map(([slug, l]) => ({ link: slug === null ? null : { slug, name: l.name || slug }, ...withRates(l.counts) })),
  };
}

export const LINKS_CSV_HEADER = ['Breakdown', 'Key', 'Clicks', 'Leads', 'Sales', 'Sales amount', 'Earnings', 'Conversion rate', 'Earnings per click', 'Currency'];

export async function* linkCsvLines(deps: Deps, partnerId: number, options: { range: Range; timeZone: string }): AsyncGenerator<string[][]> {
  const stats = await linkStats(deps, partnerId, options);
  const c = stats.currency;
  const line = (breakdown: string, key: string, r: LinkCounts) => {
    const rates = ratesOf(r);
    return [
      breakdown,
      csvText(key),
      String(r.clicks),
      String(r.leads),
      String(r.sales),
      csvNumber(toDecimal(r.salesAmount, c)),
      csvNumber(toDecimal(r.earnings, c)),
      rates.conversionRate === null ? '' : formatRate(rates.conversionRate),
      rates.earningsPerClick === null ? '' : csvNumber(toDecimal(rates.earningsPerClick, c)),
      c,
    ];
  };
  yield [line('Total', 'All', stats.totals)];
  yield stats.byDay.map((d) => line('Day', d.date, d));
  yield stats.bySub.map((s) => line('Sub-id', s.sub ?? '(none)', s));
  yield stats.byLink.map((l) => line('Link', l.link?.slug ?? '(no link)', l));
}
