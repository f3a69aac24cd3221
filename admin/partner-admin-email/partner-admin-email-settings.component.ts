import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { EmailSettings, EmailSettingsPatch, MailKind } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, formProblem, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { PartnerAdminNavigateEvent } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import { kindLabel, MAIL_KINDS } from './mail-kinds.js';
import styles from './partner-admin-email.styles.js';

interface Draft {
  /** a new SMTP URL ('' keeps the one in use) */
  smtpUrl: string;
  /** remove the URL saved in the settings */
  clearSmtpUrl: boolean;
  mailFrom: string;
  notifyAddress: string;
  kinds: Partial<Record<MailKind, boolean>>;
}

const draftOf = (s: EmailSettings): Draft => ({ smtpUrl: '', clearSmtpUrl: false, mailFrom: s.mailFrom, notifyAddress: s.notifyAddress ?? '', kinds: { ...s.kinds } });

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * How the program sends email (`GET/PATCH /api/v1/admin/email/settings`; only what changed is
 * sent): the SMTP server (its URL shown with the password masked — a password is never shown
 * back; a field replaces it; where it comes from: the server's `SMTP_URL` or these settings),
 * the From address, the merchant's notification address, which kinds of message are sent
 * (switches), and a test message to any address (`POST /api/v1/admin/email/test`).
 *
 * @tag partner-admin-email-settings
 * @summary The Email section's sending settings.
 *
 * @event partner-admin-navigate - "Open it in the outbox" after a test message. `detail: { path, params, replace }`.
 *
 * @csspart form - The settings.
 * @csspart smtp-url - The SMTP URL in use (password masked), or that there is none.
 * @csspart smtp-source - Where the SMTP URL comes from.
 * @csspart kinds - The switches of the kinds of message.
 * @csspart save - Saves the settings.
 * @csspart test-form - Sends a test message.
 * @csspart test-result - What the test did (live).
 * @csspart field-error - A field's error, under it.
 * @csspart form-error - The form was not sent: why (role="alert").
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart announcement - What saving did (live).
 */
export class PartnerAdminEmailSettingsElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  @state() private draft?: Draft;
  @state() private errors: FieldErrors = {};
  @state() private saving = false;
  @state() private said?: string;
  @state() private saveError?: unknown;
  @state() private showUrl = false;
  @state() private testTo?: string;
  @state() private testErrors: FieldErrors = {};
  @state() private testing = false;
  @state() private testResult?: { id: number; kept: boolean; to: string };
  @state() private testError?: unknown;
  /** the settings as last saved here (the task's until then) */
  @state() private saved?: EmailSettings;

  private data = new Task(this, {
    task: async ([token], { signal }): Promise<EmailSettings | undefined> => {
      if (!token) return undefined;
      const settings = await this.client.emailSettings({ signal });
      this.saved = settings;
      this.draft = draftOf(settings);
      this.errors = {};
      return settings;
    },
    args: () => [this.signedIn?.token] as const,
  });

  override render() {
    const heading = html`<h3 tabindex="-1">Sending</h3>`;
    if (!this.signedIn) return html`${heading}${this.signedOutView()}`;
    return html`${heading}
      ${this.data.render({
        initial: () => loadingView('Loading the sending settings…'),
        pending: () => (this.saved ? this.renderForms(this.saved) : loadingView('Loading the sending settings…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: () => (this.saved ? this.renderForms(this.saved) : nothing),
      })}`;
  }

  private renderForms(s: EmailSettings) {
    const d = this.draft ?? draftOf(s);
    const e = this.errors;
    const kinds = [...MAIL_KINDS.map((k) => k.kind).filter((k) => k in s.kinds), ...(Object.keys(s.kinds) as MailKind[]).filter((k) => !MAIL_KINDS.some((x) => x.kind === k))];
    return html`${this.announcement(this.said)}
      ${this.saveError && !Object.keys(e).length ? html`<p part="error" role="alert">${this.errorText(this.saveError)}</p>` : nothing} ${formProblem(e)}
      <form part="form" class="settings" novalidate aria-label="Sending settings" @input=${this.onInput} @change=${this.onInput} @submit=${(ev: Event) => this.save(ev, s)}>
        <fieldset>
          <legend>SMTP server</legend>
          <p part="smtp-url">
            ${s.smtpUrl
              ? html`In use: <code>${s.smtpUrl}</code>`
              : html`None: messages are kept in the outbox only (status Kept) until you set an SMTP server.`}
          </p>
          ${s.smtpUrlFrom === 'env'
            ? html`<p part="smtp-source" class="hint">From the server's environment (<code>SMTP_URL</code>). A URL saved here is used instead of it.</p>`
            : s.smtpUrlFrom === 'settings'
              ? html`<p part="smtp-source" class="hint">Saved in these settings. The password is never shown back.</p>`
              : nothing}
          <div class="field">
            <label for="smtpUrl">${s.smtpUrl ? 'Replace the SMTP URL' : 'SMTP URL'}</label>
            <div class="row">
              <input
                id="smtpUrl"
                name="smtpUrl"
                type=${this.showUrl ? 'text' : 'password'}
                autocomplete="off"
                spellcheck="false"
                .value=${d.smtpUrl}
                ?disabled=${d.clearSmtpUrl}
                aria-invalid=${invalid(e, 'smtpUrl')}
                aria-describedby=${describedBy(e, 'smtpUrl', true)}
              />
              <button type="button" class="secondary" style="flex: 0 0 auto" aria-pressed=${this.showUrl ? 'true' : 'false'} aria-controls="smtpUrl" @click=${() => (this.showUrl = !this.showUrl)}>
                Show what I type
              </button>
            </div>
            <p class="hint" id="smtpUrl-hint">Like smtps://user:password@smtp.example.com:465. Left empty, the one in use stays.</p>
            ${fieldError(e, 'smtpUrl')}
          </div>
          ${s.smtpUrlFrom === 'settings'
            ? html`<label class="check"
                ><input type="checkbox" name="clearSmtpUrl" .checked=${d.clearSmtpUrl} /> Remove the saved SMTP URL (then the server’s SMTP_URL is used, if it has one; else messages are kept in the outbox)</label
              >`
            : nothing}
        </fieldset>
        <fieldset>
          <legend>Addresses</legend>
          <div class="field">
            <label for="mailFrom">From</label>
            <input id="mailFrom" name="mailFrom" autocomplete="off" .value=${d.mailFrom} aria-invalid=${invalid(e, 'mailFrom')} aria-describedby=${describedBy(e, 'mailFrom', true)} />
            <p class="hint" id="mailFrom-hint">Who messages come from, like Northwind Partners &lt;partners@northwind.example&gt;.</p>
            ${fieldError(e, 'mailFrom')}
          </div>
          <div class="field">
            <label for="notifyAddress">Your notification address</label>
            <input id="notifyAddress" name="notifyAddress" type="email" autocomplete="email" .value=${d.notifyAddress} aria-invalid=${invalid(e, 'notifyAddress')} aria-describedby=${describedBy(e, 'notifyAddress', true)} />
            <p class="hint" id="notifyAddress-hint">Where new sign-ups waiting for you are announced. Empty: the server's MAIL_NOTIFY_TO, if set.</p>
            ${fieldError(e, 'notifyAddress')}
          </div>
        </fieldset>
        <fieldset part="kinds">
          <legend>Messages the program sends</legend>
          <p class="hint">Switched off, none of that kind is sent. Partners choose their own notifications within the ones on.</p>
          <div class="switches">
            ${kinds.map((k) => html`<label class="switch"><input type="checkbox" role="switch" name=${`kinds.${k}`} .checked=${d.kinds[k] ?? false} /> ${kindLabel(k)}</label>`)}
          </div>
        </fieldset>
        <div class="actions">
          <button part="save" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Saving…' : 'Save sending settings'}</button>
        </div>
      </form>
      ${this.renderTest(s)}`;
  }

  private renderTest(s: EmailSettings) {
    const e = this.testErrors;
    const to = this.testTo ?? this.signedIn?.user.email ?? '';
    const r = this.testResult;
    return html`<h4>Send a test email</h4>
      <form part="test-form" class="toolbar" novalidate aria-label="Send a test email" @submit=${this.sendTest}>
        <div class="field">
          <label for="testTo">To</label>
          <input id="testTo" name="to" type="email" autocomplete="email" .value=${to} @input=${this.onTestInput} aria-invalid=${invalid(e, 'to')} aria-describedby=${describedBy(e, 'to')} />
          ${fieldError(e, 'to')}
        </div>
        <button type="submit" aria-disabled=${this.testing ? 'true' : 'false'}>${this.testing ? 'Sending…' : 'Send a test email'}</button>
      </form>
      <div part="test-result" role="status" class="result">
        ${r
          ? html`<p class="result">
              A test message to ${r.to} is queued (outbox message ${r.id}).
              ${r.kept || !s.smtpUrl ? 'No SMTP server is configured, so it is kept in the outbox only.' : 'Its status in the outbox says whether the SMTP server took it.'}
              <a href="#/email/outbox/${r.id}" @click=${(ev: Event) => this.openInOutbox(ev, r.id)}>Open it in the outbox</a>
            </p>`
          : nothing}
      </div>
      ${this.testError && !Object.keys(e).length ? html`<p part="error" role="alert">${this.errorText(this.testError)}</p>` : nothing}`;
  }

  private onInput = (ev: Event) => {
    const target = ev.target as HTMLInputElement;
    if (!this.draft || !target.name) return;
    const name = target.name;
    if (name.startsWith('kinds.')) this.draft = { ...this.draft, kinds: { ...this.draft.kinds, [name.slice(6)]: target.checked } };
    else if (name === 'clearSmtpUrl') this.draft = { ...this.draft, clearSmtpUrl: target.checked, smtpUrl: target.checked ? '' : this.draft.smtpUrl };
    else this.draft = { ...this.draft, [name]: target.value };
    if (this.errors[name]) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== name));
    this.said = undefined;
  };

  private onTestInput = (ev: Event) => {
    this.testTo = (ev.target as HTMLInputElement).value;
    this.testErrors = {};
  };

  /** Only what changed; the SMTP URL only when one was typed (or the saved one removed). */
  #patchOf(d: Draft, s: EmailSettings): EmailSettingsPatch {
    const patch: EmailSettingsPatch = {};
    if (d.clearSmtpUrl) patch.smtpUrl = null;
    else if (d.smtpUrl.trim()) patch.smtpUrl = d.smtpUrl.trim();
    if (d.mailFrom.trim() !== s.mailFrom) patch.mailFrom = d.mailFrom.trim();
    const notify = d.notifyAddress.trim() || null;
    if (notify !== s.notifyAddress) patch.notifyAddress = notify;
    const kinds = Object.fromEntries(Object.entries(d.kinds).filter(([k, on]) => s.kinds[k as MailKind] !== on));
    if (Object.keys(kinds).length) patch.kinds = kinds;
    return patch;
  }

  private async save(ev: Event, s: EmailSettings) {
    ev.preventDefault();
    if (this.saving || !this.draft) return;
    const d = this.draft;
    const errors: FieldErrors = {};
    const url = d.smtpUrl.trim();
    if (url && !/^smtps?:\/\/\S+$/i.test(url)) errors.smtpUrl = 'Write an SMTP URL starting with smtp:// or smtps://, like smtps://user:password@smtp.example.com:465.';
    if (!d.mailFrom.trim()) errors.mailFrom = 'Write the address messages come from.';
    if (d.notifyAddress.trim() && !EMAIL.test(d.notifyAddress.trim())) errors.notifyAddress = 'Write an email address, like you@example.com.';
    this.errors = errors;
    this.said = this.saveError = undefined;
    if (Object.keys(errors).length) return this.#focusInvalid();
    const patch = this.#patchOf(d, s);
    if (!Object.keys(patch).length) {
      this.said = 'Nothing to save: no setting changed.';
      return;
    }
    this.saving = true;
    try {
      const saved = await this.client.updateEmailSettings(patch);
      this.saved = saved;
      this.draft = draftOf(saved);
      this.showUrl = false;
      this.said = patch.smtpUrl ? 'Sending settings saved. The new SMTP URL is in use; its password is not shown back.' : 'Sending settings saved.';
    } catch (error) {
      this.saveError = error;
      this.errors = serverFieldError(error, (field) => (field.startsWith('kinds') ? undefined : field.split('.')[0])) ?? {};
      await this.#focusInvalid();
    } finally {
      this.saving = false;
    }
  }

  async #focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private sendTest = async (ev: Event) => {
    ev.preventDefault();
    if (this.testing) return;
    const to = (this.testTo ?? this.signedIn?.user.email ?? '').trim();
    this.testResult = this.testError = undefined;
    this.testErrors = EMAIL.test(to) ? {} : { to: 'Write the email address to send the test to.' };
    if (this.testErrors.to) return this.#focusInvalid();
    this.testing = true;
    try {
      const { id } = await this.client.sendTestEmail(to);
      this.testResult = { id, to, kept: !this.saved?.smtpUrl };
    } catch (error) {
      this.testError = error;
      this.testErrors = serverFieldError(error, (field) => (field === 'to' ? 'to' : undefined)) ?? {};
      if (this.testErrors.to) await this.#focusInvalid();
    } finally {
      this.testing = false;
    }
  };

  private openInOutbox(ev: Event, id: number) {
    ev.preventDefault();
    // leaves this view: the section resolves '..'
    this.emit(new PartnerAdminNavigateEvent({ path: ['..', 'outbox', String(id)], params: {}, replace: false }));
  }
}
