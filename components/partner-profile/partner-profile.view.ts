import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { ApiError, messageOf } from '../../src/api/errors.js';
import type { Me, Partner, PayoutMethod, ProfilePatch } from '../../src/api/types.js';
import { PartnerProfileSavedEvent } from '../../src/events/partner-profile-saved.js';
import { pageUrl } from '../../src/internal/page-url.js';
import { formStyles } from '../../src/styles/form.js';
import type { PartnerProfileElement } from './partner-profile.component.js';
import { changesSensitive, fields, labels, payoutMethods, WITH_FIELD_ERROR } from './partner-profile.fields.js';
import { NotificationsPanel, notificationStyles } from './partner-profile.notifications.js';

/** Only the populated profile uses these: adopted by <partner-profile> when this module arrives. */
export const styles = [
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
    .badge {
      font-size: 0.875em;
      color: var(--_muted);
    }
  `,
];

/**
 * My Profile once the partner's profile is here: the "email not confirmed" notice, the details
 * and their edit form (partner-profile.form.ts, loaded when the partner first edits), the
 * password change and the notification emails. Loaded by <partner-profile> while the profile
 * loads; its state lives on the element.
 */
export class ProfileView {
  /** The edit form (partner-profile.form.ts), loaded when the partner first edits. */
  private form?: typeof import('./partner-profile.form.js');
  private loadingForm?: Promise<void>;

  private readonly notifications: NotificationsPanel;

  constructor(readonly el: PartnerProfileElement) {
    this.notifications = new NotificationsPanel(el, () => el.client);
  }

  private query<T extends HTMLElement>(selector: string) {
    return this.el.renderRoot.querySelector<T>(selector);
  }

  render(p: Me) {
    return html`<div class="stack">
      ${p.emailConfirmed === false ? this.renderUnconfirmed(p) : nothing}
      <div>${this.el.editing && this.form ? this.renderForm(p) : this.renderDetails(p)}</div>
      ${this.renderPasswordForm()}
      ${this.notifications.render()}
    </div>`;
  }

  private renderUnconfirmed(p: Me) {
    const r = this.el.resend;
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

  private resendConfirmation = async () => {
    const el = this.el;
    if (el.resend.state === 'busy') return;
    el.resend = { state: 'busy' };
    try {
      await el.client.resendEmailConfirmation({ confirmUrl: pageUrl() });
      el.resend = { state: 'sent' };
    } catch (error) {
      el.resend = { state: 'failed', error };
      await el.updateComplete;
      this.query('[part~="email-unconfirmed"] [part~="error"]')?.focus();
    }
  };

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
      ${this.el.saved ? html`<p part="status" role="status">${this.el.saved}</p>` : nothing}
      ${this.el.formLoadError ? html`<p part="error" role="alert">${messageOf(this.el.formLoadError)}</p>` : nothing}
      <button part="edit-button" type="button" @click=${this.startEditing}>${msg('Edit profile')}</button>`;
  }

  private startEditing = async () => {
    const el = this.el;
    el.editing = true;
    el.sensitive = false;
    el.saved = '';
    el.formLoadError = undefined;
    this.loadForm();
    await el.updateComplete;
    this.query<HTMLInputElement>('#profile-name')?.focus();
  };

  /**
   * Loads the edit form's code once; the form opens with the update after it (the details stay
   * until then), and the element's `updateComplete` waits for both.
   */
  private loadForm() {
    if (this.loadingForm) return;
    this.loadingForm = import('./partner-profile.form.js').then(
      (module) => {
        this.form = module;
        this.el.requestUpdate();
      },
      (error: unknown) => {
        this.loadingForm = undefined;
        this.el.editing = false;
        this.el.formLoadError = error;
      },
    );
    this.el.waitFor(this.loadingForm);
  }

  private renderForm(p: Me) {
    return this.form!.editForm(p, {
      saving: this.el.saving,
      saveError: this.el.saveError,
      fieldErrors: this.el.fieldErrors,
      sensitive: this.el.sensitive,
      save: this.save,
      edited: (event: Event) => (this.el.sensitive = changesSensitive(new FormData(event.currentTarget as HTMLFormElement), p)),
      cancel: this.cancel,
    });
  }

  private cancel = async () => {
    const el = this.el;
    el.editing = false;
    el.sensitive = false;
    el.fieldErrors = {};
    el.saveError = undefined;
    await el.updateComplete;
    this.query('[part~="edit-button"]')?.focus();
  };

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const el = this.el;
    if (el.saving) return;
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
    const current = el.profile.value;
    const sensitive = current !== undefined && changesSensitive(data, current);
    if (sensitive) patch.currentPassword = String(data.get('currentPassword') ?? '');
    const errors: Record<string, string> = {};
    if (!patch.name) errors.name = msg('Enter your name.');
    if (!patch.email) errors.email = msg('Enter your email address.');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patch.email)) errors.email = msg('Enter a valid email address.');
    if (patch.website && !/^https?:\/\/\S+$/.test(patch.website)) errors.website = msg('Enter a web address starting with https://');
    if (sensitive && !patch.currentPassword) errors.currentPassword = msg('Enter your current password to change your email or payout details.');
    el.sensitive = sensitive;
    el.fieldErrors = errors;
    el.saveError = undefined;
    const first = Object.keys(errors)[0];
    if (first) {
      this.query(`#profile-${first}`)?.focus();
      return;
    }
    el.saving = true;
    try {
      const partner = await el.client.updateProfile(patch);
      el.session.store.updatePartner(partner);
      el.profile.run();
      el.editing = false;
      el.sensitive = false;
      el.saved = sensitive ? msg('Your profile was saved. Your other devices have been signed out.') : msg('Your profile was saved.');
      el.emit(new PartnerProfileSavedEvent({ partner }));
      await el.updateComplete;
      this.query('[part~="edit-button"]')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.field && (WITH_FIELD_ERROR.has(error.field) || error.field === 'currentPassword')) {
        if (error.field === 'currentPassword') el.sensitive = true;
        el.fieldErrors = { [error.field]: messageOf(error, labels()) };
        await el.updateComplete;
        this.query(`#profile-${error.field}`)?.focus();
      } else {
        // e.g. 403 email_unconfirmed: the server's words, focused
        el.saveError = error;
        el.saving = false;
        await el.updateComplete;
        this.query('[part~="form"] > [part~="error"]')?.focus();
      }
    } finally {
      el.saving = false;
    }
  };

  private renderPasswordForm() {
    const el = this.el;
    const wrongField = el.passwordError instanceof ApiError ? el.passwordError.field : undefined;
    const open = el.passwordOpen;
    return html`<div part="password" class="password">
      <div part="password-status" role="status">${el.passwordSaved ? html`<p part="status">${el.passwordSaved}</p>` : nothing}</div>
      <button part="password-button" class="secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="password-form" @click=${() => this.togglePassword(!open)}>
        ${msg('Change password')}
      </button>
      <form id="password-form" part="password-form" novalidate ?hidden=${!open} @submit=${this.changePassword} @keydown=${this.onPasswordKey} aria-label=${msg('Change password')}>
        ${el.passwordError ? html`<p part="error" role="alert">${messageOf(el.passwordError, labels())}</p>` : nothing}
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
          <button type="submit" aria-disabled=${el.passwordBusy ? 'true' : 'false'}>${el.passwordBusy ? msg('Changing…') : msg('Save new password')}</button>
          <button part="password-cancel" class="secondary" type="button" @click=${() => this.togglePassword(false)}>${msg('Cancel')}</button>
        </div>
      </form>
    </div>`;
  }

  /** Opens the password form (focus on its first field) or closes it (focus back on the button). */
  private async togglePassword(open: boolean) {
    const el = this.el;
    el.passwordOpen = open;
    if (open) el.passwordSaved = '';
    else {
      el.passwordError = undefined;
      this.query<HTMLFormElement>('[part~="password-form"]')?.reset();
    }
    await el.updateComplete;
    this.query(open ? '#current-password' : '[part~="password-button"]')?.focus();
  }

  private onPasswordKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.togglePassword(false);
  };

  private changePassword = async (event: SubmitEvent) => {
    event.preventDefault();
    const el = this.el;
    if (el.passwordBusy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirmPassword') ?? '');
    el.passwordSaved = '';
    const fail = (field: string, message: string) => {
      // checked here, in whole sentences: not a server fragment to prefix with the label
      el.passwordError = new ApiError(400, 'form_check', message, field);
    };
    if (!currentPassword) fail('currentPassword', msg('Enter your current password.'));
    else if (newPassword.length < 8) fail('newPassword', msg('Use at least 8 characters for the new password.'));
    else if (newPassword !== confirm) fail('confirmPassword', msg('The two new passwords are not the same.'));
    else el.passwordError = undefined;
    if (el.passwordError) return this.focusPasswordError();
    el.passwordBusy = true;
    try {
      await el.client.changePassword({ currentPassword, newPassword });
      form.reset();
      el.passwordOpen = false;
      el.passwordSaved = msg('Your password was changed. Other devices have been signed out.');
      await el.updateComplete;
      this.query('[part~="password-button"]')?.focus();
    } catch (error) {
      el.passwordError = error instanceof Error ? error : new Error(messageOf(error));
      await this.focusPasswordError();
    } finally {
      el.passwordBusy = false;
    }
  };

  private async focusPasswordError() {
    await this.el.updateComplete;
    const field = this.el.passwordError instanceof ApiError ? this.el.passwordError.field : undefined;
    const id = { currentPassword: 'current-password', newPassword: 'new-password', confirmPassword: 'confirm-password' }[field ?? ''];
    this.query(id ? `#${id}` : '[part~="password-form"] [part~="error"]')?.focus();
  }
}
