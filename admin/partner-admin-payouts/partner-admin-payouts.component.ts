import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../src/api/errors.js';
import { formatMoney, localeOf } from '../../src/format.js';
import { MONEY_WORDS } from '../../src/internal/money-words.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { PayoutCsvLayout, PayoutDue, PayoutsDue, PaymentDetails } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import type { PartnerAdminNavigateEvent } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import { MorePages } from '../internal/more-pages.js';
import { CsvDownload } from '../internal/csv-download.js';
import { PAYOUT_METHOD } from '../partner-admin-partners/partner-admin-partner.component.js';
import type { PartnerAdminPaymentHistoryElement } from './partner-admin-payment-history.component.js';
import type { PartnerAdminPayoutRequestsElement } from './partner-admin-payout-requests.component.js';

export const OWNER_ONLY = 'Only an owner can record payments.';

const LAYOUTS: Record<PayoutCsvLayout, string> = {
  standard: 'Standard (every column)',
  paypal: 'PayPal Payouts',
  wise: 'Wise batch payments',
};

/** The partner a failed payment names: `payments.2.amount` → the third row sent; a single payment → its partner. */
const failedIndex = (error: unknown): number | undefined => {
  const match = error instanceof ApiError ? /^payments\.(\d+)\./.exec(error.field ?? '') : null;
  return match ? Number(match[1]) : undefined;
};

/**
 * Who is due a payout (payable now at least the minimum payout), with payout method and
 * details (masked; in full on request); record payments one by one or for the selected
 * partners as one batch (all or nothing), after a confirmation naming count and total; export
 * the payouts due as CSV (standard, PayPal Payouts or Wise layout); the payment history.
 * Staff may not see payouts due nor record payments: they are told so, and still see the history.
 *
 * @tag partner-admin-payouts
 * @summary The console's Payouts section.
 *
 * @event partner-admin-navigate - The history's batch filter changed. `detail: { path, params, replace }`.
 *
 * @csspart due - The partners due a payout.
 * @csspart row - One partner due.
 * @csspart pay-selected - Records a payment to every selected partner (after confirming).
 * @csspart confirm - The confirmation naming count and total.
 * @csspart confirm-button - Records the payments.
 * @csspart export - The CSV layout and download.
 * @csspart download - Downloads the CSV.
 * @csspart owner-only - Said to staff: only an owner can record payments.
 * @csspart requests - The partners' open payout requests (`<partner-admin-payout-requests>`).
 * @csspart history - The payment history.
 * @csspart empty - Nobody is due a payout.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
/** Partners due read at a time (largest payable first; "Load more" reads the next). */
export const DUE_PAGE = 100;

export class PartnerAdminPayoutsElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    css`
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m);
        margin: 0 0 var(--_space-m);
      }
      [part~='confirm'] {
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space-m);
        margin-block: var(--_space-m);
      }
      [part~='confirm'] p {
        margin-top: 0;
        font-weight: 600;
      }
      tr.failed {
        background: var(--_danger-surface);
      }
    `,
  ];

  @state() private selected = new Set<string>();
  /** the partners a payment is being confirmed for */
  @state() private confirming?: PayoutDue[];
  @state() private busy = false;
  @state() private said?: string;
  @state() private actionError?: unknown;
  /** the partner the last error named */
  @state() private failedCode?: string;
  /** payout details in full, by partner code (asked for one at a time) */
  @state() private fullDetails = new Map<string, string | null>();
  @state() private layout: PayoutCsvLayout = 'standard';
  @state() private reloads = 0;

  private get isStaff() {
    return this.signedIn?.user.role === 'staff';
  }

  private download = new CsvDownload(this, () => this.client.downloadPayoutsCsv(this.layout), {
    said: (said) => (this.said = said),
    failed: (error) => (this.actionError = error),
  });

  private morePayouts = new MorePages<PayoutDue>(
    this,
    async (cursor) => {
      const page = await this.client.payoutsDue({ limit: DUE_PAGE, cursor });
      return { rows: page.payouts, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );

  private due = new Task(this, {
    task: async ([token, staff], { signal }): Promise<PayoutsDue | undefined> => {
      if (!token || staff) return undefined;
      const due = await this.client.payoutsDue({ limit: DUE_PAGE }, { signal });
      this.selected = new Set();
      this.morePayouts.reset(due.nextCursor);
      return due;
    },
    args: () => [this.signedIn?.token, this.isStaff, this.reloads] as const,
  });

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Payouts</h2>${this.signedOutView()}`;
    return html`<h2 tabindex="-1">Payouts</h2>
      ${this.announcement(this.said)}
      <section aria-labelledby="requests-heading">
        <h3 id="requests-heading" tabindex="-1">Payout requests</h3>
        <partner-admin-payout-requests part="requests" .api=${this.client} .adminSession=${this.session}></partner-admin-payout-requests>
      </section>
      <section aria-labelledby="due-heading">
        <h3 id="due-heading" tabindex="-1">Due a payout</h3>
        ${this.isStaff
          ? this.ownerOnly()
          : this.due.render({
              initial: () => loadingView('Loading payouts due…'),
              pending: () => (this.due.value ? this.renderDue(this.due.value) : loadingView('Loading payouts due…')),
              error: (e) => (e instanceof ApiError && e.status === 403 ? this.ownerOnly() : this.failure(e, () => void this.due.run())),
              complete: (due) => (due ? this.renderDue(due) : nothing),
            })}
      </section>
      <section aria-labelledby="history-heading">
        <h3 id="history-heading">Payment history</h3>
        <partner-admin-payment-history
          part="history"
          .api=${this.client}
          .adminSession=${this.session}
          .route=${this.route}
          @partner-admin-navigate=${(e: PartnerAdminNavigateEvent) => (this.route = { path: e.detail.path, params: e.detail.params })}
        ></partner-admin-payment-history>
      </section>`;
  }

  private ownerOnly() {
    return html`<p part="owner-only" class="notice">
      <strong>${OWNER_ONLY}</strong> Payouts due and partners’ payout details are for owners of this console; the payment history below is open to
      you.
    </p>`;
  }

  private money(cents: number, currency: string) {
    return formatMoney(cents, currency, localeOf(this));
  }

  private renderDue(first: PayoutsDue) {
    const due = { ...first, payouts: [...first.payouts, ...this.morePayouts.rows] };
    const minimum = this.money(due.minimum, due.currency);
    if (!due.payouts.length) {
      return html`<p part="empty" class="notice">Nobody is due a payout: no partner’s payable now reaches the minimum payout of ${minimum}.</p>`;
    }
    const chosen = due.payouts.filter((p) => this.selected.has(p.partnerCode));
    const all = chosen.length === due.payouts.length;
    const { count, amount } = due.total;
    return html`<p part="due-total">
        ${count === 1 ? '1 partner' : `${count.toLocaleString(localeOf(this))} partners`} with ${MONEY_WORDS.payableNow.toLowerCase()} of at least the minimum
        payout, ${minimum}: ${this.money(amount, due.currency)} in all.${due.payouts.length < count ? ` Showing the ${due.payouts.length} largest.` : ''}
      </p>
      ${this.renderExport()}
      <fieldset part="payment-details">
        <legend>How you pay (recorded with each payment, optional)</legend>
        <div class="toolbar">
          <label>Method <input name="method" maxlength="60" placeholder="PayPal, bank transfer…" autocomplete="off" /></label>
          <label>Reference <input name="reference" maxlength="120" autocomplete="off" /></label>
          <label>Note <input name="note" maxlength="500" autocomplete="off" /></label>
        </div>
      </fieldset>
      ${this.actionError ? html`<p part="error" role="alert" tabindex="-1">${this.errorText(this.actionError)}</p>` : nothing}
      <div class="actions">
        <button part="pay-selected" type="button" aria-disabled=${chosen.length && !this.busy ? 'false' : 'true'} @click=${() => chosen.length && this.confirm(chosen)}>
          Record payments for selected (${chosen.length})…
        </button>
      </div>
      ${this.confirming ? this.renderConfirm(this.confirming, due.currency) : nothing}
      <table part="due">
        <caption class="visually-hidden">Partners due a payout</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select every partner due" .checked=${all} @change=${(e: Event) => this.selectAll((e.target as HTMLInputElement).checked, due.payouts)} />
            </th>
            <th scope="col">Partner</th>
            <th scope="col">Payout method and details</th>
            <th scope="col" class="num">${MONEY_WORDS.payableNow}</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${due.payouts.map((p) => this.renderRow(p, due.currency))}
        </tbody>
      </table>
      ${this.morePayouts.button(due.payouts.length, (e) => this.errorText(e))}`;
  }

  private renderRow(p: PayoutDue, currency: string) {
    const full = this.fullDetails.get(p.partnerCode);
    const shown = this.fullDetails.has(p.partnerCode);
    return html`<tr part="row" data-code=${p.partnerCode} class=${this.failedCode === p.partnerCode ? 'failed' : ''}>
      <td>
        <input type="checkbox" aria-label=${`Select ${p.name} (${p.partnerCode})`} .checked=${this.selected.has(p.partnerCode)} @change=${(e: Event) => this.select(p.partnerCode, (e.target as HTMLInputElement).checked)} />
      </td>
      <th scope="row">${p.name}<span class="detail">${p.partnerCode} · ${p.email}</span></th>
      <td>
        ${p.payoutMethod ? PAYOUT_METHOD[p.payoutMethod] : html`<span class="muted">No payout method given</span>`}
        ${p.payoutDetailsMasked
          ? html`<span class="detail" part="details">${shown ? (full ?? 'None given') : p.payoutDetailsMasked}</span>
              <button type="button" class="secondary" aria-pressed=${shown ? 'true' : 'false'} aria-label=${`Show in full: ${p.name}’s payout details`} @click=${() => this.toggleDetails(p.partnerCode)}>
                Show in full
              </button>`
          : nothing}
      </td>
      <td class="num">${this.money(p.amount, currency)}</td>
      <td>
        <button type="button" class="secondary" aria-label=${`Pay ${p.name}…`} aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.confirm([p])}>Pay…</button>
      </td>
    </tr>`;
  }

  private renderExport() {
    return html`<div part="export" class="toolbar">
      <label>
        CSV layout
        <select name="layout" @change=${(e: Event) => (this.layout = (e.target as HTMLSelectElement).value as PayoutCsvLayout)}>
          ${(Object.keys(LAYOUTS) as PayoutCsvLayout[]).map((l) => html`<option value=${l} ?selected=${this.layout === l}>${LAYOUTS[l]}</option>`)}
        </select>
      </label>
      ${this.download.button('Download CSV of payouts due')}
    </div>`;
  }

  private renderConfirm(payouts: PayoutDue[], currency: string) {
    const total = this.money(payouts.reduce((t, p) => t + p.amount, 0), currency);
    const count = payouts.length === 1 ? '1 payment' : `${payouts.length} payments`;
    const question =
      payouts.length === 1 ? `Record a payment of ${total} to ${payouts[0]!.name} (${payouts[0]!.partnerCode})?` : `Record ${count}, ${total} in total, as one batch?`;
    return html`<div part="confirm" role="group" aria-labelledby="confirm-question" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      <p id="confirm-question" tabindex="-1">${question}</p>
      ${payouts.length > 1
        ? html`<ul>
            ${payouts.map((p) => html`<li>${p.name} (${p.partnerCode}): ${this.money(p.amount, currency)}</li>`)}
          </ul>`
        : nothing}
      <p class="detail">Record only what you have paid (or are paying now) outside Partner Center.</p>
      <div class="actions">
        <button part="confirm-button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.pay(payouts)}>
          ${this.busy ? 'Recording…' : `Record ${count}`}
        </button>
        <button type="button" class="secondary" @click=${this.cancel}>Cancel</button>
      </div>
    </div>`;
  }

  private select(code: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(code);
    else next.delete(code);
    this.selected = next;
  }

  private selectAll(on: boolean, payouts: PayoutDue[]) {
    this.selected = on ? new Set(payouts.map((p) => p.partnerCode)) : new Set();
  }

  private async confirm(payouts: PayoutDue[]) {
    if (this.busy) return;
    this.confirming = payouts;
    this.actionError = undefined;
    this.failedCode = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-question')?.focus();
  }

  private cancel = () => {
    this.confirming = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="pay-selected"]')?.focus());
  };

  private details(): PaymentDetails {
    const value = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() || undefined;
    return Object.fromEntries(Object.entries({ method: value('method'), reference: value('reference'), note: value('note') }).filter(([, v]) => v)) as PaymentDetails;
  }

  private async pay(payouts: PayoutDue[]) {
    if (this.busy) return;
    this.busy = true;
    this.said = undefined;
    this.actionError = undefined;
    this.failedCode = undefined;
    const details = this.details();
    try {
      if (payouts.length === 1) {
        const p = payouts[0]!;
        const made = await this.client.recordPayment(p.partnerCode, p.amount, details);
        this.said = `Recorded a payment of ${this.money(made.amount, made.currency)} to ${p.name} (${p.partnerCode}).`;
      } else {
        const batch = await this.client.recordPaymentBatch({ payments: payouts.map((p) => ({ partner: p.partnerCode, amount: p.amount })), ...details });
        this.said = `Recorded ${batch.count} payments, ${this.money(batch.total, batch.currency)} in total, as batch ${batch.batchId}.`;
      }
      this.confirming = undefined;
      this.reloads++;
      this.renderRoot.querySelector<PartnerAdminPaymentHistoryElement>('partner-admin-payment-history')?.reload();
      this.renderRoot.querySelector<PartnerAdminPayoutRequestsElement>('partner-admin-payout-requests')?.reload(); // the payment settled any open request
    } catch (error) {
      const failed = payouts.length === 1 ? payouts[0] : payouts[failedIndex(error) ?? -1];
      this.failedCode = failed?.partnerCode;
      const why = this.errorText(error).replace(/^payments\[\d+\] \([^)]*\): /, '');
      this.actionError = `${payouts.length > 1 ? 'Nothing was recorded: the batch is all or nothing. ' : ''}${failed ? `${failed.name} (${failed.partnerCode}): ` : ''}${why}`;
      this.confirming = undefined;
    } finally {
      this.busy = false;
    }
    // the confirmation is gone: focus goes to what happened (the error, or the list of who is due)
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.actionError ? '[part~="error"]' : '#due-heading')?.focus();
  }

  private async toggleDetails(code: string) {
    const next = new Map(this.fullDetails);
    if (next.has(code)) next.delete(code);
    else {
      try {
        next.set(code, (await this.client.partner(code)).payoutDetails);
      } catch (error) {
        this.actionError = error;
        return;
      }
    }
    this.fullDetails = next;
  }
}
