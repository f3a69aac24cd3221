import { html, nothing } from 'lit';
import type { Sale, SalesReport } from '../../src/api/types.js';
import { formatCount, formatDate, formatMoney } from '../../src/format.js';
import { tableHead } from '../../src/internal/report-table.js';
import { caption, empty, pagedPanel, type ReportPanel } from './partner-reports.panel.js';

const SALE_STATUS: Record<Sale['status'], string> = { completed: 'Completed', partially_refunded: 'Partly refunded', refunded: 'Refunded' };

/** Why a sale earned nothing, in words. */
export const NO_COMMISSION: Record<NonNullable<Sale['noCommissionReason']>, string> = {
  self_referral: 'Your own purchase: no commission.',
  no_program: 'You were in no program when this sale came in.',
  link_programs: 'The link used counts only for programs that do not cover these products.',
  outside_window: 'The click was older than the programs covering these products count.',
  product_not_covered: 'None of your programs covers these products.',
  product_excluded: 'Your program pays no commission on these products.',
  recurring_ended: 'Your program does not pay on this payment of the subscription.',
  zero_amount: 'The commission on this amount comes to nothing.',
  clawed_back: 'The commission was taken back (refund or reversal).',
};

/** The sales report: the period's sales with their items, refunds, commission, and why a sale earned nothing. */
export const salesPanel: ReportPanel<SalesReport> = pagedPanel(
  (client, query, signal) => client.salesReport(query, { signal }),
  (report, view) => {
    const { locale } = view;
    const m = (n: number, currency = report.currency) => formatMoney(n, currency, locale);
    const t = report.totals;
    return html`<dl part="summary" aria-label="Sales totals">
        <div><dt>Sales</dt><dd>${formatCount(t.count, locale)}</dd></div>
        <div><dt>Amount</dt><dd>${m(t.amount)}</dd></div>
        <div><dt>Refunded</dt><dd>${m(t.refunded)}</dd></div>
        <div class="total"><dt>Commission on these sales</dt><dd>${m(t.commission)}</dd></div>
      </dl>
      <p part="note" class="muted">
        Commission on these sales is your direct commission on the sales listed, after clawbacks. Lead and second-tier commissions
        are not sales of yours: the Commissions report shows everything you earned.
      </p>
      ${report.items.length
        ? html`<table part="table" class="stack">
              ${caption(view, 'Sales')}
              ${tableHead('Date', 'Order', 'Items', { num: 'Amount' }, { num: 'Commission' }, 'Status')}
              <tbody>
                ${report.items.map(
                  (s) => html`<tr part="row" tabindex="-1">
                    <th scope="row" data-label="Date"><time datetime=${s.date}>${formatDate(s.date, locale)}</time></th>
                    <td data-label="Order">${s.order}</td>
                    <td data-label="Items">${s.items.map((i) => `${formatCount(i.quantity, locale)} × ${i.product}`).join(', ') || '—'}</td>
                    <td data-label="Amount" class="num">
                      ${m(s.amount, s.currency)} ${s.refunded ? html`<span class="detail negative">${m(s.refunded, s.currency)} refunded</span>` : nothing}
                    </td>
                    <td data-label="Commission" class="num">
                      ${m(s.commission, s.currency)}
                      ${s.noCommissionReason
                        ? html`<span part="no-commission" class="detail why">${NO_COMMISSION[s.noCommissionReason] ?? s.noCommissionReason}</span>`
                        : nothing}
                    </td>
                    <td data-label="Status"><span class="badge ${s.status}">${SALE_STATUS[s.status] ?? s.status}</span></td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${view.more({ one: 'sale', many: 'sales' })}`
        : empty(view, 'sales')}`;
  },
);
