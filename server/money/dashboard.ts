import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { getSettings } from '../catalog/settings.js';
import { DAY_MS, offsetAt } from '../shared/time.js';
import { invalid } from '../shared/errors.js';
import { parseRange } from './reports/range.js';
import { checkTimeZone, dayKeyer, QUARTER_HOUR } from './reports/links.js';
import type { Dashboard, DashboardQuery } from './dashboard.schemas.js';
import { payoutsDueTotal } from './payouts-due.js';

/**
 * The merchant's dashboard: the whole program's figures for a period, a daily trend, the top
 * partners and what needs attention. Every figure is an aggregate the database computes from an
 * index (010-dashboard-indexes.sql); nothing loads rows to add them up here. The money words
 * are money-terms.ts's, summed over every partner: earned and paid from the ledger rows dated in
 * the period; balance (owed), pending and payable now whatever the period.
 */

/** The longest period one dashboard covers (its trend is one row per day). */
export const MAX_DAYS = 400;
const TOP_PARTNERS = 10;

/** The first instant of the calendar day `days` after the one holding `at`, in `timeZone`. */
function startOfDay(at: number, timeZone: string, days = 0): number {
  const [y, m, d] = dayKeyer(timeZone)(Math.floor(at / QUARTER_HOUR)).split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + days);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** The period: `from`/`to` as the partner reports read them; missing ends default to the last 30 days in `timeZone`. */
export function dashboardPeriod(query: DashboardQuery, now: number): { from: number; until: number; timeZone: string } {
  const timeZone = checkTimeZone(query.timeZone);
  const range = parseRange(query);
  const until = range.until ?? startOfDay(now, timeZone, 1);
  const from = range.from ?? (range.until === null ? startOfDay(now, timeZone, -29) : until - 30 * DAY_MS);
  if (from >= until) throw invalid('from', 'from: must be before to', 'invalid_range');
  if (until - from > MAX_DAYS * DAY_MS) throw invalid('from', `from: a dashboard covers at most ${MAX_DAYS} days`, 'invalid_range');
  return { from, until, timeZone };
}

const num = (v: number | string | bigint | null | undefined) => Number(v ?? 0);

/** The period cut into its days in the time zone: [start, stop) each, the first and last clipped to the period. */
export function daysOf(from: number, until: number, timeZone: string): { date: string; start: number; stop: number }[] {
  const dayOf = dayKeyer(timeZone);
  const days = [];
  for (let start = startOfDay(from, timeZone); start < until; start = startOfDay(start, timeZone, 1)) {
    days.push({ date: dayOf(Math.floor(start / QUARTER_HOUR)), start: Math.max(start, from), stop: Math.min(startOfDay(start, timeZone, 1), until) });
  }
  return days;
}
type Days = { start: number; stop: number }[];

/** `days(day, start, stop)`: the days as a table the database joins each day's index range to. */
const daysTable = (days: Days) => sql`days(day, start, stop) as (values ${sql.join(days.map((d, i) => sql`(${sql.lit(i)}, CAST(${d.start} AS BIGINT), CAST(${d.stop} AS BIGINT))`))})`;

// ── the queries (each an index range read; test/server/money/dashboard-plan.test.ts checks their plans) ──

export const dashboardQueries = {
  /** per day of the period: one range read of the covering index each, summed in the database */
  clicksByDay: (days: Days) =>
    sql<{ day: number; n: number }>`with ${daysTable(days)}
      select days.day as day, count(*) as n from days join clicks x on x.at >= days.start and x.at < days.stop group by days.day`,
  // `+x.self_referral`: not a term an index may serve, or over a long period SQLite builds an
  // automatic index on it over every sale instead of searching dashboard_sales_at by time
  salesByDay: (days: Days) =>
    sql<{ day: number; n: number; amount: number }>`with ${daysTable(days)}
      select days.day as day, count(*) as n, sum(x.amount) as amount from days
      join sales x on x.at >= days.start and x.at < days.stop and +x.self_referral = 0 and x.partner_id is not null group by days.day`,
  earnedByDay: (days: Days) =>
    sql<{ day: number; amount: number }>`with ${daysTable(days)}
      select days.day as day, sum(x.amount) as amount from days
      join ledger_entries x on x.type = 'commission' and x.at >= days.start and x.at < days.stop group by days.day`,
  leads: (db: Executor, from: number, until: number) =>
    db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>=', from).where('at', '<', until),
  /** payment rows are negative; reversals of payments positive */
  paid: (db: Executor, from: number, until: number) =>
    db.selectFrom('ledger_entries').select(sql<number>`coalesce(sum(amount), 0)`.as('total')).where('type', '=', 'payment').where('at', '>=', from).where('at', '<', until),
  /** every partner's latest running balance, one row each */
  owed: (db: Executor) => db.selectFrom('partner_balances').select(sql<number>`coalesce(sum(balance), 0)`.as('total')),
  /** pending commissions: still on hold (held) and past their hold (what the sweep approves next) */
  pending: (db: Executor, now: number) =>
    db
      .selectFrom('commissions')
      .select([
        sql<number>`coalesce(sum(case when payable_at > ${now} then amount - clawed_back end), 0)`.as('held'),
        sql<number>`count(case when payable_at <= ${now} then 1 end)`.as('due_count'),
        sql<number>`coalesce(sum(case when payable_at <= ${now} then amount - clawed_back end), 0)`.as('due_amount'),
      ])
      .where('status', '=', 'pending'),
  topPartners: (db: Executor, from: number, until: number) =>
    db
      .selectFrom('ledger_entries')
      .select((eb) => ['partner_id', eb.fn.sum<number>('amount').as('earned')])
      .where('type', '=', 'commission')
      .where('at', '>=', from)
      .where('at', '<', until)
      .groupBy('partner_id')
      .orderBy('earned', 'desc')
      .orderBy('partner_id')
      .limit(TOP_PARTNERS),
  salesOf: (db: Executor, partnerIds: number[], from: number, until: number) =>
    db
      .selectFrom('sales')
      .select((eb) => ['partner_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('amount')])
      .where('partner_id', 'in', partnerIds)
      .where('at', '>=', from)
      .where('at', '<', until)
      .where('self_referral', '=', 0)
      .groupBy('partner_id'),
  signupsWaiting: (db: Executor) => db.selectFrom('partners').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending'),
};

export async function dashboard(deps: Deps, query: DashboardQuery): Promise<Dashboard> {
  const db = deps.db.kysely;
  const now = deps.clock();
  const { from, until, timeZone } = dashboardPeriod(query, now);
  const settings = await getSettings(deps);
  const q = dashboardQueries;
  const days = daysOf(from, until, timeZone);
  const trend = days.map((d) => ({ date: d.date, clicks: 0, sales: 0, earned: 0 }));
  const sales = { count: 0, amount: 0 };
  for (const r of (await q.clicksByDay(days).execute(db)).rows) trend[r.day]!.clicks = num(r.n);
  for (const r of (await q.salesByDay(days).execute(db)).rows) {
    trend[r.day]!.sales = num(r.n);
    sales.count += num(r.n);
    sales.amount += num(r.amount);
  }
  for (const r of (await q.earnedByDay(days).execute(db)).rows) trend[r.day]!.earned = num(r.amount);
  const clicks = trend.reduce((t, d) => t + d.clicks, 0);
  const earned = trend.reduce((t, d) => t + d.earned, 0);
  const paid = -num((await q.paid(db, from, until).executeTakeFirstOrThrow()).total);

  const owed = num((await q.owed(db).executeTakeFirstOrThrow()).total);
  const pending = await q.pending(db, now).executeTakeFirstOrThrow();
  const held = num(pending.held);

  const top = await q.topPartners(db, from, until).execute();
  const ids = top.map((t) => t.partner_id);
  const partners = ids.length ? await db.selectFrom('partners').select(['id', 'code', 'name']).where('id', 'in', ids).execute() : [];
  const salesOf = new Map((ids.length ? await q.salesOf(db, ids, from, until).execute() : []).map((r) => [r.partner_id, { count: num(r.n), amount: num(r.amount) }]));
  const due = await payoutsDueTotal(db, now, settings.minimumPayout);

  return {
    from: new Date(from).toISOString(),
    to: new Date(until - 1).toISOString(),
    timeZone,
    currency: settings.currency,
    period: { clicks, leads: num((await q.leads(db, from, until).executeTakeFirstOrThrow()).n), sales, earned, paid },
    now: { balance: owed, pending: held, payableNow: owed - held, currency: settings.currency },
    trend,
    topPartners: top.map((t) => {
      const p = partners.find((x) => x.id === t.partner_id)!;
      return { code: p.code, name: p.name, earned: num(t.earned), sales: salesOf.get(t.partner_id) ?? { count: 0, amount: 0 } };
    }),
    attention: {
      signupsWaiting: num((await q.signupsWaiting(db).executeTakeFirstOrThrow()).n),
      pastHold: { count: num(pending.due_count), amount: num(pending.due_amount) },
      payoutsDue: { ...due, minimum: settings.minimumPayout },
    },
  };
}
