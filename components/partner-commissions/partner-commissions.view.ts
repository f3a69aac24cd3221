import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import type { PartnerProgram } from '../../src/api/types.js';
import { formatMoney, formatRate, localeOf } from '../../src/format.js';
import type { PartnerCommissionsElement } from './partner-commissions.component.js';

/** Adopted into the element's shadow root when this module arrives (see LazyPart). */
export const styles = [
  css`
    .programs {
      display: grid;
      gap: var(--_space-m);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: var(--_space-xs) var(--_space-m);
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    table {
      border-collapse: collapse;
      margin-top: var(--_space-s);
      width: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: var(--_space-xs);
    }
    th,
    td {
      text-align: start;
      padding: var(--_space-xs) var(--_space-s);
      border-bottom: 1px solid var(--_border);
    }
    td.rate,
    th.rate {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    @container (max-width: 30em) {
      dl {
        grid-template-columns: 1fr;
      }
    }
  `,
];

/** "12% of each sale", "$10.00 per sale" */
function saleRateText(p: PartnerProgram, locale: string) {
  const rate = formatRate(p.saleCommission, p.currency, locale);
  return p.saleCommission.type === 'percent' ? msg(str`${rate} of each sale`) : msg(str`${rate} per sale`);
}

function recurringText(p: PartnerProgram) {
  switch (p.recurring.mode) {
    case 'every':
      return msg('On every subscription payment');
    case 'first_n': {
      const payments = p.recurring.payments;
      return payments === 1 ? msg('On the first subscription payment only') : msg(str`On the first ${payments} subscription payments`);
    }
    default:
      return msg('On the first payment only');
  }
}

/** "Last click within 30 days" */
function attributionText(firstClick: boolean, days: number) {
  if (firstClick) return days === 1 ? msg('First click within 1 day') : msg(str`First click within ${days} days`);
  return days === 1 ? msg('Last click within 1 day') : msg(str`Last click within ${days} days`);
}

/** "14 days after the sale, unless refunded" */
function payableText(holdDays: number) {
  if (holdDays === 0) return msg('As soon as the sale is recorded');
  return holdDays === 1 ? msg('1 day after the sale, unless refunded') : msg(str`${holdDays} days after the sale, unless refunded`);
}

/**
 * What <partner-commissions> shows once the partner's programs are loaded: each program's
 * structure. Loaded while the programs load (src/internal/lazy-part.ts), so none of it is in the
 * script tag's first download.
 */
export class CommissionsView {
  constructor(readonly el: PartnerCommissionsElement) {}

  render(programs: PartnerProgram[]) {
    return html`<div class="programs">${programs.map((p) => this.renderProgram(p))}</div>`;
  }

  private renderProgram(p: PartnerProgram) {
    const id = `program-${p.id}`;
    const locale = localeOf(this.el);
    return html`<article part="program" class="card" aria-labelledby=${id}>
      <h3 id=${id}>${p.name}</h3>
      <dl>
        <dt>${msg('Sales')}</dt>
        <dd>${saleRateText(p, locale)}</dd>
        ${p.leadCommission !== null
          ? html`<dt>${msg('Leads')}</dt>
              <dd>${msg(str`${formatMoney(p.leadCommission, p.currency, locale)} per new lead`)}</dd>`
          : nothing}
        <dt>${msg('Subscriptions')}</dt>
        <dd>${recurringText(p)}</dd>
        ${p.secondTier
          ? html`<dt>${msg('Second tier')}</dt>
              <dd>
                ${p.secondTier.type === 'percent'
                  ? msg(str`${formatRate(p.secondTier, p.currency, locale)} of each sale made by partners you referred`)
                  : msg(str`${formatRate(p.secondTier, p.currency, locale)} per sale made by partners you referred`)}
              </dd>`
          : nothing}
        <dt>${msg('Attribution')}</dt>
        <dd>
          ${attributionText(p.attributionModel === 'first_click', p.attributionWindowDays)}
        </dd>
        <dt>${msg('Payable')}</dt>
        <dd>${payableText(p.holdDays)}</dd>
      </dl>
      ${p.productRates.length
        ? html`<table part="rates">
            <caption>
              ${msg('Product rates')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${msg('Product')}</th>
                <th scope="col" class="rate">${msg('Commission')}</th>
              </tr>
            </thead>
            <tbody>
              ${p.productRates.map(
                (r) => html`<tr>
                  <td>${r.productId}</td>
                  <td class="rate">${r.type === 'percent' ? msg(str`${formatRate(r, p.currency, locale)} of the sale`) : msg(str`${formatRate(r, p.currency, locale)} each`)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    </article>`;
  }
}
