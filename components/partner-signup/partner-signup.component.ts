import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import type { SignupResult } from '../../src/api/types.js';
import { PartnerLoginEvent } from '../../src/events/partner-login.js';
import { PartnerSignupEvent } from '../../src/events/partner-signup.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';

type Field = 'name' | 'email' | 'code' | 'password' | 'acceptTerms';
/** What happens after a sign-up that waits for approval (the server sends no email about it). */
const pendingMessage = () => msg('Thanks for signing up! The program owner will review your application; sign in once approved.');
/** The form's labels, to name a field in the server's validation errors. */
const labels = (): Record<string, string> => ({
  name: msg('Name'),
  email: msg('Email'),
  code: msg('Partner code'),
  password: msg('Password'),
  acceptTerms: msg('Program terms'),
  referrerCode: msg('Referred by'),
});
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;

/**
 * Become a partner: name, email, the partner code they want, a password and the program terms.
 * Depending on the merchant's settings the new partner waits for approval or is signed in at once.
 *
 * @tag partner-signup
 * @summary Sign-up form for new partners.
 *
 * @event partner-signup - A partner signed up. `detail: { partner, status }`.
 * @event partner-login - Fired too when the program signs new partners in at once.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart button - The submit button.
 * @csspart error - The server's error (role="alert").
 * @csspart success - The confirmation after signing up (role="status").
 * @csspart signed-in - Shown to a partner who is already signed in.
 *
 * @cssproperty --partner-signup-max-width - Widest the element grows (default --partner-width-form, 26em).
 */
export class PartnerSignupElement extends PartnerElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        max-width: var(--partner-signup-max-width, var(--_width-form));
      }
      .terms {
        display: flex;
        gap: var(--_space-s);
        align-items: flex-start;
      }
      .terms input {
        width: 1.25em;
        height: 1.25em;
        min-height: 0;
        margin-top: 0.15em;
      }
      .terms label {
        font-weight: normal;
      }
      [part~='success'] {
        margin: 0;
      }
    `,
  ];

  @property() heading?: string;
  /** Where the program terms are; linked from the terms checkbox. */
  @property({ attribute: 'terms-href' }) termsHref?: string;
  /** Code of the partner who referred this visitor (second tier). Defaults to the page's `?ref=`. */
  @property({ attribute: 'referrer-code' }) referrerCode?: string;

  @state() private busy = false;
  @state() private error?: unknown;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private result?: SignupResult;

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('Become a partner')}</h2>
      ${this.result
        ? html`<p part="success" role="status">${this.result.status === 'pending' ? pendingMessage() : this.result.message}</p>`
        : this.session.signedIn
          ? html`<p part="signed-in" class="notice">${msg(str`You are signed in as ${this.session.state!.partner.name}: you are a partner already.`)}</p>`
          : this.renderForm()}
    </section>`;
  }

  private field(name: Field, label: string, input: unknown, hint?: string) {
    const error = this.fieldErrors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${input}
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  private describedBy(name: Field, hint = false) {
    return [hint ? `${name}-hint` : '', this.fieldErrors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  private renderForm() {
    const invalid = (name: Field) => (this.fieldErrors[name] ? 'true' : 'false');
    return html`<form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.error ? html`<p part="error" role="alert" tabindex="-1">${messageOf(this.error, labels())}</p>` : nothing}
      ${this.field('name', msg('Name'), html`<input id="name" name="name" autocomplete="name" required maxlength="120" aria-invalid=${invalid('name')} aria-describedby=${this.describedBy('name')} />`)}
      ${this.field('email', msg('Email'), html`<input id="email" name="email" type="email" autocomplete="email" required aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email')} />`)}
      ${this.field(
        'code',
        msg('Partner code'),
        html`<input id="code" name="code" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="32" aria-invalid=${invalid('code')} aria-describedby=${this.describedBy('code', true)} />`,
        msg('Your user name and the code in your links: 2–32 letters, digits, - or _.'),
      )}
      ${this.field(
        'password',
        msg('Password'),
        html`<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-invalid=${invalid('password')} aria-describedby=${this.describedBy('password', true)} />`,
        msg('At least 8 characters.'),
      )}
      <div class="field">
        <div class="terms">
          <input id="acceptTerms" name="acceptTerms" type="checkbox" aria-invalid=${invalid('acceptTerms')} aria-describedby=${this.describedBy('acceptTerms')} />
          <label for="acceptTerms">${this.termsHref ? msg(html`I accept the <a href=${this.termsHref} target="_blank" rel="noopener">program terms</a>`) : msg('I accept the program terms')}</label>
        </div>
        ${this.fieldErrors.acceptTerms ? html`<p class="field-error" id="acceptTerms-error">${this.fieldErrors.acceptTerms}</p>` : nothing}
      </div>
      <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? msg('Signing up…') : msg('Sign up')}</button>
    </form>`;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const request = {
      name: value('name'),
      email: value('email'),
      code: value('code'),
      password: String(data.get('password') ?? ''),
      acceptTerms: data.get('acceptTerms') === 'on',
    };
    const errors: Partial<Record<Field, string>> = {};
    if (!request.name) errors.name = msg('Enter your name.');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(request.email)) errors.email = msg('Enter a valid email address.');
    if (!CODE_PATTERN.test(request.code)) errors.code = msg('Use 2 to 32 letters, digits, - or _, starting with a letter or digit.');
    if (request.password.length < 8) errors.password = msg('Use at least 8 characters.');
    if (!request.acceptTerms) errors.acceptTerms = msg('Accept the program terms to sign up.');
    this.fieldErrors = errors;
    this.error = undefined;
    const first = Object.keys(errors)[0];
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const referrerCode = this.referrerCode ?? new URLSearchParams(globalThis.location?.search).get('ref') ?? undefined;
    this.busy = true;
    try {
      const result = await this.client.signup({ ...request, acceptTerms: true, ...(referrerCode ? { referrerCode } : {}) });
      this.result = result;
      this.emit(new PartnerSignupEvent({ partner: result.partner, status: result.status }));
      if (result.token && result.expiresAt) {
        this.session.store.start({ token: result.token, expiresAt: result.expiresAt, partner: result.partner });
        this.emit(new PartnerLoginEvent({ partner: result.partner }));
      }
    } catch (error) {
      if (error instanceof ApiError && error.field && error.field in labels() && error.field !== 'referrerCode') {
        this.fieldErrors = { [error.field as Field]: messageOf(error, labels()) };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${error.field}`)?.focus();
      } else {
        this.error = error;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
      }
    } finally {
      this.busy = false;
    }
  }
}
