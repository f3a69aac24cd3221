/**
 * Money arithmetic. Amounts are integer minor units (cents); rates are basis points
 * (1000 = 10%). Nothing here touches a floating-point number: products are taken in BigInt so
 * they cannot overflow, and every division rounds **half up to the cent** (x.5 cents → x+1).
 */

/** The largest amount accepted anywhere (one billion in major units). */
export const MAX_AMOUNT = 100_000_000_000;
/** 100% in basis points. */
export const FULL_RATE_BPS = 10_000;

const assertCents = (n: number, what: string) => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer number of cents, got ${n}`);
};

/** round(numerator / denominator), halves rounded up; both non-negative. */
function divideHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** `bps` basis points of `cents`, rounded half up: percentOf(12345, 1000) = 1235 (10% of $123.45 = $12.345 → $12.35). */
export function percentOf(cents: number, bps: number): number {
  assertCents(cents, 'amount');
  assertCents(bps, 'rate');
  if (cents < 0 || bps < 0) throw new RangeError('amount and rate must not be negative');
  return divideHalfUp(BigInt(cents) * BigInt(bps), 10_000n);
}

/** `amount × part / whole`, rounded half up: the share of a commission a partial refund claws back. */
export function prorate(amount: number, part: number, whole: number): number {
  assertCents(amount, 'amount');
  assertCents(part, 'part');
  assertCents(whole, 'whole');
  if (amount < 0 || part < 0 || whole <= 0) throw new RangeError('prorate needs amount ≥ 0, part ≥ 0, whole > 0');
  return divideHalfUp(BigInt(amount) * BigInt(part), BigInt(whole));
}

const formatters = new Map<string, Intl.NumberFormat>();
const digitsOf = new Map<string, number>();

/** Digits after the decimal point for a currency (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) digitsOf.set(currency, (digits = formatter(currency).resolvedOptions().maximumFractionDigits ?? 2));
  return digits;
}

function formatter(currency: string) {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/**
 * `$1,234.56` for texts the server writes (ledger descriptions, emails, CLI output). Formats from
 * the integer digits, so large amounts stay exact. The elements format with the page's locale.
 */
export function formatMoney(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  if (Number.isSafeInteger(cents)) {
    // the whole part formatted ("$1,234.00"), its zero fraction replaced by ours: exact, since
    // both parts are integers below 2^53 (a fifth of formatToParts' time: a sale formats ~10)
    const abs = Math.abs(cents);
    const scale = 10 ** digits;
    const fraction = abs % scale;
    const text = formatter(currency).format((abs - fraction) / scale);
    const zeros = digits ? `.${'0'.repeat(digits)}` : '';
    if (text.endsWith(zeros)) {
      const out = digits ? text.slice(0, -digits) + String(fraction).padStart(digits, '0') : text;
      return cents < 0 ? `-${out}` : out;
    }
  }
  const negative = cents < 0;
  const abs = BigInt(Math.abs(cents));
  const scale = 10n ** BigInt(digits);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(digits, '0');
  // format the whole part, then splice in our exact fraction
  const parts = formatter(currency).formatToParts(whole);
  let out = '';
  for (const part of parts) {
    if (part.type === 'fraction') out += fraction;
    else out += part.value;
  }
  return negative ? `-${out}` : out;
}

/** Major units as a plain decimal a spreadsheet reads as a number: 123456 → "1234.56", -5 → "-0.05". No floats. */
export function toDecimal(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = cents < 0;
  const abs = Math.abs(cents).toString().padStart(digits + 1, '0');
  const text = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return negative ? `-${text}` : text;
}

/** Parses "12", "12.5" or "12.50" (major units, at most the currency's digits) into cents; undefined when not such a number. */
export function parseDecimal(text: string, currency: string, options: { signed?: boolean } = {}): number | undefined {
  const digits = minorDigits(currency);
  const pattern = options.signed ? /^([+-]?)(\d+)(?:\.(\d+))?$/ : /^()(\d+)(?:\.(\d+))?$/;
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return undefined;
  const cents = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (cents > BigInt(MAX_AMOUNT)) return undefined;
  return sign === '-' ? -Number(cents) : Number(cents);
}

/** Basis points as a percentage: 1000 → "10%", 1250 → "12.5%", 5 → "0.05%", -250 → "-2.5%". */
export function formatRate(bps: number): string {
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${fraction ? `.${fraction}` : ''}%`;
}

/** "10" → 1000, "12.5" → 1250, at most two decimals; undefined when not a percent in 0–100. */
export function parsePercent(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!match) return undefined;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= FULL_RATE_BPS ? bps : undefined;
}
