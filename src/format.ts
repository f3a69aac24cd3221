/**
 * Money, numbers and dates for people: `Intl` in the page's locale, amounts in the merchant's
 * currency. Amounts arrive as integer minor units (cents) and are handed to Intl as exact
 * decimal strings, never through floating point arithmetic.
 */

/** The locale of an element: the nearest `lang` attribute, else the page's, else the browser's. */
export function localeOf(el?: Element | null): string {
  const candidates = [el?.closest('[lang]')?.getAttribute('lang'), globalThis.document?.documentElement.lang, globalThis.navigator?.language];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
    } catch {
      // not a locale tag: try the next
    }
  }
  return 'en';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

function currencyFormat(locale: string, currency: string, signed: boolean): Intl.NumberFormat {
  return cached(`money|${locale}|${currency}|${signed}`, () => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) });
    } catch {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', ...(signed ? { signDisplay: 'exceptZero' as const } : {}) });
    }
  });
}

/** Digits after the decimal point of a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  return currencyFormat('en', currency, false).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units as an exact decimal string: -1234 → "-12.34". */
export function toDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/**
 * Minor units as money: `formatMoney(123456, 'USD', 'en-US')` → "$1,234.56";
 * with `signed`, "+$12.50" / "−$12.50" (zero unsigned).
 */
export function formatMoney(minor: number, currency: string, locale: string, options: { signed?: boolean } = {}): string {
  const format = currencyFormat(locale, currency, options.signed ?? false);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Intl takes a decimal string exactly (ES2023); the cast keeps older typings happy.
  return format.format(toDecimal(minor, digits) as unknown as number).replace('-', '−');
}

/** A count: 12,345. */
export function formatCount(n: number, locale: string): string {
  return cached(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** Basis points as a percentage: 312 → "3.12%". */
export function formatPercent(basisPoints: number, locale: string): string {
  return cached(`pct|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })).format(basisPoints / 10_000);
}

/** A date in the reader's time zone: "15 Jan 2026" / "Jan 15, 2026". */
export function formatDate(iso: string | number | Date, locale: string): string {
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso));
}

/** A date and time: "Jan 15, 2026, 12:00 PM". */
export function formatDateTime(iso: string | number | Date, locale: string): string {
  return cached(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** A day given as YYYY-MM-DD (already in the reader's zone), without shifting it. */
export function formatDay(day: string, locale: string, style: 'medium' | 'short' = 'medium'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return cached(`day|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, options)).format(Date.UTC(y, m - 1, d));
}

/** The month of a YYYY-MM-DD day: "January 2026". */
export function formatMonth(day: string, locale: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return cached(`month|${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(Date.UTC(y, m - 1, 1));
}

/** A span of days: "1–31 Jan 2026". */
export function formatDateRange(from: Date, to: Date, locale: string): string {
  const f = cached(`range|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  return f.formatRange(from, to);
}

/** A commission rate: percent in basis points ("12%"), or a flat amount in minor units ("$10.00"). */
export function formatRate(rate: { type: 'percent' | 'flat'; value: number }, currency: string, locale: string): string {
  return rate.type === 'percent' ? formatPercent(rate.value, locale) : formatMoney(rate.value, currency, locale);
}

/** The time zone the partner's browser is in (reports, link figures and the overview count days, weeks and months in it); UTC if the browser cannot say. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
