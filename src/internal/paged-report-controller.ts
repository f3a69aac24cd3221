import { msg, str } from '@lit/localize';
import { initialState, Task } from '@lit/task';
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { messageOf } from '../api/errors.js';
import type { DateRangeQuery, LinkStatsQuery, PageQuery, PartnerApi, ReportName } from '../api/types.js';
import { PartnerDownloadEvent } from '../events/partner-download.js';
import { PartnerRangeChangeEvent } from '../events/partner-range-change.js';
import { DateRangeController, isPreset } from './date-range.js';
import { saveFile } from './save-file.js';

/** What a report element tells its {@link PagedReportController}. */
export interface PagedReportOptions<T> {
  /** The client to ask (read on every request, so a client set later is used). */
  client: () => PartnerApi;
  /**
   * What the first page depends on besides the period: the session token first (no token, no
   * request), then anything else (the open tab). A change reloads the first page.
   */
  args: () => readonly [token: string | undefined, ...rest: unknown[]];
  /** Rows per page as the host's `page-size` gives it; clamped to 1–500 (50 when not a number). */
  pageSize: () => number;
  /** Loads the first page of the period, `limit` rows (reports that do not page ignore it). */
  load: (period: DateRangeQuery, limit: number, signal: AbortSignal) => Promise<T>;
  /** The cursor after the rows loaded so far; null when there are no more or the report does not page. */
  cursor: (value: T) => string | null;
  /** Loads the page at `query.cursor` and returns `value` with its rows added at the end. */
  more: (value: T, query: PageQuery, signal: AbortSignal) => Promise<T>;
  /** How many rows `value` holds. */
  rows: (value: T) => number;
  /** The rows in the host's shadow root, in order: the first new one is focused after "Load more". */
  rowSelector: string;
  /** The report the CSV download asks for and names in `partner-download`. */
  report: () => ReportName;
  /** The CSV download's query, when it adds to the period (link statistics add the time zone). */
  csvQuery?: (period: DateRangeQuery) => LinkStatsQuery;
  /** The announcement after "Load more": `added` rows came, `shown` are on screen. */
  announceMore?: (added: number, shown: number) => string;
}

/** An error message (role="alert") with "Try again". */
export const renderError = (error: unknown, retry: () => unknown, id = 'error') =>
  html`<div part="error" role="alert" id=${id}>
    <span>${messageOf(error)}</span>
    <button type="button" class="secondary" @click=${retry}>${msg('Try again')}</button>
  </div>`;

const clampPageSize = (size: number) => Math.min(500, Math.max(1, Math.trunc(size) || 50));

/**
 * Everything a paged report element shares, like Lit's `Task` for one report: the period (a
 * {@link DateRangeController}: presets and a custom range, `partner-range-change` when it
 * changes), the first page for the period (a `Task`, reloaded when the period or `args` change,
 * its request aborted when it is superseded), "Load more" with the cursor (its request aborted
 * when the first page loads again; focus moves to the first new row), the CSV download through
 * the client (`partner-download`) and the screen-reader announcements.
 *
 * `T` is what one load gives the panel: the report page with its totals, and after "Load more"
 * the same value with the later rows appended (see {@link PagedReportOptions.more}), so the
 * host renders one value and never keeps rows of its own.
 *
 * The host renders the parts it places itself: {@link renderPeriod}, {@link renderDownloadButton},
 * {@link renderDownloadError}, {@link render} (spinner, error with "Try again", or the page),
 * {@link renderMore} under its table, and its status region with {@link announcement}.
 */
export class PagedReportController<T> implements ReactiveController {
  /** The chosen period. */
  readonly period: DateRangeController;

  private reloads = 0;
  private loadingMore = false;
  private moreError?: unknown;
  private downloading = false;
  private downloadError?: unknown;
  private said = '';
  /** The first page with later pages appended; cleared when the first page loads again. */
  private extended?: T;
  private firstNewRow = -1;
  /** Aborted when the first page loads again: "Load more" of the page before is dropped. */
  private run = new AbortController();

  private readonly task: Task<readonly unknown[], T>;

  constructor(
    private readonly host: LitElement,
    private readonly options: PagedReportOptions<T>,
  ) {
    host.addController(this);
    this.period = new DateRangeController(host, (_range, preset) => {
      this.downloadError = undefined;
      host.dispatchEvent(new PartnerRangeChangeEvent({ preset, ...this.period.query }));
    });
    this.task = new Task(host, {
      task: async ([token], { signal }) => {
        this.run.abort();
        this.run = new AbortController();
        this.extended = this.moreError = undefined;
        if (!token) return initialState;
        return options.load(this.period.query, this.limit, signal);
      },
      args: () => [...options.args(), this.period.key, this.reloads],
    });
  }

  hostUpdated() {
    if (this.firstNewRow < 0) return;
    const row = this.host.renderRoot.querySelectorAll<HTMLElement>(this.options.rowSelector)[this.firstNewRow];
    this.firstNewRow = -1;
    row?.focus();
  }

  /** Shows the period the host's `range` attribute names (`all` when it names none). */
  usePreset(value: string) {
    this.period.use(isPreset(value) ? value : 'all');
  }

  /** Whether the period is all time (no start, no end). */
  get allTime(): boolean {
    return !this.period.range.from && !this.period.range.to;
  }

  /** Forgets a failed download (when the host opens another report). */
  forgetDownloadError() {
    this.downloadError = undefined;
  }

  private get limit() {
    return clampPageSize(this.options.pageSize());
  }


  /** The spinner while the first page loads, an error with "Try again", or `complete(value)`. */
  render(views: { loading: () => TemplateResult; complete: (value: T) => unknown }) {
    return this.task.render({
      initial: views.loading,
      pending: views.loading,
      error: (e) =>
        renderError(e, () => {
          this.reloads++;
          this.host.requestUpdate();
        }),
      complete: (loaded) => views.complete(this.extended ?? loaded),
    });
  }

  /** The period picker. */
  renderPeriod() {
    return this.period.render();
  }

  /** "Download CSV" (busy while the file is prepared). */
  renderDownloadButton() {
    return html`<button part="download-button" class="secondary" type="button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.download}>
      ${this.downloading ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Preparing CSV…')}` : msg('Download CSV')}
    </button>`;
  }

  /** Why the last download failed, with "Try again". */
  renderDownloadError() {
    return this.downloadError ? renderError(this.downloadError, () => this.download(), 'download-error') : nothing;
  }

  /**
   * "Showing n rows" and "Load more", under the table of `value`; `count` writes the number.
   * `noun` is in the page's language (`{ one: msg('entry'), many: msg('entries') }`).
   */
  renderMore(value: T, noun: { one: string; many: string }, count: (n: number) => string = String) {
    const shown = this.options.rows(value);
    const cursor = this.options.cursor(value);
    const n = count(shown);
    const rows = shown === 1 ? noun.one : noun.many;
    const many = noun.many;
    return html`<div class="more">
        <p class="muted">${cursor ? msg(str`Showing ${n} ${rows}.`) : msg(str`Showing ${n} ${rows} — that is all of them.`)}</p>
        ${cursor
          ? html`<button part="load-more" type="button" class="secondary" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
              ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Loading…')}` : msg(str`Load more ${many}`)}
            </button>`
          : nothing}
      </div>
      ${this.moreError ? renderError(this.moreError, () => this.loadMore(), 'more-error') : nothing}`;
  }

  /**
   * What the host's status region (visually hidden) announces: rows loaded, a file downloaded.
   * The host renders the region itself, so it is in place before this controller is.
   */
  get announcement(): string {
    return this.said;
  }

  private loadMore = async () => {
    const value = this.extended ?? this.task.value;
    const cursor = value && this.options.cursor(value);
    if (!value || !cursor || this.loadingMore) return;
    const { signal } = this.run;
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const next = await this.options.more(value, { ...this.period.query, cursor, limit: this.limit }, signal);
      if (signal.aborted) return; // the period or report changed meanwhile
      const [before, shown] = [this.options.rows(value), this.options.rows(next)];
      this.extended = next;
      this.firstNewRow = before;
      const added = shown - before;
      this.said = this.options.announceMore?.(added, shown) ?? msg(str`Loaded ${added} more; showing ${shown}.`);
    } catch (error) {
      if (!signal.aborted) this.moreError = error;
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  };

  private download = async () => {
    if (this.downloading) return;
    const report = this.options.report();
    const period = this.period.query;
    this.downloading = true;
    this.downloadError = undefined;
    this.host.requestUpdate();
    try {
      const file = await this.options.client().downloadCsv(report, this.options.csvQuery?.(period) ?? period);
      saveFile(file.blob, file.filename, this.host.renderRoot);
      const name = file.filename;
      this.said = msg(str`Downloaded ${name}.`);
      this.host.dispatchEvent(new PartnerDownloadEvent({ report, filename: file.filename, size: file.blob.size }));
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = false;
      this.host.requestUpdate();
    }
  };
}
