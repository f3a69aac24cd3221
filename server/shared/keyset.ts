import { sql, type Expression, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import { invalid } from './errors.js';

/**
 * Keyset (cursor) paging for the merchant's lists. A page is read in a fixed order of sort
 * key then id; its cursor is the key of the last row handed out, opaque to clients, and the
 * next page starts strictly after it — so rows added or removed meanwhile never shift a page,
 * and a page deep in 100,000 rows costs what the first one does (an index seek, no OFFSET).
 * No HTTP in here: bad input is a DomainError naming `cursor` (or `offset`).
 */

export type KeyValue = string | number;
export type Key = readonly KeyValue[];
export type KeyShape = readonly ('string' | 'number')[];

/** A cursor for `list` (a name that includes the sort and order, e.g. `partners:name:asc`). */
export function encodeKeyset(list: string, key: Key): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** Reads a cursor this server made for the same list and order; anything else is a 400 naming `cursor`. */
export function decodeKeyset(list: string, value: string, shape: KeyShape): KeyValue[] {
  const bad = () => invalid('cursor', 'cursor: is not a cursor from this list and order; start again without it', 'invalid_cursor');
  if (!/^[A-Za-z0-9_-]{1,800}$/.test(value)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || parsed[0] !== list) throw bad();
  const key = parsed.slice(1) as unknown[];
  const fits = key.every((v, i) => (shape[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= 400));
  if (!fits) throw bad();
  return key as KeyValue[];
}

/**
 * Rows strictly after `key` in the order of `columns` (every column `direction`): a bound on
 * the first column, so an index on those columns is entered at the key, and the row-value
 * comparison that decides ties. Columns are fixed names (or expressions) of each list, never input.
 */
export function afterKey<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly (string | Expression<unknown>)[],
  key: Key,
  direction: 'asc' | 'desc',
): ExpressionWrapper<DB, TB, SqlBool> {
  const e = eb as unknown as ExpressionBuilder<any, any>;
  const [first, second] = columns.map((c) => (typeof c === 'string' ? sql.ref(c) : c)) as [Expression<unknown>, Expression<unknown> | undefined];
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  const bound = e(first, direction === 'asc' ? '>=' : '<=', key[0]);
  const tie = second ? sql<SqlBool>`(${first}, ${second}) ${op} (${key[0]}, ${key[1]})` : sql<SqlBool>`${first} ${op} ${key[0]}`;
  return e.and([bound, tie]) as unknown as ExpressionWrapper<DB, TB, SqlBool>;
}

export interface PageRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface Page<T> {
  rows: T[];
  /** null: this was the last page */
  nextCursor: string | null;
}

/**
 * One page of a list: decodes the cursor, reads `limit + 1` rows after it (or at `offset`, the
 * older way, when no cursor is sent) and answers the rows with the cursor after the last one.
 * `read` gets the decoded key (undefined on the first page) and how many rows to read.
 */
export async function keysetPage<T>(
  list: string,
  shape: KeyShape,
  request: PageRequest,
  read: (after: KeyValue[] | undefined, limit: number, offset: number | undefined) => Promise<T[]>,
  keyOf: (row: T) => Key,
  defaultLimit = 100,
): Promise<Page<T>> {
  if (request.cursor !== undefined && request.offset !== undefined) {
    throw invalid('offset', 'offset: send either a cursor or an offset, not both', 'invalid_request');
  }
  const after = request.cursor === undefined ? undefined : decodeKeyset(list, request.cursor, shape);
  const limit = request.limit ?? defaultLimit;
  const rows = await read(after, limit + 1, after ? undefined : request.offset);
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeKeyset(list, keyOf(page[page.length - 1]!)) };
}

/** The key of a row listed newest (or oldest) first by an ISO time, then id. */
export const timeKey = (at: string, id: number): Key => [Date.parse(at), id];
export const TIME_KEY: KeyShape = ['number', 'number'];
