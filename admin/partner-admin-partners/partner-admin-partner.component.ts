import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate, formatMoney, localeOf } from '../../src/format.js';
import { moneyFigure } from '../../src/internal/money-words.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { PartnerDetail, PartnerLedger } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import { STATUS_LABEL } from './partner-admin-partners.component.js';

export const PAYOUT_METHOD = { paypal: 'PayPal', bank_transfer: 'Bank transfer', check: 'Check', other: 'Other' } as const;
const ENTRY_TYPE = { commission: 'Commission', clawback: 'Clawback', payment: 'Payment', adjustment: 'Adjustment' } as const;

type Form = 'reject' | 'password' | undefined;

interface Loaded {
  partner: PartnerDetail;
  ledger: PartnerLedger;
}

/**
 * One partner as the merchant sees them: profile, payout details, programs, parent and
 * children, their coupon codes (`<partner-admin-coupons>`), their ledger in the partner's own money words, and the actions on the account.
 * Rendered by `<partner-admin-partners>` for `#/partners/<code>`.
 *
 * @tag partner-admin-partner
 * @summary One partner's page in the console.
 *
 * @event partner-admin-back - "All partners" was chosen.
 *
 * @csspart coupons - The partner's coupon codes (`<partner-admin-coupons>`).
 */
export class PartnerAdminPartnerElement extends SectionElement {
  static override styles = [baseStyles, adminStyles];

  /** The partner's code. */
  @property() code = '';

  @state() private form: Form;
  @state() private busy = false;
  @state() private actionError?: unknown;
  @state() private said?: string;
  @state() private portalUrl?: string;

  private data = new Task(this, {
    task: async ([token, code], { signal }): Promise<Loaded | undefined> => {
      if (!token || !code) return undefined;
      const [partner, ledger] = await Promise.all([this.client.partner(code, { signal }), this.client.partnerLedger(code, { signal })]);
      return { partner, ledger };
    },
    args: () => [this.signedIn?.token, this.code] as const,
  });

  override render() {
    const d = this.data.value;
    // one heading through every state, so the focus put on it stays when the data arrives
    const title = d ? html`${d.partner.name} <span class="muted">(${d.partner.code})</span>` : html`Partner ${this.code}`;
    return html`${this.back()}
      <h2 tabindex="-1">${title}</h2>
      ${this.data.render({
        initial: () => this.signedOutView(),
        pending: () => (d ? this.renderPartner(d) : loadingView('Loading the partner…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: (loaded) => (loaded ? this.renderPartner(loaded) : this.signedOutView()),
      })}`;
  }

  private back() {
    return html`<p><a href="#/partners" @click=${(e: Event) => (e.preventDefault(), this.emit(new Event('partner-admin-back', { bubbles: true, composed: true })))}>← All partners</a></p>`;
  }

  private renderPartner({ partner: p, ledger }: Loaded) {
    const locale = localeOf(this);
    const m = (n: number, signed = false) => formatMoney(n, ledger.balance.currency, locale, { signed });
    const programNames = p.programs.map((x) => (x.status === 'archived' ? `${x.name} (archived)` : x.name));
    const link = (c: { code: string; name: string }) =>
      html`<a href=${`#/partners/${encodeURIComponent(c.code)}`} @click=${(e: Event) => this.go(e, c.code)}>${c.name} (${c.code})</a>`;
    return html`${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.renderActions(p)}
      <h3>Profile</h3>
      <dl class="facts" part="profile">
        <dt>Status</dt> <dd class="status">${STATUS_LABEL[p.status]}</dd>
        ${p.rejection
          ? html`<dt>Sign-up rejected</dt> <dd part="rejection">${formatDate(p.rejection.at, locale)}: ${p.rejection.reason}</dd>`
          : nothing}
        <dt>Email</dt> <dd>${p.email}</dd>
        <dt>Joined</dt> <dd>${formatDate(p.createdAt, locale)}</dd>
        <dt>Payout method</dt> <dd>${p.payoutMethod ? PAYOUT_METHOD[p.payoutMethod] : 'Not given yet'}</dd>
        <dt>Payout details</dt> <dd>${p.payoutDetails ?? 'Not given yet'}</dd>
        <dt>Programs</dt> <dd>${programNames.length ? programNames.join(', ') : 'In no program: their links earn nothing'}</dd>
        <dt>Parent</dt> <dd part="parent">${p.parent ? link(p.parent) : 'None'}</dd>
        <dt>Children</dt>
        <dd part="children">
          ${p.children.length ? p.children.map((c, i) => html`${i ? ', ' : ''}${link(c)}`) : 'None'}
          ${p.childrenCount > p.children.length ? html`<span class="muted">and ${p.childrenCount - p.children.length} more</span>` : nothing}
        </dd>
      </dl>
      <partner-admin-coupons part="coupons" partner-code=${p.code} partner-name=${p.name} .api=${this.client} .adminSession=${this.session}></partner-admin-coupons>
      <h3>Ledger</h3>
      <dl class="figures" part="balance" aria-label="Today">
        ${moneyFigure('balance', ledger.balance.balance, m)} ${moneyFigure('pending', ledger.balance.pending, m)} ${moneyFigure('payableNow', ledger.balance.payableNow, m)}
      </dl>
      ${ledger.entries.length
        ? html`<table part="ledger">
            <caption class="visually-hidden">Ledger of ${p.name}, newest first</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Description</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Balance</th></tr>
            </thead>
            <tbody>
              ${ledger.entries.map(
                (e) => html`<tr>
                  <td>${formatDate(e.at, locale)}</td>
                  <td>${ENTRY_TYPE[e.type]}</td>
                  <td>${e.description}</td>
                  <td class="num">${m(e.amount, true)}</td>
                  <td class="num">${m(e.balance)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p part="empty" class="notice">No ledger entries yet.</p>`}`;
  }

  private renderActions(p: PartnerDetail) {
    return html`<div class="actions" part="actions">
        ${p.status === 'pending'
          ? html`<button type="button" @click=${() => this.act(() => this.client.approvePartner(p.code), `${p.name} is approved and can sign in.`)}>Approve</button>
              <button type="button" class="secondary" aria-expanded=${this.form === 'reject' ? 'true' : 'false'} @click=${() => this.toggle('reject')}>Reject…</button>`
          : nothing}
        ${p.status === 'active'
          ? html`<button type="button" class="secondary" @click=${() => this.act(() => this.client.updatePartner(p.code, { status: 'disabled' }), `${p.name} is disabled: they can no longer sign in.`)}>Disable</button>`
          : nothing}
        ${p.status === 'disabled'
          ? html`<button type="button" class="secondary" @click=${() => this.act(() => this.client.updatePartner(p.code, { status: 'active' }), `${p.name} is active again.`)}>Enable</button>`
          : nothing}
        <button type="button" class="secondary" aria-expanded=${this.form === 'password' ? 'true' : 'false'} @click=${() => this.toggle('password')}>Set password…</button>
        <button type="button" class="secondary" @click=${() => this.viewAs(p.code)}>View as partner</button>
      </div>
      ${this.portalUrl
        ? html`<p><a part="portal-link" href=${this.portalUrl} target="_blank" rel="noopener">Open ${p.name}'s portal (new tab, link works once)</a></p>`
        : nothing}
      ${this.form === 'reject'
        ? html`<form class="stacked" part="reject-form" novalidate @submit=${(e: Event) => this.reject(e, p)}>
            <label>Reason (the partner is told) <textarea name="reason" required maxlength="500"></textarea></label>
            <div class="actions"><button type="submit">Reject sign-up</button><button type="button" class="secondary" @click=${() => this.toggle(undefined)}>Cancel</button></div>
          </form>`
        : nothing}
      ${this.form === 'password'
        ? html`<form class="stacked" part="password-form" novalidate @submit=${(e: Event) => this.setPassword(e, p)}>
            <label>New password (at least 8 characters) <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
            <div class="actions"><button type="submit">Set password</button><button type="button" class="secondary" @click=${() => this.toggle(undefined)}>Cancel</button></div>
          </form>`
        : nothing}`;
  }

  private async toggle(form: Form) {
    this.form = this.form === form ? undefined : form;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form.stacked textarea, form.stacked input')?.focus();
  }

  private go(e: Event, code: string) {
    e.preventDefault();
    this.navigate([code], {});
  }

  /** Runs an action, then says what it did (live) and shows the partner as they are now. */
  private async act(action: () => Promise<unknown>, done: string) {
    if (this.busy) return;
    this.busy = true;
    this.actionError = undefined;
    this.said = undefined;
    try {
      await action();
      this.form = undefined;
      this.said = done;
      await this.data.run();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  private reject(e: Event, p: PartnerDetail) {
    e.preventDefault();
    const reason = (new FormData(e.target as HTMLFormElement).get('reason') as string).trim();
    if (!reason) {
      this.actionError = ('Give a reason: the partner is told why.');
      return;
    }
    return this.act(() => this.client.rejectPartner(p.code, reason), `${p.name}'s sign-up is rejected; they are told why.`);
  }

  private setPassword(e: Event, p: PartnerDetail) {
    e.preventDefault();
    const password = new FormData(e.target as HTMLFormElement).get('password') as string;
    if (password.length < 8) {
      this.actionError = ('The password needs at least 8 characters.');
      return;
    }
    return this.act(() => this.client.setPartnerPassword(p.code, password), `${p.name}'s password is set; their sessions are signed out.`);
  }

  private async viewAs(code: string) {
    await this.act(async () => {
      const { embedToken } = await this.client.embedToken(code);
      this.portalUrl = `${this.client.baseUrl}/admin/portal#embed-token=${encodeURIComponent(embedToken)}`;
    }, 'A one-time sign-in link for the partner portal is ready below.');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="portal-link"]')?.focus();
  }
}
