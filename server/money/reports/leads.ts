import { maskEmail } from '../../shared/privacy.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { getSettings, type Settings } from '../../catalog/settings.js';
import { csvText, csvTime } from '../../shared/csv.js';
import { pageWhere, takePage, type Cursor, type Range } from './range.js';
import type { Lead, LeadReport } from './schemas.js';

/**
 * Lead tracking: the people the partner referred who signed up, shown masked
 * (`j•••@example.com`, no name) unless the merchant's `leadPrivacy` setting is `full`. Its shape:
 * LeadReportSchema (schemas.ts).
 */

type Db = Kysely<Database>;

export function leadsPageQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>, cursor: Cursor | undefined, limit: number) {
  return db
    .selectFrom('leads as l')
    .leftJoin('clicks as k', 'k.id', 'l.click_id')
    .leftJoin('links as n', 'n.id', 'k.link_id')
    .select(['l.id', 'l.at', 'l.email', 'l.name', 'l.status', 'l.sub', 'n.slug', 'n.name as link_name'])
    .where('l.partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'l.at', id: 'l.id' }, range, cursor))
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit);
}

export function leadTotalsQuery(db: Db, partnerId: number, range: Pick<Range, 'from' | 'until'>) {
  return db
    .selectFrom('leads')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
    .where('partner_id', '=', partnerId)
    .where((eb) => pageWhere(eb, { at: 'at', id: 'id' }, range))
    .groupBy('status');
}

type PageRow = Awaited<ReturnType<ReturnType<typeof leadsPageQuery>['execute']>>[number];

const itemOf =
  (privacy: Settings['leadPrivacy']) =>
  (r: PageRow): Lead => ({
    id: r.id,
    date: new Date(r.at).toISOString(),
    lead: privacy === 'full' ? r.email : maskEmail(r.email),
    name: privacy === 'full' ? (r.name ?? null) : null,
    status: r.status,
    link: r.slug ? { slug: r.slug, name: r.link_name ?? r.slug } : null,
    sub: r.sub ?? null,
  });

export async function leadReport(
  deps: Deps,
  partnerId: number,
  options: { range: Range; cursor?: Cursor | undefined; limit: number },
): Promise<LeadReport> {
  const { leadPrivacy } = await getSettings(deps);
  const counts = await leadTotalsQuery(deps.db.kysely, partnerId, options.range).execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
  const rows = await leadsPageQuery(deps.db.kysely, partnerId, options.range, options.cursor, options.limit + 1).execute();
  const page = takePage('leads', rows, options.limit, (r) => r.at);
  return {
    privacy: leadPrivacy,
    totals: { leads: count('lead') + count('customer'), customers: count('customer') },
    items: page.rows.map(itemOf(leadPrivacy)),
    nextCursor: page.nextCursor,
  };
}

export const LEADS_CSV_HEADER = ['Date (UTC)', 'Lead ID', 'Lead', 'Name', 'Status', 'Link', 'Sub-id'];

export async function* leadCsvLines(deps: Deps, partnerId: number, range: Range, batchSize = 1000): AsyncGenerator<string[][]> {
  const { leadPrivacy } = await getSettings(deps);
  const toItem = itemOf(leadPrivacy);
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await leadsPageQuery(deps.db.kysely, partnerId, range, cursor, batchSize).execute();
    if (rows.length) {
      yield rows.map(toItem).map((l) => [
        csvTime(Date.parse(l.date)),
        String(l.id),
        csvText(l.lead),
        csvText(l.name),
        l.status,
        csvText(l.link?.slug),
        csvText(l.sub),
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}
