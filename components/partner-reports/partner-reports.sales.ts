import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Sale, SalesReport } from '../../src/api/types.js';
import { formatCount, formatDate, formatMoney } from '../../src/format.js';
import { tableHead } from '../../src/internal/report-table.js';
import { caption, empty, pagedPanel, type ReportPanel } from './partner-reports.panel.js';

const saleStatus = (): Record<Sale['status'], string> => ({ completed: msg('Completed'), partially_refunded: msg('Partly refunded'), refunded: msg('Refunded') });

/** Why a sale earned nothing, in words. */
export const noCommission = (): Record<NonNullable<Sale['noCommissionReason']>, string> => ({
  self_referral: msg('Your own purchase: no commission.'),
  no_program: msg('You were in no program when this sale came in.'),
  link_programs: msg('The link used counts only for programs that do not cover these products.'),
  outside_window: msg('The click was older than the programs covering these products count.'),
  product_not_covered: msg('None of your programs covers these products.'),
  product_excluded: msg('Your program pays no commission on these products.'),
  recurring_ended: msg('Your program does not pay on this payment of the subscription.'),
  zero_amount: msg('The commission on this amount comes to nothing.'),
  clawed_back: msg('The commission was taken back (refund or reversal).'),
});

/** The sales report: the period's sales with their items, refunds, commission, and why a sale earned nothing. */
export const salesPanel: ReportPanel<SalesReport> = pagedPanel(
  (client, query, signal) => client.salesReport(query, { signal }),
  (report, view) => {
    const { locale } = view;
    const m = (n: number, currency = report.currency) => formatMoney(n, currency, locale);
    const t = report.totals;
    return html`<dl part="summary" aria-label=${msg('Sales totals')}>
        <div><dt>${msg('Sales')}</dt><dd>${formatCount(t.count, locale)}</dd></div>
        <div><dt>${msg('Amount')}</dt><dd>${m(t.amount)}</dd></div>
        <div><dt>${msg('Refunded')}</dt><dd>${m(t.refunded)}</dd></div>
        <div class="total"><dt>${msg('Commission on these sales')}</dt><dd>${m(t.commission)}</dd></div>
      </dl>
      <p part="note" class="muted">
        Commission on these sales is your direct commission on the sales listed, after clawbacks. Lead and second-tier commissions
        are not sales of yours: the Commissions report shows everything you earned.
      </p>
      ${report.items.length
        ? html`<table part="table" class="stack">
              ${caption(view, msg('Sales'))}
              ${tableHead(msg('Date'), msg('Order'), msg('Items'), { num: msg('Amount') }, { num: msg('Commission') }, msg('Status'))}
              <tbody>
                ${report.items.map(
                  (s) => html`<tr part="row" tabindex="-1">
                    <th scope="row" data-label=${msg('Date')}><time datetime=${s.date}>${formatDate(s.date, locale)}</time></th>
                    <td data-label=${msg('Order')}>${s.order}</td>
                    <td data-label=${msg('Items')}>${s.items.map((i) => `${formatCount(i.quantity, locale)} × ${i.product}`).join(', ') || '—'}</td>
                    <td data-label=${msg('Amount')} class="num">
                      ${m(s.amount, s.currency)} ${s.refunded ? html`<span class="detail negative">${msg(str`${m(s.refunded, s.currency)} refunded`)}</span>` : nothing}
                    </td>
                    <td data-label=${msg('Commission')} class="num">
                      ${m(s.commission, s.currency)}
                      ${s.noCommissionReason
                        ? html`<span part="no-commission" class="detail why">${noCommission()[s.noCommissionReason] ?? s.noCommissionReason}</span>`
                        : nothing}
                    </td>
                    <td data-label=${msg('Status')}><span class="badge ${s.status}">${saleStatus()[s.status] ?? s.status}</span></td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${view.more({ one: msg('sale'), many: msg('sales') })}`
        : empty(view, msg('sales'))}`;
  },
);
