import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { getSettings } from '../catalog/settings.js';
import { DAY_MS } from '../shared/time.js';
import { invalid } from '../shared/errors.js';
import { parseRange } from './reports/range.js';
import { checkTimeZone, dayKeyer, QUARTER_HOUR } from './reports/links.js';
import type { Dashboard, DashboardQuery } from './dashboard.schemas.js';

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

/** ms between UTC and the wall clock of `timeZone` at `at` (+3_600_000 for Paris in winter). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

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

const quarter = sql<number>`at / ${QUARTER_HOUR}`;
const num = (v: number | string | bigint | null | undefined) => Number(v ?? 0);

// ── the queries (each an index range read; test/server/money/dashboard-plan.test.ts checks their plans) ──

export const dashboardQueries = {
  clicks: (db: Executor, from: number, until: number) =>
    db.selectFrom('clicks').select((eb) => [quarter.as('q'), eb.fn.countAll<number>().as('n')]).where('at', '>=', from).where('at', '<', until).groupBy('q'),
  leads: (db: Executor, from: number, until: number) =>
    db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>=', from).where('at', '<', until),
  sales: (db: Executor, from: number, until: number) =>
    db
      .selectFrom('sales')
      .select((eb) => [quarter.as('q'), eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('amount')])
      .where('at', '>=', from)
      .where('at', '<', until)
      .where('self_referral', '=', 0)
      .where('partner_id', 'is not', null)
      .groupBy('q'),
  /** earned by quarter hour, and paid (payment rows are negative) in total */
  ledger: (db: Executor, from: number, until: number) =>
    db
      .selectFrom('ledger_entries')
      .select((eb) => ['type', quarter.as('q'), eb.fn.sum<number>('amount').as('total')])
      .where('type', 'in', ['commission', 'payment'])
      .where('at', '>=', from)
      .where('at', '<', until)
      .groupBy(['type', 'q']),
  owed: (db: Executor) => db.selectFrom('ledger_entries').select(sql<number>`coalesce(sum(amount), 0)`.as('total')),
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
  /**
   * Active partners whose payable now (latest running balance − commissions still on hold)
   * reaches `minimum`, as payoutsDue lists them: one index look-up per active partner.
   */
  payoutsDue: (now: number, minimum: number) =>
    sql<{ n: number; amount: number }>`
      with held as (
        select partner_id, sum(amount - clawed_back) as held from commissions
        where status = 'pending' and payable_at > ${now} group by partner_id
      ),
      payable as (
        select (select l.balance from ledger_entries l where l.partner_id = p.id order by l.at desc, l.id desc limit 1) - coalesce(h.held, 0) as amount
        from partners p left join held h on h.partner_id = p.id
        where p.status = 'active'
      )
      select count(*) as n, coalesce(sum(amount), 0) as amount from payable where amount > 0 and amount >= ${minimum}`,
};

export async function dashboard(deps: Deps, query: DashboardQuery): Promise<Dashboard> {
  const db = deps.db.kysely;
  const now = deps.clock();
  const { from, until, timeZone } = dashboardPeriod(query, now);
  const settings = await getSettings(deps);
  const q = dashboardQueries;
  const dayOf = dayKeyer(timeZone);

  const trend = new Map<string, { date: string; clicks: number; sales: number; earned: number }>();
  for (let day = startOfDay(from, timeZone); day < until; day = startOfDay(day, timeZone, 1)) {
    const date = dayOf(Math.floor(day / QUARTER_HOUR));
    trend.set(date, { date, clicks: 0, sales: 0, earned: 0 });
  }
  const dayAt = (quarterHour: number) => trend.get(dayOf(quarterHour))!;

  let clicks = 0;
  for (const r of await q.clicks(db, from, until).execute()) {
    clicks += num(r.n);
    dayAt(num(r.q)).clicks += num(r.n);
  }
  const sales = { count: 0, amount: 0 };
  for (const r of await q.sales(db, from, until).execute()) {
    sales.count += num(r.n);
    sales.amount += num(r.amount);
    dayAt(num(r.q)).sales += num(r.n);
  }
  let earned = 0;
  let paid = 0;
  for (const r of await q.ledger(db, from, until).execute()) {
    if (r.type === 'payment') paid -= num(r.total);
    else {
      earned += num(r.total);
      dayAt(num(r.q)).earned += num(r.total);
    }
  }

  const owed = num((await q.owed(db).executeTakeFirstOrThrow()).total);
  const pending = await q.pending(db, now).executeTakeFirstOrThrow();
  const held = num(pending.held);

  const top = await q.topPartners(db, from, until).execute();
  const ids = top.map((t) => t.partner_id);
  const partners = ids.length ? await db.selectFrom('partners').select(['id', 'code', 'name']).where('id', 'in', ids).execute() : [];
  const salesOf = new Map((ids.length ? await q.salesOf(db, ids, from, until).execute() : []).map((r) => [r.partner_id, { count: num(r.n), amount: num(r.amount) }]));
  const due = (await q.payoutsDue(now, settings.minimumPayout).execute(db)).rows[0];

  return {
    from: new Date(from).toISOString(),
    to: new Date(until - 1).toISOString(),
    timeZone,
    currency: settings.currency,
    period: { clicks, leads: num((await q.leads(db, from, until).executeTakeFirstOrThrow()).n), sales, earned, paid },
    now: { balance: owed, pending: held, payableNow: owed - held, currency: settings.currency },
    trend: [...trend.values()],
    topPartners: top.map((t) => {
      const p = partners.find((x) => x.id === t.partner_id)!;
      return { code: p.code, name: p.name, earned: num(t.earned), sales: salesOf.get(t.partner_id) ?? { count: 0, amount: 0 } };
    }),
    attention: {
      signupsWaiting: num((await q.signupsWaiting(db).executeTakeFirstOrThrow()).n),
      pastHold: { count: num(pending.due_count), amount: num(pending.due_amount) },
      payoutsDue: { count: num(due?.n), amount: num(due?.amount), minimum: settings.minimumPayout },
    },
  };
}
