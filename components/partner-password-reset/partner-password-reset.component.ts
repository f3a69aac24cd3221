import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { PartnerBackToSignInEvent, PartnerPasswordResetEvent } from '../../src/events/partner-password-reset.js';
import { absoluteUrl, dropUrlParam, RESET_PARAM, urlToken } from '../../src/internal/page-url.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-password-reset.styles.js';

/** request: "send me a link"; sent: the server's answer; reset: choose a new password with the link's token; done: changed. */
export type ResetView = 'request' | 'sent' | 'reset' | 'done';
type Field = 'login' | 'newPassword' | 'confirmPassword';
const labels = () => ({ login: msg('Partner code or email'), newPassword: msg('New password'), confirmPassword: msg('Repeat new password') });
const IDS: Record<Field, string> = { login: 'login', newPassword: 'new-password', confirmPassword: 'confirm-password' };

/**
 * A forgotten password: the partner asks for a link by partner code or email, the server emails
 * a single-use link to this page (or `reset-href`) carrying `?pc_reset=<token>`, and the link
 * opens the "Choose a new password" form here. `<partner-login>` (and so `<partner-center>`)
 * shows this element itself behind "Forgot password?" and whenever the page's address carries
 * `pc_reset`; put it on a page of its own only for a dedicated reset page.
 *
 * @tag partner-password-reset
 * @summary Forgot-password request form and the "Choose a new password" form of an emailed link.
 *
 * @event partner-password-reset - The partner chose a new password (all their sessions ended).
 * @event partner-back-to-sign-in - The partner pressed "Back to sign-in" (shown inside `<partner-login>`, or with `login-href`).
 *
 * @csspart base - The outer wrapper (the sign-in card's look).
 * @csspart title - The heading of each step.
 * @csspart form - The request form and the new-password form.
 * @csspart label - Each field label.
 * @csspart input - Each input.
 * @csspart button - The submit buttons.
 * @csspart back-button - "Back to sign-in".
 * @csspart error - Errors (role="alert").
 * @csspart status - The server's answer and the done message (role="status").
 * @csspart new-link-button - "Ask for a new link", after an expired, used or forged link.
 *
 * @cssproperty --partner-password-reset-max-width - Widest the element grows (default --partner-login-max-width, --partner-width-form, 26em).
 * @cssproperty --partner-password-reset-background - Card background (default --partner-login-background).
 * @cssproperty --partner-password-reset-border-color - Card border (default --partner-login-border-color).
 * @cssproperty --partner-password-reset-padding - Card padding (default --partner-login-padding).
 */
export class PartnerPasswordResetElement extends PartnerElement {
  static override styles = [baseStyles, formStyles, styles];

  /** The page the emailed link opens (the token is added as `?pc_reset=`). Default: this page, without its query and hash. */
  @property({ attribute: 'reset-href' }) resetHref?: string;
  /** Where "Back to sign-in" and, after the change, "Sign in" lead on a page of their own. */
  @property({ attribute: 'login-href' }) loginHref?: string;
  /** The reset token. Default: the page address's `pc_reset` parameter. */
  @property({ attribute: false }) token?: string;
  /** Shown inside `<partner-login>`: "Back to sign-in" and the done step are the host's (events instead). */
  @property({ type: Boolean, attribute: false }) embedded = false;

  /** The step shown. */
  @state() view: ResetView = 'request';
  @state() private busy = false;
  @state() private error?: ApiError | Error;
  /** The error is about the link (expired, used, forged): offer a new one. */
  @state() private tokenError = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private sentMessage = '';
  /** The request form's partner code or email (`<partner-login>` passes on the code typed there). */
  @property({ attribute: false }) login = '';

  override connectedCallback() {
    super.connectedCallback();
    this.token ??= urlToken(RESET_PARAM);
    if (this.token && this.view === 'request') this.view = 'reset';
  }

  /** Moves focus to the step's first field (or its heading when it has none). */
  override focus(options?: FocusOptions) {
    const first = this.renderRoot.querySelector<HTMLElement>('form input');
    (first ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus(options);
  }

  override render() {
    return html`<section part="base" aria-labelledby="reset-title">${this.renderView()}</section>`;
  }

  private renderView() {
    switch (this.view) {
      case 'sent':
        return html`${this.heading(msg('Check your email'))}
          <div class="stack">
            <p part="status" role="status">${this.sentMessage}</p>
            <p class="notice">${msg('The link works once and for a short time. Nothing arrived? Look in your spam folder, or ask again.')}</p>
            <div class="actions">
              <button part="button" class="secondary" type="button" @click=${() => this.show('request')}>${msg('Send the link again')}</button>
              ${this.renderBack()}
            </div>
          </div>`;
      case 'reset':
        return this.renderResetForm();
      case 'done':
        return html`${this.heading(msg('Password changed'))}
          <div class="stack">
            <p part="status" role="status" class="done">${msg('Password changed — sign in with your new password.')}</p>
            ${this.loginHref ? html`<a part="back-button" href=${this.loginHref}>${msg('Sign in')}</a>` : nothing}
          </div>`;
      default:
        return this.renderRequestForm();
    }
  }

  private heading(text: string) {
    return html`<h2 id="reset-title" part="title" tabindex="-1">${text}</h2>`;
  }

  private renderBack() {
    if (this.embedded) {
      return html`<button part="back-button" class="secondary" type="button" @click=${this.back}>${msg('Back to sign-in')}</button>`;
    }
    return this.loginHref ? html`<a part="back-button" href=${this.loginHref}>${msg('Back to sign-in')}</a>` : nothing;
  }

  private renderError() {
    if (!this.error) return nothing;
    return html`<div part="error" role="alert" tabindex="-1" class="error-box">
      <span>${messageOf(this.error, labels())}</span>
      ${this.tokenError
        ? html`<button part="new-link-button" class="secondary" type="button" @click=${this.askForNewLink}>${msg('Ask for a new link')}</button>`
        : nothing}
    </div>`;
  }

  private renderField(name: Field, input: ReturnType<typeof html>, hint?: string) {
    const error = this.fieldErrors[name];
    const id = IDS[name];
    return html`<div class="field">
      <label part="label" for=${id}>${labels()[name]}</label>
      ${input}
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private described(name: Field, hint = false) {
    const id = IDS[name];
    return [hint ? `${id}-hint` : '', this.fieldErrors[name] ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  private renderRequestForm() {
    return html`${this.heading(msg('Reset your password'))}
      <form part="form" novalidate @submit=${this.requestLink} aria-busy=${this.busy ? 'true' : 'false'}>
        <p class="intro">${msg('Enter your partner code or the email address of your account. We will email you a link to choose a new password.')}</p>
        ${this.renderError()}
        ${this.renderField(
          'login',
          html`<input
            part="input"
            id="login"
            name="login"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            maxlength="254"
            .value=${this.login}
            aria-invalid=${this.fieldErrors.login ? 'true' : 'false'}
            aria-describedby=${this.described('login')}
            @input=${(e: InputEvent) => {
              this.login = (e.target as HTMLInputElement).value;
              this.clearFieldError('login');
            }}
          />`,
        )}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Sending…')}` : msg('Send reset link')}
          </button>
          ${this.renderBack()}
        </div>
      </form>`;
  }

  private renderResetForm() {
    const password = (name: 'newPassword' | 'confirmPassword', hint: boolean) => html`<input
      part="input"
      id=${IDS[name]}
      name=${name}
      type="password"
      autocomplete="new-password"
      required
      maxlength="256"
      ?disabled=${this.tokenError}
      aria-invalid=${this.fieldErrors[name] ? 'true' : 'false'}
      aria-describedby=${this.described(name, hint)}
      @input=${() => this.clearFieldError(name)}
    />`;
    return html`${this.heading(msg('Choose a new password'))}
      <form part="form" novalidate @submit=${this.setPassword} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.renderError()}
        ${this.renderField('newPassword', password('newPassword', true), msg('At least 8 characters.'))}
        ${this.renderField('confirmPassword', password('confirmPassword', false))}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${this.busy || this.tokenError ? 'true' : 'false'}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Changing…')}` : msg('Change password')}
          </button>
          ${this.renderBack()}
        </div>
      </form>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    // a new error takes focus, so keyboard and screen-reader users land on it
    if (changed.has('error' as keyof PartnerPasswordResetElement) && this.error) this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
  }

  /** Shows a step and moves focus into it: its first field, or its heading. */
  async show(view: ResetView) {
    this.view = view;
    this.error = undefined;
    this.tokenError = false;
    this.fieldErrors = {};
    await this.updateComplete;
    this.focus();
  }

  private clearFieldError(field: Field) {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  /** Field errors shown under their fields, focus on the first; true when there were any. */
  private async invalid(errors: Partial<Record<Field, string>>) {
    this.fieldErrors = errors;
    const first = (Object.keys(errors) as Field[]).find((f) => errors[f]);
    if (!first) return false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${IDS[first]}`)?.focus();
    return true;
  }

  private async requestLink(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const login = this.login.trim();
    if (await this.invalid(login ? {} : { login: msg('Enter your partner code or email address.') })) return;
    this.busy = true;
    this.error = undefined;
    try {
      const answer = await this.client.requestPasswordReset({ login, resetUrl: absoluteUrl(this.resetHref) });
      this.sentMessage = answer.message;
      this.busy = false;
      await this.show('sent');
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async setPassword(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || this.tokenError) return;
    const data = new FormData(event.target as HTMLFormElement);
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirmPassword') ?? '');
    const errors: Partial<Record<Field, string>> = {};
    if (newPassword.length < 8) errors.newPassword = msg('Use at least 8 characters for the new password.');
    else if (newPassword.length > 256) errors.newPassword = msg('Use at most 256 characters for the new password.');
    else if (newPassword !== confirm) errors.confirmPassword = msg('The two new passwords are not the same.');
    if (await this.invalid(errors)) return;
    this.busy = true;
    this.error = undefined;
    try {
      await this.client.confirmPasswordReset({ token: this.token ?? '', newPassword });
      dropUrlParam(RESET_PARAM);
      this.token = undefined;
      // the server ended every session of the partner: this page's too
      this.session.store.end('expired');
      this.busy = false;
      this.emit(new PartnerPasswordResetEvent());
      if (!this.embedded) await this.show('done');
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** An error on its field when it names one of the form's, else in the alert (focused). */
  private async fail(error: unknown) {
    const field = error instanceof ApiError ? (error.field as Field | undefined) : undefined;
    if (field && field in IDS && this.renderRoot.querySelector(`#${IDS[field]}`)) {
      this.busy = false;
      await this.invalid({ [field]: messageOf(error, labels()) });
      return;
    }
    this.tokenError = error instanceof ApiError && error.code.startsWith('reset_token_');
    this.error = error instanceof Error ? error : new Error(messageOf(error));
  }

  private askForNewLink() {
    dropUrlParam(RESET_PARAM);
    this.token = undefined;
    void this.show('request');
  }

  private back() {
    if (this.view === 'reset') dropUrlParam(RESET_PARAM);
    this.emit(new PartnerBackToSignInEvent());
  }
}
