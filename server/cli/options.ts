import type { Deps } from '../deps.js';
import type { Rate } from '../catalog/programs.js';
import { getSettings } from '../catalog/settings.js';
import { formatMoney, formatRate, parseDecimal, parsePercent } from '../shared/money.js';
import { UsageError } from './command.js';

/**
 * Reading option values the way every command does. Amounts are written in the currency's
 * major units ("12.50" is $12.50) and percents as percents ("10" is 10%); each mistake is a
 * UsageError naming the flag.
 */

export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** An amount in the settings' currency, in cents. */
export async function money(deps: Deps, text: string, flag: string, options: { signed?: boolean } = {}): Promise<number> {
  const { currency } = await getSettings(deps);
  const cents = parseDecimal(text, currency, options);
  if (cents === undefined) throw new UsageError(`${flag} must be an amount in ${currency} like 12.50, got "${text}"`);
  return cents;
}

/** A percent, in basis points. */
export function percent(text: string, flag: string): number {
  const bps = parsePercent(text);
  if (bps === undefined) throw new UsageError(`${flag} must be a percent from 0 to 100 like 10 or 12.5, got "${text}"`);
  return bps;
}

export function wholeNumber(text: string | undefined, flag: string, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min) throw new UsageError(`${flag} must be a whole number${min !== 0 ? ` of at least ${min}` : ''}, got "${text}"`);
  return Number(text);
}

/** An id (a commission's, a ledger entry's…): a whole number of at least 1. */
export function positiveId(text: string | undefined, what: string): number {
  if (text === undefined) throw new UsageError(`${what} is required`);
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`${what} must be a positive whole number, got "${text}"`);
  return Number(text);
}

/** `--<name>-percent` or `--<name>-flat`, at most one of them. */
export async function rate(deps: Deps, percentText: string | undefined, flatText: string | undefined, name: string): Promise<Rate | undefined> {
  if (percentText !== undefined && flatText !== undefined) throw new UsageError(`give --${name}-percent or --${name}-flat, not both`);
  if (percentText !== undefined) return { type: 'percent', value: percent(percentText, `--${name}-percent`) };
  if (flatText !== undefined) return { type: 'flat', value: await money(deps, flatText, `--${name}-flat`) };
  return undefined;
}

export const showRate = (r: Rate, currency: string) => (r.type === 'percent' ? formatRate(r.value) : formatMoney(r.value, currency));

/** `--password <pw>` or `--password-stdin` (read to the end, less one final newline). */
export async function readPassword(values: { password?: string; 'password-stdin'?: boolean }): Promise<string> {
  if (values.password !== undefined && values['password-stdin']) throw new UsageError('give --password or --password-stdin, not both');
  if (values.password !== undefined) return values.password;
  if (!values['password-stdin']) throw new UsageError('--password <password> or --password-stdin is required');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
