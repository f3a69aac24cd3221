import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { PartnerStatus } from '../db/schema.js';
import { afterKey, type Key, type KeyShape } from '../shared/keyset.js';
import { PARTNER_SORTS, type PartnerSort } from './admin.schemas.js';

/**
 * The merchant's partner list: filtered by status and a search over code, name and email,
 * sorted by creation, name (case-insensitive) or code, paged by keyset on (sort key, id). Each
 * sort has an index with and without the status in front (migration 009), so a page among
 * 100,000 partners is an index walk from the cursor, never a sort of them all; a search walks
 * the same index and stops once the page is full.
 */

export { PARTNER_SORTS, type PartnerSort };

export interface PartnerListOptions {
  status?: PartnerStatus | undefined;
  /** matches code, name or email */
  q?: string | undefined;
  /** `code` unless given (the order before sorting could be chosen) */
  sort?: PartnerSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
}

const SORT_KEYS: Record<PartnerSort, { expression: RawBuilder<string | number>; shape: KeyShape }> = {
  created: { expression: sql<number>`created_at`, shape: ['number', 'number'] },
  name: { expression: sql<string>`lower(name)`, shape: ['string', 'number'] },
  code: { expression: sql<string>`code`, shape: ['string', 'number'] },
};

/** The name a cursor of this sort and order carries, so a cursor of another order is refused. */
export const partnerListName = (options: Pick<PartnerListOptions, 'sort' | 'order'>) => `partners:${options.sort ?? 'code'}:${options.order ?? 'asc'}`;
export const partnerKeyShape = (sort: PartnerSort | undefined) => SORT_KEYS[sort ?? 'code'].shape;

/** Partners matching the filters (no paging): the base of the page and of the total. */
export function partnersMatching(db: Executor, options: Pick<PartnerListOptions, 'status' | 'q'>) {
  let query = db.selectFrom('partners');
  if (options.status) query = query.where('status', '=', options.status);
  if (options.q) {
    // case-insensitive on both databases: SQLite's LIKE folds ASCII case (as its lower() does),
    // PostgreSQL's LIKE folds none (name and email are plain TEXT there)
    const like = sql<string>`lower(${`%${options.q}%`})`;
    query = query.where((eb) => eb.or([eb(sql`lower(code)`, 'like', like), eb(sql`lower(name)`, 'like', like), eb(sql`lower(email)`, 'like', like)]));
  }
  return query;
}

/** One page of partners after `after` (a decoded cursor), with each row's `sort_key`. */
export function partnersPageQuery(db: Executor, options: PartnerListOptions & { after?: Key | undefined }) {
  const { expression } = SORT_KEYS[options.sort ?? 'code'];
  const order = options.order ?? 'asc';
  let query = partnersMatching(db, options)
    .selectAll()
    .select(expression.as('sort_key'));
  if (options.after) query = query.where((eb) => afterKey(eb, [expression, 'id'], options.after!, order));
  return query
    .orderBy(expression, order)
    .orderBy('id', order)
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}
