/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * Intl.DateTimeFormat objects are slow to build (tens of µs each, more with a time zone), and a
 * 12-week overview asks for about fifty dates: one formatter per time zone and shape is kept and
 * reused. The names are checked before they get here (checkTimeZone), so the cache holds at most
 * the zones in use; it starts again past MAX_ZONES all the same.
 */
const MAX_ZONES = 1_000;
const wallClocks = new Map<string, Intl.DateTimeFormat>();
const calendarDates = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let format = cache.get(timeZone);
  if (!format) {
    if (cache.size >= MAX_ZONES) cache.clear();
    cache.set(timeZone, (format = make()));
  }
  return format;
}

/** Year, month, day, hour, minute and second on the wall clock of `timeZone` (24-hour). */
const wallClock = (timeZone: string) =>
  cached(wallClocks, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));

/** YYYY-MM-DD parts of a calendar date in `timeZone`. */
export const calendarDate = (timeZone: string) => cached(calendarDates, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** ms the wall clock of `timeZone` is ahead of UTC at `at` (+3_600_000 for Paris in winter). */
export function offsetAt(at: number, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}
