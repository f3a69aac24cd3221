import { dayValue, localIso, parseDay, presetRange } from '../../src/internal/date-range.js';
import type { DashboardQuery } from '../api/types.js';

/**
 * The dashboard's period, from the URL (`#/dashboard?period=this-month`,
 * `?period=custom&from=2026-01-01&to=2026-01-31`): the reader's local days, sent with their time
 * zone so the trend's days are theirs. The month and year presets are date-range.ts's; "all
 * time" is not offered: a dashboard covers at most 400 days (one trend row a day).
 */
export const PERIODS = [
  { value: 'last-7-days', label: 'Last 7 days' },
  { value: 'last-30-days', label: 'Last 30 days' },
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'this-year', label: 'This year' },
  { value: 'custom', label: 'Custom range…' },
] as const;
export type Period = (typeof PERIODS)[number]['value'];
export const DEFAULT_PERIOD: Period = 'last-30-days';
export const MAX_DAYS = 400;

export interface DashboardPeriod {
  period: Period;
  from: Date;
  to: Date;
}

const lastDays = (days: number, now: Date) => ({
  from: new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1)),
  to: new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59, 999),
});

/** The period the URL asks for; a custom range that is not valid gives its error instead. */
export function periodOf(params: Record<string, string>, now = new Date()): DashboardPeriod | { period: 'custom'; error: { field: 'from' | 'to'; message: string } } {
  const period = (PERIODS.find((p) => p.value === params.period)?.value ?? DEFAULT_PERIOD) as Period;
  switch (period) {
    case 'last-7-days':
      return { period, ...lastDays(7, now) };
    case 'last-30-days':
      return { period, ...lastDays(30, now) };
    case 'custom':
      return customPeriod(params.from ?? '', params.to ?? '');
    default: {
      const range = presetRange(period, now);
      return { period, from: range.from!, to: range.to! };
    }
  }
}

export function customPeriod(fromValue: string, toValue: string) {
  const from = parseDay(fromValue, false);
  const to = parseDay(toValue, true);
  const fail = (field: 'from' | 'to', message: string) => ({ period: 'custom' as const, error: { field, message } });
  if (!from) return fail('from', fromValue ? 'Enter a complete start date.' : 'Enter a start date.');
  if (!to) return fail('to', toValue ? 'Enter a complete end date.' : 'Enter an end date.');
  if (from > to) return fail('to', 'The end date must be on or after the start date.');
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) return fail('to', `Choose at most ${MAX_DAYS} days.`);
  return { period: 'custom' as const, from, to };
}

export const queryOf = ({ from, to }: DashboardPeriod): DashboardQuery => ({
  from: localIso(from),
  to: localIso(to),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

export { dayValue };
