import { msg, str } from '@lit/localize';
import { html, svg, type TemplateResult } from 'lit';
import type { OverviewWeek } from '../../src/api/types.js';
import { formatCount, formatDay, formatMoney } from '../../src/format.js';

/**
 * The overview's 12-week chart, hand-drawn (no library): one small bar chart per series
 * (clicks, sales, earned), each scaled to its own peak, each an image whose text alternative
 * says the total and the best week; the same numbers as a table under "Show the numbers".
 */

type Series = 'clicks' | 'sales' | 'earned';

const W = 240;
const H = 64;

function titleOf(series: Series) {
  return series === 'clicks' ? msg('Clicks') : series === 'sales' ? msg('Sales') : msg('Earned');
}

function bars(series: Series, weeks: OverviewWeek[], show: (n: number) => string, locale: string): TemplateResult {
  const values = weeks.map((w) => w[series]);
  const total = values.reduce((s, v) => s + v, 0);
  const peak = Math.max(0, ...values);
  const peakWeek = weeks[values.indexOf(peak)];
  const slot = W / Math.max(1, weeks.length);
  const first = formatDay(weeks[0]!.weekStart, locale);
  const title = titleOf(series);
  const summary =
    peak > 0 && peakWeek
      ? msg(str`${title} per week since ${first}: ${show(total)} in total, most (${show(peak)}) in the week of ${formatDay(peakWeek.weekStart, locale)}.`)
      : msg(str`${title} per week since ${first}: none yet.`);
  return html`<figure class="chart" part="chart" data-series=${series}>
    <figcaption><span class="chart-title">${title}</span> <span class="figure">${show(total)}</span></figcaption>
    <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label=${summary}>
      <line class="axis" x1="0" y1=${H - 0.5} x2=${W} y2=${H - 0.5}></line>
      ${weeks.map((w, i) => {
        const v = w[series];
        const h = peak ? Math.max(v ? 2 : 0, (v / peak) * (H - 4)) : 0;
        return svg`<rect x=${i * slot + 1} y=${H - 1 - h} width=${Math.max(0.5, slot - 2)} height=${h}></rect>`;
      })}
    </svg>
  </figure>`;
}

/** Three small charts and a table of the same numbers. */
export function weeksChart(weeks: OverviewWeek[], currency: string, locale: string): TemplateResult {
  if (!weeks.length) return html``;
  const count = (n: number) => formatCount(n, locale);
  const money = (n: number) => formatMoney(n, currency, locale);
  return html`<div class="charts">
      ${bars('clicks', weeks, count, locale)} ${bars('sales', weeks, count, locale)} ${bars('earned', weeks, money, locale)}
    </div>
    <details part="chart-table">
      <summary>${msg('Show the numbers')}</summary>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">${msg('Clicks, sales and earnings per week')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Week of')}</th>
              <th scope="col" class="num">${msg('Clicks')}</th>
              <th scope="col" class="num">${msg('Sales')}</th>
              <th scope="col" class="num">${msg('Earned')}</th>
            </tr>
          </thead>
          <tbody>
            ${weeks.map(
              (w) => html`<tr>
                <th scope="row">${formatDay(w.weekStart, locale)}</th>
                <td class="num">${count(w.clicks)}</td>
                <td class="num">${count(w.sales)}</td>
                <td class="num figure">${money(w.earned)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
}
