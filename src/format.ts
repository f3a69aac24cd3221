/** Formatting with Intl, in the page's locale (`<html lang>`, else the browser's). */

export function pageLocale(): string {
  return globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en-US';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string, locale: string) {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}

/** Integer minor units (cents) → "$1,234.56" in the currency's own number of decimals. */
export function formatMoney(cents: number, currency: string, locale = pageLocale()): string {
  const format = currencyFormat(currency, locale);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** Basis points → "12.5%". */
export function formatBasisPoints(bp: number, locale = pageLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** A commission rate: percent in basis points, or a flat amount in cents. */
export function formatRate(rate: { type: 'percent' | 'flat'; value: number }, currency: string, locale = pageLocale()): string {
  return rate.type === 'percent' ? formatBasisPoints(rate.value, locale) : formatMoney(rate.value, currency, locale);
}

/** An ISO date or timestamp → "Mar 5, 2026". */
export function formatDate(iso: string | number | Date, locale = pageLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
