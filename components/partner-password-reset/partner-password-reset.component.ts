import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ApiError, messageOf } from '../../src/api/errors.js';
import { PartnerBackToSignInEvent } from '../../src/events/partner-password-reset.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { dropUrlParam, RESET_PARAM, urlToken } from '../../src/internal/page-url.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-password-reset.styles.js';

/** request: "send me a link"; sent: the server's answer; reset: choose a new password with the link's token; done: changed. */
export type ResetView = 'request' | 'sent' | 'reset' | 'done';
export type Field = 'login' | 'newPassword' | 'confirmPassword';
export type FieldErrors = Partial<Record<Field, string>>;
/** The forms' labels, also naming a field in the server's validation errors. */
export const labels = () => ({ login: msg('Partner code or email'), newPassword: msg('New password'), confirmPassword: msg('Repeat new password') });
export const IDS: Record<Field, string> = { login: 'login', newPassword: 'new-password', confirmPassword: 'confirm-password' };

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

  /** What sending a form does, and the steps after it (partner-password-reset.actions.ts): fetched right after the first render. */
  private readonly actions = new LazyPart(this, () => import('./partner-password-reset.actions.js'));

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
  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() error?: ApiError | Error;
  /** @internal The error is about the link (expired, used, forged): offer a new one. */
  @state() tokenError = false;
  /** @internal */
  @state() fieldErrors: FieldErrors = {};
  /** @internal */
  @state() sentMessage = '';
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
      case 'done':
        // the steps after a form was sent, so its code is here already
        return this.actions.render((a) => (this.view === 'sent' ? a.renderSent(this) : a.renderDone(this)));
      case 'reset':
        return this.renderResetForm();
      default:
        return this.renderRequestForm();
    }
  }

  /** @internal */
  heading(text: string) {
    return html`<h2 id="reset-title" part="title" tabindex="-1">${text}</h2>`;
  }

  /** @internal */
  renderBack() {
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

  protected override firstUpdated() {
    // once the first form is on screen, in time for its first submit
    this.actions.want();
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

  /** The request form was sent. */
  private async requestLink(event: SubmitEvent) {
    event.preventDefault();
    // the code arrives right after the first render (see firstUpdated); a submit before it waits for it
    const actions = this.actions.value ?? (await this.loadActions());
    if (actions) await actions.requestLink(this);
  }

  /** The new-password form was sent. */
  private async setPassword(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const actions = this.actions.value ?? (await this.loadActions());
    if (actions) await actions.setPassword(this, form);
  }

  /** The actions, or (when they cannot be loaded) nothing, and the form's alert says so. */
  private loadActions() {
    return this.actions.load().catch((error: unknown) => void (this.error = error instanceof Error ? error : new Error(String(error))));
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
