import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminRole, MerchantUser } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, focusFirstInvalid, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';

const ROLE: Record<AdminRole, string> = { owner: 'Owner', staff: 'Staff' };
const MIN_PASSWORD = 12;

/**
 * The merchant users (owners only): list; add one with email, role and password; change a
 * role; disable or enable; set a password; remove after a confirmation. The server keeps at
 * least one active owner and says so. Part of `<partner-admin-settings>`.
 *
 * @tag partner-admin-users
 * @summary Merchant users in the console.
 *
 * @csspart table - The users.
 * @csspart row - One user.
 * @csspart add-form - Add a user.
 * @csspart password-form - Set a user's password.
 * @csspart forbidden - Only an owner can manage users.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminUsersElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles];

  @state() private errors: FieldErrors = {};
  @state() private actionError?: unknown;
  @state() private said?: string;
  @state() private busy = false;
  /** the user whose password form or removal confirmation is open */
  @state() private open?: { id: number; form: 'password' | 'remove' };

  private users = new Task(this, {
    task: ([token], { signal }) => (token ? this.client.merchantUsers({ signal }) : Promise.resolve(undefined)),
    args: () => [this.signedIn?.token] as const,
  });

  override render() {
    return html`<h3 tabindex="-1">Merchant users</h3>
      ${this.announcement(this.said)} ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.users.render({
        initial: () => nothing,
        pending: () => (this.users.value ? this.renderList(this.users.value) : loadingView('Loading merchant users…')),
        error: (e) => this.failure(e, () => void this.users.run()),
        complete: (users) => (users ? html`${this.renderList(users)} ${this.renderAdd()}` : nothing),
      })}`;
  }

  private renderList(users: MerchantUser[]) {
    const me = this.signedIn?.user.id;
    return html`<table part="table">
      <caption class="visually-hidden">Merchant users</caption>
      <thead>
        <tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
      </thead>
      <tbody>
        ${users.map(
          (u) => html`<tr part="row" data-id=${u.id}>
              <th scope="row">${u.email}${u.id === me ? html` <span class="muted">(you)</span>` : nothing}</th>
              <td>
                <select aria-label=${`Role of ${u.email}`} @change=${(e: Event) => this.setRole(u, (e.target as HTMLSelectElement).value as AdminRole, e.target as HTMLSelectElement)}>
                  ${(['owner', 'staff'] as const).map((r) => html`<option value=${r} ?selected=${u.role === r}>${ROLE[r]}</option>`)}
                </select>
              </td>
              <td class="status">${u.status === 'active' ? 'Active' : 'Disabled'}</td>
              <td>
                <div class="actions">
                  ${u.status === 'active'
                    ? html`<button type="button" class="secondary" aria-label=${`Disable ${u.email}`} @click=${() => this.patch(u, { status: 'disabled' }, `${u.email} is disabled: they are signed out and cannot sign in.`)}>Disable</button>`
                    : html`<button type="button" class="secondary" aria-label=${`Enable ${u.email}`} @click=${() => this.patch(u, { status: 'active' }, `${u.email} can sign in again.`)}>Enable</button>`}
                  <button type="button" class="secondary" aria-label=${`Set password of ${u.email}…`} aria-expanded=${this.isOpen(u, 'password')} @click=${() => this.toggle(u, 'password')}>Set password…</button>
                  <button type="button" class="secondary" aria-label=${`Remove ${u.email}…`} aria-expanded=${this.isOpen(u, 'remove')} @click=${() => this.toggle(u, 'remove')}>Remove…</button>
                </div>
              </td>
            </tr>
            ${this.open?.id === u.id ? html`<tr><td colspan="4">${this.open.form === 'password' ? this.renderPassword(u) : this.renderRemove(u)}</td></tr>` : nothing}`,
        )}
      </tbody>
    </table>`;
  }

  private renderPassword(u: MerchantUser) {
    const e = this.errors;
    return html`<form part="password-form" class="stacked" novalidate @submit=${(ev: Event) => this.setPassword(ev, u)}>
      <div class="field">
        <label for="user-password">New password for ${u.email} (at least ${MIN_PASSWORD} characters)</label>
        <input id="user-password" name="user-password" type="password" autocomplete="new-password" aria-invalid=${invalid(e, 'user-password')} aria-describedby=${describedBy(e, 'user-password')} />
        ${fieldError(e, 'user-password')}
      </div>
      <div class="actions"><button type="submit">Set password</button><button type="button" class="secondary" @click=${() => (this.open = undefined)}>Cancel</button></div>
    </form>`;
  }

  private renderRemove(u: MerchantUser) {
    return html`<div class="actions" role="group" aria-label=${`Remove ${u.email}?`}>
      <span>Remove ${u.email}? They can no longer sign in; the audit log keeps what they did.</span>
      <button type="button" @click=${() => this.removeUser(u)}>Remove ${u.email}</button>
      <button type="button" class="secondary" @click=${() => (this.open = undefined)}>Keep</button>
    </div>`;
  }

  private renderAdd() {
    const e = this.errors;
    return html`<form part="add-form" class="stacked" novalidate aria-label="Add a merchant user" @submit=${this.add}>
      <h4>Add a user</h4>
      <div class="field">
        <label for="new-email">Email</label>
        <input id="new-email" name="email" type="email" autocomplete="off" aria-invalid=${invalid(e, 'email')} aria-describedby=${describedBy(e, 'email')} />
        ${fieldError(e, 'email')}
      </div>
      <label>Role
        <select name="role">
          <option value="staff">Staff — everything but settings, users, keys and payments</option>
          <option value="owner">Owner — everything</option>
        </select>
      </label>
      <div class="field">
        <label for="new-password">Password (at least ${MIN_PASSWORD} characters; tell them, they can change it)</label>
        <input id="new-password" name="password" type="password" autocomplete="new-password" aria-invalid=${invalid(e, 'password')} aria-describedby=${describedBy(e, 'password')} />
        ${fieldError(e, 'password')}
      </div>
      <div class="actions"><button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>Add user</button></div>
    </form>`;
  }

  private isOpen(u: MerchantUser, form: 'password' | 'remove') {
    return this.open?.id === u.id && this.open.form === form ? 'true' : 'false';
  }

  private async toggle(u: MerchantUser, form: 'password' | 'remove') {
    this.open = this.isOpen(u, form) === 'true' ? undefined : { id: u.id, form };
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="password-form"] input, [role="group"] button')?.focus();
  }

  /** Runs an action, says what it did, and lists the users as they are now; field errors go by their field. */
  private async run(action: () => Promise<unknown>, done: string, fields: (f: string) => string | undefined = () => undefined) {
    if (this.busy) return false;
    this.busy = true;
    this.said = this.actionError = undefined;
    this.errors = {};
    try {
      await action();
      this.said = done;
      await this.users.run();
      return true;
    } catch (error) {
      const field = serverFieldError(error, fields);
      if (field) this.errors = field;
      else this.actionError = error;
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private patch(u: MerchantUser, patch: { role?: AdminRole; status?: 'active' | 'disabled' }, done: string) {
    return this.run(() => this.client.updateMerchantUser(u.id, patch), done);
  }

  private async setRole(u: MerchantUser, role: AdminRole, select: HTMLSelectElement) {
    const ok = await this.patch(u, { role }, `${u.email} is now ${ROLE[role].toLowerCase()}.`);
    if (!ok) select.value = u.role; // refused (the last owner): the select says what is true
  }

  private async setPassword(ev: Event, u: MerchantUser) {
    ev.preventDefault();
    const password = ((ev.target as HTMLFormElement).elements.namedItem('user-password') as HTMLInputElement).value;
    if (password.length < MIN_PASSWORD) {
      this.errors = { 'user-password': `Use at least ${MIN_PASSWORD} characters` };
      await this.updateComplete;
      return focusFirstInvalid(this.renderRoot as ShadowRoot);
    }
    if (await this.run(() => this.client.updateMerchantUser(u.id, { password }), `${u.email}'s password is set; their sessions are signed out.`, (f) => (f === 'password' ? 'user-password' : undefined))) {
      this.open = undefined;
    }
  }

  private async removeUser(u: MerchantUser) {
    if (await this.run(() => this.client.deleteMerchantUser(u.id), `${u.email} is removed.`)) this.open = undefined;
  }

  private add = async (ev: Event) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email')).trim();
    const password = String(data.get('password'));
    const role = data.get('role') as AdminRole;
    const errors: FieldErrors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter a valid email address';
    if (password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters`;
    if (Object.keys(errors).length) {
      this.errors = errors;
      await this.updateComplete;
      return focusFirstInvalid(this.renderRoot as ShadowRoot);
    }
    const fields = (f: string) => (f === 'email' || f === 'password' ? f : undefined);
    if (await this.run(() => this.client.createMerchantUser({ email, role, password }), `${email} is added as ${ROLE[role].toLowerCase()}; they can sign in now.`, fields)) form.reset();
  };
}
