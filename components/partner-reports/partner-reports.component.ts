import { msg } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { RangePreset } from '../../src/internal/date-range.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { ReportTab } from './partner-reports.panel.js';
import { isTab, TABS } from './partner-reports.tabs.js';

export type { ReportTab } from './partner-reports.panel.js';

/**
 * The Reports menu: commission report, lead tracking, sales report and link statistics in
 * accessible tabs, for a chosen period, each with totals, a table that pages on request and a
 * CSV download; link statistics add a small chart of clicks and sales over time.
 *
 * @tag partner-reports
 * @summary Commission, lead, sales and link reports with period, paging, CSV and a chart.
 *
 * @event partner-range-change - The partner chose another period. `detail: { preset, from?, to? }`.
 * @event partner-tab-change - The partner opened another report tab. `detail: { tab }`.
 * @event partner-download - A report was downloaded as CSV. `detail: { report, filename, size }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart range - The period picker; `select`, `input`, `custom-range` and `apply-button` inside it.
 * @csspart download-button - "Download CSV" for the open report.
 * @csspart tabs - The tab list; each tab is a `tab` part, the open one also `tab-selected`.
 * @csspart panel - The open report.
 * @csspart summary - The report's totals (the commission report adds `summary now` for today's figures).
 * @csspart note - What the totals count, where they differ from another screen's.
 * @csspart no-commission - Under a sale that earned nothing: why, in words.
 * @csspart table - Each table; `row` for each row.
 * @csspart chart - Each chart (clicks, sales).
 * @csspart load-more - "Load more".
 * @csspart spinner - The loading message.
 * @csspart error - An error message (role="alert") with "Try again".
 * @csspart empty - The message shown when a report has nothing in the period.
 * @csspart signed-out - The message shown to a signed-out visitor.
 * @csspart status - Announcements for screen readers (visually hidden).
 *
 * @cssproperty --partner-reports-chart-color - Click bars (default --partner-color-accent).
 * @cssproperty --partner-reports-chart-secondary-color - Sale bars (default --partner-color-success).
 * @cssproperty --partner-reports-max-width - Widest the element grows (default none).
 * @cssproperty --partner-report-total-background - Highlighted total tiles (default --partner-color-accent).
 * @cssproperty --partner-color-accent - Buttons, the selected tab and highlights.
 *
 * @slot heading - Replaces the heading text ("Reports").
 * @slot signed-out - Replaces the message shown when nobody is signed in.
 */
export class PartnerReportsElement extends PartnerElement {
  static override styles = [
    baseStyles,
    reportStyles,
    css`
      :host {
        max-width: var(--partner-reports-max-width, none);
      }
    `,
  ];

  /** Heading text. */
  @property() heading?: string;
  /** The open report: `commissions` (default), `leads`, `sales` or `links`. */
  @property({ reflect: true }) tab: ReportTab = 'commissions';
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Rows per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * The period picker, the tabs, the reports and what they do (partner-reports.view.ts), fetched
   * as soon as the partner is signed in; its paging controller asks for the report once it is here.
   */
  private readonly view = new LazyPart(this, () => import('./partner-reports.view.js'), (m) => new m.ReportsView(this));

  protected override willUpdate(changed: PropertyValues<this>) {
    // a view that arrives later starts from the `range` of that moment
    if (changed.has('range') && changed.get('range') !== undefined) this.view.value?.report.usePreset(this.range);
    if (changed.has('tab') && !isTab(this.tab)) this.tab = 'commissions';
  }

  override render() {
    const signedIn = this.session.signedIn;
    const view = signedIn ? this.view.want() : undefined;
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Reports')}</slot></h2>
        ${view?.renderTools() ?? nothing}
      </div>
      ${signedIn
        ? this.view.render((v) => v.render(), () => this.renderSpinner())
        : html`<p part="signed-out"><slot name="signed-out">${msg('Sign in to see your reports.')}</slot></p>`}
      <p part="status" role="status" class="visually-hidden">${this.view.value?.report.announcement ?? ''}</p>
    </section>`;
  }

  /** @internal The open tab's loading message: while the view's code arrives, then while the report loads. */
  renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${TABS.find((t) => t.id === this.tab)!.loading()}</p>`;
  }
}
