import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../src/api/errors.js';
import { formatDateTime, formatMoney, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminPayoutRequest } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import { MorePages } from '../internal/more-pages.js';

export const REQUESTS_PAGE = 50;
export const SETTLED_BY_PAYMENT = 'Recording a payment to the partner (in “Due a payout” below, or any other way) settles their open request: it is marked paid.';

/**
 * The partners' open payout requests (payout schedule "on request"), oldest wait first in
 * view order as the server lists them (newest first): partner, amount asked, when. An owner
 * may decline one with a note the partner sees; recording a payment settles it. Staff see the
 * list without the Decline action. Inside `<partner-admin-payouts>`.
 *
 * @tag partner-admin-payout-requests
 * @summary The console's open payout requests.
 *
 * @csspart requests - The open requests.
 * @csspart row - One request.
 * @csspart settles - Says that recording a payment settles a request.
 * @csspart decline - Opens the decline form of a request.
 * @csspart decline-form - The note and the button that declines.
 * @csspart empty - No open request.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminPayoutRequestsElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    css`
      [part~='decline-form'] {
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m);
        margin-block: var(--_space-s);
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  @state() private reloads = 0;
  @state() private said?: string;
  /** the request whose decline form is open */
  @state() private declining?: AdminPayoutRequest;
  @state() private busy = false;
  @state() private declineError?: string;

  private more = new MorePages<AdminPayoutRequest>(
    this,
    async (cursor) => {
      const page = await this.client.payoutRequests({ status: 'open', limit: REQUESTS_PAGE, cursor });
      return { rows: page.requests, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );

  private list = new Task(this, {
    task: async ([token], { signal }): Promise<AdminPayoutRequest[] | undefined> => {
      if (!token) return undefined;
      const page = await this.client.payoutRequests({ status: 'open', limit: REQUESTS_PAGE }, { signal });
      this.more.reset(page.nextCursor);
      return page.requests;
    },
    args: () => [this.signedIn?.token, this.reloads] as const,
  });

  private get isStaff() {
    return this.signedIn?.user.role === 'staff';
  }

  /** Reads the open requests again (after payments were recorded: they settle requests). */
  reload() {
    this.reloads++;
  }

  override render() {
    if (!this.signedIn) return nothing;
    return html`${this.announcement(this.said)}
      <p part="settles" class="detail">${SETTLED_BY_PAYMENT}</p>
      ${this.list.render({
        initial: () => loadingView('Loading payout requests…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading payout requests…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (rows) => (rows ? this.renderList(rows) : nothing),
      })}`;
  }

  private renderList(first: AdminPayoutRequest[]) {
    const rows = [...first, ...this.more.rows];
    if (!rows.length) return html`<p part="empty" class="notice" tabindex="-1">No open payout requests.</p>`;
    const locale = localeOf(this);
    return html`<table part="requests" tabindex="-1">
        <caption class="visually-hidden">Open payout requests, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col" class="num">Amount asked</th>
            <th scope="col">Requested</th>
            ${this.isStaff ? nothing : html`<th scope="col">Actions</th>`}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr part="row" data-id=${r.id}>
              <th scope="row">${r.partner.name}<span class="detail">${r.partner.code} · ${r.partner.email}</span></th>
              <td class="num">${formatMoney(r.amount, r.currency, locale)}</td>
              <td>${formatDateTime(r.requestedAt, locale)}</td>
              ${this.isStaff
                ? nothing
                : html`<td>
                    <button part="decline" type="button" class="secondary" aria-expanded=${this.declining?.id === r.id ? 'true' : 'false'} aria-label=${`Decline ${r.partner.name}’s request…`} @click=${() => this.open(r)}>
                      Decline…
                    </button>
                  </td>`}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.declining ? this.renderDecline(this.declining) : nothing} ${this.more.button(rows.length, (e) => this.errorText(e))}`;
  }

  private renderDecline(r: AdminPayoutRequest) {
    const amount = formatMoney(r.amount, r.currency, localeOf(this));
    return html`<form part="decline-form" novalidate aria-labelledby="decline-heading" @submit=${(e: Event) => (e.preventDefault(), void this.decline(r))} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
      <p id="decline-heading" tabindex="-1"><strong>Decline ${r.partner.name}’s request for ${amount}?</strong></p>
      <label for="decline-note">Why (the partner sees this)</label>
      <textarea id="decline-note" name="note" rows="2" maxlength="500" required aria-invalid=${this.declineError ? 'true' : 'false'} aria-describedby=${this.declineError ? 'decline-error' : nothing}></textarea>
      ${this.declineError ? html`<p id="decline-error" part="error" role="alert">${this.declineError}</p>` : nothing}
      <div class="actions">
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Declining…' : 'Decline request'}</button>
        <button type="button" class="secondary" @click=${this.close}>Cancel</button>
      </div>
    </form>`;
  }

  private async open(r: AdminPayoutRequest) {
    this.declining = r;
    this.declineError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#decline-note')?.focus();
  }

  private close = () => {
    const id = this.declining?.id;
    this.declining = undefined;
    this.declineError = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] [part~="decline"]`)?.focus());
  };

  private async decline(r: AdminPayoutRequest) {
    if (this.busy) return;
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#decline-note')?.value.trim() ?? '';
    if (!note) {
      this.declineError = 'Say why you decline: the partner sees this note.';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#decline-note')?.focus();
      return;
    }
    this.busy = true;
    this.declineError = undefined;
    try {
      await this.client.declinePayoutRequest(r.id, note);
      this.said = `Declined ${r.partner.name}’s request for ${formatMoney(r.amount, r.currency, localeOf(this))}.`;
      this.declining = undefined;
      this.reloads++;
    } catch (error) {
      this.declineError = error instanceof ApiError && error.status === 404 ? 'This request is no longer open (it was paid, cancelled or declined meanwhile).' : this.errorText(error);
      if (error instanceof ApiError && error.status === 404) this.reloads++;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    if (!this.declining) this.renderRoot.querySelector<HTMLElement>('[part~="requests"], [part~="empty"]')?.focus();
  }
}
