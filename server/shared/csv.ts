/**
 * CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) is prefixed with an apostrophe. A UTF-8 byte order mark
 * lets Excel read accented names right.
 */
export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A free-text field: guarded against formula injection, quoted when needed. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number (or a number already written as a decimal string) goes out as is. */
export function csvNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

export function csvLine(fields: string[]): string {
  return `${fields.join(',')}\r\n`;
}

/** An instant as a spreadsheet-friendly UTC timestamp: 2026-01-15 12:00:00. */
export function csvTime(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

const BOM = '\uFEFF';

/**
 * Streams a CSV: the header row, then every line the source yields, batch by batch, pulled
 * only as fast as the client reads.
 */
export function csvStream(header: string[], source: AsyncIterable<string[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = source[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header.map(csvText))));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A file name safe in a Content-Disposition header: `ledger-2026-01-01-to-2026-01-31.csv`. */
export function csvFilename(report: string, range: { fromDate: string | null; toDate: string | null }): string {
  const part = (d: string | null, fallback: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : fallback);
  const span =
    range.fromDate === null && range.toDate === null
      ? 'all-time'
      : `${part(range.fromDate, 'start')}-to-${part(range.toDate, 'now')}`;
  return `${report}-${span}.csv`;
}
