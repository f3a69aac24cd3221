import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { PartnerLoginEvent } from '../../src/events/partner-login.js';
import { CONFIRM_PARAM, confirmEmailOnce, RESET_PARAM, urlToken } from '../../src/internal/page-url.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { PartnerPasswordResetElement } from '../partner-password-reset/partner-password-reset.component.js';
import styles from './partner-login.styles.js';

type FieldErrors = Partial<Record<'code' | 'password', string>>;
/** The form's labels, to name a field in the server's validation errors. */
const labels = () => ({ code: msg('Partner code'), password: msg('Password') });
/** The parts of the reset forms, styled through this element's `::part()` rules as if they were its own. */
const RESET_PARTS = 'base, title, form, label, input, button, error, status, back-button, new-link-button';

/** A `?pc_confirm=` link being confirmed, confirmed, or refused. */
type Confirmation = { state: 'pending' } | { state: 'done'; email: string } | { state: 'failed'; error: unknown };

/**
 * Partner sign-in with partner code and password. Signed in, it shows who is signed in and a
 * sign-out button. Every `partner-*` element on the page shares the session it starts.
 *
 * "Forgot your password?" opens a request form here (partner code or email); the emailed link
 * comes back to this page (or `reset-href`) as `?pc_reset=<token>`, and this element then shows
 * "Choose a new password" (both through `<partner-password-reset>`). With `forgot-password-href`
 * set, "Forgot your password?" is a link to the merchant's own reset page instead. A page
 * opened from an email confirmation link (`?pc_confirm=<token>`) confirms the address and says so.
 *
 * @tag partner-login
 * @summary Partner code + password sign-in, and the signed-in state with sign-out.
 *
 * @event partner-login - A partner signed in here. `detail: { partner }`.
 * @event partner-logout - The partner signed out here. `detail: { code, reason }`.
 * @event partner-password-reset - The partner chose a new password with an emailed link (from the reset form inside).
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart form - The sign-in form.
 * @csspart label - Each field label.
 * @csspart input - Each input.
 * @csspart button - The submit button.
 * @csspart error - The server's error message (role="alert").
 * @csspart forgot-link - "Forgot your password?": a button opening the request form, or a link to `forgot-password-href`.
 * @csspart status - "Password changed — sign in with your new password." (role="status").
 * @csspart email-confirmation - The answer to an email confirmation link (role="status", or role="alert" when refused).
 * @csspart back-button - "Back to sign-in" on the reset forms (their other parts are this element's: base, title, form…).
 * @csspart signup-link - The "Become a partner" link.
 * @csspart signed-in - The signed-in state.
 * @csspart signing-in - "Signing you in…" while an embed token (`<meta name="partner-center:embed-token">`) is exchanged: no form flashes meanwhile.
 * @csspart sign-out-button - The sign-out button.
 *
 * @cssproperty --partner-login-max-width - Widest the element grows (default --partner-width-form, 26em).
 * @cssproperty --partner-login-background - Card background (default --partner-color-surface).
 * @cssproperty --partner-login-border-color - Card border (default --partner-color-border).
 * @cssproperty --partner-login-padding - Card padding (default --partner-space-l).
 * @cssproperty --partner-color-accent - Buttons and links.
 *
 * @slot heading - Replaces the heading text ("Partner sign-in").
 */
export class PartnerLoginElement extends PartnerElement {
  static override styles = [baseStyles, formStyles, styles];

  /** Heading text. */
  @property() heading?: string;
  /** The merchant's own reset page: "Forgot your password?" links there instead of opening the reset form here. */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref?: string;
  /** The page the emailed reset link opens (`?pc_reset=<token>` is added). Default: this page, without its query and hash. */
  @property({ attribute: 'reset-href' }) resetHref?: string;
  /** Where "Become a partner" leads (the merchant's sign-up page). Hidden when unset. */
  @property({ attribute: 'signup-href' }) signupHref?: string;

  @state() private busy = false;
  @state() private error?: ApiError | Error;
  @state() private fieldErrors: FieldErrors = {};
  @state() private showPassword = false;
  /** The partner code as typed. */
  @state() private code = '';
  /** Epoch ms until which each code (lower-cased) may not be tried here (429). */
  @state() private locks = new Map<string, number>();
  @state() private now = Date.now();
  /** The reset forms are shown instead of the sign-in. */
  @state() private resetting = false;
  /** Said above the sign-in form after a reset. */
  @state() private notice = '';
  @state() private confirmation?: Confirmation;

  @query('#code') private codeInput?: HTMLInputElement;
  @query('#password') private passwordInput?: HTMLInputElement;
  @query('[part~="error"]') private errorBox?: HTMLElement;

  #timer?: ReturnType<typeof setInterval>;
  /** <partner-password-reset> being loaded (see {@link loadResetForms}), and once it is defined. */
  private resetLoaded?: Promise<boolean>;
  @state() private resetReady = false;

  override connectedCallback() {
    super.connectedCallback();
    if (this.locks.size) this.#countDown();
    if (urlToken(RESET_PARAM)) {
      this.resetting = true;
      void this.loadResetForms();
    }
    const confirmToken = urlToken(CONFIRM_PARAM);
    if (confirmToken && !this.confirmation) {
      this.confirmation = { state: 'pending' };
      confirmEmailOnce(this.client, confirmToken).then(
        ({ email }) => (this.confirmation = { state: 'done', email }),
        (error: unknown) => (this.confirmation = { state: 'failed', error }),
      );
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  /** Moves focus to the first field (of the reset form when it shows; to sign-out when signed in). */
  override focus(options?: FocusOptions) {
    if (this.resetting && this.resetForms) return this.resetForms.focus(options);
    const target = this.session.signedIn
      ? this.renderRoot.querySelector<HTMLElement>('[part~="sign-out-button"]')
      : this.codeInput;
    target ? target.focus(options) : super.focus(options);
  }

  /** Seconds the typed code must still wait (codes are case-insensitive); 0 when it may be tried. */
  private get waitSeconds() {
    const until = this.locks.get(this.code.trim().toLowerCase()) ?? 0;
    return Math.max(0, Math.ceil((until - this.now) / 1000));
  }

  private get locked() {
    return this.waitSeconds > 0;
  }

  override render() {
    const session = this.session.state;
    if (this.resetting) {
      // until its file has loaded, nothing more (not a flash of the sign-in form)
      if (!this.resetReady) return this.renderConfirmation();
      return html`${this.renderConfirmation()}<partner-password-reset
          exportparts=${RESET_PARTS}
          .api=${this.client}
          .sessionStore=${this.sessionStore}
          reset-href=${ifDefined(this.resetHref || undefined)}
          .embedded=${true}
          @partner-password-reset=${this.resetDone}
          @partner-back-to-sign-in=${() => this.backToSignIn('')}
        ></partner-password-reset>`;
    }
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title"><slot name="heading">${session ? msg('Partner account') : (this.heading ?? msg('Partner sign-in'))}</slot></h2>
      ${this.renderConfirmation()}
      ${session ? this.renderSignedIn(session.partner.name, session.partner.code) : this.session.store.signingIn ? this.renderSigningIn() : this.renderForm()}
    </section>`;
  }

  private renderConfirmation() {
    const c = this.confirmation;
    if (!c) return nothing;
    if (c.state === 'failed') return html`<p part="email-confirmation" role="alert" class="confirmation">${messageOf(c.error)}</p>`;
    return html`<p part="email-confirmation" role="status" class="confirmation ${c.state}">
      ${c.state === 'pending' ? msg('Confirming your email address…') : msg(html`Your email address <strong>${c.email}</strong> is confirmed. Thank you!`)}
    </p>`;
  }

  /** An embed token is being exchanged: a neutral busy state, never a flash of the form. */
  private renderSigningIn() {
    return html`<p part="signing-in" role="status" aria-busy="true" class="signing-in"><span class="spinner" aria-hidden="true"></span> ${msg('Signing you in…')}</p>`;
  }

  private renderSignedIn(name: string, code: string) {
    return html`<div part="signed-in">
      <p role="status">${msg(html`Signed in as <strong>${name}</strong> <span class="code">(${code})</span>`)}</p>
      <button part="sign-out-button" class="secondary" type="button" ?disabled=${this.busy} @click=${this.signOut}>
        ${this.busy ? msg('Signing out…') : msg('Sign out')}
      </button>
    </div>`;
  }

  private renderForm() {
    const { code: codeError, password: passwordError } = this.fieldErrors;
    const waitSeconds = this.waitSeconds;
    return html`<form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.notice ? html`<p part="status" role="status" class="done">${this.notice}</p>` : nothing}
      ${waitSeconds
        ? // the countdown is read once with the sentence, not every second (role="timer" is not live)
          html`<p part="error" role="alert" tabindex="-1">
            ${msg(html`Too many attempts for this code. Try again in <span class="wait" role="timer">${formatWait(waitSeconds)}</span>.`)}
          </p>`
        : this.error
          ? html`<p part="error" role="alert" tabindex="-1">${messageOf(this.error, labels())}</p>`
          : nothing}
      <div class="field">
        <label part="label" for="code">${msg('Partner code')}</label>
        <input
          part="input"
          id="code"
          name="code"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          maxlength="64"
          .value=${this.code}
          aria-invalid=${codeError ? 'true' : 'false'}
          aria-describedby=${codeError ? 'code-error' : nothing}
          @input=${(e: InputEvent) => {
            this.code = (e.target as HTMLInputElement).value;
            this.clearFieldError('code');
          }}
        />
        ${codeError ? html`<p class="field-error" id="code-error">${codeError}</p>` : nothing}
      </div>
      <div class="field">
        <label part="label" for="password">${msg('Password')}</label>
        <div class="password">
          <input
            part="input"
            id="password"
            name="password"
            type=${this.showPassword ? 'text' : 'password'}
            autocomplete="current-password"
            required
            maxlength="256"
            aria-invalid=${passwordError ? 'true' : 'false'}
            aria-describedby=${passwordError ? 'password-error' : nothing}
            @input=${() => this.clearFieldError('password')}
          />
          <button
            class="secondary"
            type="button"
            aria-pressed=${this.showPassword ? 'true' : 'false'}
            aria-controls="password"
            @click=${() => (this.showPassword = !this.showPassword)}
          >
            ${this.showPassword ? msg('Hide') : msg('Show')}<span class="visually-hidden"> ${msg('password')}</span>
          </button>
        </div>
        ${passwordError ? html`<p class="field-error" id="password-error">${passwordError}</p>` : nothing}
      </div>
      <button part="button" type="submit" aria-disabled=${this.busy || this.locked ? 'true' : 'false'}>
        ${this.busy
          ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Signing in…')}`
          : msg('Sign in')}
      </button>
      <div class="links">
        ${this.forgotPasswordHref
          ? html`<a part="forgot-link" href=${this.forgotPasswordHref}>${msg('Forgot your password?')}</a>`
          : html`<button part="forgot-link" class="link" type="button" @click=${this.forgotPassword}>${msg('Forgot your password?')}</button>`}
        ${this.signupHref ? html`<a part="signup-link" href=${this.signupHref}>${msg('Become a partner')}</a>` : nothing}
      </div>
    </form>`;
  }

  private get resetForms() {
    return this.renderRoot.querySelector<PartnerPasswordResetElement>('partner-password-reset');
  }

  /**
   * Defines <partner-password-reset> (its own file, components/partner-password-reset.js) the
   * first time the reset forms show; if it cannot be loaded, the sign-in form says so.
   */
  private loadResetForms(): Promise<boolean> {
    return (this.resetLoaded ??= import('../partner-password-reset/partner-password-reset.js').then(
      () => (this.resetReady = true),
      (error: unknown) => {
        this.resetLoaded = undefined;
        this.resetting = false;
        this.error = error instanceof Error ? error : new Error(String(error));
        return false;
      },
    ));
  }

  /** "Forgot your password?": the request form, focus on its field (prefilled with the code typed here). */
  private async forgotPassword() {
    this.resetting = true;
    this.notice = '';
    if (!(await this.loadResetForms())) return;
    await this.updateComplete;
    const forms = this.resetForms;
    if (!forms) return;
    forms.login = this.code.trim();
    await forms.show('request');
  }

  /** The new password is set: back to the sign-in, which says so and takes focus. */
  private async resetDone() {
    this.code = '';
    await this.backToSignIn(msg('Password changed — sign in with your new password.'));
  }

  private async backToSignIn(notice: string) {
    this.resetting = false;
    this.notice = notice;
    this.error = undefined;
    this.fieldErrors = {};
    await this.updateComplete;
    this.focus();
  }

  protected override updated(changed: PropertyValues<this>) {
    // A new server error takes focus so keyboard and screen-reader users land on it.
    if (changed.has('error' as keyof PartnerLoginElement) && this.error) this.errorBox?.focus();
  }

  private clearFieldError(field: keyof FieldErrors) {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || this.locked) return;
    const code = this.codeInput?.value.trim() ?? '';
    const password = this.passwordInput?.value ?? '';
    const fieldErrors: FieldErrors = {};
    if (!code) fieldErrors.code = msg('Enter your partner code.');
    if (!password) fieldErrors.password = msg('Enter your password.');
    this.fieldErrors = fieldErrors;
    if (fieldErrors.code || fieldErrors.password) {
      (fieldErrors.code ? this.codeInput : this.passwordInput)?.focus();
      return;
    }
    this.busy = true;
    this.error = undefined;
    this.notice = '';
    try {
      const result = await this.client.login({ code, password });
      this.session.store.start(result);
      this.emit(new PartnerLoginEvent({ partner: result.partner }));
      await this.updateComplete;
      this.focus();
    } catch (error) {
      if (this.passwordInput) this.passwordInput.value = '';
      if (error instanceof ApiError && error.status === 429) {
        // the wait belongs to this code; the message is drawn from the lock, not the error
        this.error = undefined;
        this.lockFor(code, error.retryAfter ?? 60);
        this.busy = false;
        await this.updateComplete;
        this.errorBox?.focus();
        return;
      }
      if (error instanceof ApiError && (error.field === 'code' || error.field === 'password')) {
        // said once, on the field it is about
        this.fieldErrors = { [error.field]: messageOf(error, labels()) };
        this.busy = false;
        await this.updateComplete;
        (error.field === 'code' ? this.codeInput : this.passwordInput)?.focus();
        return;
      }
      this.error = error instanceof Error ? error : new Error(messageOf(error));
    } finally {
      this.busy = false;
    }
  }

  private lockFor(code: string, seconds: number) {
    this.now = Date.now();
    this.locks = new Map(this.locks).set(code.toLowerCase(), this.now + seconds * 1000);
    this.#countDown();
  }

  /** Ticks `now` every second while any code is locked, and forgets locks that passed. */
  #countDown() {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      this.now = Date.now();
      const live = [...this.locks].filter(([, until]) => until > this.now);
      if (live.length < this.locks.size) this.locks = new Map(live);
      if (!live.length) clearInterval(this.#timer);
    }, 1000);
  }

  private async signOut() {
    this.busy = true;
    await this.session.signOut(this.client, this);
    this.busy = false;
    await this.updateComplete;
    this.codeInput?.focus();
  }
}

function formatWait(seconds: number) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
