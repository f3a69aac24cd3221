import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { PartnerProgram } from '../../src/api/types.js';
import { formatMoney, formatRate, localeOf } from '../../src/format.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ProgramsTask } from '../../src/internal/programs-task.js';
import { signedOutView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';

/** "12% of each sale", "$10.00 per sale" */
export function saleRateText(p: PartnerProgram, locale: string) {
  const rate = formatRate(p.saleCommission, p.currency, locale);
  return p.saleCommission.type === 'percent' ? msg(str`${rate} of each sale`) : msg(str`${rate} per sale`);
}

export function recurringText(p: PartnerProgram) {
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
 * My Commission Structure: for each of the partner's programs, what a sale, a product and a
 * lead earn, recurring terms, second tier, attribution and when commissions become payable.
 *
 * @tag partner-commissions
 * @summary The commission structure of each of the partner's programs.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart program - One program's structure.
 * @csspart rates - The product rates table.
 * @csspart empty - Shown when the partner is in no program.
 * @csspart spinner - The loading state.
 * @csspart error - The error state (role="alert").
 * @csspart signed-out - Shown when nobody is signed in.
 */
export class PartnerCommissionsElement extends PartnerElement {
  static override styles = [
    baseStyles,
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
      :host {
        container-type: inline-size;
      }
    `,
  ];

  /** Heading text. */
  @property() heading?: string;

  private readonly programs = new ProgramsTask(
    this,
    () => this.session.signedIn,
    () => this.client,
  );

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('My commission structure')}</h2>
      ${this.session.signedIn
        ? this.programs.render(msg('Loading your commission structure…'), (programs) =>
            programs.length
              ? html`<div class="programs">${programs.map((p) => this.renderProgram(p))}</div>`
              : html`<p part="empty" class="notice">${msg('You are not in any program yet, so no commissions apply.')}</p>`,
          )
        : signedOutView(msg('your commission structure'))}
    </section>`;
  }

  private renderProgram(p: PartnerProgram) {
    const id = `program-${p.id}`;
    const locale = localeOf(this);
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
