import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { LinkCounts, LinkRates, LinkStats } from '../../src/api/types.js';
import { formatCount, formatDay, formatMoney, formatPercent, localTimeZone } from '../../src/format.js';
import { tableHead } from '../../src/internal/report-table.js';
import { activityChart } from './chart.js';
import { type ReportPanel } from './partner-reports.panel.js';

/**
 * Link statistics: clicks, leads, sales and commission for the whole period (no paging), a
 * chart of clicks and sales over time, and tables by link, by sub-id and by day.
 */
export const linksPanel: ReportPanel<LinkStats> = {
  load: (client, period, _limit, signal) => client.linkStats({ ...period, timeZone: localTimeZone() }, { signal }),
  cursor: () => null,
  more: async (_client, stats) => stats,
  rows: () => 0,
  render(stats, view) {
    const { locale } = view;
    const t = stats.totals;
    const m = (n: number) => formatMoney(n, stats.currency, locale);
    if (!t.clicks && !t.leads && !t.sales && !t.earnings) {
      return html`<p part="empty">
        ${view.allTime ? msg('No link activity yet. Share your links and the clicks show up here.') : msg('No clicks, leads or sales in this period.')}
      </p>`;
    }
    const rates = (r: LinkRates) => [
      r.conversionRate === null ? '—' : formatPercent(r.conversionRate, locale),
      r.earningsPerClick === null ? '—' : m(r.earningsPerClick),
    ];
    const [conversion, epc] = rates(t);
    const head = (first: string) => tableHead(first, { num: msg('Clicks') }, { num: msg('Leads') }, { num: msg('Sales') }, { num: msg('Conversion') }, { num: msg('Commission') }, { num: msg('Per click') });
    const row = (label: string, r: LinkCounts & LinkRates, first: string) => {
      const [c, e] = rates(r);
      return html`<tr part="row">
        <th scope="row" data-label=${first}>${label}</th>
        <td data-label=${msg('Clicks')} class="num">${formatCount(r.clicks, locale)}</td>
        <td data-label=${msg('Leads')} class="num">${formatCount(r.leads, locale)}</td>
        <td data-label=${msg('Sales')} class="num">${formatCount(r.sales, locale)}</td>
        <td data-label=${msg('Conversion')} class="num">${c}</td>
        <td data-label=${msg('Commission')} class="num">${m(r.earnings)}</td>
        <td data-label=${msg('Per click')} class="num">${e}</td>
      </tr>`;
    };
    return html`<dl part="summary" aria-label=${msg('Link totals')}>
        <div><dt>${msg('Clicks')}</dt><dd>${formatCount(t.clicks, locale)}</dd></div>
        <div><dt>${msg('Leads')}</dt><dd>${formatCount(t.leads, locale)}</dd></div>
        <div><dt>${msg('Sales')}</dt><dd>${formatCount(t.sales, locale)}</dd></div>
        <div><dt>${msg('Conversion')}</dt><dd>${conversion}</dd></div>
        <div><dt>${msg('Commission per click')}</dt><dd>${epc}</dd></div>
        <div class="total"><dt>${msg('Commission from your links')}</dt><dd>${m(t.earnings)}</dd></div>
      </dl>
      <p part="note" class="muted">
        Commission from your links is your direct commission on these sales and leads, after clawbacks (your own purchases left out).
        Second-tier commissions come from other partners' links: the Commissions report shows everything you earned.
      </p>
      ${activityChart(stats, view.period.range, locale) ?? nothing}
      <table part="table" class="stack">
        <caption>${msg('By link')}</caption>
        ${head(msg('Link'))}
        <tbody>
          ${stats.byLink.map((l) => row(l.link ? l.link.name : msg('Without a link (partner code)'), l, msg('Link')))}
        </tbody>
      </table>
      <table part="table" class="stack">
        <caption>${msg('By sub-id')}</caption>
        ${head(msg('Sub-id'))}
        <tbody>
          ${stats.bySub.map((s) => row(s.sub ?? msg('No sub-id'), s, msg('Sub-id')))}
        </tbody>
      </table>
      <details class="daily">
        <summary>${msg(str`Daily figures (${formatCount(stats.byDay.length, locale)} days with activity)`)}</summary>
        <table part="table" class="stack">
          <caption>${msg('By day')}</caption>
          ${tableHead(msg('Day'), { num: msg('Clicks') }, { num: msg('Leads') }, { num: msg('Sales') }, { num: msg('Commission') })}
          <tbody>
            ${stats.byDay.map(
              (d) => html`<tr part="row">
                <th scope="row" data-label=${msg('Day')}>${formatDay(d.date, locale)}</th>
                <td data-label=${msg('Clicks')} class="num">${formatCount(d.clicks, locale)}</td>
                <td data-label=${msg('Leads')} class="num">${formatCount(d.leads, locale)}</td>
                <td data-label=${msg('Sales')} class="num">${formatCount(d.sales, locale)}</td>
                <td data-label=${msg('Commission')} class="num">${m(d.earnings)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  },
};
