import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** One page of a keyset-paged admin list: its rows and the cursor of the next page (null: the last). */
export interface CursorPage<T> {
  rows: T[];
  nextCursor: string | null;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode; updateComplete: Promise<boolean> };

/**
 * "Load more" for a list read in keyset pages: the section's task reads the first page and
 * hands its cursor to `reset()`; the button reads the next pages after it, appends them to
 * `rows`, says how many are shown and puts keyboard focus on the first new row (its row header,
 * `[part~="row"] th`), so the reader continues where the new rows start.
 */
export class MorePages<T> implements ReactiveController {
  /** The rows of the pages loaded after the first. */
  rows: T[] = [];
  nextCursor: string | null = null;
  loading = false;
  error: unknown;

  constructor(
    private readonly host: Host,
    private readonly read: (cursor: string) => Promise<CursorPage<T>>,
    private readonly said: (message: string) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** A new first page was read (filters changed, a reload): forget the pages after it. */
  reset(nextCursor: string | null) {
    this.rows = [];
    this.nextCursor = nextCursor;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Reads the next page; `shown` is how many rows the list shows before it. */
  load = async (shown: number) => {
    if (this.loading || !this.nextCursor) return;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.read(this.nextCursor);
      this.rows = [...this.rows, ...page.rows];
      this.nextCursor = page.nextCursor;
      this.said(`Loaded ${page.rows.length} more; showing ${shown + page.rows.length}.`);
      this.loading = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const first = this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="row"] th')[shown];
      first?.setAttribute('tabindex', '-1');
      first?.focus();
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  };

  /** The button (while there is a next page), and what went wrong reading it. */
  button(shown: number, errorText: (error: unknown) => string): TemplateResult | typeof nothing {
    return html`${this.error ? html`<p part="error" role="alert">${errorText(this.error)}</p>` : nothing}
    ${this.nextCursor
      ? html`<button part="more" class="secondary" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => this.load(shown)}>
          ${this.loading ? 'Loading…' : 'Load more'}
        </button>`
      : nothing}`;
  }
}
