import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import type { Me, Partner, PayoutMethod, ProfilePatch } from '../../src/api/types.js';
import { PartnerProfileSavedEvent } from '../../src/events/partner-profile-saved.js';
import { CONFIRM_PARAM, confirmEmailOnce, pageUrl, urlToken } from '../../src/internal/page-url.js';
import { NearViewportController } from '../../src/internal/near-viewport.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { errorView, loadingView, signedOutView } from '../../src/internal/states.js';
import { formStyles } from '../../src/styles/form.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { changesSensitive, fields, labels, payoutMethods, WITH_FIELD_ERROR } from './partner-profile.fields.js';
import { NotificationsPanel, notificationStyles } from './partner-profile.notifications.js';

/**
 * My Profile: the partner's contact and payout details, editable, and a password change.
 * Changing the email or the payout details asks for the current password and signs the
 * partner's other devices out. Until the partner confirms their email address, the profile says
 * so, sends the confirmation again on request, and payout details cannot change. "Email
 * notifications" lets the partner choose the emails they get (new commissions at once, as a
 * daily digest or not; payments sent; the monthly statement) among those the merchant sends.
 * A page opened from an email confirmation link (`?pc_confirm=<token>`) confirms the address
 * here and says so (signed in or not).
 *
 * @tag partner-profile
 * @summary View and update contact and payout details; change password.
 *
 * @event partner-profile-saved - The partner saved their profile. `detail: { partner }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart details - The read-only details list.
 * @csspart edit-button - Switches to the form.
 * @csspart form - The profile form.
 * @csspart password - The password area: the "Change password" button, its form and the announcement.
 * @csspart password-button - "Change password": opens and closes the form (aria-expanded).
 * @csspart password-form - The password change form (hidden until the button opens it; Escape or Cancel closes it).
 * @csspart password-status - Announces a changed password (role="status").
 * @csspart status - Success messages (role="status").
 * @csspart error - Errors (role="alert").
 * @csspart spinner - The loading state.
 * @csspart email-unconfirmed - The "email not confirmed" notice with its resend button.
 * @csspart resend-button - "Send the confirmation again".
 * @csspart email-confirmation - The answer to an email confirmation link (role="status", or role="alert" when refused).
 * @csspart notifications - The "Email notifications" section.
 * @csspart notifications-toggle - The button that shows or hides the notification choices.
 * @csspart notifications-form - The notification choices.
 * @csspart notifications-unavailable - The note naming the kinds the program does not send.
 * @csspart signed-out - Shown when nobody is signed in.
 */
export class PartnerProfileElement extends PartnerElement {
  static override styles = [
    baseStyles,
    formStyles,
    notificationStyles,
    css`
      .stack {
        display: grid;
        gap: var(--_space-l);
      }
      dl {
        display: grid;
        grid-template-columns: minmax(7em, max-content) 1fr;
        gap: var(--_space-xs) var(--_space-m);
        margin: 0 0 var(--_space-m);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        gap: var(--_space-m);
      }
      .field {
        align-content: start;
      }
      select,
      textarea {
        width: 100%;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
      }
      [part~='status'] {
        color: var(--_success);
        margin: 0;
      }
      .password {
        display: grid;
        gap: var(--_space-m);
        justify-items: start;
      }
      .password form {
        justify-self: stretch;
      }
      form[hidden] {
        display: none;
      }
      [part~='email-unconfirmed'] {
        display: grid;
        gap: var(--_space-s);
        justify-items: start;
        padding: var(--_space-m);
        border: 1px solid var(--_border);
        border-left: 4px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      [part~='email-unconfirmed'] p {
        margin: 0;
      }
      [part~='email-confirmation'] {
        margin: 0 0 var(--_space-m);
      }
      [part~='email-confirmation'].confirmed {
        color: var(--_success);
      }
      .badge {
        font-size: 0.875em;
        color: var(--_muted);
      }
    `,
  ];

  /** Heading text. */
  /** Heading text (default "My profile", in the page's language). */
  @property() heading?: string;

  @state() private editing = false;
  @state() private saving = false;
  @state() private saveError?: unknown;
  @state() private fieldErrors: Partial<Record<string, string>> = {};
  @state() private saved = '';
  /** The form changes the email or payout details: it asks for the current password. */
  @state() private sensitive = false;
  @state() private passwordBusy = false;
  @state() private passwordError?: ApiError | Error;
  @state() private passwordSaved = '';
  /** The password form is open (behind the "Change password" button). */
  @state() private passwordOpen = false;
  @state() private resend: { state: 'idle' | 'busy' | 'sent' } | { state: 'failed'; error: unknown } = { state: 'idle' };
  /** A `?pc_confirm=` link being confirmed, confirmed, or refused. */
  @state() private confirmation?: { state: 'pending' } | { state: 'done'; email: string } | { state: 'failed'; error: unknown };

  /** The edit form (partner-profile.form.ts), loaded when the partner first edits. */
  private form?: typeof import('./partner-profile.form.js');
  private loadingForm?: Promise<void>;
  @state() private formLoadError?: unknown;

  private readonly notifications = new NotificationsPanel(this, () => this.client);

  override connectedCallback() {
    super.connectedCallback();
    const token = urlToken(CONFIRM_PARAM);
    if (token && !this.confirmation) {
      this.confirmation = { state: 'pending' };
      confirmEmailOnce(this.client, token).then(
        ({ email }) => {
          this.confirmation = { state: 'done', email };
          if (this.session.signedIn) void this.profile.run(); // emailConfirmed is now true
        },
        (error: unknown) => (this.confirmation = { state: 'failed', error }),
      );
    }
  }

  private readonly nearViewport = new NearViewportController(this);

  private readonly profile = new Task(this, {
    task: ([signedIn, api], { signal }) => (signedIn && api ? api.me({ signal }) : Promise.resolve(undefined)),
    // further down the page: read once the partner scrolls near it
    args: () => [this.session.signedIn && this.nearViewport.near, this.client] as const,
  });

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('My profile')}</h2>
      ${this.renderConfirmation()}
      ${this.session.signedIn
        ? this.profile.render({
            initial: () => loadingView(msg('Loading your profile…')),
            pending: () => (this.profile.value ? this.renderProfile(this.profile.value) : loadingView(msg('Loading your profile…'))),
            error: (e) => errorView(e, () => this.profile.run()),
            // undefined: not near the viewport yet, so not read yet
            complete: (p) => (p ? this.renderProfile(p) : loadingView(msg('Loading your profile…'))),
          })
        : signedOutView('your profile')}
    </section>`;
  }

  private renderConfirmation() {
    const c = this.confirmation;
    if (!c) return nothing;
    if (c.state === 'failed') return html`<p part="email-confirmation" role="alert">${messageOf(c.error)}</p>`;
    return html`<p part="email-confirmation" role="status" class=${c.state === 'done' ? 'confirmed' : 'notice'}>
      ${c.state === 'pending' ? msg('Confirming your email address…') : msg(html`Your email address <strong>${c.email}</strong> is confirmed. Thank you!`)}
    </p>`;
  }

  private renderProfile(p: Me) {
    return html`<div class="stack">
      ${p.emailConfirmed === false ? this.renderUnconfirmed(p) : nothing}
      <div>${this.editing && this.form ? this.renderForm(p) : this.renderDetails(p)}</div>
      ${this.renderPasswordForm()}
      ${this.notifications.render()}
    </div>`;
  }

  private renderUnconfirmed(p: Me) {
    const r = this.resend;
    return html`<div part="email-unconfirmed">
      <p><strong>${msg(str`Your email address ${p.email} is not confirmed yet.`)}</strong></p>
      <p>${msg('Open the link in the email we sent to confirm it. Until then, your payout details cannot change.')}</p>
      ${r.state === 'sent' ? html`<p part="status" role="status">${msg(str`We have sent a new confirmation link to ${p.email}.`)}</p>` : nothing}
      ${r.state === 'failed' ? html`<p part="error" role="alert" tabindex="-1">${messageOf(r.error)}</p>` : nothing}
      <button part="resend-button" class="secondary" type="button" aria-disabled=${r.state === 'busy' ? 'true' : 'false'} @click=${this.resendConfirmation}>
        ${r.state === 'busy' ? msg('Sending…') : msg('Send the confirmation again')}
      </button>
    </div>`;
  }

  private async resendConfirmation() {
    if (this.resend.state === 'busy') return;
    this.resend = { state: 'busy' };
    try {
      await this.client.resendEmailConfirmation({ confirmUrl: pageUrl() });
      this.resend = { state: 'sent' };
    } catch (error) {
      this.resend = { state: 'failed', error };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="email-unconfirmed"] [part~="error"]')?.focus();
    }
  }

  private renderDetails(p: Partner) {
    const show = (v: string | null | undefined) => v || html`<span class="notice">${msg('Not given')}</span>`;
    return html`<dl part="details">
        <dt>${msg('Partner code')}</dt>
        <dd>${p.code}</dd>
        ${fields().map(
          (f) => html`<dt>${f.label}</dt>
            <dd>
              ${show(p[f.name] as string | null)}${f.name === 'email' && (p as Me).emailConfirmed === false
                ? html` <span class="badge">${msg('(not confirmed)')}</span>`
                : nothing}
            </dd>`,
        )}
        <dt>${msg('Payout method')}</dt>
        <dd>${p.payoutMethod ? payoutMethods()[p.payoutMethod] : show(null)}</dd>
        <dt>${msg('Payout details')}</dt>
        <dd>${show(p.payoutDetails)}</dd>
      </dl>
      ${this.saved ? html`<p part="status" role="status">${this.saved}</p>` : nothing}
      ${this.formLoadError ? html`<p part="error" role="alert">${messageOf(this.formLoadError)}</p>` : nothing}
      <button part="edit-button" type="button" @click=${this.startEditing}>${msg('Edit profile')}</button>`;
  }

  private async startEditing() {
    this.editing = true;
    this.sensitive = false;
    this.saved = '';
    this.formLoadError = undefined;
    void this.loadForm();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#profile-name')?.focus();
  }

  /** Loads the edit form's code once; the form opens with the update after it (the details stay until then). */
  private loadForm() {
    return (this.loadingForm ??= import('./partner-profile.form.js').then(
      (module) => {
        this.form = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.loadingForm = undefined;
        this.editing = false;
        this.formLoadError = error;
      },
    ));
  }

  /** `updateComplete` also waits for the edit form's code while it loads, and the update that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.loadingForm) return done;
    await this.loadingForm;
    return super.getUpdateComplete();
  }

  private renderForm(p: Me) {
    return this.form!.editForm(p, {
      saving: this.saving,
      saveError: this.saveError,
      fieldErrors: this.fieldErrors,
      sensitive: this.sensitive,
      save: this.save,
      edited: (event: Event) => (this.sensitive = changesSensitive(new FormData(event.currentTarget as HTMLFormElement), p)),
      cancel: this.cancel,
    });
  }

  private async cancel() {
    this.editing = false;
    this.sensitive = false;
    this.fieldErrors = {};
    this.saveError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus();
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    if (this.saving) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const patch: ProfilePatch = {
      name: text('name'),
      email: text('email'),
      phone: text('phone') || null,
      company: text('company') || null,
      website: text('website') || null,
      address: text('address') || null,
      payoutMethod: (text('payoutMethod') || null) as PayoutMethod | null,
      payoutDetails: text('payoutDetails') || null,
    };
    const current = this.profile.value;
    const sensitive = current !== undefined && changesSensitive(data, current);
    if (sensitive) patch.currentPassword = String(data.get('currentPassword') ?? '');
    const errors: Record<string, string> = {};
    if (!patch.name) errors.name = msg('Enter your name.');
    if (!patch.email) errors.email = msg('Enter your email address.');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patch.email)) errors.email = msg('Enter a valid email address.');
    if (patch.website && !/^https?:\/\/\S+$/.test(patch.website)) errors.website = msg('Enter a web address starting with https://');
    if (sensitive && !patch.currentPassword) errors.currentPassword = msg('Enter your current password to change your email or payout details.');
    this.sensitive = sensitive;
    this.fieldErrors = errors;
    this.saveError = undefined;
    const first = Object.keys(errors)[0];
    if (first) {
      this.renderRoot.querySelector<HTMLElement>(`#profile-${first}`)?.focus();
      return;
    }
    this.saving = true;
    try {
      const partner = await this.client.updateProfile(patch);
      this.session.store.updatePartner(partner);
      this.profile.run();
      this.editing = false;
      this.sensitive = false;
      this.saved = sensitive ? msg('Your profile was saved. Your other devices have been signed out.') : msg('Your profile was saved.');
      this.emit(new PartnerProfileSavedEvent({ partner }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.field && (WITH_FIELD_ERROR.has(error.field) || error.field === 'currentPassword')) {
        if (error.field === 'currentPassword') this.sensitive = true;
        this.fieldErrors = { [error.field]: messageOf(error, labels()) };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#profile-${error.field}`)?.focus();
      } else {
        // e.g. 403 email_unconfirmed: the server's words, focused
        this.saveError = error;
        this.saving = false;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="form"] > [part~="error"]')?.focus();
      }
    } finally {
      this.saving = false;
    }
  }

  private renderPasswordForm() {
    const wrongField = this.passwordError instanceof ApiError ? this.passwordError.field : undefined;
    const open = this.passwordOpen;
    return html`<div part="password" class="password">
      <div part="password-status" role="status">${this.passwordSaved ? html`<p part="status">${this.passwordSaved}</p>` : nothing}</div>
      <button part="password-button" class="secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="password-form" @click=${() => this.togglePassword(!open)}>
        ${msg('Change password')}
      </button>
      <form id="password-form" part="password-form" novalidate ?hidden=${!open} @submit=${this.changePassword} @keydown=${this.onPasswordKey} aria-label=${msg('Change password')}>
        ${this.passwordError ? html`<p part="error" role="alert">${messageOf(this.passwordError, labels())}</p>` : nothing}
        <div class="grid">
          <div class="field">
            <label for="current-password">${msg('Current password')}</label>
            <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required aria-invalid=${wrongField === 'currentPassword' ? 'true' : 'false'} />
          </div>
          <div class="field">
            <label for="new-password">${msg('New password')}</label>
            <input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="8" aria-describedby="new-password-hint" aria-invalid=${wrongField === 'newPassword' ? 'true' : 'false'} />
            <p class="hint" id="new-password-hint">${msg('At least 8 characters.')}</p>
          </div>
          <div class="field">
            <label for="confirm-password">${msg('Repeat new password')}</label>
            <input id="confirm-password" name="confirmPassword" type="password" autocomplete="new-password" required aria-invalid=${wrongField === 'confirmPassword' ? 'true' : 'false'} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${this.passwordBusy ? 'true' : 'false'}>${this.passwordBusy ? msg('Changing…') : msg('Save new password')}</button>
          <button part="password-cancel" class="secondary" type="button" @click=${() => this.togglePassword(false)}>${msg('Cancel')}</button>
        </div>
      </form>
    </div>`;
  }

  /** Opens the password form (focus on its first field) or closes it (focus back on the button). */
  private async togglePassword(open: boolean) {
    this.passwordOpen = open;
    if (open) this.passwordSaved = '';
    else {
      this.passwordError = undefined;
      this.renderRoot.querySelector<HTMLFormElement>('[part~="password-form"]')?.reset();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? '#current-password' : '[part~="password-button"]')?.focus();
  }

  private onPasswordKey(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.togglePassword(false);
  }

  private async changePassword(event: SubmitEvent) {
    event.preventDefault();
    if (this.passwordBusy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirmPassword') ?? '');
    this.passwordSaved = '';
    const fail = (field: string, message: string) => {
      // checked here, in whole sentences: not a server fragment to prefix with the label
      this.passwordError = new ApiError(400, 'form_check', message, field);
    };
    if (!currentPassword) fail('currentPassword', msg('Enter your current password.'));
    else if (newPassword.length < 8) fail('newPassword', msg('Use at least 8 characters for the new password.'));
    else if (newPassword !== confirm) fail('confirmPassword', msg('The two new passwords are not the same.'));
    else this.passwordError = undefined;
    if (this.passwordError) return this.focusPasswordError();
    this.passwordBusy = true;
    try {
      await this.client.changePassword({ currentPassword, newPassword });
      form.reset();
      this.passwordOpen = false;
      this.passwordSaved = msg('Your password was changed. Other devices have been signed out.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="password-button"]')?.focus();
    } catch (error) {
      this.passwordError = error instanceof Error ? error : new Error(messageOf(error));
      await this.focusPasswordError();
    } finally {
      this.passwordBusy = false;
    }
  }

  private async focusPasswordError() {
    await this.updateComplete;
    const field = this.passwordError instanceof ApiError ? this.passwordError.field : undefined;
    const id = { currentPassword: 'current-password', newPassword: 'new-password', confirmPassword: 'confirm-password' }[field ?? ''];
    this.renderRoot.querySelector<HTMLElement>(id ? `#${id}` : '[part~="password-form"] [part~="error"]')?.focus();
  }
}
