import { html, svg } from 'lit';
import { formatCount, formatDay, formatMoney } from '../../src/format.js';
import { MONEY_WORDS } from '../../src/internal/money-words.js';
import type { Dashboard } from '../api/types.js';

export type TrendMetric = 'clicks' | 'sales' | 'earned';
export const METRICS: Record<TrendMetric, string> = { clicks: 'Clicks', sales: 'Sales', earned: MONEY_WORDS.earned };

type Day = Dashboard['trend'][number];

/**
 * The daily trend of one figure as an SVG bar chart (no chart library: bars are rects), said to
 * screen readers in one sentence (role="img"), with every day in a table beside it.
 */
export function trendChart(trend: Day[], metric: TrendMetric, currency: string, locale: string) {
  const value = (d: Day) => d[metric];
  const say = (n: number) => (metric === 'earned' ? formatMoney(n, currency, locale) : formatCount(n, locale));
  const max = Math.max(0, ...trend.map(value));
  const top = trend.reduce<Day | undefined>((best, d) => (!best || value(d) > value(best) ? d : best), undefined);
  const first = trend[0]?.date ?? '';
  const last = trend.at(-1)?.date ?? '';
  const total = trend.reduce((t, d) => t + value(d), 0);
  const summary =
    `${METRICS[metric]} per day, ${formatDay(first, locale)} to ${formatDay(last, locale)}: ${say(total)} in total` +
    (top && max > 0 ? `; highest ${say(max)} on ${formatDay(top.date, locale)}.` : '.');
  const width = trend.length * 10;
  return html`<figure part="trend" class="trend">
    <svg role="img" aria-label=${summary} viewBox="0 0 ${width} 100" preserveAspectRatio="none" width="100%" height="160" focusable="false">
      ${trend.map((d, i) => {
        const h = max ? (value(d) / max) * 96 : 0;
        return svg`<rect x=${i * 10 + 1} y=${100 - h} width="8" height=${h}><title>${formatDay(d.date, locale)}: ${say(value(d))}</title></rect>`;
      })}
      <line x1="0" y1="100" x2=${width} y2="100" />
    </svg>
    <figcaption class="axis">
      <span>${formatDay(first, locale, 'short')}</span><span>highest ${say(max)}</span><span>${formatDay(last, locale, 'short')}</span>
    </figcaption>
  </figure>`;
}

/** Every day of the trend, every figure: the chart's text alternative. */
export function trendTable(trend: Day[], currency: string, locale: string) {
  return html`<table part="trend-table">
    <caption class="visually-hidden">Clicks, sales and earned per day</caption>
    <thead>
      <tr>
        <th scope="col">Day</th>
        <th scope="col" class="num">${METRICS.clicks}</th>
        <th scope="col" class="num">${METRICS.sales}</th>
        <th scope="col" class="num">${METRICS.earned}</th>
      </tr>
    </thead>
    <tbody>
      ${trend.map(
        (d) => html`<tr>
          <th scope="row">${formatDay(d.date, locale)}</th>
          <td class="num">${formatCount(d.clicks, locale)}</td>
          <td class="num">${formatCount(d.sales, locale)}</td>
          <td class="num">${formatMoney(d.earned, currency, locale)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
