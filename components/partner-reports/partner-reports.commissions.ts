import { html, nothing, type TemplateResult } from 'lit';
import type { Attribution, Commission, CommissionReport } from '../../src/api/types.js';
import { formatCount, formatDate, formatDateTime, formatMoney, formatPercent } from '../../src/format.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { tableHead } from '../../src/internal/report-table.js';
import { caption, empty, pagedPanel, type ReportPanel } from './partner-reports.panel.js';

export const STATUS: Record<Commission['status'], string> = { pending: 'Pending', approved: 'Approved', paid: 'Paid', clawed_back: 'Clawed back' };
export const ATTRIBUTION: Record<Attribution, string> = {
  last_click: 'Last click',
  first_click: 'First click',
  partner_code: 'Partner code',
  lead_email: 'Referred lead',
};

type Money = (n: number, signed?: boolean) => string;

/** The commission report: the period's totals, today's figures, and each commission with why it was earned. */
export const commissionsPanel: ReportPanel<CommissionReport> = pagedPanel(
  (client, query, signal) => client.commissionReport(query, { signal }),
  (report, view) => {
    const m: Money = (n, signed = false) => formatMoney(n, report.currency, view.locale, { signed });
    const t = report.totals;
    const label = view.period.label(view.locale);
    return html`<dl part="summary" aria-label="Commission totals for ${label}">
        <div><dt>Commissions</dt><dd>${formatCount(t.count, view.locale)}</dd></div>
        ${moneyFigure('earned', t.earned, m)} ${moneyFigure('clawedBack', t.clawedBack, m)} ${moneyFigure('paid', t.paid, m)}
      </dl>
      <dl part="summary now" aria-label="Today">
        ${moneyFigure('balance', t.balance, m)} ${moneyFigure('pending', t.pending, m)} ${moneyFigure('payableNow', t.payableNow, m, 'total')}
      </dl>
      <p part="note" class="muted">
        ${periodVersusNow(label)} Clawed back and paid count what happened in the period, also on commissions recorded before it.
      </p>
      ${report.items.length
        ? html`<table part="table" class="stack">
              ${caption(view, 'Commissions')}
              ${tableHead('Date', 'Order', { num: 'Sale' }, 'Rate', { num: 'Commission' }, 'Status', 'Why')}
              <tbody>
                ${report.items.map((c) => commissionRow(c, m, view.locale))}
              </tbody>
            </table>
            ${view.more({ one: 'commission', many: 'commissions' })}`
        : empty(view, 'commissions')}`;
  },
);


function commissionRow(c: Commission, m: Money, locale: string): TemplateResult {
  const rate = c.rate.type === 'percent' ? formatPercent(c.rate.value, locale) : `${m(c.rate.value)} flat`;
  const why = c.why;
  const parts: string[] = [];
  if (why.attribution) parts.push(ATTRIBUTION[why.attribution]);
  if (why.link) parts.push(`on ${why.link.name ?? why.link.slug}`);
  if (why.sub) parts.push(`(sub-id ${why.sub})`);
  if (why.clickAt) parts.push(`at ${formatDateTime(why.clickAt, locale)}`);
  return html`<tr part="row" tabindex="-1">
    <th scope="row" data-label="Date"><time datetime=${c.date}>${formatDate(c.date, locale)}</time></th>
    <td data-label="Order">
      ${c.kind === 'lead' ? 'Lead sign-up' : c.order}
      ${c.tier === 'second' ? html`<span class="detail">Second tier${why.childCode ? ` via ${why.childCode}` : ''}</span>` : nothing}
    </td>
    <td data-label="Sale" class="num">${c.saleAmount === null ? '—' : m(c.saleAmount)}</td>
    <td data-label="Rate">${rate}</td>
    <td data-label="Commission" class="num">
      ${m(c.amount)}
      ${c.clawback
        ? html`<span class="detail negative">${m(-c.clawback.amount, true)} clawed back${c.clawback.reason ? `: ${c.clawback.reason}` : ''}</span>`
        : nothing}
    </td>
    <td data-label="Status">
      <span class="badge ${c.status}">${STATUS[c.status] ?? c.status}</span>
      ${c.status === 'pending' ? html`<span class="detail">payable <time datetime=${c.payableAt}>${formatDate(c.payableAt, locale)}</time></span>` : nothing}
    </td>
    <td data-label="Why">${parts.join(' ') || '—'} ${why.program.name ? html`<span class="detail">${why.program.name}</span>` : nothing}</td>
  </tr>`;
}
