import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { HomeMenus, MerchantSettings, Program } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, focusFirstInvalid, formProblem, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { previewMarkdown } from '../internal/markdown-preview.js';
import { SectionElement } from '../internal/section-element.js';
import { settingsDraftOf, settingsOf, settingsPatchOf, type SettingsDraft } from './settings-draft.js';

const MENUS: [keyof HomeMenus, string][] = [
  ['welcome', 'Welcome message'],
  ['profile', 'Profile'],
  ['programs', 'Programs'],
  ['commissions', 'Commissions'],
];

interface Loaded {
  settings: MerchantSettings;
  programs: Program[];
}

/**
 * The merchant's program-wide settings (`GET/PATCH /api/v1/admin/settings`: only what changed
 * is sent), the welcome message with a preview rendered as partners see it, then admin API
 * the Stripe and Shopify integrations (`<partner-admin-integrations>`), admin API keys and merchant
 * users. Staff see the settings read-only and neither integrations, keys nor users.
 *
 * @tag partner-admin-settings
 * @summary The console's Settings section.
 *
 * @csspart form - The settings.
 * @csspart preview - The welcome message as partners will see it.
 * @csspart payout-schedule - When partners are paid: monthly on a day, or on request.
 * @csspart read-only - Said to staff: only an owner can change settings.
 * @csspart integrations - `<partner-admin-integrations>`: Stripe and Shopify.
 * @csspart keys - `<partner-admin-keys>`.
 * @csspart users - `<partner-admin-users>`.
 * @csspart field-error - A field's error, under it.
 * @csspart form-error - The form was not sent: why (role="alert").
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminSettingsElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    formStyles,
    css`
      form {
        display: grid;
        gap: var(--_space-m);
        max-width: 60rem;
      }
      .welcome {
        display: grid;
        gap: var(--_space-m);
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        align-items: start;
      }
      textarea[name='welcomeMessage'] {
        min-height: 12rem;
        font-family: ui-monospace, monospace;
      }
      [part~='preview'] {
        background: var(--partner-welcome-background, var(--_subtle));
        border-radius: var(--_radius);
        padding: var(--_space-m) var(--_space-l);
      }
      .preview-title {
        font-size: 1.25rem;
        font-weight: 700;
        margin: 0 0 var(--_space-s);
      }
      [part~='preview'] img {
        max-width: 100%;
        height: auto;
      }
    `,
  ];

  @state() private draft?: SettingsDraft;
  @state() private errors: FieldErrors = {};
  @state() private saving = false;
  @state() private said?: string;
  @state() private saveError?: unknown;

  private data = new Task(this, {
    task: async ([token], { signal }): Promise<Loaded | undefined> => {
      if (!token) return undefined;
      const [settings, programs] = await Promise.all([this.client.settings({ signal }), this.client.listPrograms({ status: 'active' }, { signal }).catch(() => [])]);
      this.draft = settingsDraftOf(settings);
      this.errors = {};
      return { settings, programs };
    },
    args: () => [this.signedIn?.token] as const,
  });

  private get owner() {
    return this.signedIn?.user.role === 'owner';
  }

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Settings</h2>${this.signedOutView()}`;
    return html`<h2 tabindex="-1">Settings</h2>
      ${this.data.render({
        initial: () => loadingView('Loading settings…'),
        pending: () => (this.data.value ? this.renderForm(this.data.value) : loadingView('Loading settings…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: (loaded) => (loaded ? this.renderForm(loaded) : nothing),
      })}
      ${this.owner
        ? html`<partner-admin-integrations part="integrations" .api=${this.client} .adminSession=${this.session}></partner-admin-integrations>
            <partner-admin-keys part="keys" .api=${this.client} .adminSession=${this.session}></partner-admin-keys>
            <partner-admin-users part="users" .api=${this.client} .adminSession=${this.session}></partner-admin-users>`
        : html`<h3>Integrations, admin API keys and merchant users</h3>
            <p class="notice" part="owner-only">Only an owner can manage the Stripe and Shopify integrations, admin API keys and merchant users; you are signed in as staff.</p>`}`;
  }

  private renderForm({ settings, programs }: Loaded) {
    const d = this.draft ?? settingsDraftOf(settings);
    const e = this.errors;
    const text = (name: keyof SettingsDraft, label: string, extra: { hint?: string; inputmode?: string } = {}) => html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} inputmode=${extra.inputmode ?? nothing} .value=${d[name] as string} aria-invalid=${invalid(e, name)} aria-describedby=${describedBy(e, name, !!extra.hint)} />
      ${extra.hint ? html`<p class="hint" id=${`${name}-hint`}>${extra.hint}</p>` : nothing} ${fieldError(e, name)}
    </div>`;
    const list = (name: 'allowedLinkDomains' | 'allowedOrigins', label: string, hint: string) => html`<div class="field">
      <label for=${name}>${label}</label>
      <textarea id=${name} name=${name} .value=${d[name]} aria-invalid=${invalid(e, name)} aria-describedby=${describedBy(e, name, true)}></textarea>
      <p class="hint" id=${`${name}-hint`}>${hint}</p>
      ${fieldError(e, name)}
    </div>`;
    return html`${this.owner ? nothing : html`<p part="read-only" class="notice">Only an owner can change settings; you are signed in as staff.</p>`}
      ${this.announcement(this.said)}
      ${this.saveError && !Object.keys(e).length ? html`<p part="error" role="alert">${this.errorText(this.saveError)}</p>` : nothing} ${formProblem(e)}
      <form part="form" novalidate aria-label="Settings" @input=${this.onInput} @change=${this.onInput} @submit=${(ev: Event) => this.save(ev, settings)}>
        <fieldset ?disabled=${!this.owner}>
          <legend>Program</legend>
          <div class="row">
            ${text('merchantName', 'Merchant name (partners see it)')}
            ${text('currency', 'Currency', { hint: 'Every amount is in it; fixed once partners have earned.' })}
          </div>
        </fieldset>
        <fieldset ?disabled=${!this.owner}>
          <legend>Welcome message</legend>
          <div class="welcome">
            <div class="field">
              <label for="welcomeMessage">Message (Markdown)</label>
              <textarea id="welcomeMessage" name="welcomeMessage" .value=${d.welcomeMessage} aria-invalid=${invalid(e, 'welcomeMessage')} aria-describedby=${describedBy(e, 'welcomeMessage')}></textarea>
              ${fieldError(e, 'welcomeMessage')}
            </div>
            <section aria-labelledby="preview-title">
              <p class="hint" id="preview-title">Preview, as partners see it</p>
              <div part="preview" role="region" aria-label="Welcome message preview">
                <p class="preview-title" part="preview-title">Welcome to ${d.merchantName.trim() || settings.merchantName}</p>
                ${unsafeHTML(previewMarkdown(d.welcomeMessage, { base: this.client.baseUrl, headingOffset: 2 }))}
              </div>
            </section>
          </div>
        </fieldset>
        <fieldset ?disabled=${!this.owner}>
          <legend>What partners see on Home</legend>
          ${MENUS.map(([key, label]) => html`<label class="check"><input type="checkbox" name=${`menus.${key}`} .checked=${d.menus[key]} /> ${label}</label>`)}
        </fieldset>
        <fieldset ?disabled=${!this.owner}>
          <legend>Sign-up</legend>
          <label>Who may sign up
            <select name="signupMode">
              <option value="closed" ?selected=${d.signupMode === 'closed'}>Nobody (closed)</option>
              <option value="approval" ?selected=${d.signupMode === 'approval'}>Anyone, after you approve them</option>
              <option value="open" ?selected=${d.signupMode === 'open'}>Anyone, at once</option>
            </select>
          </label>
          <fieldset>
            <legend>Programs new partners join</legend>
            <p class="hint">None ticked: the programs marked “Partners who sign up join this program”.</p>
            ${programs.length
              ? programs.map((p) => html`<label class="check"><input type="checkbox" name="signupProgramIds" value=${p.id} .checked=${d.signupProgramIds.includes(p.id)} /> ${p.name}</label>`)
              : html`<p class="notice">No active program yet.</p>`}
          </fieldset>
        </fieldset>
        <fieldset ?disabled=${!this.owner}>
          <legend>Money and attribution</legend>
          <div class="row">
            ${text('minimumPayout', `Minimum payout (${d.currency || 'amount'})`, { inputmode: 'decimal' })}
            ${text('holdDays', 'Hold before payable (days)', { inputmode: 'numeric' })}
            ${text('attributionWindowDays', 'Attribution window (days)', { inputmode: 'numeric' })}
          </div>
          <p class="hint">Programs may set their own hold and window; these are the defaults.</p>
          <label>Partners see their leads' emails
            <select name="leadPrivacy">
              <option value="masked" ?selected=${d.leadPrivacy === 'masked'}>Masked (j•••@example.com)</option>
              <option value="full" ?selected=${d.leadPrivacy === 'full'}>In full</option>
            </select>
          </label>
        </fieldset>
        <fieldset ?disabled=${!this.owner} part="payout-schedule">
          <legend>Payout schedule</legend>
          <label class="check">
            <input type="radio" name="payoutKind" value="monthly" .checked=${d.payoutKind === 'monthly'} /> Monthly, on a day of the month: you pay everyone due
          </label>
          ${d.payoutKind === 'monthly'
            ? text('payoutDay', 'Payout day of the month (1–28)', { inputmode: 'numeric', hint: 'Partners see this date and an estimate of what they will be paid.' })
            : nothing}
          <label class="check">
            <input type="radio" name="payoutKind" value="on-request" .checked=${d.payoutKind === 'on-request'} /> On request: partners ask for a payout once they reach the minimum
            payout; their requests show under Payouts
          </label>
        </fieldset>
        <fieldset ?disabled=${!this.owner}>
          <legend>Links and embedding</legend>
          ${list('allowedLinkDomains', 'Allowed link domains', 'One per line, like shop.example.com or *.example.com. Empty: the hosts of your own links.')}
          ${list('allowedOrigins', 'Allowed origins (CORS)', 'One per line, like https://shop.example.com: pages there may embed the partner elements.')}
          ${text('clickParam', 'Click parameter', { hint: 'The query parameter that carries the click id to your site.' })}
        </fieldset>
        ${this.owner ? html`<div class="actions"><button type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Saving…' : 'Save settings'}</button></div>` : nothing}
      </form>`;
  }

  private onInput = (ev: Event) => {
    const target = ev.target as HTMLInputElement;
    if (!this.draft || !target.name) return;
    const name = target.name;
    if (name.startsWith('menus.')) {
      this.draft = { ...this.draft, menus: { ...this.draft.menus, [name.slice(6)]: target.checked } };
    } else if (name === 'signupProgramIds') {
      const id = Number(target.value);
      const ids = this.draft.signupProgramIds.filter((x) => x !== id);
      this.draft = { ...this.draft, signupProgramIds: target.checked ? [...ids, id] : ids };
    } else {
      this.draft = { ...this.draft, [name]: target.value };
    }
    if (this.errors[name]) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== name));
    this.said = undefined;
  };

  private async save(ev: Event, saved: MerchantSettings) {
    ev.preventDefault();
    if (this.saving || !this.draft) return;
    const { settings, errors } = settingsOf(this.draft);
    this.errors = errors;
    this.said = this.saveError = undefined;
    if (!settings) {
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
      return;
    }
    const patch = settingsPatchOf(settings, saved);
    if (!Object.keys(patch).length) {
      this.said = 'Nothing to save: no setting changed.';
      return;
    }
    this.saving = true;
    try {
      await this.client.updateSettings(patch);
      await this.data.run();
      this.said = 'Settings saved. Partners see the changes the next time their page loads.';
    } catch (error) {
      this.saveError = error;
      this.errors = serverFieldError(error, (field) => (field.startsWith('payoutSchedule') ? 'payoutDay' : field.split('.')[0])) ?? {};
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
    } finally {
      this.saving = false;
    }
  }
}
