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
  return p.saleCommission.type === 'percent'
    ? `${formatRate(p.saleCommission, p.currency, locale)} of each sale`
    : `${formatRate(p.saleCommission, p.currency, locale)} per sale`;
}

export function recurringText(p: PartnerProgram) {
  switch (p.recurring.mode) {
    case 'every':
      return 'On every subscription payment';
    case 'first_n':
      return p.recurring.payments === 1 ? 'On the first subscription payment only' : `On the first ${p.recurring.payments} subscription payments`;
    default:
      return 'On the first payment only';
  }
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
  @property() heading = 'My commission structure';

  private readonly programs = new ProgramsTask(
    this,
    () => this.session.signedIn,
    () => this.client,
  );

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading}</h2>
      ${this.session.signedIn
        ? this.programs.render('Loading your commission structure…', (programs) =>
            programs.length
              ? html`<div class="programs">${programs.map((p) => this.renderProgram(p))}</div>`
              : html`<p part="empty" class="notice">You are not in any program yet, so no commissions apply.</p>`,
          )
        : signedOutView('your commission structure')}
    </section>`;
  }

  private renderProgram(p: PartnerProgram) {
    const id = `program-${p.id}`;
    const locale = localeOf(this);
    return html`<article part="program" class="card" aria-labelledby=${id}>
      <h3 id=${id}>${p.name}</h3>
      <dl>
        <dt>Sales</dt>
        <dd>${saleRateText(p, locale)}</dd>
        ${p.leadCommission !== null
          ? html`<dt>Leads</dt>
              <dd>${formatMoney(p.leadCommission, p.currency, locale)} per new lead</dd>`
          : nothing}
        <dt>Subscriptions</dt>
        <dd>${recurringText(p)}</dd>
        ${p.secondTier
          ? html`<dt>Second tier</dt>
              <dd>
                ${p.secondTier.type === 'percent'
                  ? `${formatRate(p.secondTier, p.currency, locale)} of each sale made by partners you referred`
                  : `${formatRate(p.secondTier, p.currency, locale)} per sale made by partners you referred`}
              </dd>`
          : nothing}
        <dt>Attribution</dt>
        <dd>
          ${p.attributionModel === 'first_click' ? 'First click' : 'Last click'} within ${p.attributionWindowDays}
          ${p.attributionWindowDays === 1 ? 'day' : 'days'}
        </dd>
        <dt>Payable</dt>
        <dd>${p.holdDays === 0 ? 'As soon as the sale is recorded' : `${p.holdDays} ${p.holdDays === 1 ? 'day' : 'days'} after the sale, unless refunded`}</dd>
      </dl>
      ${p.productRates.length
        ? html`<table part="rates">
            <caption>
              Product rates
            </caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" class="rate">Commission</th>
              </tr>
            </thead>
            <tbody>
              ${p.productRates.map(
                (r) => html`<tr>
                  <td>${r.productId}</td>
                  <td class="rate">${r.type === 'percent' ? `${formatRate(r, p.currency, locale)} of the sale` : `${formatRate(r, p.currency, locale)} each`}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    </article>`;
  }
}
