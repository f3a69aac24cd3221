import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { calendarDate, offsetAt } from '../shared/time.js';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import type { PartnerRow } from '../db/schema.js';
import { getSettings, type Settings } from '../catalog/settings.js';
import { visibilityFor } from '../resources/resource-programs.js';
import { partnerLinkUrl } from '../resources/partner-links.js';
import { heldCommissions, moneyNow, periodMoney } from './money-terms.js';
import { openPayoutRequest, payoutDetailsMissing, payoutRequestView } from './payout-requests.js';
import type { Overview } from './overview.schemas.js';

/**
 * The partner's overview (`GET /api/v1/partner/overview`): one answer for `<partner-overview>`.
 * Every money figure is a money word of money-terms.ts, read by its functions: earned this and
 * last calendar month (periodMoney over the month in `timeZone`), and payable now, pending and
 * balance (moneyNow). The next payout follows the merchant's payoutSchedule setting. Every
 * query is an index range read on the partner (test/server/money/overview-plan.test.ts).
 */

export const OVERVIEW_WEEKS = 12;
export const RECENT_ENTRIES = 5;

// ── calendar dates in a time zone ────────────────────────────────────────────────────────────

type Ymd = { y: number; m: number; d: number };

/** The calendar date holding `at` in `timeZone`. */
export function dateIn(at: number, timeZone: string): Ymd {
  const parts = calendarDate(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/** The first instant of a calendar date in `timeZone` (month and day may overflow: {m: 13} is next January). */
export function startOfDate({ y, m, d }: Ymd, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** YYYY-MM-DD of a (possibly overflowing) calendar date. */
const isoDate = ({ y, m, d }: Ymd) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const addDays = ({ y, m, d }: Ymd, days: number): Ymd => ({ y, m, d: d + days });

/** The next payout day on or after `today`: this month's `day` if not past, else next month's. */
export function nextPayoutDate(today: Ymd, day: number): Ymd {
  return today.d <= day ? { y: today.y, m: today.m, d: day } : { y: today.y, m: today.m + 1, d: day };
}

/** The twelve Monday-weeks ending with the current one, as [start, stop) instants in `timeZone`. */
export function weeksOf(now: number, timeZone: string, count = OVERVIEW_WEEKS): { weekStart: string; start: number; stop: number }[] {
  const today = dateIn(now, timeZone);
  const sinceMonday = (new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7;
  return Array.from({ length: count }, (_, i) => {
    const monday = addDays(today, -sinceMonday - 7 * (count - 1 - i));
    return { weekStart: isoDate(monday), start: startOfDate(monday, timeZone), stop: startOfDate(addDays(monday, 7), timeZone) };
  });
}

// ── the queries (index range reads on the partner; the plan test checks them) ──────────────

type Weeks = { start: number; stop: number }[];
/** `case when at < stop0 then 0 when at < stop1 then 1 … end`: the week a row falls in. */
const weekOf = (column: string, weeks: Weeks) => sql<number>`case ${sql.join(weeks.map((w, i) => sql`when ${sql.ref(column)} < ${w.stop} then ${sql.lit(i)}`), sql` `)} end`;

export const overviewQueries = {
  clicksByWeek: (db: Executor, partnerId: number, weeks: Weeks) =>
    db
      .selectFrom('clicks')
      .select((eb) => [weekOf('at', weeks).as('w'), eb.fn.countAll<number | string>().as('n')])
      .where('partner_id', '=', partnerId)
      .where('at', '>=', weeks[0]!.start)
      .where('at', '<', weeks[weeks.length - 1]!.stop)
      .groupBy('w'),
  /** the partner's attributed sales, self-referrals left out (as the link statistics count them) */
  salesByWeek: (db: Executor, partnerId: number, weeks: Weeks) =>
    db
      .selectFrom('sales')
      .select((eb) => [weekOf('at', weeks).as('w'), eb.fn.countAll<number | string>().as('n')])
      .where('partner_id', '=', partnerId)
      .where('at', '>=', weeks[0]!.start)
      .where('at', '<', weeks[weeks.length - 1]!.stop)
      .where('self_referral', '=', 0)
      .groupBy('w'),
  /**
   * `earned`: the ledger's commission rows. `+type`: not a term an index may serve, or SQLite
   * reads every partner's commissions of the weeks from the dashboard's covering index
   * (PostgreSQL plans by cost and has no such trick).
   */
  earnedByWeek: (db: Executor, partnerId: number, weeks: Weeks) =>
    db
      .selectFrom('ledger_entries')
      .select((eb) => [weekOf('at', weeks).as('w'), eb.fn.sum<number | string>('amount').as('n')])
      .where('partner_id', '=', partnerId)
      .where(dialectOf(db) === 'sqlite' ? sql<string>`+type` : sql<string>`type`, '=', 'commission')
      .where('at', '>=', weeks[0]!.start)
      .where('at', '<', weeks[weeks.length - 1]!.stop)
      .groupBy('w'),
  recent: (db: Executor, partnerId: number) =>
    db
      .selectFrom('ledger_entries')
      .select(['id', 'at', 'type', 'description', 'amount'])
      .where('partner_id', '=', partnerId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(RECENT_ENTRIES),
  anyClick: (db: Executor, partnerId: number) => db.selectFrom('clicks').select('id').where('partner_id', '=', partnerId).limit(1),
  merchantLinks: (db: Executor) => db.selectFrom('links').select(['id', 'name', 'slug', 'sub']).where('partner_id', 'is', null).where('status', '=', 'active').orderBy('id'),
};

/** Each week's figure, 0 where the query found none. */
const byWeek = (rows: { w: number | null; n: number | string | null }[], count: number) => {
  const values = new Array<number>(count).fill(0);
  for (const r of rows) if (r.w !== null) values[r.w] = Number(r.n ?? 0);
  return values;
};

/** The overview of one partner, months and weeks counted in `timeZone` (already checked). */
export async function overview(deps: Deps, partner: PartnerRow, options: { timeZone: string; base: string }): Promise<Overview> {
  const db = deps.db.kysely;
  const { timeZone } = options;
  const settings: Settings = await getSettings(deps);
  const { currency, minimumPayout, payoutSchedule } = settings;
  const now = deps.clock();
  const today = dateIn(now, timeZone);

  const thisMonth = startOfDate({ ...today, d: 1 }, timeZone);
  const lastMonth = startOfDate({ y: today.y, m: today.m - 1, d: 1 }, timeZone);
  const earnedThisMonth = (await periodMoney(db, partner.id, { from: thisMonth, until: null }, currency)).earned;
  const earnedLastMonth = (await periodMoney(db, partner.id, { from: lastMonth, until: thisMonth }, currency)).earned;

  const money = await moneyNow(db, partner.id, { currency, now });
  const held = await heldCommissions(db, partner.id, now);
  const net = (list: typeof held) => list.reduce((sum, c) => sum + c.amount - c.clawed_back, 0);
  const firstRelease = held.reduce<number | null>((min, c) => (min === null || c.payable_at < min ? c.payable_at : min), null);
  const nextRelease = firstRelease === null ? null : { at: new Date(firstRelease).toISOString(), amount: net(held.filter((c) => c.payable_at === firstRelease)) };

  let date: string | null = null;
  let estimatedAmount = money.payableNow;
  if (payoutSchedule.kind === 'monthly') {
    const payoutDay = nextPayoutDate(today, payoutSchedule.day);
    date = isoDate(payoutDay);
    const endOfPayoutDay = startOfDate(addDays(payoutDay, 1), timeZone);
    estimatedAmount += net(held.filter((c) => c.payable_at < endOfPayoutDay));
  }
  const open = await openPayoutRequest(db, partner.id);

  const visible = await visibilityFor(deps, 'link', partner.id);
  const link = (await overviewQueries.merchantLinks(db).execute()).find((l) => visible(l.id));

  const weeks = weeksOf(now, timeZone);
  const clicks = byWeek(await overviewQueries.clicksByWeek(db, partner.id, weeks).execute(), weeks.length);
  const sales = byWeek(await overviewQueries.salesByWeek(db, partner.id, weeks).execute(), weeks.length);
  const earned = byWeek(await overviewQueries.earnedByWeek(db, partner.id, weeks).execute(), weeks.length);
  const recent = await overviewQueries.recent(db, partner.id).execute();
  const hasActivity = recent.length > 0 || !!(await overviewQueries.anyClick(db, partner.id).executeTakeFirst());

  return {
    currency,
    timeZone,
    earnedThisMonth,
    earnedLastMonth,
    payableNow: money.payableNow,
    pending: money.pending,
    balance: money.balance,
    nextRelease,
    nextPayout: {
      schedule: payoutSchedule,
      date,
      estimatedAmount,
      minimumPayout,
      meetsMinimum: estimatedAmount > 0 && estimatedAmount >= minimumPayout,
      payoutDetailsMissing: payoutDetailsMissing(partner),
    },
    openRequest: open ? payoutRequestView(open) : null,
    mainLink: link ? { id: link.id, name: link.name, url: partnerLinkUrl(options.base, partner.code, link.slug, link.sub) } : null,
    weeks: weeks.map((w, i) => ({ weekStart: w.weekStart, clicks: clicks[i]!, sales: sales[i]!, earned: earned[i]! })),
    recent: recent.map((e) => ({ id: e.id, at: new Date(e.at).toISOString(), type: e.type, description: e.description, amount: e.amount })),
    hasActivity,
  };
}
