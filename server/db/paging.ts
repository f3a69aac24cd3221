import type { SelectQueryBuilder } from 'kysely';

/** A page of an admin list: `limit` rows (default 100) after the first `offset`. */
export interface ListPage {
  limit?: number;
  offset?: number;
}

/** Applies a {@link ListPage} to a query: `query.$call(onePage(options))`. */
export const onePage =
  ({ limit = 100, offset = 0 }: ListPage) =>
  <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
    query.limit(limit).offset(offset);
