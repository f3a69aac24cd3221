import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { DateRangeQuery, PageQuery, PartnerApi } from '../../src/api/types.js';
import type { DateRangeController } from '../../src/internal/date-range.js';

export type ReportTab = 'commissions' | 'leads' | 'sales' | 'links';

/** The reader's time zone: link statistics count days where the partner is. */

/** What a panel is given to render: the page's locale, the period and the "Load more" block. */
export interface PanelView {
  locale: string;
  period: DateRangeController;
  /** Whether the period is all time. */
  allTime: boolean;
  /** "Showing n rows" and "Load more rows", under the panel's table. */
  more: (noun: { one: string; many: string }) => unknown;
}

/**
 * One report of `<partner-reports>`, in a file of its own (`partner-reports.<tab>.ts`): how
 * to load its first page, load the next one and render it. `R` is the report as the client
 * returns it; after "Load more" the panel's `more` returns the same report with the later
 * rows appended, so `render` always draws one value.
 */
export interface ReportPanel<R> {
  /** The first page of the period, `limit` rows (a report that does not page ignores it). */
  load(client: PartnerApi, period: DateRangeQuery, limit: number, signal: AbortSignal): Promise<R>;
  /** The cursor after the rows loaded so far (null: no more, or the report does not page). */
  cursor(report: R): string | null;
  more(client: PartnerApi, report: R, query: PageQuery, signal: AbortSignal): Promise<R>;
  /** Rows loaded so far. */
  rows(report: R): number;
  render(report: R, view: PanelView): TemplateResult;
}

/** A loaded report bound to its panel: what the element's paging controller holds, whatever the tab. */
export interface Shown {
  tab: ReportTab;
  rows(): number;
  cursor(): string | null;
  more(client: PartnerApi, query: PageQuery, signal: AbortSignal): Promise<Shown>;
  render(view: PanelView): TemplateResult;
}

export function show<R>(tab: ReportTab, panel: ReportPanel<R>, report: R): Shown {
  return {
    tab,
    rows: () => panel.rows(report),
    cursor: () => panel.cursor(report),
    more: async (client, query, signal) => show(tab, panel, await panel.more(client, report, query, signal)),
    render: (view) => panel.render(report, view),
  };
}

interface Paged<I> {
  items: I[];
  nextCursor: string | null;
}

/**
 * A panel over a report that pages by cursor (`items` and `nextCursor`): `fetch` asks the
 * client for one page; "Load more" appends the next page's items to the report.
 */
export function pagedPanel<I, R extends Paged<I>>(
  fetch: (client: PartnerApi, query: PageQuery, signal: AbortSignal) => Promise<R>,
  render: (report: R, view: PanelView) => TemplateResult,
): ReportPanel<R> {
  return {
    load: (client, period, limit, signal) => fetch(client, { ...period, limit }, signal),
    cursor: (report) => report.nextCursor,
    more: async (client, report, query, signal) => {
      const next = await fetch(client, query, signal);
      return { ...report, items: [...report.items, ...next.items], nextCursor: next.nextCursor };
    },
    rows: (report) => report.items.length,
    render,
  };
}

/** The message shown when a report has nothing in the period. */
export const empty = (view: PanelView, what: string) =>
  html`<p part="empty">${view.allTime ? msg(str`No ${what} yet.`) : msg(str`No ${what} in this period.`)}</p>`;

/** A table's caption naming the period. */
export const caption = (view: PanelView, what: string) => html`<caption>
  ${msg(str`${what}, ${view.period.label(view.locale)}, newest first`)}
</caption>`;
