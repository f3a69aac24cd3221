import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, localeOf } from '../../src/format.js';
import { copyText } from '../../src/internal/clipboard.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { NewWebhookEndpoint, WebhookEndpoint } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { focusFirstInvalid, formStyles, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import type { PartnerAdminNavigateEvent, SectionRoute } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import type { PartnerAdminWebhookDeletedEvent } from './partner-admin-webhook.component.js';
import styles from './partner-admin-webhooks.styles.js';
import { DELIVERY_STATUS, WEBHOOK_EVENTS } from './webhook-events.js';
import { readWebhookForm, webhookField, webhookForm, webhookFormErrors } from './webhook-form.js';

type View = 'list' | 'new' | 'endpoint';

/**
 * Webhooks out, for owners: the endpoints your own systems receive signed events at (Standard
 * Webhooks), with their events, status and last delivery (`#/webhooks`); add one
 * (`#/webhooks/new`) — its signing secret shown once, with Copy; and one endpoint with its
 * delivery log (`#/webhooks/<id>`, `<partner-admin-webhook>`), edited at `#/webhooks/<id>/edit`.
 * Staff neither see the section in `<partner-admin>` nor get its data.
 *
 * @tag partner-admin-webhooks
 * @summary The console's Webhooks section: endpoints, their secret, delivery log, test and resend.
 *
 * @event partner-admin-navigate - The view changed. `detail: { path, params, replace }`.
 *
 * @csspart add - "Add endpoint".
 * @csspart table - The endpoints.
 * @csspart row - One endpoint.
 * @csspart status - An endpoint's status badge.
 * @csspart endpoint-form - The new endpoint's form.
 * @csspart form-error - The form was not sent: why (role="alert").
 * @csspart field-error - A field's error, under it.
 * @csspart secret - The new endpoint's signing secret, shown once.
 * @csspart secret-value - The secret itself.
 * @csspart copy - Copies the secret.
 * @csspart view - The open endpoint (`<partner-admin-webhook>`).
 * @csspart empty - No endpoint yet.
 * @csspart owner-only - Said to staff: only an owner may use this section.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminWebhooksElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  /** The endpoint just added, with its secret (shown until dismissed or the view changes). */
  @state() private created?: NewWebhookEndpoint;
  @state() private errors: FieldErrors = {};
  @state() private saving = false;
  @state() private formError?: unknown;
  @state() private said?: string;

  private get owner() {
    return this.signedIn?.user.role === 'owner';
  }

  private get view(): View {
    const first = this.route.path[0];
    return first === undefined ? 'list' : first === 'new' ? 'new' : 'endpoint';
  }

  /** The open endpoint's part of the route (`['edit']` for `#/webhooks/7/edit`). */
  private get endpointRoute(): SectionRoute {
    return { path: this.route.path.slice(1), params: this.route.params };
  }

  private list = new Task(this, {
    task: async ([token, owner, view], { signal }): Promise<WebhookEndpoint[] | undefined> => {
      if (!token || !owner || view !== 'list') return this.list.value;
      return this.client.webhooks({ signal });
    },
    args: () => [this.signedIn?.token, this.owner, this.view] as const,
  });

  override async focusHeading() {
    await this.updateComplete;
    const secret = this.renderRoot.querySelector<HTMLElement>('[part~="secret"]');
    if (secret) return secret.focus();
    const child = this.renderRoot.querySelector<SectionElement>('[part~="view"]');
    if (child) {
      await child.updateComplete;
      return child.focusHeading();
    }
    (this.renderRoot.querySelector<HTMLElement>('h3[tabindex]') ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  override render() {
    const heading = html`<h2 tabindex="-1">Webhooks</h2>`;
    if (!this.signedIn) return html`${heading}${this.signedOutView()}`;
    if (!this.owner) {
      return html`${heading}
        <p part="owner-only" class="notice">Only an owner can see and change webhooks (their secrets sign requests to your systems); you are signed in as staff.</p>`;
    }
    return html`${heading} ${this.announcement(this.said)} ${this.renderView()}`;
  }

  private renderView() {
    if (this.view === 'new') {
      return html`<p><a href="#/webhooks" @click=${this.toList}>← All endpoints</a></p>
        <h3 tabindex="-1">Add an endpoint</h3>
        ${this.formError ? html`<p part="error" role="alert">${this.errorText(this.formError)}</p>` : nothing}
        ${webhookForm({ errors: this.errors, busy: this.saving, submitLabel: 'Add endpoint', onSubmit: this.create, onCancel: this.toList })}`;
    }
    if (this.view === 'endpoint') {
      const id = this.route.path[0]!;
      return html`${this.created && String(this.created.id) === id ? this.renderSecret(this.created) : nothing}
        <partner-admin-webhook
          part="view"
          endpoint-id=${id}
          .api=${this.client}
          .adminSession=${this.session}
          .route=${this.endpointRoute}
          @partner-admin-navigate=${this.onViewNavigate}
          @partner-admin-webhook-deleted=${this.onDeleted}
        ></partner-admin-webhook>`;
    }
    return html`<p class="notice">
        Your systems hear what happens in the program — a partner signs up, a sale earns a commission, a payment is made — as signed HTTP requests
        (<a href="https://www.standardwebhooks.com/" target="_blank" rel="noopener">Standard Webhooks</a>), retried for up to three days.
      </p>
      <p><a part="add" class="button" href="#/webhooks/new" @click=${this.openNew}>Add endpoint</a></p>
      ${this.list.render({
        initial: () => loadingView('Loading endpoints…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading endpoints…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (endpoints) => (endpoints ? this.renderList(endpoints) : loadingView('Loading endpoints…')),
      })}`;
  }

  private renderList(endpoints: WebhookEndpoint[]) {
    if (!endpoints.length) {
      return html`<p part="empty" class="notice">No endpoint yet. Add one to have the events you choose sent to your systems.</p>`;
    }
    const locale = localeOf(this);
    return html`${this.list.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing}
      <table part="table">
        <caption class="visually-hidden">Webhook endpoints</caption>
        <thead>
          <tr><th scope="col">Endpoint</th><th scope="col">Events</th><th scope="col">Status</th><th scope="col">Last delivery</th></tr>
        </thead>
        <tbody>
          ${endpoints.map(
            (e) => html`<tr part="row" data-id=${String(e.id)}>
              <th scope="row">
                <a class="url" href="#/webhooks/${encodeURIComponent(String(e.id))}" @click=${(ev: Event) => this.open(ev, e)}>${e.url}</a>
                ${e.description ? html`<span class="detail">${e.description}</span>` : nothing}
              </th>
              <td>
                ${e.events.length === WEBHOOK_EVENTS.length
                  ? 'All events'
                  : e.events.map((t, i) => html`${i ? ', ' : ''}<code>${t}</code>`)}
              </td>
              <td>
                <span part="status" class="badge ${e.status}">${e.status === 'enabled' ? 'Enabled' : 'Disabled'}</span>
                ${e.disabledReason ? html`<span class="detail">${e.disabledReason}</span>` : nothing}
              </td>
              <td>
                ${e.lastDelivery
                  ? html`<span class="badge ${e.lastDelivery.status}">${DELIVERY_STATUS[e.lastDelivery.status]}</span>
                      ${e.lastDelivery.responseCode !== null ? html`(${e.lastDelivery.responseCode})` : nothing}
                      <span class="detail">${formatDateTime(e.lastDelivery.at, locale)}</span>`
                  : html`<span class="muted">None yet</span>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderSecret(e: NewWebhookEndpoint) {
    return html`<div part="secret" class="card" role="group" aria-labelledby="secret-title" tabindex="-1">
      <p id="secret-title"><strong>The signing secret of this endpoint.</strong> Copy it now and store it with your receiver: it is shown this once, never again.</p>
      <p><code part="secret-value">${e.secret}</code></p>
      <p class="hint">Your receiver checks each request's <code>webhook-signature</code> header with it (for example with the <code>standardwebhooks</code> package).</p>
      <div class="actions">
        <button part="copy" type="button" @click=${() => this.copySecret(e)}>Copy secret</button>
        <button type="button" class="secondary" @click=${this.dismissSecret}>I have stored it</button>
      </div>
    </div>`;
  }

  private async copySecret(e: NewWebhookEndpoint) {
    try {
      await copyText(e.secret);
      this.said = 'Signing secret copied to the clipboard.';
    } catch {
      this.said = 'Could not copy. Select the secret and press Ctrl+C (⌘C on a Mac).';
    }
  }

  private dismissSecret = async () => {
    this.created = undefined;
    this.said = 'The secret is hidden; it cannot be shown again.';
    await this.focusHeading();
  };

  private create = async (ev: SubmitEvent) => {
    ev.preventDefault();
    if (this.saving) return;
    const input = readWebhookForm(ev.target as HTMLFormElement);
    this.errors = webhookFormErrors(input);
    this.formError = undefined;
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      return focusFirstInvalid(this.renderRoot as ShadowRoot);
    }
    this.saving = true;
    try {
      const { description, ...rest } = input;
      const created = await this.client.createWebhook(description ? input : rest);
      this.created = created;
      this.said = `Endpoint ${created.url} is added. Copy its signing secret now: it is shown this once.`;
      this.navigate([String(created.id)], {});
    } catch (error) {
      const field = serverFieldError(error, webhookField);
      if (field) {
        this.errors = field;
        await this.updateComplete;
        focusFirstInvalid(this.renderRoot as ShadowRoot);
      } else {
        this.formError = error;
      }
    } finally {
      this.saving = false;
    }
  };

  private openNew = (ev: Event) => {
    ev.preventDefault();
    this.errors = {};
    this.formError = this.said = this.created = undefined;
    this.navigate(['new'], {});
  };

  private open(ev: Event, e: WebhookEndpoint) {
    ev.preventDefault();
    this.said = this.created = undefined;
    this.navigate([String(e.id)], {});
  }

  private toList = (ev: Event) => {
    ev.preventDefault();
    this.errors = {};
    this.formError = this.said = this.created = undefined;
    this.navigate([], {});
  };

  /** The endpoint moved within itself (`['edit']`), or left (`['..']`: the list). */
  private onViewNavigate = (e: PartnerAdminNavigateEvent) => {
    if (e.target === this) return;
    e.stopPropagation();
    const { path, params, replace } = e.detail;
    if (path[0] === '..') {
      this.said = this.created = undefined;
      return this.navigate([], params, { replace });
    }
    this.created = undefined;
    this.navigate([this.route.path[0]!, ...path], params, { replace });
  };

  private onDeleted = (e: PartnerAdminWebhookDeletedEvent) => {
    this.created = undefined;
    this.said = e.detail.message;
    this.navigate([], {});
  };
}
