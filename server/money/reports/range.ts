import { DAY_MS } from '../../shared/time.js';
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { invalid } from '../../shared/errors.js';

/**
 * Date ranges, limits and keyset cursors shared by every partner report. No HTTP in here: the
 * routes hand over the raw query strings and get a DomainError naming the field back.
 */

/** The earliest and latest instants a range may name. Nothing in a ledger is older or newer. */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

/** A half-open interval of epoch ms: `from <= at < until`; null means unbounded. */
export interface Range {
  from: number | null;
  until: number | null;
  /** The calendar dates as the caller wrote them (for file names), e.g. `2026-01-01`. */
  fromDate: string | null;
  toDate: string | null;
}

export const ALL_TIME: Range = { from: null, until: null, fromDate: null, toDate: null };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

const FORMAT_HINT = 'use a date like 2026-01-31 or a date-time with its offset like 2026-01-31T23:59:59.999+01:00';

function validDay(year: number, month: number, day: number) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * One end of a range. A bare date means the whole day in UTC: `from` its first millisecond,
 * `to` its last. A date-time is taken to the millisecond, its offset honoured. Returns the
 * instant as a half-open bound (`to` + 1 ms).
 */
function parseBound(field: 'from' | 'to', value: string): { at: number; date: string } {
  const trimmed = value.trim();
  let at: number;
  const date = DATE.exec(trimmed);
  const dateTime = date ? null : DATE_TIME.exec(trimmed);
  if (date) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    if (!validDay(y, m, d)) throw invalid(field, `${field}: ${trimmed} is not a calendar date`, 'invalid_date');
    at = Date.UTC(y, m - 1, d) + (field === 'to' ? DAY_MS : 0);
  } else if (dateTime) {
    const [y, m, d, hh, mm, ss] = dateTime.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
    if (!validDay(y!, m!, d!) || hh! > 23 || mm! > 59 || ss! > 59) {
      throw invalid(field, `${field}: ${trimmed} is not a valid date-time`, 'invalid_date');
    }
    at = Date.parse(trimmed);
    if (Number.isNaN(at)) throw invalid(field, `${field}: ${trimmed} is not a valid date-time`, 'invalid_date');
    if (field === 'to') at += 1;
  } else {
    throw invalid(field, `${field}: "${trimmed.slice(0, 40)}" is not a date; ${FORMAT_HINT}`, 'invalid_date');
  }
  const end = field === 'to' ? at - 1 : at;
  if (end < EARLIEST || end >= LATEST) {
    throw invalid(field, `${field}: must be between 2000-01-01 and 2099-12-31`, 'date_out_of_range');
  }
  return { at, date: trimmed.slice(0, 10) };
}

/** Parses `from`/`to` (both optional) into a range; `from` after `to` is refused. */
export function parseRange(input: { from?: string | undefined; to?: string | undefined }): Range {
  const from = input.from === undefined || input.from === '' ? null : parseBound('from', input.from);
  const to = input.to === undefined || input.to === '' ? null : parseBound('to', input.to);
  if (from && to && from.at >= to.at) {
    throw invalid('to', 'to: must be on or after from', 'invalid_range');
  }
  return { from: from?.at ?? null, until: to?.at ?? null, fromDate: from?.date ?? null, toDate: to?.date ?? null };
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** A position in a list ordered newest first: the (time, id) of the last row handed out. */
export interface Cursor {
  at: number;
  id: number;
}

export type CursorKind = 'ledger' | 'commissions' | 'leads' | 'sales';

/** An opaque cursor: clients pass it back untouched. */
export function encodeCursor(kind: CursorKind, position: Cursor): string {
  return Buffer.from(`${kind}:${position.at}:${position.id}`, 'utf8').toString('base64url');
}

const CURSOR = /^(ledger|commissions|leads|sales):(\d{1,16}):(\d{1,16})$/;

/** Reads a cursor this server made for the same list; anything else is a 400 naming `cursor`. */
export function decodeCursor(kind: CursorKind, value: string): Cursor {
  const bad = () => invalid('cursor', 'cursor: is not a cursor from this list; start again without it', 'invalid_cursor');
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(value)) throw bad();
  const match = CURSOR.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || match[1] !== kind) throw bad();
  const at = Number(match[2]);
  const id = Number(match[3]);
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(id)) throw bad();
  return { at, id };
}

/**
 * The WHERE clause of one page of a newest-first list: the range, and strictly after the
 * cursor in (time desc, id desc) order. Only one upper bound on time is given, so the index
 * on (partner, time, id) is entered at the right place and walked backwards.
 */
export function pageWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { at: string; id: string },
  range: Pick<Range, 'from' | 'until'>,
  cursor?: Cursor,
): ExpressionWrapper<DB, TB, SqlBool> {
  // The column names are fixed strings chosen by each report, never input.
  const e = eb as unknown as ExpressionBuilder<any, any>;
  const at = e.ref(columns.at);
  const conditions = [];
  if (range.from !== null) conditions.push(e(at, '>=', range.from));
  if (cursor && (range.until === null || cursor.at < range.until)) {
    conditions.push(e(at, '<=', cursor.at));
    conditions.push(e(e.refTuple(columns.at, columns.id), '<', e.tuple(cursor.at, cursor.id)));
  } else if (range.until !== null) {
    conditions.push(e(at, '<', range.until));
  }
  return e.and(conditions) as unknown as ExpressionWrapper<DB, TB, SqlBool>;
}

/** Takes one page from `limit + 1` rows read: the rows to show and the cursor after them. */
export function takePage<T extends { id: number }>(
  kind: CursorKind,
  rows: T[],
  limit: number,
  atOf: (row: T) => number,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1]!;
  return { rows: page, nextCursor: encodeCursor(kind, { at: atOf(last), id: last.id }) };
}
