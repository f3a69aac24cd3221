import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, localeOf } from '../../src/format.js';
import { copyText } from '../../src/internal/clipboard.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminKey, NewAdminKey } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';

/**
 * The admin API keys (owners only): each with its name, first characters and when it was last
 * used; create one (its secret shown once, with Copy); revoke one after a confirmation.
 * Part of `<partner-admin-settings>`.
 *
 * @tag partner-admin-keys
 * @summary Admin API keys in the console.
 *
 * @csspart table - The keys.
 * @csspart row - One key.
 * @csspart create-form - Name a new key.
 * @csspart secret - The new key's secret, shown once.
 * @csspart empty - No key yet.
 * @csspart forbidden - Only an owner can manage keys.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminKeysElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles];

  @state() private created?: NewAdminKey;
  @state() private confirming?: number;
  @state() private errors: FieldErrors = {};
  @state() private actionError?: unknown;
  @state() private said?: string;
  @state() private busy = false;

  private keys = new Task(this, {
    task: ([token], { signal }) => (token ? this.client.adminKeys({ signal }) : Promise.resolve(undefined)),
    args: () => [this.signedIn?.token] as const,
  });

  override render() {
    return html`<h3 tabindex="-1">Admin API keys</h3>
      <p class="hint">For your own servers calling the admin API. Merchant users sign in with their email instead.</p>
      ${this.announcement(this.said)} ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.created ? this.renderSecret(this.created) : nothing}
      ${this.keys.render({
        initial: () => nothing,
        pending: () => (this.keys.value ? this.renderList(this.keys.value) : loadingView('Loading admin keys…')),
        error: (e) => this.failure(e, () => void this.keys.run()),
        complete: (keys) => (keys ? html`${this.renderList(keys)} ${this.renderCreate()}` : nothing),
      })}`;
  }

  private renderSecret(k: NewAdminKey) {
    return html`<div part="secret" class="card" role="group" aria-labelledby="secret-title" tabindex="-1">
      <p id="secret-title"><strong>The key “${k.name}”.</strong> Copy it now: it is shown this once, never again.</p>
      <p><code part="secret-value">${k.key}</code></p>
      <div class="actions">
        <button type="button" @click=${() => this.copy(k)}>Copy key</button>
        <button type="button" class="secondary" @click=${() => (this.created = undefined)}>I have stored it</button>
      </div>
    </div>`;
  }

  private renderList(keys: AdminKey[]) {
    if (!keys.length) return html`<p part="empty" class="notice">No admin API keys yet.</p>`;
    const locale = localeOf(this);
    return html`<table part="table">
      <caption class="visually-hidden">Admin API keys</caption>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
      </thead>
      <tbody>
        ${keys.map(
          (k) => html`<tr part="row" data-id=${k.id}>
            <th scope="row">${k.name}</th>
            <td><code>${k.prefix}…</code></td>
            <td>${formatDateTime(k.createdAt, locale)}</td>
            <td>${k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : 'Never'}</td>
            <td>${k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt, locale)}` : 'Active'}</td>
            <td>
              ${k.revokedAt
                ? nothing
                : this.confirming === k.id
                  ? html`<div class="actions" role="group" aria-label=${`Revoke ${k.name}?`}>
                      <button type="button" @click=${() => this.revoke(k)}>Revoke now</button>
                      <button type="button" class="secondary" @click=${() => (this.confirming = undefined)}>Keep it</button>
                    </div>`
                  : html`<button type="button" class="secondary" aria-label=${`Revoke ${k.name}…`} @click=${() => this.confirm(k.id)}>Revoke…</button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderCreate() {
    const e = this.errors;
    return html`<form part="create-form" class="stacked" novalidate @submit=${this.create}>
      <div class="field">
        <label for="key-name">New key's name (the system that will use it)</label>
        <input id="key-name" name="name" maxlength="100" aria-invalid=${invalid(e, 'name')} aria-describedby=${describedBy(e, 'name')} />
        ${fieldError(e, 'name')}
      </div>
      <div class="actions"><button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>Create key</button></div>
    </form>`;
  }

  private async confirm(id: number) {
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] .actions button`)?.focus();
  }

  private async run(action: () => Promise<string>) {
    if (this.busy) return false;
    this.busy = true;
    this.said = this.actionError = undefined;
    try {
      this.said = await action();
      return true;
    } catch (error) {
      const field = serverFieldError(error, (f) => (f === 'name' ? 'name' : undefined));
      if (field) this.errors = field;
      else this.actionError = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  private create = async (ev: Event) => {
    ev.preventDefault();
    const input = (ev.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    this.errors = name ? {} : { name: 'Name the key, e.g. the system that will use it' };
    if (!name) return input.focus();
    const ok = await this.run(async () => {
      this.created = await this.client.createAdminKey(name);
      await this.keys.run();
      return `Key “${name}” created. Copy it now: it is shown only once.`;
    });
    if (ok) {
      input.value = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="secret"]')?.focus();
    } else {
      input.focus();
    }
  };

  private revoke(k: AdminKey) {
    return this.run(async () => {
      await this.client.revokeAdminKey(k.id);
      this.confirming = undefined;
      await this.keys.run();
      return `Key “${k.name}” is revoked: it stops working at once.`;
    });
  }

  private async copy(k: NewAdminKey) {
    try {
      await copyText(k.key);
      this.said = `Key “${k.name}” copied to the clipboard.`;
    } catch {
      this.said = 'Could not copy. Select the key and press Ctrl+C (⌘C on a Mac).';
    }
  }
}
