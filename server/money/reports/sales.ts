import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NO_COMMISSION_REASONS, type NoCommissionReason } from '../no-commission-reasons.js';
import { getSettings } from '../../catalog/settings.js';
import { csvNumber, csvText, csvTime } from '../../shared/csv.js';
import { toDecimal } from '../../shared/money.js';
import { pageWhere, takePage, type Cursor, type Range } from './range.js';
import type { Sale, SaleNoCommissionReason, SalesReport } from './schemas.js';

/** The sales report: every sale attributed to the partner, with its items and the commission it earned them. Its shape: SalesReportSchema (schemas.ts). */

/** The reason the engine stored in the sale's answer (JSON), read defensively. */
function storedReason(response: string): NoCommissionReason | null {
  try {
    const value = (JSON.parse(response) as { noCommissionReason?: unknown }).noCommissionReason;
    return (NO_COMMISSION_REASONS as readonly unknown[]).includes(value) ? (value as NoCommissionReason) : null;
  } catch {
    return null;
  }
}

type Db = Kysely<Database>;

export function salesPageQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>, cursor: Cursor | undefined, limit: number) {
  return db
    .selectFrom('sales')
    .select(['id', 'at', 'order_id', 'amount', 'currency', 'refunded_amount', 'status', 'self_referral', 'response'])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range, cursor))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

export function salesTotalsQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('sales')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.sum<number | string | null>('amount').as('amount'),
      eb.fn.sum<number | string | null>('refunded_amount').as('refunded'),
    ])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range));
}

/** The partner's direct commissions on the sales of the range, net of clawbacks. */
export function salesCommissionQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('sales as s')
    .innerJoin('commissions as c', (j) => j.onRef('c.sale_id', '=', 's.id').on('c.partner_id', '=', partnerId))
    .select((eb) => eb.fn.sum<number | string | null>(eb('c.amount', '-', eb.ref('c.clawed_back'))).as('commission'))
    .where('s.partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 's.at', id: 's.id' }, range));
}

type PageRow = Awaited<ReturnType<ReturnType<typeof salesPageQuery>['execute']>>[number];

async function viewsOf(db: Db, partnerId: number, rows: PageRow[]): Promise<Sale[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const items = await db
    .selectFrom('sale_items')
    .select(['sale_id', 'product_id', 'quantity', 'amount'])
    .where('sale_id', 'in', ids)
    .orderBy('id')
    .execute();
  const earned = await db
    .selectFrom('commissions')
    .select((eb) => ['sale_id', eb.fn.sum<number | string>('amount').as('amount'), eb.fn.sum<number | string>(eb('amount', '-', eb.ref('clawed_back'))).as('net')])
    .where('sale_id', 'in', ids)
    .where('partner_id', '=', partnerId)
    .where('tier', '=', 'direct')
    .groupBy('sale_id')
    .execute();
  const reasonOf = (r: PageRow, commission: { amount: number; net: number }): SaleNoCommissionReason | null => {
    if (commission.net !== 0) return null;
    if (commission.amount > 0) return 'clawed_back';
    return storedReason(r.response) ?? (r.self_referral === 1 ? 'self_referral' : null);
  };
  return rows.map((r) => {
    const e = earned.find((x) => x.sale_id === r.id);
    const commission = { amount: Number(e?.amount ?? 0), net: Number(e?.net ?? 0) };
    return {
    id: r.id,
    date: new Date(r.at).toISOString(),
    order: r.order_id,
    amount: r.amount,
    currency: r.currency,
    refunded: r.refunded_amount,
    status: r.status,
    selfReferral: r.self_referral === 1,
    items: items.filter((i) => i.sale_id === r.id).map((i) => ({ product: i.product_id, quantity: i.quantity, amount: i.amount })),
    commission: commission.net,
    noCommissionReason: reasonOf(r, commission),
    };
  });
}

export async function salesReport(
  deps: Deps,
  partnerId: number,
  options: { range: Range; cursor?: Cursor | undefined; limit: number },
): Promise<SalesReport> {
  const db = deps.db.kysely;
  const { currency } = await getSettings(deps);
  const totals = await salesTotalsQuery(db, partnerId, options.range).executeTakeFirst();
  const commission = await salesCommissionQuery(db, partnerId, options.range).executeTakeFirst();
  const rows = await salesPageQuery(db, partnerId, options.range, options.cursor, options.limit + 1).execute();
  const page = takePage('sales', rows, options.limit, (r) => r.at);
  return {
    currency,
    totals: {
      count: Number(totals?.count ?? 0),
      amount: Number(totals?.amount ?? 0),
      refunded: Number(totals?.refunded ?? 0),
      commission: Number(commission?.commission ?? 0),
    },
    items: await viewsOf(db, partnerId, page.rows),
    nextCursor: page.nextCursor,
  };
}

export const SALES_CSV_HEADER = ['Date (UTC)', 'Sale ID', 'Order', 'Amount', 'Refunded', 'Status', 'Self-referral', 'Items', 'Commission', 'No commission because', 'Currency'];

export async function* salesCsvLines(deps: Deps, partnerId: number, range: Range, batchSize = 500): AsyncGenerator<string[][]> {
  const db = deps.db.kysely;
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await salesPageQuery(db, partnerId, range, cursor, batchSize).execute();
    const views = await viewsOf(db, partnerId, rows);
    if (views.length) {
      yield views.map((s) => [
        csvTime(Date.parse(s.date)),
        String(s.id),
        csvText(s.order),
        csvNumber(toDecimal(s.amount, s.currency)),
        csvNumber(toDecimal(s.refunded, s.currency)),
        s.status,
        s.selfReferral ? 'yes' : 'no',
        csvText(s.items.map((i) => `${i.quantity} × ${i.product} (${toDecimal(i.amount, s.currency)})`).join('; ')),
        csvNumber(toDecimal(s.commission, s.currency)),
        s.noCommissionReason ?? '',
        s.currency,
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}
