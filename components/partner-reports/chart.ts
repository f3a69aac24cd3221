import { msg, str } from '@lit/localize';
import { html, svg, type TemplateResult } from 'lit';
import type { LinkStats } from '../../src/api/types.js';
import { formatCount, formatDay, formatMonth } from '../../src/format.js';
import { dayValue } from '../../src/internal/date-range.js';

/**
 * A small hand-drawn bar chart of clicks and sales over time, no library: one SVG per series,
 * scaled to its own peak. Days without activity are drawn as empty; long ranges are grouped by
 * week or month so bars stay readable. The numbers are in the daily table too.
 */

export interface Bucket {
  /** First day of the bucket, YYYY-MM-DD. */
  day: string;
  clicks: number;
  sales: number;
}

/** Every day from `first` to `last` (local calendar days), gaps filled with zeros, grouped when long. */
export function buckets(byDay: LinkStats['byDay'], first: Date, last: Date): { unit: 'day' | 'week' | 'month'; buckets: Bucket[] } {
  const known = new Map(byDay.map((d) => [d.date, d]));
  const days: Bucket[] = [];
  const cursor = new Date(first.getFullYear(), first.getMonth(), first.getDate());
  const end = new Date(last.getFullYear(), last.getMonth(), last.getDate());
  for (let guard = 0; cursor <= end && guard < 40_000; guard++) {
    const key = dayValue(cursor);
    const d = known.get(key);
    days.push({ day: key, clicks: d?.clicks ?? 0, sales: d?.sales ?? 0 });
    cursor.setDate(cursor.getDate() + 1);
  }
  if (days.length <= 92) return { unit: 'day', buckets: days };
  const unit = days.length <= 731 ? 'week' : 'month';
  const grouped: Bucket[] = [];
  for (const [i, d] of days.entries()) {
    const key = unit === 'week' ? days[i - (i % 7)]!.day : `${d.day.slice(0, 7)}-01`;
    const last = grouped.at(-1);
    if (last && last.day === key) {
      last.clicks += d.clicks;
      last.sales += d.sales;
    } else grouped.push({ day: key, clicks: d.clicks, sales: d.sales });
  }
  return { unit, buckets: grouped };
}

/** The first and last day a chart covers: the chosen range, clipped to today; or the activity itself. */
export function chartSpan(byDay: LinkStats['byDay'], range: { from?: Date; to?: Date }, now = new Date()): { first: Date; last: Date } | null {
  const parse = (key: string) => {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  };
  const first = range.from ?? (byDay[0] ? parse(byDay[0].date) : null);
  let last = range.to && range.to < now ? range.to : now;
  const lastActive = byDay.at(-1);
  if (lastActive && parse(lastActive.date) > last) last = parse(lastActive.date);
  if (!first || first > last) return null;
  return { first, last };
}

const W = 600;
const H = 120;

function series(
  name: 'clicks' | 'sales',
  title: string,
  data: Bucket[],
  unit: 'day' | 'week' | 'month',
  locale: string,
): TemplateResult {
  const values = data.map((b) => b[name]);
  const total = values.reduce((s, v) => s + v, 0);
  const peak = Math.max(0, ...values);
  const peakAt = data[values.indexOf(peak)];
  const slot = W / Math.max(1, data.length);
  const gap = slot > 4 ? 1 : 0;
  const tick = data[0]!.day.slice(0, 4) === data.at(-1)!.day.slice(0, 4) ? 'short' : 'medium';
  const heading = unit === 'day' ? msg(str`${title} per day`) : unit === 'week' ? msg(str`${title} per week`) : msg(str`${title} per month`);
  const label = (b: Bucket) => {
    const day = formatDay(b.day, locale);
    return unit === 'week' ? msg(str`week of ${day}`) : unit === 'month' ? formatMonth(b.day, locale) : day;
  };
  const when = (b: Bucket) => (unit === 'day' ? msg(str`on ${label(b)}`) : unit === 'week' ? msg(str`in the ${label(b)}`) : msg(str`in ${label(b)}`));
  const [first, last, sum] = [formatDay(data[0]!.day, locale), formatDay(data.at(-1)!.day, locale), formatCount(total, locale)];
  const most = formatCount(peak, locale);
  const summary =
    peak > 0 && peakAt
      ? msg(str`${heading}, ${first} to ${last}: ${sum} in total, most (${most}) ${when(peakAt)}.`)
      : msg(str`${heading}, ${first} to ${last}: ${sum} in total.`);
  return html`<figure class="chart ${name}" part="chart">
    <figcaption><span>${heading}</span> <span class="muted">${msg(str`peak ${most}`)}</span></figcaption>
    <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label=${summary}>
      <line class="axis" x1="0" y1=${H - 0.5} x2=${W} y2=${H - 0.5}></line>
      ${data.map((b, i) => {
        const v = b[name];
        const h = peak ? Math.max(v ? 2 : 0, (v / peak) * (H - 4)) : 0;
        return svg`<rect x=${i * slot + gap / 2} y=${H - 1 - h} width=${Math.max(0.5, slot - gap)} height=${h}><title>${label(b)}: ${formatCount(v, locale)}</title></rect>`;
      })}
    </svg>
    <div class="ticks muted" aria-hidden="true"><span>${formatDay(data[0]!.day, locale, tick)}</span><span>${formatDay(data.at(-1)!.day, locale, tick)}</span></div>
  </figure>`;
}

export function activityChart(stats: LinkStats, range: { from?: Date; to?: Date }, locale: string): TemplateResult | null {
  const span = chartSpan(stats.byDay, range);
  if (!span) return null;
  const { unit, buckets: data } = buckets(stats.byDay, span.first, span.last);
  if (!data.length) return null;
  return html`<div class="charts">${series('clicks', msg('Clicks'), data, unit, locale)}${series('sales', msg('Sales'), data, unit, locale)}</div>`;
}
