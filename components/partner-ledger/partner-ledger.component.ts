import { initialState, Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import type { Balance, DateRangeQuery, LedgerEntry, LedgerEntryType, LedgerPage } from '../../src/api/types.js';
import { PartnerDownloadEvent } from '../../src/events/partner-download.js';
import { PartnerRangeChangeEvent } from '../../src/events/partner-range-change.js';
import { formatDate, formatDateTime, formatMoney, localeOf } from '../../src/format.js';
import { DateRangeController, isPreset, type RangePreset } from '../../src/internal/date-range.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { saveFile } from '../../src/internal/save-file.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-ledger.styles.js';

const TYPE_LABELS: Record<LedgerEntryType, string> = {
  commission: 'Commission',
  clawback: 'Clawback',
  payment: 'Payment',
  adjustment: 'Adjustment',
};

interface Loaded {
  page: LedgerPage;
  balance: Balance;
  query: DateRangeQuery;
}

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
  static override styles = [baseStyles, reportStyles, styles];

  /** Heading text. */
  @property() heading = 'My Ledger';
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Entries per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private reloads = 0;
  @state() private loadingMore = false;
  @state() private moreError?: unknown;
  @state() private downloading = false;
  @state() private downloadError?: unknown;
  @state() private announcement = '';

  /** Entries loaded by "Load more" after the first page, and the cursor after them. */
  private more: LedgerEntry[] = [];
  private nextCursor: string | null = null;
  private firstNewRow = -1;

  private readonly period = new DateRangeController(this, (_range, preset) => {
    this.downloadError = undefined;
    this.emit(new PartnerRangeChangeEvent({ preset, ...this.period.query }));
  });

  private readonly data = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) return initialState;
      const query = this.period.query;
      this.more = [];
      this.nextCursor = null;
      this.moreError = undefined;
      const [page, balance] = await Promise.all([
        this.client.ledger({ ...query, limit: this.limit }, { signal }),
        this.client.balance({ signal }),
      ]);
      this.nextCursor = page.nextCursor;
      return { page, balance, query } satisfies Loaded;
    },
    args: () => [this.session.state?.token, this.period.key, this.reloads] as const,
  });

  private get limit() {
    return Math.min(500, Math.max(1, Math.trunc(this.pageSize) || 50));
  }

  private get locale() {
    return localeOf(this);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) {
      this.period.use(isPreset(this.range) ? this.range : 'all');
    }
  }

  protected override updated() {
    if (this.firstNewRow >= 0) {
      const row = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[this.firstNewRow];
      this.firstNewRow = -1;
      row?.focus();
    }
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading}</slot></h2>
        ${this.session.signedIn ? this.renderTools() : nothing}
      </div>
      ${this.session.signedIn
        ? this.data.render({
            initial: () => this.renderSpinner(),
            pending: () => this.renderSpinner(),
            error: (e) => this.renderError(e, () => this.reloads++),
            complete: (loaded) => this.renderLedger(loaded),
          })
        : html`<p part="signed-out"><slot name="signed-out">Sign in to see your ledger.</slot></p>`}
      <p part="status" role="status" class="visually-hidden">${this.announcement}</p>
    </section>`;
  }

  private renderTools() {
    return html`<div class="range-and-download toolbar">
      ${this.period.render()}
      <button part="download-button" class="secondary" type="button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.download}>
        ${this.downloading ? html`<span class="spinner" aria-hidden="true"></span> Preparing CSV…` : 'Download CSV'}
      </button>
    </div>
    ${this.downloadError ? this.renderError(this.downloadError, () => this.download(), 'download-error') : nothing}`;
  }

  private renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> Loading your ledger…</p>`;
  }

  private renderError(error: unknown, retry: () => unknown, id = 'error') {
    return html`<div part="error" role="alert" id=${id}>
      <span>${messageOf(error)}</span>
      <button type="button" class="secondary" @click=${retry}>Try again</button>
    </div>`;
  }

  private renderLedger({ page, balance }: Loaded) {
    const { summary } = page;
    const money = (n: number, signed = false) => formatMoney(n, summary.currency, this.locale, { signed });
    const entries = [...page.entries, ...this.more];
    const allTime = !this.period.range.from && !this.period.range.to;
    const label = this.period.label(this.locale);
    return html`
      ${this.renderPayout(balance)}
      <dl part="summary" aria-label="Summary for ${label}">
        <div><dt>Beginning balance</dt><dd>${money(summary.beginningBalance)}</dd></div>
        ${moneyFigure('earned', summary.earned, money)} ${moneyFigure('clawedBack', summary.clawedBack, money)} ${moneyFigure('paid', summary.paid, money)}
        <div><dt>Adjustments</dt><dd>${money(summary.adjustments, true)}</dd></div>
        <div class="total"><dt>Ending balance</dt><dd>${money(summary.endingBalance)}</dd></div>
      </dl>
      <p part="note" class="muted">
        ${periodVersusNow(label)}
        ${allTime ? 'For all time the ending balance is your balance.' : 'The ending balance is your balance at the end of the period.'}
      </p>
      ${entries.length
        ? html`${this.renderTable(entries, money)}${this.renderMore(entries.length)}`
        : html`<p part="empty">
            ${allTime ? 'No activity yet. Your commissions appear here as soon as a referral buys.' : 'No entries in this period.'}
          </p>`}
    `;
  }

  private renderPayout(balance: Balance) {
    const money = (n: number, signed = false) => formatMoney(n, balance.currency, this.locale, { signed });
    return html`<div part="payout">
      <dl aria-label="Today">
        ${moneyFigure('balance', balance.balance, money)} ${moneyFigure('pending', balance.pending, money)}
        ${moneyFigure('payableNow', balance.payableNow, money)}
        <div><dt>Minimum payout</dt><dd>${money(balance.minimumPayout)}</dd></div>
      </dl>
      <p class="muted">Pending commissions are on hold until their hold days end; payable now is your balance less what is pending.</p>
      <p class=${balance.payoutReady ? 'ready' : 'muted'}>
        ${balance.payoutReady
          ? 'Your payable balance has reached the minimum payout and will be paid in the next payout.'
          : balance.payableNow < 0
            ? 'Refunds after your last payment took back more than was left: your next commissions make up the difference first.'
            : `You are paid once your payable balance reaches ${money(balance.minimumPayout)}.`}
        ${balance.nextPayableAt
          ? html`<span class="muted">More becomes payable on <time datetime=${balance.nextPayableAt}>${formatDate(balance.nextPayableAt, this.locale)}</time>.</span>`
          : nothing}
      </p>
    </div>`;
  }

  private renderTable(entries: LedgerEntry[], money: (n: number, signed?: boolean) => string) {
    return html`<table part="table" class="stack">
      <caption>
        Entries, ${this.period.label(this.locale)}, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
          <th scope="col" class="num">Amount</th>
          <th scope="col" class="num">Balance</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) => html`<tr part="row" data-type=${e.type} tabindex="-1">
            <th scope="row" data-label="Date"><time datetime=${e.date} title=${formatDateTime(e.date, this.locale)}>${formatDate(e.date, this.locale)}</time></th>
            <td data-label="Type">${TYPE_LABELS[e.type] ?? e.type}</td>
            <td data-label="Description">${e.description}</td>
            <td data-label="Amount" class="num ${e.amount < 0 ? 'negative' : ''}">${money(e.amount, true)}</td>
            <td data-label="Balance" class="num">${money(e.balance)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderMore(shown: number) {
    return html`<div class="more">
      <p class="muted">Showing ${shown} ${shown === 1 ? 'entry' : 'entries'}${this.nextCursor ? '' : ' — that is all of them'}.</p>
      ${this.nextCursor
        ? html`<button part="load-more" type="button" class="secondary" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
            ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span> Loading…` : 'Load more entries'}
          </button>`
        : nothing}
    </div>
    ${this.moreError ? this.renderError(this.moreError, () => this.loadMore(), 'more-error') : nothing}`;
  }

  private async loadMore() {
    const loaded = this.data.value;
    if (!loaded || !this.nextCursor || this.loadingMore) return;
    const key = this.period.key;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.client.ledger({ ...loaded.query, cursor: this.nextCursor, limit: this.limit });
      if (key !== this.period.key || this.data.value !== loaded) return; // the period changed meanwhile
      this.firstNewRow = loaded.page.entries.length + this.more.length;
      this.more = [...this.more, ...page.entries];
      this.nextCursor = page.nextCursor;
      const shown = loaded.page.entries.length + this.more.length;
      this.announcement = `Loaded ${page.entries.length} more ${page.entries.length === 1 ? 'entry' : 'entries'}; showing ${shown}.`;
    } catch (error) {
      this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private async download() {
    if (this.downloading) return;
    this.downloading = true;
    this.downloadError = undefined;
    try {
      const file = await this.client.downloadCsv('ledger', this.period.query);
      saveFile(file.blob, file.filename, this.renderRoot);
      this.announcement = `Downloaded ${file.filename}.`;
      this.emit(new PartnerDownloadEvent({ report: 'ledger', filename: file.filename, size: file.blob.size }));
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = false;
    }
  }
}
