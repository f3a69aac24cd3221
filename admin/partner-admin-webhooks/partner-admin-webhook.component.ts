import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDateTime, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { WebhookDelivery, WebhookEndpoint } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { focusFirstInvalid, formStyles, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { MorePages } from '../internal/more-pages.js';
import { SectionElement } from '../internal/section-element.js';
import styles from './partner-admin-webhooks.styles.js';
import { DELIVERY_STATUS, durationText, WEBHOOK_EVENTS } from './webhook-events.js';
import { readWebhookForm, webhookField, webhookForm, webhookFormErrors } from './webhook-form.js';

const PAGE = 25;

/** An endpoint was deleted: its section goes back to the list and says so. */
export class PartnerAdminWebhookDeletedEvent extends Event {
  constructor(readonly detail: { id: string; message: string }) {
    super('partner-admin-webhook-deleted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-admin-webhook-deleted': PartnerAdminWebhookDeletedEvent;
  }
}

/**
 * One webhook endpoint (`#/webhooks/<id>`): its URL, events, status (with why it is disabled) and
 * last delivery; Edit (`#/webhooks/<id>/edit`), Disable / Enable, Send test event, Delete (after
 * a confirmation); and its delivery log newest first — status, response code, duration,
 * attempts, last error, next attempt — with "Load more" on the keyset cursor and Resend.
 * Rendered by `<partner-admin-webhooks>`.
 *
 * @tag partner-admin-webhook
 * @summary One webhook endpoint and its delivery log.
 *
 * @event partner-admin-navigate - Edit opened or closed (`path` relative to the endpoint; `['..']`: the list).
 * @event partner-admin-webhook-deleted - The endpoint was deleted. `detail: { id, message }`.
 *
 * @csspart endpoint - The endpoint's facts.
 * @csspart status - A status badge (endpoint or delivery).
 * @csspart actions - Edit, Disable/Enable, Send test event, Delete.
 * @csspart toggle - Disables or enables the endpoint.
 * @csspart test - Sends a `webhook.test` event.
 * @csspart delete - Asks to delete.
 * @csspart confirm - The delete confirmation.
 * @csspart endpoint-form - The edit form.
 * @csspart deliveries - The delivery log.
 * @csspart row - One delivery.
 * @csspart resend - Sends a delivery's event again.
 * @csspart refresh - Reads the delivery log again.
 * @csspart more - "Load more".
 * @csspart empty - No delivery yet, or no such endpoint.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminWebhookElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  /** The endpoint's id, as in the URL. */
  @property({ attribute: 'endpoint-id' }) endpointId = '';

  @state() private reloads = 0;
  @state() private deliveryReloads = 0;
  @state() private busy?: string;
  @state() private confirming = false;
  @state() private errors: FieldErrors = {};
  @state() private actionError?: unknown;
  @state() private said?: string;

  private get editing() {
    return this.route.path[0] === 'edit';
  }

  private endpoint = new Task(this, {
    task: async ([token, id], { signal }): Promise<WebhookEndpoint | null | undefined> => {
      if (!token || !id) return undefined;
      const endpoints = await this.client.webhooks({ signal });
      return endpoints.find((e) => String(e.id) === id) ?? null;
    },
    args: () => [this.signedIn?.token, this.endpointId, this.reloads] as const,
  });

  private more = new MorePages<WebhookDelivery>(
    this,
    async (cursor) => {
      const page = await this.client.webhookDeliveries(this.endpointId, { limit: PAGE, cursor });
      return { rows: page.deliveries, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );

  private deliveries = new Task(this, {
    task: async ([token, id, editing], { signal }): Promise<WebhookDelivery[] | undefined> => {
      if (!token || !id || editing) return this.deliveries.value;
      const page = await this.client.webhookDeliveries(id, { limit: PAGE }, { signal });
      this.more.reset(page.nextCursor);
      return page.deliveries;
    },
    args: () => [this.signedIn?.token, this.endpointId, this.editing, this.deliveryReloads] as const,
  });

  /** One heading through every state, so the focus put on it stays as the data arrives. */
  private get heading() {
    const e = this.endpoint.value;
    if (e === null) return 'Endpoint not found';
    const name = e ? e.url : `Endpoint ${this.endpointId}`;
    return this.editing ? `Edit ${name}` : name;
  }

  override render() {
    const top = html`<p><a href="#/webhooks" @click=${this.toList}>← All endpoints</a></p>
      <h3 tabindex="-1" class="url">${this.heading}</h3>`;
    if (!this.signedIn) return html`${top}${this.signedOutView()}`;
    return html`${top} ${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.endpoint.render({
        initial: () => loadingView('Loading the endpoint…'),
        pending: () => (this.endpoint.value ? this.renderEndpoint(this.endpoint.value) : loadingView('Loading the endpoint…')),
        error: (e) => this.failure(e, () => void this.endpoint.run()),
        complete: (e) =>
          e === null
            ? html`<p part="empty" class="notice">There is no endpoint “${this.endpointId}”. It may have been deleted.</p>`
            : e
              ? this.renderEndpoint(e)
              : nothing,
      })}`;
  }

  private renderEndpoint(e: WebhookEndpoint) {
    if (this.editing) {
      return webhookForm({ endpoint: e, errors: this.errors, busy: this.busy === 'save', submitLabel: 'Save changes', onSubmit: (ev) => this.save(ev, e), onCancel: this.closeEdit });
    }
    const locale = localeOf(this);
    const all = e.events.length === WEBHOOK_EVENTS.length;
    return html`<dl class="facts" part="endpoint">
        <dt>Status</dt>
        <dd>
          <span part="status" class="badge ${e.status}">${e.status === 'enabled' ? 'Enabled' : 'Disabled'}</span>
          ${e.disabledReason ? html`<span class="detail" part="disabled-reason">${e.disabledReason}</span>` : nothing}
        </dd>
        <dt>Description</dt>
        <dd>${e.description || html`<span class="muted">None</span>`}</dd>
        <dt>Events</dt>
        <dd>${all ? 'All events' : nothing} ${e.events.map((t, i) => html`${i ? ', ' : ''}<code>${t}</code>`)}</dd>
        <dt>Added</dt>
        <dd>${formatDateTime(e.createdAt, locale)}</dd>
        <dt>Last delivery</dt>
        <dd>${this.lastDelivery(e, locale)}</dd>
      </dl>
      ${this.renderActions(e)} ${this.renderDeliveries(e)}`;
  }

  private lastDelivery(e: WebhookEndpoint, locale: string) {
    const d = e.lastDelivery;
    if (!d) return html`<span class="muted">None yet</span>`;
    return html`<span class="badge ${d.status}">${DELIVERY_STATUS[d.status]}</span> ${d.responseCode !== null ? html`(${d.responseCode})` : nothing}
      ${formatDateTime(d.at, locale)}`;
  }

  private renderActions(e: WebhookEndpoint) {
    const enabled = e.status === 'enabled';
    return html`<div class="actions" part="actions">
        <a class="button" href="#/webhooks/${encodeURIComponent(String(e.id))}/edit" @click=${this.openEdit}>Edit</a>
        <button part="toggle" type="button" class="secondary" aria-disabled=${this.busy === 'toggle' ? 'true' : 'false'} @click=${() => this.toggle(e)}>
          ${enabled ? 'Disable' : 'Enable'}
        </button>
        <button part="test" type="button" class="secondary" aria-disabled=${this.busy === 'test' || !enabled ? 'true' : 'false'} aria-describedby=${enabled ? nothing : 'test-hint'} @click=${() => this.sendTest(e)}>
          ${this.busy === 'test' ? 'Sending…' : 'Send test event'}
        </button>
        <button part="delete" type="button" class="secondary" aria-expanded=${this.confirming ? 'true' : 'false'} aria-controls="confirm-delete" @click=${this.askDelete}>Delete…</button>
      </div>
      ${enabled ? nothing : html`<p class="hint" id="test-hint">Enable the endpoint to send it a test event.</p>`}
      ${this.confirming
        ? html`<div part="confirm" id="confirm-delete" class="confirm" role="group" aria-labelledby="confirm-title">
            <p id="confirm-title"><strong>Delete this endpoint?</strong> It stops receiving events at once, and its delivery log goes with it.</p>
            <div class="actions">
              <button type="button" class="danger" aria-disabled=${this.busy === 'delete' ? 'true' : 'false'} @click=${() => this.deleteEndpoint(e)}>
                ${this.busy === 'delete' ? 'Deleting…' : 'Delete endpoint'}
              </button>
              <button type="button" class="secondary" @click=${this.keep}>Keep it</button>
            </div>
          </div>`
        : nothing}`;
  }

  private renderDeliveries(e: WebhookEndpoint) {
    return html`<div class="toolbar">
        <h4 id="deliveries-title">Deliveries</h4>
        <button part="refresh" type="button" class="secondary" @click=${this.refresh}>Refresh<span class="visually-hidden"> deliveries</span></button>
      </div>
      ${this.deliveries.render({
        initial: () => loadingView('Loading deliveries…'),
        pending: () => (this.deliveries.value ? this.renderLog(e, this.deliveries.value) : loadingView('Loading deliveries…')),
        error: (err) => this.failure(err, () => void this.deliveries.run()),
        complete: (rows) => (rows ? this.renderLog(e, rows) : nothing),
      })}`;
  }

  private renderLog(e: WebhookEndpoint, first: WebhookDelivery[]) {
    const rows = [...first, ...this.more.rows];
    if (!rows.length) {
      return html`<p part="empty" class="notice">
        No delivery yet. Events you chose are sent here as they happen; “Send test event” sends one now.
      </p>`;
    }
    const locale = localeOf(this);
    return html`${this.deliveries.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing}
      <table part="deliveries" aria-labelledby="deliveries-title">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Response</th>
            <th scope="col" class="num">Duration</th>
            <th scope="col" class="num">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Created</th>
            <th scope="col">Delivered / next attempt</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (d) => String(d.id),
            (d) => html`<tr part="row" data-id=${String(d.id)}>
              <th scope="row"><code>${d.eventType}</code><span class="detail">${d.eventId}</span></th>
              <td><span part="status" class="badge ${d.status}">${DELIVERY_STATUS[d.status]}</span></td>
              <td class="num">${d.responseCode ?? html`<span class="muted">—</span>`}</td>
              <td class="num">${durationText(d.durationMs)}</td>
              <td class="num">${d.attempts}</td>
              <td>${d.lastError ? html`<span class="error-text">${d.lastError}</span>` : html`<span class="muted">None</span>`}</td>
              <td>${formatDateTime(d.createdAt, locale)}</td>
              <td>
                ${d.deliveredAt
                  ? formatDateTime(d.deliveredAt, locale)
                  : d.nextAttemptAt && d.status === 'pending'
                    ? html`<span class="muted">Next attempt ${formatDateTime(d.nextAttemptAt, locale)}</span>`
                    : html`<span class="muted">Gave up</span>`}
              </td>
              <td>
                <button part="resend" type="button" class="secondary" data-id=${String(d.id)} aria-disabled=${this.busy === `resend-${d.id}` ? 'true' : 'false'} @click=${() => this.resend(e, d)}>
                  ${this.busy === `resend-${d.id}` ? 'Resending…' : 'Resend'}<span class="visually-hidden"> ${d.eventType} ${d.eventId}</span>
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.more.button(rows.length, (err) => this.errorText(err))}`;
  }

  /** Runs an action once at a time; says what it did, or shows why it failed. */
  private async run(name: string, action: () => Promise<string>) {
    if (this.busy) return false;
    this.busy = name;
    this.said = this.actionError = undefined;
    try {
      this.said = await action();
      return true;
    } catch (error) {
      this.actionError = error;
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  private toggle(e: WebhookEndpoint) {
    const status = e.status === 'enabled' ? 'disabled' : 'enabled';
    return this.run('toggle', async () => {
      await this.client.updateWebhook(e.id, { status });
      this.reloads++;
      await this.endpoint.taskComplete;
      return status === 'enabled' ? `${e.url} is enabled: events are sent to it again.` : `${e.url} is disabled: no event is sent to it until you enable it.`;
    });
  }

  private sendTest(e: WebhookEndpoint) {
    if (e.status !== 'enabled') return;
    return this.run('test', async () => {
      await this.client.testWebhook(e.id);
      this.deliveryReloads++;
      return `A webhook.test event is on its way to ${e.url}; its delivery is in the log below.`;
    });
  }

  private async resend(e: WebhookEndpoint, d: WebhookDelivery) {
    await this.run(`resend-${d.id}`, async () => {
      await this.client.resendDelivery(d.id);
      this.deliveryReloads++;
      return `${d.eventType} (${d.eventId}) is queued to be sent to ${e.url} again.`;
    });
  }

  private askDelete = async () => {
    this.confirming = !this.confirming;
    await this.updateComplete;
    if (this.confirming) this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] button')?.focus();
  };

  private keep = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="delete"]')?.focus();
  };

  private async deleteEndpoint(e: WebhookEndpoint) {
    if (this.busy) return;
    this.busy = 'delete';
    this.actionError = undefined;
    try {
      await this.client.deleteWebhook(e.id);
      this.confirming = false;
      this.emit(new PartnerAdminWebhookDeletedEvent({ id: String(e.id), message: `The endpoint ${e.url} is deleted.` }));
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = undefined;
    }
  }

  private async save(ev: SubmitEvent, e: WebhookEndpoint) {
    ev.preventDefault();
    if (this.busy) return;
    const input = readWebhookForm(ev.target as HTMLFormElement);
    this.errors = webhookFormErrors(input);
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      return focusFirstInvalid(this.renderRoot as ShadowRoot);
    }
    const saved = await this.run('save', async () => {
      await this.client.updateWebhook(e.id, input);
      this.reloads++;
      return `Changes to ${input.url} are saved.`;
    });
    if (saved) return this.navigate([], {});
    const field = serverFieldError(this.actionError, webhookField);
    if (field) {
      this.errors = field;
      this.actionError = undefined;
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
    }
  }

  private openEdit = (ev: Event) => {
    ev.preventDefault();
    this.said = this.actionError = undefined;
    this.errors = {};
    this.confirming = false;
    this.navigate(['edit'], {});
  };

  private closeEdit = (ev: Event) => {
    ev.preventDefault();
    this.errors = {};
    this.navigate([], {});
  };

  private toList = (ev: Event) => {
    ev.preventDefault();
    this.navigate(['..'], {});
  };

  private refresh = () => {
    this.said = this.actionError = undefined;
    this.deliveryReloads++;
  };
}
