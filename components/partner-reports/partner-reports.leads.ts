import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { LeadReport } from '../../src/api/types.js';
import { formatCount, formatDate } from '../../src/format.js';
import { tableHead } from '../../src/internal/report-table.js';
import { caption, empty, pagedPanel, type ReportPanel } from './partner-reports.panel.js';

/** Lead tracking: how many leads became customers, and each lead (masked when the merchant says so). */
export const leadsPanel: ReportPanel<LeadReport> = pagedPanel(
  (client, query, signal) => client.leadReport(query, { signal }),
  (report, view) => {
    const { locale } = view;
    return html`<dl part="summary" aria-label=${msg('Lead totals')}>
        <div><dt>${msg('Leads')}</dt><dd>${formatCount(report.totals.leads, locale)}</dd></div>
        <div><dt>${msg('Became customers')}</dt><dd>${formatCount(report.totals.customers, locale)}</dd></div>
      </dl>
      ${report.privacy === 'masked' ? html`<p class="muted">${msg("Email addresses are partly hidden to protect your leads' privacy.")}</p>` : nothing}
      ${report.items.length
        ? html`<table part="table" class="stack">
              ${caption(view, msg('Leads'))}
              ${tableHead(msg('Date'), msg('Lead'), msg('Status'), msg('Link'), msg('Sub-id'))}
              <tbody>
                ${report.items.map(
                  (l) => html`<tr part="row" tabindex="-1">
                    <th scope="row" data-label=${msg('Date')}><time datetime=${l.date}>${formatDate(l.date, locale)}</time></th>
                    <td data-label=${msg('Lead')}>${l.lead} ${l.name ? html`<span class="detail">${l.name}</span>` : nothing}</td>
                    <td data-label=${msg('Status')}><span class="badge ${l.status}">${l.status === 'customer' ? msg('Customer') : msg('Lead')}</span></td>
                    <td data-label=${msg('Link')}>${l.link ? l.link.name : '—'}</td>
                    <td data-label=${msg('Sub-id')}>${l.sub ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${view.more({ one: msg('lead'), many: msg('leads') })}`
        : empty(view, msg('leads'))}`;
  },
);
