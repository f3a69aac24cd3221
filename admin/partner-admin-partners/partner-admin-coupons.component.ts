import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../src/api/errors.js';
import { formatDate, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { Coupon } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';

const COUPON = /^[A-Za-z0-9_-]{2,64}$/;

/**
 * A partner's coupon / promotion codes: a sale carrying one (the tracking API's `couponCode`, a
 * Stripe promotion code, a Shopify discount code) is credited to the partner. List, add (a code
 * another partner has is refused on the field: 409 `coupon_taken`), remove after a confirmation.
 * Part of `<partner-admin-partner>`.
 *
 * @tag partner-admin-coupons
 * @summary A partner's coupon codes in the console.
 *
 * @csspart list - The codes.
 * @csspart coupon - One code.
 * @csspart remove - Asks to remove a code.
 * @csspart confirm - The remove confirmation.
 * @csspart add-form - Adds a code.
 * @csspart field-error - The new code's error, under it.
 * @csspart empty - No code yet.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminCouponsElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    formStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 var(--_space-m);
        padding: 0;
        display: grid;
        gap: var(--_space-s);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s) var(--_space-m);
        align-items: center;
      }
      code {
        font-weight: 600;
        font-size: 1rem;
      }
      form.add {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: end;
        max-width: 32rem;
      }
      form.add .field {
        flex: 1 1 12rem;
      }
      .confirm {
        border: 2px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m);
        flex-basis: 100%;
      }
    `,
  ];

  /** The partner's code. */
  @property({ attribute: 'partner-code' }) partnerCode = '';
  /** The partner's name, for the sentences. */
  @property({ attribute: 'partner-name' }) partnerName = '';

  @state() private errors: FieldErrors = {};
  @state() private busy = false;
  @state() private confirming?: string;
  @state() private actionError?: unknown;
  @state() private said?: string;
  @state() private reloads = 0;

  private list = new Task(this, {
    task: ([token, code], { signal }) => (token && code ? this.client.coupons(code, { signal }) : Promise.resolve(undefined)),
    args: () => [this.signedIn?.token, this.partnerCode, this.reloads] as const,
  });

  private get who() {
    return this.partnerName || this.partnerCode;
  }

  override render() {
    return html`<h3 id="coupons-title">Coupon codes</h3>
      <p class="hint">
        A sale carrying one of these codes — the tracking API's <code>couponCode</code>, a Stripe promotion code or a Shopify discount code — is
        credited to ${this.who}.
      </p>
      ${this.announcement(this.said)} ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.list.render({
        initial: () => nothing,
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading coupon codes…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (coupons) => (coupons ? this.renderList(coupons) : nothing),
      })}`;
  }

  private renderList(coupons: Coupon[]) {
    const locale = localeOf(this);
    return html`${coupons.length
        ? html`<ul part="list" aria-labelledby="coupons-title">
            ${coupons.map(
              (c) => html`<li part="coupon" data-code=${c.code}>
                <code>${c.code}</code>
                <span class="muted">added ${formatDate(c.createdAt, locale)}</span>
                <button part="remove" type="button" class="secondary" aria-expanded=${this.confirming === c.code ? 'true' : 'false'} @click=${() => this.ask(c.code)}>
                  Remove…<span class="visually-hidden"> ${c.code}</span>
                </button>
                ${this.confirming === c.code
                  ? html`<div part="confirm" class="confirm" role="group" aria-label=${`Remove ${c.code}?`}>
                      <p><strong>Remove ${c.code}?</strong> Sales carrying it are no longer credited to ${this.who}.</p>
                      <div class="actions">
                        <button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.removeCoupon(c.code)}>${this.busy ? 'Removing…' : 'Remove code'}</button>
                        <button type="button" class="secondary" @click=${() => this.keep(c.code)}>Keep it</button>
                      </div>
                    </div>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p part="empty" class="notice">No coupon code yet.</p>`}
      <form part="add-form" class="add" novalidate @submit=${this.add}>
        <div class="field">
          <label for="coupon-code">New code</label>
          <input
            id="coupon-code"
            name="code"
            autocomplete="off"
            spellcheck="false"
            maxlength="64"
            placeholder="ANN10"
            aria-invalid=${invalid(this.errors, 'code')}
            aria-describedby=${describedBy(this.errors, 'code', true)}
          />
          <p class="hint" id="code-hint">2 to 64 letters, digits, - or _; the same code in any case is the same code.</p>
          ${fieldError(this.errors, 'code')}
        </div>
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy && !this.confirming ? 'Adding…' : 'Add code'}</button>
      </form>`;
  }

  private get input() {
    return this.renderRoot.querySelector<HTMLInputElement>('#coupon-code');
  }

  private add = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.busy) return;
    const input = this.input!;
    const code = input.value.trim();
    this.said = this.actionError = undefined;
    this.errors = COUPON.test(code) ? {} : { code: code ? 'Use 2 to 64 letters, digits, - or _' : 'Type the code partners share, like ANN10' };
    if (this.errors.code) return input.focus();
    this.busy = true;
    try {
      await this.client.addCoupon(this.partnerCode, code);
      input.value = '';
      this.said = `${code} is ${this.who}'s code now: sales carrying it are credited to them.`;
      this.reloads++;
      await this.list.taskComplete;
    } catch (error) {
      const field = serverFieldError(error, (f) => (f === 'code' ? 'code' : undefined));
      if (field) this.errors = field;
      else if (error instanceof ApiError && error.code === 'coupon_taken') this.errors = { code: error.message };
      else this.actionError = error;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.input?.focus();
  };

  private async ask(code: string) {
    this.confirming = this.confirming === code ? undefined : code;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] button')?.focus();
  }

  private async keep(code: string) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-code="${CSS.escape(code)}"] [part~="remove"]`)?.focus();
  }

  private async removeCoupon(code: string) {
    if (this.busy) return;
    this.busy = true;
    this.said = this.actionError = undefined;
    try {
      await this.client.removeCoupon(this.partnerCode, code);
      this.confirming = undefined;
      this.said = `${code} is removed from ${this.who}.`;
      this.reloads++;
      await this.list.taskComplete;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.input?.focus();
  }
}
