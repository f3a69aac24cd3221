import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Attribution, Commission, CommissionReport } from '../../src/api/types.js';
import { formatCount, formatDate, formatDateTime, formatMoney, formatPercent } from '../../src/format.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { tableHead } from '../../src/internal/report-table.js';
import { caption, empty, pagedPanel, type ReportPanel } from './partner-reports.panel.js';

export const status = (): Record<Commission['status'], string> => ({ pending: msg('Pending'), approved: msg('Approved'), paid: msg('Paid'), clawed_back: msg('Clawed back') });
export const attribution = (): Record<Attribution, string> => ({
  last_click: msg('Last click'),
  first_click: msg('First click'),
  partner_code: msg('Partner code'),
  lead_email: msg('Referred lead'),
});
/** The English words, for the merchant console (which stays English). */
export const STATUS: Record<Commission['status'], string> = { pending: 'Pending', approved: 'Approved', paid: 'Paid', clawed_back: 'Clawed back' };
export const ATTRIBUTION: Record<Attribution, string> = { last_click: 'Last click', first_click: 'First click', partner_code: 'Partner code', lead_email: 'Referred lead' };

type Money = (n: number, signed?: boolean) => string;

/** The commission report: the period's totals, today's figures, and each commission with why it was earned. */
export const commissionsPanel: ReportPanel<CommissionReport> = pagedPanel(
  (client, query, signal) => client.commissionReport(query, { signal }),
  (report, view) => {
    const m: Money = (n, signed = false) => formatMoney(n, report.currency, view.locale, { signed });
    const t = report.totals;
    const label = view.period.label(view.locale);
    return html`<dl part="summary" aria-label=${msg(str`Commission totals for ${label}`)}>
        <div><dt>${msg('Commissions')}</dt><dd>${formatCount(t.count, view.locale)}</dd></div>
        ${moneyFigure('earned', t.earned, m)} ${moneyFigure('clawedBack', t.clawedBack, m)} ${moneyFigure('paid', t.paid, m)}
      </dl>
      <dl part="summary now" aria-label=${msg('Today')}>
        ${moneyFigure('balance', t.balance, m)} ${moneyFigure('pending', t.pending, m)} ${moneyFigure('payableNow', t.payableNow, m, 'total')}
      </dl>
      <p part="note" class="muted">
        ${periodVersusNow(label)} ${msg('Clawed back and paid count what happened in the period, also on commissions recorded before it.')}
      </p>
      ${report.items.length
        ? html`<table part="table" class="stack">
              ${caption(view, msg('Commissions'))}
              ${tableHead(msg('Date'), msg('Order'), { num: msg('Sale') }, msg('Rate'), { num: msg('Commission') }, msg('Status'), msg('Why'))}
              <tbody>
                ${report.items.map((c) => commissionRow(c, m, view.locale))}
              </tbody>
            </table>
            ${view.more({ one: msg('commission'), many: msg('commissions') })}`
        : empty(view, msg('commissions'))}`;
  },
);


function commissionRow(c: Commission, m: Money, locale: string): TemplateResult {
  const rate = c.rate.type === 'percent' ? formatPercent(c.rate.value, locale) : msg(str`${m(c.rate.value)} flat`);
  const why = c.why;
  const parts: string[] = [];
  if (why.attribution) parts.push(attribution()[why.attribution]);
  if (why.link) parts.push(msg(str`on ${why.link.name ?? why.link.slug}`));
  if (why.sub) parts.push(msg(str`(sub-id ${why.sub})`));
  if (why.clickAt) parts.push(msg(str`at ${formatDateTime(why.clickAt, locale)}`));
  return html`<tr part="row" tabindex="-1">
    <th scope="row" data-label=${msg('Date')}><time datetime=${c.date}>${formatDate(c.date, locale)}</time></th>
    <td data-label=${msg('Order')}>
      ${c.kind === 'lead' ? msg('Lead sign-up') : c.order}
      ${c.tier === 'second' ? html`<span class="detail">${why.childCode ? msg(str`Second tier via ${why.childCode}`) : msg('Second tier')}</span>` : nothing}
    </td>
    <td data-label=${msg('Sale')} class="num">${c.saleAmount === null ? '—' : m(c.saleAmount)}</td>
    <td data-label=${msg('Rate')}>${rate}</td>
    <td data-label=${msg('Commission')} class="num">
      ${m(c.amount)}
      ${c.clawback
        ? html`<span class="detail negative">${c.clawback.reason ? msg(str`${m(-c.clawback.amount, true)} clawed back: ${c.clawback.reason}`) : msg(str`${m(-c.clawback.amount, true)} clawed back`)}</span>`
        : nothing}
    </td>
    <td data-label=${msg('Status')}>
      <span class="badge ${c.status}">${status()[c.status] ?? c.status}</span>
      ${c.status === 'pending' ? html`<span class="detail">${msg(html`payable <time datetime=${c.payableAt}>${formatDate(c.payableAt, locale)}</time>`)}</span>` : nothing}
    </td>
    <td data-label=${msg('Why')}>${parts.join(' ') || '—'} ${why.program.name ? html`<span class="detail">${why.program.name}</span>` : nothing}</td>
  </tr>`;
}
