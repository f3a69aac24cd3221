import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { CommissionReport, LeadReport, LinkStats, SalesReport } from '../../src/api/types.js';
import { formatCount, localeOf, localTimeZone } from '../../src/format.js';
import type { RangePreset } from '../../src/internal/date-range.js';
import { PartnerTabChangeEvent } from '../../src/events/partner-tab-change.js';
import { PagedReportController } from '../../src/internal/paged-report-controller.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { commissionsPanel } from './partner-reports.commissions.js';
import { show, type ReportPanel, type ReportTab, type Shown } from './partner-reports.panel.js';
import styles from './partner-reports.styles.js';

export type { ReportTab } from './partner-reports.panel.js';

/** Each tab, and the words after "Loading …" while its first page loads. */
const TABS: { id: ReportTab; label: () => string; loading: () => string }[] = [
  { id: 'commissions', label: () => msg('Commissions'), loading: () => msg('Loading your commissions…') },
  { id: 'leads', label: () => msg('Leads'), loading: () => msg('Loading your leads…') },
  { id: 'sales', label: () => msg('Sales'), loading: () => msg('Loading your sales…') },
  { id: 'links', label: () => msg('Links'), loading: () => msg('Loading link statistics…') },
];
const isTab = (v: unknown): v is ReportTab => TABS.some((t) => t.id === v);

/** Each tab's report as the client returns it. */
interface Reports {
  commissions: CommissionReport;
  leads: LeadReport;
  sales: SalesReport;
  links: LinkStats;
}

/**
 * Each tab's panel: one file each, beside this one. The first tab's comes with the element;
 * the others load when first opened, so a page pays for the reports it shows.
 */
const PANELS: { [K in ReportTab]: () => Promise<ReportPanel<Reports[K]>> } = {
  commissions: async () => commissionsPanel,
  leads: async () => (await import('./partner-reports.leads.js')).leadsPanel,
  sales: async () => (await import('./partner-reports.sales.js')).salesPanel,
  links: async () => (await import('./partner-reports.links.js')).linksPanel,
};

/** Loads the first page of `tab`'s report, bound to its panel. */
async function open<K extends ReportTab>(tab: K, ...args: Parameters<ReportPanel<Reports[K]>['load']>): Promise<Shown> {
  const panel: ReportPanel<Reports[K]> = await PANELS[tab]();
  return show(tab, panel, await panel.load(...args));
}

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
  static override styles = [baseStyles, reportStyles, styles];

  /** Heading text. */
  @property() heading?: string;
  /** The open report: `commissions` (default), `leads`, `sales` or `links`. */
  @property({ reflect: true }) tab: ReportTab = 'commissions';
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Rows per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  private readonly report = new PagedReportController<Shown>(this, {
    client: () => this.client,
    args: () => [this.session.state?.token, this.tab],
    pageSize: () => this.pageSize,
    load: (period, limit, signal) => open(this.tab, this.client, period, limit, signal),
    cursor: (shown) => shown.cursor(),
    more: (shown, query, signal) => shown.more(this.client, query, signal),
    rows: (shown) => shown.rows(),
    rowSelector: '[part~="panel"] tbody tr',
    report: () => this.tab,
    csvQuery: (period) => (this.tab === 'links' ? { ...period, timeZone: localTimeZone() } : period),
  });

  private get locale() {
    return localeOf(this);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) this.report.usePreset(this.range);
    if (changed.has('tab') && !isTab(this.tab)) this.tab = 'commissions';
  }

  override render() {
    const signedIn = this.session.signedIn;
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Reports')}</slot></h2>
        ${signedIn ? html`<div class="toolbar">${this.report.renderPeriod()} ${this.report.renderDownloadButton()}</div>` : nothing}
      </div>
      ${signedIn
        ? html`${this.report.renderDownloadError()} ${this.renderTabs()}
            <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0">
              ${this.report.render({ loading: () => this.renderSpinner(), complete: (shown) => this.renderPanel(shown) })}
            </div>`
        : html`<p part="signed-out"><slot name="signed-out">${msg('Sign in to see your reports.')}</slot></p>`}
      ${this.report.renderStatus()}
    </section>`;
  }

  private renderTabs() {
    return html`<div part="tabs" role="tablist" aria-label=${msg('Reports')} @keydown=${this.onTabKey}>
      ${TABS.map(
        (t) => html`<button
          type="button"
          role="tab"
          id="tab-${t.id}"
          part=${t.id === this.tab ? 'tab tab-selected' : 'tab'}
          aria-selected=${t.id === this.tab ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${t.id === this.tab ? '0' : '-1'}
          @click=${() => this.select(t.id)}
        >
          ${t.label()}
        </button>`,
      )}
    </div>`;
  }

  private onTabKey(event: KeyboardEvent) {
    const index = TABS.findIndex((t) => t.id === this.tab);
    const target: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    if (!(event.key in target)) return;
    event.preventDefault();
    const next = TABS[(target[event.key]! + TABS.length) % TABS.length]!;
    this.select(next.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus());
  }

  private select(tab: ReportTab) {
    if (tab === this.tab) return;
    this.tab = tab;
    this.report.forgetDownloadError();
    this.emit(new PartnerTabChangeEvent({ tab }));
  }

  private renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${TABS.find((t) => t.id === this.tab)!.loading()}</p>`;
  }

  private renderPanel(shown: Shown) {
    const locale = this.locale;
    return shown.render({
      locale,
      period: this.report.period,
      allTime: this.report.allTime,
      more: (noun) => this.report.renderMore(shown, noun, (n) => formatCount(n, locale)),
    });
  }
}
