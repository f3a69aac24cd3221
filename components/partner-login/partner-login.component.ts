import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { type ApiError, messageOf } from '../../src/api/errors.js';
import { CONFIRM_PARAM, RESET_PARAM, urlToken } from '../../src/internal/url-token.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { PartnerPasswordResetElement } from '../partner-password-reset/partner-password-reset.component.js';
import styles from './partner-login.styles.js';

export type FieldErrors = Partial<Record<'code' | 'password', string>>;
/** The form's labels, to name a field in the server's validation errors. */
export const labels = () => ({ code: msg('Partner code'), password: msg('Password') });

/** A `?pc_confirm=` link being confirmed, confirmed, or refused. */
export type Confirmation = { state: 'pending' } | { state: 'done'; email: string } | { state: 'failed'; error: unknown };

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

  /** What sending the form does (partner-login.actions.ts): fetched right after the first render. */
  private readonly actions = new LazyPart(this, () => import('./partner-login.actions.js'));

  /** Heading text. */
  @property() heading?: string;
  /** The merchant's own reset page: "Forgot your password?" links there instead of opening the reset form here. */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref?: string;
  /** The page the emailed reset link opens (`?pc_reset=<token>` is added). Default: this page, without its query and hash. */
  @property({ attribute: 'reset-href' }) resetHref?: string;
  /** Where "Become a partner" leads (the merchant's sign-up page). Hidden when unset. */
  @property({ attribute: 'signup-href' }) signupHref?: string;

  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() error?: ApiError | Error;
  /** @internal */
  @state() fieldErrors: FieldErrors = {};
  @state() private showPassword = false;
  /** The partner code as typed. */
  /** @internal */
  @state() code = '';
  /** Epoch ms until which each code (lower-cased) may not be tried here (429). */
  /** @internal */
  @state() locks = new Map<string, number>();
  /** @internal */
  @state() now = Date.now();
  /** The reset forms are shown instead of the sign-in. */
  /** @internal */
  @state() resetting = false;
  /** Said above the sign-in form after a reset. */
  /** @internal */
  @state() notice = '';
  /** @internal */
  @state() confirmation?: Confirmation;

  /** @internal */
  @query('#code') codeInput?: HTMLInputElement;
  /** @internal */
  @query('#password') passwordInput?: HTMLInputElement;
  /** @internal */
  @query('[part~="error"]') errorBox?: HTMLElement;

  #timer?: ReturnType<typeof setInterval>;
  /** <partner-password-reset> being loaded (see {@link loadResetForms}), and once it is defined. */
  private resetLoaded?: Promise<boolean>;
  @state() private resetReady = false;

  override connectedCallback() {
    super.connectedCallback();
    if (this.locks.size) this.countDown();
    if (urlToken(RESET_PARAM)) {
      this.resetting = true;
      void this.loadResetForms();
    }
    const confirmToken = urlToken(CONFIRM_PARAM);
    if (confirmToken && !this.confirmation) {
      this.confirmation = { state: 'pending' };
      // if the code that confirms cannot be loaded, the confirmation says so (not "Confirming…" for ever)
      this.actions.load().then(
        (actions) => actions.confirmEmail(this, confirmToken),
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

  /** @internal */
  get locked() {
    return this.waitSeconds > 0;
  }

  override render() {
    const session = this.session.state;
    if (this.resetting) {
      // until its files have loaded, nothing more (not a flash of the sign-in form)
      return html`${this.renderConfirmation()}${this.actions.render(
        (actions) => (this.resetReady ? actions.resetForms(this) : nothing),
        () => html``,
      )}`;
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
      <button part="sign-out-button" class="secondary" type="button" ?disabled=${this.busy} @click=${() => this.#act((actions) => actions.signOut(this))}>
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
          : html`<button part="forgot-link" class="link" type="button" @click=${() => this.#act((actions) => actions.forgotPassword(this))}>${msg('Forgot your password?')}</button>`}
        ${this.signupHref ? html`<a part="signup-link" href=${this.signupHref}>${msg('Become a partner')}</a>` : nothing}
      </div>
    </form>`;
  }

  /** @internal */
  get resetForms() {
    return this.renderRoot.querySelector<PartnerPasswordResetElement>('partner-password-reset');
  }

  /**
   * Defines <partner-password-reset> (its own file, components/partner-password-reset.js) the
   * first time the reset forms show; if it cannot be loaded, the sign-in form says so.
   */
  /** @internal */
  loadResetForms(): Promise<boolean> {
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

  /** Runs one of the actions (partner-login.actions.ts) once its code is here; if it cannot be loaded, the form says so. */
  async #act(run: (actions: typeof import('./partner-login.actions.js')) => unknown) {
    const actions =
      this.actions.value ?? (await this.actions.load().catch((error: unknown) => void (this.error = error instanceof Error ? error : new Error(String(error)))));
    if (actions) await run(actions);
  }

  protected override firstUpdated() {
    // once the form is on screen, in time for the first sign-in
    if (!this.session.signedIn) this.actions.want();
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
    // the sign-in's code arrives right after the first render (see firstUpdated); a submit before it waits for it
    await this.#act((actions) => actions.signIn(this));
  }

  /** @internal Ticks `now` every second while any code is locked, and forgets locks that passed. */
  countDown() {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      this.now = Date.now();
      const live = [...this.locks].filter(([, until]) => until > this.now);
      if (live.length < this.locks.size) this.locks = new Map(live);
      if (!live.length) clearInterval(this.#timer);
    }, 1000);
  }


}

function formatWait(seconds: number) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
