import type { Kysely } from 'kysely';
import type { Database, RateType } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { moneyNow, periodMoney } from '../money-terms.js';
import { getSettings } from '../../catalog/settings.js';
import { csvNumber, csvText, csvTime } from '../../shared/csv.js';
import { toDecimal, formatRate } from '../../shared/money.js';
import { pageWhere, takePage, type Cursor, type Range } from './range.js';
import { AttributionSchema, type Commission, type CommissionReport, type CommissionTotals, type CommissionWhy } from './schemas.js';

/**
 * The commission report: every commission of the partner with what it was for (order, sale
 * amount, rate), where it stands (pending/approved/paid/clawed back) and why it exists (link,
 * sub-id, click time, attribution rule, program), plus the reason of any clawback. Its shape:
 * CommissionReportSchema (schemas.ts).
 */

type Db = Kysely<Database>;

export function commissionsPageQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>, cursor: Cursor | undefined, limit: number) {
  return db
    .selectFrom('commissions as c')
    .leftJoin('sales as s', 's.id', 'c.sale_id')
    .select([
      'c.id',
      'c.created_at',
      'c.kind',
      'c.tier',
      'c.base_amount',
      'c.rate_type',
      'c.rate_value',
      'c.amount',
      'c.clawed_back',
      'c.status',
      'c.reason',
      'c.payable_at',
      'c.program_id',
      'c.sale_id',
      's.order_id',
      's.amount as sale_amount',
    ])
    .where('c.partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'c.created_at', id: 'c.id' }, range, cursor))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit);
}

/** How many commissions were recorded in the range. */
export function commissionTotalsQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('commissions')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'created_at', id: 'id' }, range));
}

export async function commissionTotals(deps: Deps, partnerId: number, range: Pick<Range, 'from' | 'until'>): Promise<CommissionTotals> {
  const db = deps.db.kysely;
  const { currency } = await getSettings(deps);
  const counted = await commissionTotalsQuery(db, partnerId, range).executeTakeFirst();
  const period = await periodMoney(db, partnerId, range, currency);
  const now = await moneyNow(db, partnerId, { currency, now: deps.clock() });
  return {
    count: Number(counted?.count ?? 0),
    earned: period.earned,
    clawedBack: period.clawedBack,
    paid: period.paid,
    pending: now.pending,
    payableNow: now.payableNow,
    balance: now.balance,
    currency,
  };
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Reads the engine's reason JSON defensively: a missing or odd field is null, never an error. */
export function parseWhy(reason: string, programId: number | null): CommissionWhy {
  let r: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(reason);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) r = parsed as Record<string, unknown>;
  } catch {
    // not JSON: nothing to say
  }
  const slug = str(r.linkSlug);
  const clickAt = str(r.clickAt);
  const clickMs = clickAt ? Date.parse(clickAt) : NaN;
  return {
    attribution: AttributionSchema.safeParse(r.attribution).data ?? null,
    link: slug ? { slug, name: str(r.linkName) } : null,
    sub: str(r.sub),
    clickAt: Number.isNaN(clickMs) ? null : new Date(clickMs).toISOString(),
    program: { id: typeof r.programId === 'number' ? r.programId : programId, name: str(r.programName) },
    childCode: str(r.childCode),
  };
}

type PageRow = Awaited<ReturnType<ReturnType<typeof commissionsPageQuery>['execute']>>[number];

export interface Clawback {
  amount: number;
  /** ISO 8601: the latest clawback */
  date: string;
  reason: string;
}

/** Clawback details of a set of commissions: total, last date, and the refund reasons (else the ledger's words). */
export async function clawbacksOf(db: Db, rows: Pick<PageRow, 'id' | 'clawed_back' | 'sale_id' | 'created_at'>[]) {
  const clawed = rows.filter((r) => r.clawed_back > 0);
  const result = new Map<number, Clawback>();
  if (!clawed.length) return result;
  const entries = await db
    .selectFrom('ledger_entries')
    .select(['commission_id', 'at', 'amount', 'description'])
    .where('type', '=', 'clawback')
    .where(
      'commission_id',
      'in',
      clawed.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  const saleIds = [...new Set(clawed.map((r) => r.sale_id).filter((id): id is number => id !== null))];
  const refunds = saleIds.length
    ? await db.selectFrom('refunds').select(['sale_id', 'reason', 'at']).where('sale_id', 'in', saleIds).orderBy('at').orderBy('id').execute()
    : [];
  for (const row of clawed) {
    const mine = entries.filter((e) => e.commission_id === row.id);
    const reasons = refunds.filter((f) => f.sale_id === row.sale_id && f.reason).map((f) => f.reason!);
    const last = mine.at(-1)?.at ?? refunds.filter((f) => f.sale_id === row.sale_id).at(-1)?.at;
    result.set(row.id, {
      amount: row.clawed_back,
      date: new Date(last ?? row.created_at).toISOString(),
      reason: (reasons.length ? reasons : mine.map((e) => e.description)).join('; '),
    });
  }
  return result;
}

async function itemsOf(deps: Deps, rows: PageRow[]): Promise<Commission[]> {
  const clawbacks = await clawbacksOf(deps.db.kysely, rows);
  return rows.map((r) => ({
    id: r.id,
    date: new Date(r.created_at).toISOString(),
    kind: r.kind,
    order: r.order_id ?? null,
    saleAmount: r.sale_amount ?? null,
    baseAmount: r.base_amount,
    rate: { type: r.rate_type, value: r.rate_value },
    amount: r.amount,
    clawedBack: r.clawed_back,
    status: r.status,
    tier: r.tier,
    payableAt: new Date(r.payable_at).toISOString(),
    why: parseWhy(r.reason, r.program_id),
    clawback: clawbacks.get(r.id) ?? null,
  }));
}

export async function commissionReport(
  deps: Deps,
  partnerId: number,
  options: { range: Range; cursor?: Cursor | undefined; limit: number },
): Promise<CommissionReport> {
  const { currency } = await getSettings(deps);
  const totals = await commissionTotals(deps, partnerId, options.range);
  const rows = await commissionsPageQuery(deps.db.kysely, partnerId, options.range, options.cursor, options.limit + 1).execute();
  const page = takePage('commissions', rows, options.limit, (r) => r.created_at);
  return { currency, totals, items: await itemsOf(deps, page.rows), nextCursor: page.nextCursor };
}

export const COMMISSIONS_CSV_HEADER = [
  'Date (UTC)',
  'Commission ID',
  'Kind',
  'Order',
  'Sale amount',
  'Base amount',
  'Rate',
  'Amount',
  'Clawed back',
  'Status',
  'Tier',
  'Payable on (UTC)',
  'Program',
  'Attribution',
  'Link',
  'Sub-id',
  'Click time (UTC)',
  'Clawback reason',
  'Currency',
];

const rateText = (type: RateType, value: number, currency: string) =>
  type === 'percent' ? formatRate(value) : `${toDecimal(value, currency)} flat`;

export async function* commissionCsvLines(deps: Deps, partnerId: number, range: Range, batchSize = 500): AsyncGenerator<string[][]> {
  const { currency } = await getSettings(deps);
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await commissionsPageQuery(deps.db.kysely, partnerId, range, cursor, batchSize).execute();
    const items = await itemsOf(deps, rows);
    if (items.length) {
      yield items.map((c) => [
        csvTime(Date.parse(c.date)),
        String(c.id),
        c.kind,
        csvText(c.order),
        csvNumber(c.saleAmount === null ? null : toDecimal(c.saleAmount, currency)),
        csvNumber(toDecimal(c.baseAmount, currency)),
        csvText(rateText(c.rate.type, c.rate.value, currency)),
        csvNumber(toDecimal(c.amount, currency)),
        csvNumber(toDecimal(c.clawedBack, currency)),
        c.status,
        c.tier,
        csvTime(Date.parse(c.payableAt)),
        csvText(c.why.program.name),
        c.why.attribution ?? '',
        csvText(c.why.link?.slug),
        csvText(c.why.sub),
        c.why.clickAt ? csvTime(Date.parse(c.why.clickAt)) : '',
        csvText(c.clawback?.reason),
        currency,
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.created_at, id: last.id };
  }
}
