import { initialState, Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import type {
  Attribution,
  Commission,
  CommissionReport,
  DateRangeQuery,
  Lead,
  LeadReport,
  LinkCounts,
  LinkRates,
  LinkStats,
  Sale,
  SalesReport,
} from '../../src/api/types.js';
import { PartnerDownloadEvent } from '../../src/events/partner-download.js';
import { PartnerRangeChangeEvent } from '../../src/events/partner-range-change.js';
import { formatCount, formatDate, formatDateTime, formatDay, formatMoney, formatPercent, localeOf } from '../../src/format.js';
import { DateRangeController, isPreset, type RangePreset } from '../../src/internal/date-range.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { saveFile } from '../../src/internal/save-file.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { activityChart } from './chart.js';
import styles from './partner-reports.styles.js';

export type ReportTab = 'commissions' | 'leads' | 'sales' | 'links';

const TABS: { id: ReportTab; label: string }[] = [
  { id: 'commissions', label: 'Commissions' },
  { id: 'leads', label: 'Leads' },
  { id: 'sales', label: 'Sales' },
  { id: 'links', label: 'Links' },
];
const isTab = (v: unknown): v is ReportTab => TABS.some((t) => t.id === v);

const STATUS: Record<Commission['status'], string> = { pending: 'Pending', approved: 'Approved', paid: 'Paid', clawed_back: 'Clawed back' };
const ATTRIBUTION: Record<Attribution, string> = {
  last_click: 'Last click',
  first_click: 'First click',
  partner_code: 'Partner code',
  lead_email: 'Referred lead',
};
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

type Loaded =
  | { tab: 'commissions'; report: CommissionReport; query: DateRangeQuery }
  | { tab: 'leads'; report: LeadReport; query: DateRangeQuery }
  | { tab: 'sales'; report: SalesReport; query: DateRangeQuery }
  | { tab: 'links'; report: LinkStats; query: DateRangeQuery };

type Row = Commission | Lead | Sale;

/**
 * The Reports menu: commission report, lead tracking, sales report and link statistics in
 * accessible tabs, for a chosen period, each with totals, a table that pages on request and a
 * CSV download; link statistics add a small chart of clicks and sales over time.
 *
 * @tag partner-reports
 * @summary Commission, lead, sales and link reports with period, paging, CSV and a chart.
 *
 * @event partner-range-change - The partner chose another period. `detail: { preset, from?, to? }`.
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
  @property() heading = 'Reports';
  /** The open report: `commissions` (default), `leads`, `sales` or `links`. */
  @property({ reflect: true }) tab: ReportTab = 'commissions';
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Rows per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private reloads = 0;
  @state() private loadingMore = false;
  @state() private moreError?: unknown;
  @state() private downloading = false;
  @state() private downloadError?: unknown;
  @state() private announcement = '';

  private more: Row[] = [];
  private nextCursor: string | null = null;
  private firstNewRow = -1;

  private readonly period = new DateRangeController(this, (_range, preset) => {
    this.downloadError = undefined;
    this.emit(new PartnerRangeChangeEvent({ preset, ...this.period.query }));
  });

  private readonly data = new Task(this, {
    task: async ([token, tab], { signal }): Promise<Loaded | typeof initialState> => {
      if (!token) return initialState;
      const query = this.period.query;
      this.more = [];
      this.nextCursor = null;
      this.moreError = undefined;
      const page = { ...query, limit: this.limit };
      let loaded: Loaded;
      if (tab === 'commissions') loaded = { tab, query, report: await this.client.commissionReport(page, { signal }) };
      else if (tab === 'leads') loaded = { tab, query, report: await this.client.leadReport(page, { signal }) };
      else if (tab === 'sales') loaded = { tab, query, report: await this.client.salesReport(page, { signal }) };
      else loaded = { tab: 'links', query, report: await this.client.linkStats({ ...query, timeZone: this.timeZone }, { signal }) };
      this.nextCursor = loaded.tab === 'links' ? null : loaded.report.nextCursor;
      return loaded;
    },
    args: () => [this.session.state?.token, this.tab, this.period.key, this.reloads] as const,
  });

  private get limit() {
    return Math.min(500, Math.max(1, Math.trunc(this.pageSize) || 50));
  }

  private get locale() {
    return localeOf(this);
  }

  private get timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) {
      this.period.use(isPreset(this.range) ? this.range : 'all');
    }
    if (changed.has('tab') && !isTab(this.tab)) this.tab = 'commissions';
  }

  protected override updated() {
    if (this.firstNewRow >= 0) {
      const row = this.renderRoot.querySelectorAll<HTMLElement>('[part~="panel"] tbody tr')[this.firstNewRow];
      this.firstNewRow = -1;
      row?.focus();
    }
  }

  override render() {
    const signedIn = this.session.signedIn;
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading}</slot></h2>
        ${signedIn
          ? html`<div class="toolbar">
              ${this.period.render()}
              <button part="download-button" class="secondary" type="button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.download}>
                ${this.downloading ? html`<span class="spinner" aria-hidden="true"></span> Preparing CSV…` : 'Download CSV'}
              </button>
            </div>`
          : nothing}
      </div>
      ${signedIn
        ? html`${this.downloadError ? this.renderError(this.downloadError, () => this.download(), 'download-error') : nothing}
            ${this.renderTabs()}
            <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0">
              ${this.data.render({
                initial: () => this.renderSpinner(),
                pending: () => this.renderSpinner(),
                error: (e) => this.renderError(e, () => this.reloads++),
                complete: (loaded) => this.renderPanel(loaded as Loaded),
              })}
            </div>`
        : html`<p part="signed-out"><slot name="signed-out">Sign in to see your reports.</slot></p>`}
      <p part="status" role="status" class="visually-hidden">${this.announcement}</p>
    </section>`;
  }

  private renderTabs() {
    return html`<div part="tabs" role="tablist" aria-label="Reports" @keydown=${this.onTabKey}>
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
          ${t.label}
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
    this.downloadError = undefined;
  }

  private renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> Loading ${this.tab === 'links' ? 'link statistics' : `your ${this.tab}`}…</p>`;
  }

  private renderError(error: unknown, retry: () => unknown, id = 'error') {
    return html`<div part="error" role="alert" id=${id}>
      <span>${messageOf(error)}</span>
      <button type="button" class="secondary" @click=${retry}>Try again</button>
    </div>`;
  }

  private money(n: number, currency: string, signed = false) {
    return formatMoney(n, currency, this.locale, { signed });
  }

  private empty(what: string) {
    const allTime = !this.period.range.from && !this.period.range.to;
    return html`<p part="empty">${allTime ? `No ${what} yet.` : `No ${what} in this period.`}</p>`;
  }

  private caption(what: string) {
    return html`<caption>
      ${what}, ${this.period.label(this.locale)}, newest first
    </caption>`;
  }

  private renderPanel(loaded: Loaded) {
    switch (loaded.tab) {
      case 'commissions':
        return this.renderCommissions(loaded.report);
      case 'leads':
        return this.renderLeads(loaded.report);
      case 'sales':
        return this.renderSales(loaded.report);
      default:
        return this.renderLinks(loaded.report);
    }
  }

  private renderCommissions(report: CommissionReport) {
    const m = (n: number, signed = false) => this.money(n, report.currency, signed);
    const t = report.totals;
    const items = [...report.items, ...(this.more as Commission[])];
    const label = this.period.label(this.locale);
    return html`<dl part="summary" aria-label="Commission totals for ${label}">
        <div><dt>Commissions</dt><dd>${formatCount(t.count, this.locale)}</dd></div>
        ${moneyFigure('earned', t.earned, m)} ${moneyFigure('clawedBack', t.clawedBack, m)} ${moneyFigure('paid', t.paid, m)}
      </dl>
      <dl part="summary now" aria-label="Today">
        ${moneyFigure('balance', t.balance, m)} ${moneyFigure('pending', t.pending, m)} ${moneyFigure('payableNow', t.payableNow, m, 'total')}
      </dl>
      <p part="note" class="muted">
        ${periodVersusNow(label)} Clawed back and paid count what happened in the period, also on commissions recorded before it.
      </p>
      ${items.length
        ? html`<table part="table" class="stack">
              ${this.caption('Commissions')}
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Order</th>
                  <th scope="col" class="num">Sale</th>
                  <th scope="col">Rate</th>
                  <th scope="col" class="num">Commission</th>
                  <th scope="col">Status</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                ${items.map((c) => this.commissionRow(c, m))}
              </tbody>
            </table>
            ${this.renderMore(items.length, 'commission', 'commissions')}`
        : this.empty('commissions')}`;
  }

  private commissionRow(c: Commission, m: (n: number, signed?: boolean) => string): TemplateResult {
    const rate = c.rate.type === 'percent' ? formatPercent(c.rate.value, this.locale) : `${m(c.rate.value)} flat`;
    const why = c.why;
    const parts: string[] = [];
    if (why.attribution) parts.push(ATTRIBUTION[why.attribution]);
    if (why.link) parts.push(`on ${why.link.name ?? why.link.slug}`);
    if (why.sub) parts.push(`(sub-id ${why.sub})`);
    if (why.clickAt) parts.push(`at ${formatDateTime(why.clickAt, this.locale)}`);
    return html`<tr part="row" tabindex="-1">
      <th scope="row" data-label="Date"><time datetime=${c.date}>${formatDate(c.date, this.locale)}</time></th>
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
        ${c.status === 'pending' ? html`<span class="detail">payable <time datetime=${c.payableAt}>${formatDate(c.payableAt, this.locale)}</time></span>` : nothing}
      </td>
      <td data-label="Why">
        ${parts.join(' ') || '—'} ${why.program.name ? html`<span class="detail">${why.program.name}</span>` : nothing}
      </td>
    </tr>`;
  }

  private renderLeads(report: LeadReport) {
    const items = [...report.items, ...(this.more as Lead[])];
    return html`<dl part="summary" aria-label="Lead totals">
        <div><dt>Leads</dt><dd>${formatCount(report.totals.leads, this.locale)}</dd></div>
        <div><dt>Became customers</dt><dd>${formatCount(report.totals.customers, this.locale)}</dd></div>
      </dl>
      ${report.privacy === 'masked' ? html`<p class="muted">Email addresses are partly hidden to protect your leads' privacy.</p>` : nothing}
      ${items.length
        ? html`<table part="table" class="stack">
              ${this.caption('Leads')}
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Status</th>
                  <th scope="col">Link</th>
                  <th scope="col">Sub-id</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (l) => html`<tr part="row" tabindex="-1">
                    <th scope="row" data-label="Date"><time datetime=${l.date}>${formatDate(l.date, this.locale)}</time></th>
                    <td data-label="Lead">${l.lead} ${l.name ? html`<span class="detail">${l.name}</span>` : nothing}</td>
                    <td data-label="Status"><span class="badge ${l.status}">${l.status === 'customer' ? 'Customer' : 'Lead'}</span></td>
                    <td data-label="Link">${l.link ? l.link.name : '—'}</td>
                    <td data-label="Sub-id">${l.sub ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${this.renderMore(items.length, 'lead', 'leads')}`
        : this.empty('leads')}`;
  }

  private renderSales(report: SalesReport) {
    const m = (n: number, currency = report.currency) => this.money(n, currency);
    const items = [...report.items, ...(this.more as Sale[])];
    const t = report.totals;
    return html`<dl part="summary" aria-label="Sales totals">
        <div><dt>Sales</dt><dd>${formatCount(t.count, this.locale)}</dd></div>
        <div><dt>Amount</dt><dd>${m(t.amount)}</dd></div>
        <div><dt>Refunded</dt><dd>${m(t.refunded)}</dd></div>
        <div class="total"><dt>Commission on these sales</dt><dd>${m(t.commission)}</dd></div>
      </dl>
      <p part="note" class="muted">
        Commission on these sales is your direct commission on the sales listed, after clawbacks. Lead and second-tier commissions
        are not sales of yours: the Commissions report shows everything you earned.
      </p>
      ${items.length
        ? html`<table part="table" class="stack">
              ${this.caption('Sales')}
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Order</th>
                  <th scope="col">Items</th>
                  <th scope="col" class="num">Amount</th>
                  <th scope="col" class="num">Commission</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (s) => html`<tr part="row" tabindex="-1">
                    <th scope="row" data-label="Date"><time datetime=${s.date}>${formatDate(s.date, this.locale)}</time></th>
                    <td data-label="Order">${s.order}</td>
                    <td data-label="Items">${s.items.map((i) => `${formatCount(i.quantity, this.locale)} × ${i.product}`).join(', ') || '—'}</td>
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
            ${this.renderMore(items.length, 'sale', 'sales')}`
        : this.empty('sales')}`;
  }

  private renderLinks(stats: LinkStats) {
    const t = stats.totals;
    const m = (n: number) => this.money(n, stats.currency);
    if (!t.clicks && !t.leads && !t.sales && !t.earnings) {
      const allTime = !this.period.range.from && !this.period.range.to;
      return html`<p part="empty">
        ${allTime ? 'No link activity yet. Share your links and the clicks show up here.' : 'No clicks, leads or sales in this period.'}
      </p>`;
    }
    const rates = (r: LinkRates) => [
      r.conversionRate === null ? '—' : formatPercent(r.conversionRate, this.locale),
      r.earningsPerClick === null ? '—' : m(r.earningsPerClick),
    ];
    const [conversion, epc] = rates(t);
    const head = (first: string) => html`<thead>
      <tr>
        <th scope="col">${first}</th>
        <th scope="col" class="num">Clicks</th>
        <th scope="col" class="num">Leads</th>
        <th scope="col" class="num">Sales</th>
        <th scope="col" class="num">Conversion</th>
        <th scope="col" class="num">Commission</th>
        <th scope="col" class="num">Per click</th>
      </tr>
    </thead>`;
    const row = (label: string, r: LinkCounts & LinkRates, first: string) => {
      const [c, e] = rates(r);
      return html`<tr part="row">
        <th scope="row" data-label=${first}>${label}</th>
        <td data-label="Clicks" class="num">${formatCount(r.clicks, this.locale)}</td>
        <td data-label="Leads" class="num">${formatCount(r.leads, this.locale)}</td>
        <td data-label="Sales" class="num">${formatCount(r.sales, this.locale)}</td>
        <td data-label="Conversion" class="num">${c}</td>
        <td data-label="Commission" class="num">${m(r.earnings)}</td>
        <td data-label="Per click" class="num">${e}</td>
      </tr>`;
    };
    return html`<dl part="summary" aria-label="Link totals">
        <div><dt>Clicks</dt><dd>${formatCount(t.clicks, this.locale)}</dd></div>
        <div><dt>Leads</dt><dd>${formatCount(t.leads, this.locale)}</dd></div>
        <div><dt>Sales</dt><dd>${formatCount(t.sales, this.locale)}</dd></div>
        <div><dt>Conversion</dt><dd>${conversion}</dd></div>
        <div><dt>Commission per click</dt><dd>${epc}</dd></div>
        <div class="total"><dt>Commission from your links</dt><dd>${m(t.earnings)}</dd></div>
      </dl>
      <p part="note" class="muted">
        Commission from your links is your direct commission on these sales and leads, after clawbacks (your own purchases left out).
        Second-tier commissions come from other partners' links: the Commissions report shows everything you earned.
      </p>
      ${activityChart(stats, this.period.range, this.locale) ?? nothing}
      <table part="table" class="stack">
        <caption>By link</caption>
        ${head('Link')}
        <tbody>
          ${stats.byLink.map((l) => row(l.link ? l.link.name : 'Without a link (partner code)', l, 'Link'))}
        </tbody>
      </table>
      <table part="table" class="stack">
        <caption>By sub-id</caption>
        ${head('Sub-id')}
        <tbody>
          ${stats.bySub.map((s) => row(s.sub ?? 'No sub-id', s, 'Sub-id'))}
        </tbody>
      </table>
      <details class="daily">
        <summary>Daily figures (${formatCount(stats.byDay.length, this.locale)} days with activity)</summary>
        <table part="table" class="stack">
          <caption>By day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" class="num">Clicks</th>
              <th scope="col" class="num">Leads</th>
              <th scope="col" class="num">Sales</th>
              <th scope="col" class="num">Commission</th>
            </tr>
          </thead>
          <tbody>
            ${stats.byDay.map(
              (d) => html`<tr part="row">
                <th scope="row" data-label="Day">${formatDay(d.date, this.locale)}</th>
                <td data-label="Clicks" class="num">${formatCount(d.clicks, this.locale)}</td>
                <td data-label="Leads" class="num">${formatCount(d.leads, this.locale)}</td>
                <td data-label="Sales" class="num">${formatCount(d.sales, this.locale)}</td>
                <td data-label="Commission" class="num">${m(d.earnings)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }

  private renderMore(shown: number, one: string, many: string) {
    return html`<div class="more">
        <p class="muted">Showing ${formatCount(shown, this.locale)} ${shown === 1 ? one : many}${this.nextCursor ? '' : ' — that is all of them'}.</p>
        ${this.nextCursor
          ? html`<button part="load-more" type="button" class="secondary" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
              ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span> Loading…` : `Load more ${many}`}
            </button>`
          : nothing}
      </div>
      ${this.moreError ? this.renderError(this.moreError, () => this.loadMore(), 'more-error') : nothing}`;
  }

  private async loadMore() {
    const loaded = this.data.value as Loaded | undefined;
    if (!loaded || loaded.tab === 'links' || !this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const q = { ...loaded.query, cursor: this.nextCursor, limit: this.limit };
      const page =
        loaded.tab === 'commissions'
          ? await this.client.commissionReport(q)
          : loaded.tab === 'leads'
            ? await this.client.leadReport(q)
            : await this.client.salesReport(q);
      if (this.data.value !== loaded) return; // the tab or period changed meanwhile
      this.firstNewRow = loaded.report.items.length + this.more.length;
      this.more = [...this.more, ...(page.items as Row[])];
      this.nextCursor = page.nextCursor;
      this.announcement = `Loaded ${page.items.length} more; showing ${loaded.report.items.length + this.more.length}.`;
    } catch (error) {
      this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private async download() {
    if (this.downloading) return;
    const report = this.tab;
    this.downloading = true;
    this.downloadError = undefined;
    try {
      const query = report === 'links' ? { ...this.period.query, timeZone: this.timeZone } : this.period.query;
      const file = await this.client.downloadCsv(report, query);
      saveFile(file.blob, file.filename, this.renderRoot);
      this.announcement = `Downloaded ${file.filename}.`;
      this.emit(new PartnerDownloadEvent({ report, filename: file.filename, size: file.blob.size }));
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = false;
    }
  }
}
