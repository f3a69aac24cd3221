import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, formatMoney, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminPayment } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import { MorePages } from '../internal/more-pages.js';

export const HISTORY_PAGE = 25;

/**
 * The payments recorded, newest first, 25 at a time ("Load more"); `route.params.batch` shows
 * one batch only. Inside `<partner-admin-payouts>`; staff may read it too.
 *
 * @tag partner-admin-payment-history
 * @summary The console's payment history.
 *
 * @event partner-admin-navigate - A batch was chosen or cleared. `detail: { path, params, replace }`.
 *
 * @csspart table - The payments.
 * @csspart row - One payment.
 * @csspart batch-filter - Says which batch is shown, with a way back to every payment.
 * @csspart more - "Load more".
 * @csspart empty - No payment (in this batch).
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see payments.
 */
export class PartnerAdminPaymentHistoryElement extends SectionElement {
  static override styles = [baseStyles, adminStyles];

  @state() private reloads = 0;
  @state() private said?: string;

  private more = new MorePages<AdminPayment>(
    this,
    async (cursor) => {
      const page = await this.client.payments({ batch: this.batch, limit: HISTORY_PAGE, cursor });
      return { rows: page.payments, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );

  private get batch(): number | undefined {
    const b = Number(this.route.params.batch);
    return Number.isInteger(b) && b > 0 ? b : undefined;
  }

  private list = new Task(this, {
    task: async ([token, batch], { signal }): Promise<AdminPayment[] | undefined> => {
      if (!token) return undefined;
      const page = await this.client.payments({ batch, limit: HISTORY_PAGE }, { signal });
      this.more.reset(page.nextCursor);
      return page.payments;
    },
    args: () => [this.signedIn?.token, this.batch, this.reloads] as const,
  });

  /** Reads the history again (after payments were recorded). */
  reload() {
    this.reloads++;
  }

  override render() {
    if (!this.signedIn) return nothing;
    return html`${this.batch !== undefined
        ? html`<p part="batch-filter">
            Showing the payments of batch ${this.batch}.
            <button type="button" class="secondary" @click=${() => this.showBatch(undefined)}>Show every payment</button>
          </p>`
        : nothing}
      ${this.list.render({
        initial: () => loadingView('Loading payments…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading payments…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (rows) => (rows ? this.renderList(rows) : nothing),
      })}`;
  }

  private showBatch(batch: number | undefined) {
    const { batch: _old, ...rest } = this.route.params;
    this.navigate(this.route.path, batch === undefined ? rest : { ...rest, batch: String(batch) });
  }

  private renderList(first: AdminPayment[]) {
    const rows = [...first, ...this.more.rows];
    if (!rows.length) {
      return html`<p part="empty" class="notice">${this.batch !== undefined ? `No payment in batch ${this.batch}.` : 'No payments recorded yet.'}</p>`;
    }
    const locale = localeOf(this);
    return html`${this.list.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing} ${this.announcement(this.said)}
      <table part="table">
        <caption class="visually-hidden">Payments, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Partner</th>
            <th scope="col" class="num">Paid</th>
            <th scope="col">How</th>
            <th scope="col">Batch</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (p) => html`<tr part="row" data-id=${p.id}>
              <td>${formatDateTime(p.at, locale)}</td>
              <th scope="row">${p.partnerCode}</th>
              <td class="num">
                ${formatMoney(p.amount, p.currency, locale)}
                ${p.reversed ? html`<span class="detail status">Reversed</span>` : nothing}
                ${p.forced ? html`<span class="detail">More than was payable</span>` : nothing}
              </td>
              <td>
                ${p.method ?? '—'}${p.reference ? html`<span class="detail">Ref. ${p.reference}</span>` : nothing}
                ${p.note ? html`<span class="detail">${p.note}</span>` : nothing}
              </td>
              <td>
                ${p.batchId === null
                  ? html`<span class="muted">Single</span>`
                  : html`<a href="#" aria-label=${`Show the payments of batch ${p.batchId}`} @click=${(e: Event) => (e.preventDefault(), this.showBatch(p.batchId!))}>Batch ${p.batchId}</a>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.more.button(rows.length, (e) => this.errorText(e))}`;
  }
}
