import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { copyText } from '../../src/internal/clipboard.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { IntegrationState, Integrations, IntegrationsPatch } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';

type Provider = 'stripe' | 'shopify';

interface ProviderInfo {
  name: string;
  field: keyof IntegrationsPatch;
  env: string;
  placeholder: string;
  steps: (url: ReturnType<typeof html>) => ReturnType<typeof html>;
}

const PROVIDERS: Record<Provider, ProviderInfo> = {
  stripe: {
    name: 'Stripe',
    field: 'stripeWebhookSecret',
    env: 'STRIPE_WEBHOOK_SECRET',
    placeholder: 'whsec_…',
    steps: (url) => html`<ol class="steps">
      <li>In the Stripe Dashboard, open <strong>Developers → Webhooks</strong> and choose <strong>Add endpoint</strong>.</li>
      <li>Paste ${url} as the endpoint URL.</li>
      <li>Select the events <code>checkout.session.completed</code>, <code>invoice.paid</code> and <code>charge.refunded</code>.</li>
      <li>Open the endpoint, reveal its <strong>Signing secret</strong> (<code>whsec_…</code>) and save it below.</li>
      <li>Put the partner's click id in Checkout's <code>client_reference_id</code> or <code>metadata.pc_click</code> (<code>track.js</code> fills it on your pages).</li>
    </ol>`,
  },
  shopify: {
    name: 'Shopify',
    field: 'shopifyWebhookSecret',
    env: 'SHOPIFY_WEBHOOK_SECRET',
    placeholder: 'The key Shopify signs webhooks with',
    steps: (url) => html`<ol class="steps">
      <li>In your Shopify admin, open <strong>Settings → Notifications → Webhooks</strong>.</li>
      <li>Create a webhook in JSON format at ${url} for each event: <code>Order payment</code> (<code>orders/paid</code>), <code>Refund create</code> (<code>refunds/create</code>) and <code>Order cancellation</code> (<code>orders/cancelled</code>).</li>
      <li>Copy the key Shopify says your webhooks are signed with (under the list of webhooks) and save it below.</li>
      <li>Map discount codes to partners as their coupon codes (Partners → a partner → Coupon codes).</li>
    </ol>`,
  },
};

/**
 * Sales in from Stripe and Shopify (owners only): whether each is configured and where its
 * signing secret comes from (the server's environment or these settings), the webhook URL to
 * paste on their side (with Copy), the steps there, and a field to set, replace or clear the
 * secret — which is never shown back. Part of `<partner-admin-settings>`.
 *
 * @tag partner-admin-integrations
 * @summary Stripe and Shopify connection settings in the console.
 *
 * @csspart integration - One provider (Stripe, Shopify).
 * @csspart state - Configured or not, and from where.
 * @csspart webhook-url - The URL to paste on the provider's side.
 * @csspart copy - Copies it.
 * @csspart secret-form - Sets or replaces the signing secret.
 * @csspart clear - Asks to clear the saved secret.
 * @csspart confirm - The clear confirmation.
 * @csspart field-error - The secret's error, under it.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - Only an owner can see this.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminIntegrationsElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    formStyles,
    css`
      .providers {
        display: grid;
        gap: var(--_space-l);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        align-items: start;
      }
      [part~='integration'] {
        display: grid;
        gap: var(--_space-s);
      }
      h4 {
        margin: 0;
        font-size: 1rem;
      }
      .copy-row {
        display: flex;
        gap: var(--_space-s);
      }
      .steps {
        margin: 0;
        padding-inline-start: 1.25rem;
        display: grid;
        gap: var(--_space-xs);
      }
      code {
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      .on {
        color: var(--_success);
        font-weight: 600;
      }
      .off {
        color: var(--_muted);
        font-weight: 600;
      }
      .confirm {
        border: 2px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m);
      }
    `,
  ];

  @state() private errors: FieldErrors = {};
  @state() private busy?: Provider;
  @state() private confirming?: Provider;
  @state() private actionError?: unknown;
  @state() private said?: string;
  /** the answer of the last change (fresher than the load) */
  @state() private current?: Integrations;

  private data = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) return undefined;
      this.current = undefined;
      return this.client.integrations({ signal });
    },
    args: () => [this.signedIn?.token] as const,
  });

  override render() {
    return html`<h3 tabindex="-1">Integrations</h3>
      <p class="hint">Sales, refunds and cancellations from Stripe or Shopify credit your partners with no code of your own.</p>
      ${this.announcement(this.said)} ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.data.render({
        initial: () => nothing,
        pending: () => (this.data.value ? this.renderAll(this.current ?? this.data.value) : loadingView('Loading integrations…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: (loaded) => (loaded ? this.renderAll(this.current ?? loaded) : nothing),
      })}`;
  }

  private renderAll(all: Integrations) {
    return html`<div class="providers">${(['stripe', 'shopify'] as const).map((p) => this.renderProvider(p, all[p]))}</div>`;
  }

  private stateText(p: ProviderInfo, s: IntegrationState) {
    if (!s.configured) return html`<span class="off">Not configured</span> — ${p.name} events are refused until a signing secret is saved.`;
    return html`<span class="on">Configured</span> —
      ${s.from === 'env' ? html`signing secret from the server's environment (<code>${p.env}</code>).` : 'signing secret saved in these settings.'}`;
  }

  private renderProvider(provider: Provider, s: IntegrationState) {
    const p = PROVIDERS[provider];
    const id = (x: string) => `${provider}-${x}`;
    const secretName = `${provider}-secret`;
    return html`<section part="integration" class="card" data-provider=${provider} aria-labelledby=${id('title')}>
      <h4 id=${id('title')}>${p.name}</h4>
      <p part="state" class="result">${this.stateText(p, s)}</p>
      <div class="field">
        <label for=${id('url')}>Webhook URL to paste in ${p.name}</label>
        <div class="copy-row">
          <input id=${id('url')} part="webhook-url" readonly .value=${s.webhookUrl} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button part="copy" type="button" class="secondary" @click=${() => this.copy(p, s.webhookUrl)}>Copy<span class="visually-hidden"> the ${p.name} webhook URL</span></button>
        </div>
      </div>
      <details>
        <summary>Set up ${p.name}</summary>
        ${p.steps(html`<code>${s.webhookUrl}</code>`)}
      </details>
      <form part="secret-form" class="stacked" novalidate @submit=${(e: SubmitEvent) => this.save(e, provider)}>
        <div class="field">
          <label for=${id('secret')}>${s.from === 'settings' ? 'Replace the signing secret' : 'Signing secret'}</label>
          <input
            id=${id('secret')}
            name="secret"
            type="password"
            autocomplete="off"
            spellcheck="false"
            placeholder=${p.placeholder}
            aria-invalid=${invalid(this.errors, secretName)}
            aria-describedby=${describedBy(this.errors, secretName, true)}
          />
          <p class="hint" id=${`${secretName}-hint`}>Saved secrets are never shown again.</p>
          ${fieldError(this.errors, secretName)}
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy === provider ? 'true' : 'false'}>${this.busy === provider ? 'Saving…' : s.from === 'settings' ? 'Replace secret' : 'Save secret'}</button>
          ${s.from === 'settings'
            ? html`<button part="clear" type="button" class="secondary" aria-expanded=${this.confirming === provider ? 'true' : 'false'} @click=${() => this.askClear(provider)}>Clear…</button>`
            : nothing}
        </div>
        ${this.confirming === provider
          ? html`<div part="confirm" class="confirm" role="group" aria-labelledby=${id('confirm')}>
              <p id=${id('confirm')}>
                <strong>Clear the saved ${p.name} secret?</strong>
                ${p.name} events are refused from then on${s.from === 'settings' ? ` unless the server has ${p.env}` : ''}.
              </p>
              <div class="actions">
                <button type="button" @click=${() => this.clear(provider)}>Clear secret</button>
                <button type="button" class="secondary" @click=${() => this.keep(provider)}>Keep it</button>
              </div>
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  private async copy(p: ProviderInfo, url: string) {
    try {
      await copyText(url);
      this.said = `${p.name} webhook URL copied to the clipboard.`;
    } catch {
      this.said = 'Could not copy. Select the URL and press Ctrl+C (⌘C on a Mac).';
    }
  }

  private async change(provider: Provider, value: string | null, done: string) {
    if (this.busy) return false;
    const p = PROVIDERS[provider];
    this.busy = provider;
    this.said = this.actionError = undefined;
    this.errors = {};
    try {
      this.current = await this.client.updateIntegrations({ [p.field]: value });
      this.said = done;
      return true;
    } catch (error) {
      const field = serverFieldError(error, (f) => (f === p.field ? `${provider}-secret` : undefined));
      if (field) this.errors = field;
      else this.actionError = error;
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  private async save(e: SubmitEvent, provider: Provider) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('secret') as HTMLInputElement;
    const value = input.value.trim();
    const p = PROVIDERS[provider];
    if (!value) {
      this.errors = { [`${provider}-secret`]: `Paste the signing secret from ${p.name}` };
      return input.focus();
    }
    const ok = await this.change(provider, value, `${p.name} signing secret saved: ${p.name} events are accepted.`);
    if (ok) input.value = '';
    await this.updateComplete;
    input.focus();
  }

  private async askClear(provider: Provider) {
    this.confirming = this.confirming === provider ? undefined : provider;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-provider="${provider}"] [part~="confirm"] button`)?.focus();
  }

  private async keep(provider: Provider) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-provider="${provider}"] [part~="clear"]`)?.focus();
  }

  private async clear(provider: Provider) {
    const p = PROVIDERS[provider];
    const ok = await this.change(provider, null, `The saved ${p.name} signing secret is cleared.`);
    if (ok) this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${provider}-secret`)?.focus();
  }
}
