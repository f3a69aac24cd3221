import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { messageOf } from '../../src/api/errors.js';
import type { Me } from '../../src/api/types.js';
import { fields, labels, payoutMethods } from './partner-profile.fields.js';

/** What the edit form shows and calls back (the view's handlers, bound to it). */
export interface EditForm {
  saving: boolean;
  saveError?: unknown;
  fieldErrors: Partial<Record<string, string>>;
  /** The form changes the email or payout details: it asks for the current password. */
  sensitive: boolean;
  save: (event: SubmitEvent) => unknown;
  /** The form's content changed (`input` and `change`). */
  edited: (event: Event) => void;
  cancel: () => unknown;
}

/**
 * My Profile's edit form: the contact and payout details, and the current password when the
 * email or payout details change. Loaded by <partner-profile> when the partner first edits
 * (the details view, which every visit shows, does not carry it).
 */
export function editForm(p: Me, form: EditForm) {
  const unconfirmed = p.emailConfirmed === false;
  const error = (name: string) => form.fieldErrors[name];
  const described = (name: string, hint?: string) =>
    [error(name) ? `profile-${name}-error` : '', hint ? `profile-${name}-hint` : ''].filter(Boolean).join(' ') || nothing;
  return html`<form part="form" novalidate @submit=${form.save} @input=${form.edited} @change=${form.edited} aria-busy=${form.saving ? 'true' : 'false'}>
    ${form.saveError ? html`<p part="error" role="alert" tabindex="-1">${messageOf(form.saveError, labels())}</p>` : nothing}
    <div class="grid">
      ${fields().map(
        (f) => html`<div class="field">
          <label for="profile-${f.name}">${f.label}</label>
          <input
            id="profile-${f.name}"
            name=${f.name}
            type=${f.type ?? 'text'}
            autocomplete=${f.autocomplete}
            .value=${(p[f.name] as string | null) ?? ''}
            ?required=${f.name === 'name' || f.name === 'email'}
            aria-invalid=${error(f.name) ? 'true' : 'false'}
            aria-describedby=${described(f.name, f.hint)}
          />
          ${f.hint ? html`<p class="hint" id="profile-${f.name}-hint">${f.hint}</p>` : nothing}
          ${error(f.name) ? html`<p class="field-error" id="profile-${f.name}-error">${error(f.name)}</p>` : nothing}
        </div>`,
      )}
      <div class="field">
        <label for="profile-payoutMethod">${msg('Payout method')}</label>
        <select id="profile-payoutMethod" name="payoutMethod" aria-describedby=${unconfirmed ? 'profile-payout-unconfirmed' : nothing}>
          <option value="" ?selected=${!p.payoutMethod}>${msg('Not chosen')}</option>
          ${Object.entries(payoutMethods()).map(([value, label]) => html`<option value=${value} ?selected=${p.payoutMethod === value}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="profile-payoutDetails">${msg('Payout details')}</label>
        <textarea
          id="profile-payoutDetails"
          name="payoutDetails"
          rows="2"
          aria-describedby="profile-payoutDetails-hint${unconfirmed ? ' profile-payout-unconfirmed' : ''}${error('payoutDetails') ? ' profile-payoutDetails-error' : ''}"
          .value=${p.payoutDetails ?? ''}
        ></textarea>
        <p class="hint" id="profile-payoutDetails-hint">${msg('Your PayPal email, or what the program manager needs to pay you.')}</p>
        ${unconfirmed
          ? html`<p class="hint" id="profile-payout-unconfirmed">${msg('Confirm your email address before changing payout details: open the link in the email we sent you.')}</p>`
          : nothing}
        ${error('payoutDetails') ? html`<p class="field-error" id="profile-payoutDetails-error">${error('payoutDetails')}</p>` : nothing}
      </div>
    </div>
    ${form.sensitive
      ? html`<div class="field">
          <label for="profile-currentPassword">${msg('Current password')}</label>
          <input
            id="profile-currentPassword"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${error('currentPassword') ? 'true' : 'false'}
            aria-describedby=${described('currentPassword', 'yes')}
          />
          <p class="hint" id="profile-currentPassword-hint">
            ${msg('Changing your email or payout details needs your current password. Your other devices will be signed out.')}
          </p>
          ${error('currentPassword') ? html`<p class="field-error" id="profile-currentPassword-error">${error('currentPassword')}</p>` : nothing}
        </div>`
      : nothing}
    <div class="actions">
      <button type="submit" aria-disabled=${form.saving ? 'true' : 'false'}>${form.saving ? msg('Saving…') : msg('Save profile')}</button>
      <button type="button" class="secondary" @click=${form.cancel}>${msg('Cancel')}</button>
    </div>
  </form>`;
}
