import { msg } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { RangePreset } from '../../src/internal/date-range.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * My Ledger: the partner's money, in the money words every element shares. Today's balance,
 * pending and payable now against the merchant's minimum payout; a summary for the chosen
 * period (beginning balance, earned, clawed back, paid, adjustments, ending balance), with a
 * note on which figures follow the period; and every entry with its running balance — newest
 * first, more on request, downloadable as CSV.
 *
 * @tag partner-ledger
 * @summary The partner's ledger: summary, payable balance, entries with running balance, CSV.
 *
 * @event partner-range-change - The partner chose another period. `detail: { preset, from?, to? }`.
 * @event partner-download - The CSV was downloaded. `detail: { report: 'ledger', filename, size }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart range - The period picker; `select`, `input`, `custom-range` and `apply-button` inside it.
 * @csspart download-button - "Download CSV".
 * @csspart payout - Today's balance, pending and payable now, and the minimum payout.
 * @csspart summary - The period's figures.
 * @csspart note - Which figures follow the period and which are today's.
 * @csspart table - The entries table.
 * @csspart row - Each entry row.
 * @csspart load-more - "Load more entries".
 * @csspart spinner - The loading message.
 * @csspart error - An error message (role="alert") with "Try again".
 * @csspart empty - The message shown when there are no entries.
 * @csspart signed-out - The message shown to a signed-out visitor.
 * @csspart status - Announcements for screen readers (visually hidden).
 *
 * @cssproperty --partner-ledger-max-width - Widest the element grows (default none).
 * @cssproperty --partner-ledger-background - Card background (default --partner-color-surface).
 * @cssproperty --partner-ledger-payout-accent - The bar beside the payable figures (default --partner-color-accent).
 * @cssproperty --partner-report-total-background - The ending balance tile (default --partner-color-accent).
 * @cssproperty --partner-report-negative-color - Amounts taken off (default --partner-color-danger).
 * @cssproperty --partner-color-accent - Buttons and highlights.
 *
 * @slot heading - Replaces the heading text ("My Ledger").
 * @slot signed-out - Replaces the message shown when nobody is signed in.
 */
export class PartnerLedgerElement extends PartnerElement {
  static override styles = [
    baseStyles,
    reportStyles,
    css`
      :host {
        max-width: var(--partner-ledger-max-width, none);
      }
      [part~='base'] {
        background: var(--partner-ledger-background, var(--partner-report-background, var(--_surface)));
      }
    `,
  ];

  /** Heading text. */
  @property() heading?: string;
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Entries per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * The period picker, the ledger and what they do (partner-ledger.view.ts), fetched as soon as
   * the partner is signed in; its paging controller asks for the ledger once it is here.
   */
  private readonly view = new LazyPart(this, () => import('./partner-ledger.view.js'), (m) => new m.LedgerView(this));

  protected override willUpdate(changed: PropertyValues<this>) {
    // a view that arrives later starts from the `range` of that moment
    if (changed.has('range') && changed.get('range') !== undefined) this.view.value?.report.usePreset(this.range);
  }

  override render() {
    const signedIn = this.session.signedIn;
    const view = signedIn ? this.view.want() : undefined;
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('My Ledger')}</slot></h2>
        ${view?.renderTools() ?? nothing}
      </div>
      ${signedIn
        ? this.view.render((v) => v.render(), () => this.renderSpinner())
        : html`<p part="signed-out"><slot name="signed-out">${msg('Sign in to see your ledger.')}</slot></p>`}
      <p part="status" role="status" class="visually-hidden">${this.view.value?.report.announcement ?? ''}</p>
    </section>`;
  }

  /** @internal The loading message: while the view's code arrives, then while the ledger loads. */
  renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${msg('Loading your ledger…')}</p>`;
  }
}
