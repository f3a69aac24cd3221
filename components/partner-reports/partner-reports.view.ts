import { msg } from '@lit/localize';
import { html } from 'lit';
import type { CommissionReport, LeadReport, LinkStats, SalesReport } from '../../src/api/types.js';
import { PartnerTabChangeEvent } from '../../src/events/partner-tab-change.js';
import { formatCount, localeOf, localTimeZone } from '../../src/format.js';
import { PagedReportController } from '../../src/internal/paged-report-controller.js';
import type { PartnerReportsElement } from './partner-reports.component.js';
import { commissionsPanel } from './partner-reports.commissions.js';
import { show, type ReportPanel, type ReportTab, type Shown } from './partner-reports.panel.js';
import reportsStyles from './partner-reports.styles.js';
import { TABS } from './partner-reports.tabs.js';

/** Adopted into the element's shadow root when this module arrives (see LazyPart). */
export const styles = [reportsStyles];

/** Each tab's report as the client returns it. */
interface Reports {
  commissions: CommissionReport;
  leads: LeadReport;
  sales: SalesReport;
  links: LinkStats;
}

/**
 * Each tab's panel: one file each, beside this one. The first tab's comes with this view; the
 * others load when first opened, so a page pays for the reports it shows.
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
 * What <partner-reports> shows and does once the partner is signed in: the period picker and
 * CSV download, the tabs, and the open report (loaded and paged by a {@link PagedReportController}).
 * Loaded as soon as the session is there (src/internal/lazy-part.ts), so none of it is in the
 * script tag's first download; the element shows its loading message until it arrives.
 */
export class ReportsView {
  readonly report: PagedReportController<Shown>;

  constructor(readonly el: PartnerReportsElement) {
    this.report = new PagedReportController<Shown>(el, {
      client: () => el.client,
      args: () => [el.session.state?.token, el.tab],
      pageSize: () => el.pageSize,
      load: (period, limit, signal) => open(el.tab, el.client, period, limit, signal),
      cursor: (shown) => shown.cursor(),
      more: (shown, query, signal) => shown.more(el.client, query, signal),
      rows: (shown) => shown.rows(),
      rowSelector: '[part~="panel"] tbody tr',
      report: () => el.tab,
      csvQuery: (period) => (el.tab === 'links' ? { ...period, timeZone: localTimeZone() } : period),
    });
    this.report.usePreset(el.range);
  }

  /** The period picker and "Download CSV" for the open report, beside the heading. */
  renderTools() {
    return html`<div class="toolbar">${this.report.renderPeriod()} ${this.report.renderDownloadButton()}</div>`;
  }

  /** Why a download failed, the tabs, and the open report (the element's loading message while it loads). */
  render() {
    const tab = this.el.tab;
    return html`${this.report.renderDownloadError()} ${this.renderTabs()}
      <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${tab}" tabindex="0">
        ${this.report.render({ loading: () => this.el.renderSpinner(), complete: (shown) => this.renderPanel(shown) })}
      </div>`;
  }

  private renderTabs() {
    const open = this.el.tab;
    return html`<div part="tabs" role="tablist" aria-label=${msg('Reports')} @keydown=${this.onTabKey}>
      ${TABS.map(
        (t) => html`<button
          type="button"
          role="tab"
          id="tab-${t.id}"
          part=${t.id === open ? 'tab tab-selected' : 'tab'}
          aria-selected=${t.id === open ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${t.id === open ? '0' : '-1'}
          @click=${() => this.select(t.id)}
        >
          ${t.label()}
        </button>`,
      )}
    </div>`;
  }

  private onTabKey = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === this.el.tab);
    const target: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    if (!(event.key in target)) return;
    event.preventDefault();
    const next = TABS[(target[event.key]! + TABS.length) % TABS.length]!;
    this.select(next.id);
    void this.el.updateComplete.then(() => this.el.renderRoot.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus());
  };

  private select(tab: ReportTab) {
    if (tab === this.el.tab) return;
    this.el.tab = tab;
    this.report.forgetDownloadError();
    this.el.emit(new PartnerTabChangeEvent({ tab }));
  }

  private renderPanel(shown: Shown) {
    const locale = localeOf(this.el);
    return shown.render({
      locale,
      period: this.report.period,
      allTime: this.report.allTime,
      more: (noun) => this.report.renderMore(shown, noun, (n) => formatCount(n, locale)),
    });
  }
}
