import { html } from 'lit';
import type { WebhookEndpoint, WebhookEndpointInput } from '../api/types.js';
import { describedBy, fieldError, formProblem, invalid, type FieldErrors } from '../internal/form-fields.js';
import { WEBHOOK_EVENTS } from './webhook-events.js';

/**
 * The endpoint form shared by "Add endpoint" and "Edit": the URL, a description, and the events
 * as checkboxes; checked here for what the browser can tell (a full https address, one event at
 * least), the rest (public address, known events) by the server, its `field` shown under the field.
 */
export interface WebhookFormOptions {
  /** the endpoint being edited; none for a new one */
  endpoint?: WebhookEndpoint;
  errors: FieldErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (e: SubmitEvent) => void;
  onCancel: (e: Event) => void;
}

export function webhookForm({ endpoint, errors: e, busy, submitLabel, onSubmit, onCancel }: WebhookFormOptions) {
  const chosen = new Set(endpoint?.events ?? []);
  return html`<form part="endpoint-form" class="stacked wide" novalidate @submit=${onSubmit}>
    ${formProblem(e)}
    <div class="field">
      <label for="webhook-url">Endpoint URL</label>
      <input
        id="webhook-url"
        name="url"
        type="url"
        inputmode="url"
        autocomplete="off"
        spellcheck="false"
        maxlength="2048"
        placeholder="https://example.com/webhooks/partner-center"
        .value=${endpoint?.url ?? ''}
        aria-invalid=${invalid(e, 'url')}
        aria-describedby=${describedBy(e, 'url', true)}
      />
      <p class="hint" id="url-hint">A public https address of your server. We sign every request (Standard Webhooks) and do not follow redirects.</p>
      ${fieldError(e, 'url')}
    </div>
    <div class="field">
      <label for="webhook-description">Description <span class="muted">(optional)</span></label>
      <input id="webhook-description" name="description" maxlength="200" autocomplete="off" .value=${endpoint?.description ?? ''} aria-invalid=${invalid(e, 'description')} aria-describedby=${describedBy(e, 'description')} />
      ${fieldError(e, 'description')}
    </div>
    <fieldset part="events">
      <legend>Events to send</legend>
      <div class="switches">
        ${WEBHOOK_EVENTS.map(
          (ev) => html`<label class="check">
            <input
              type="checkbox"
              name="events"
              value=${ev.type}
              .checked=${chosen.has(ev.type)}
              aria-invalid=${invalid(e, 'events')}
              aria-describedby=${e.events ? `events-error hint-${ev.type}` : `hint-${ev.type}`}
            />
            <span><code>${ev.type}</code><span class="detail" id="hint-${ev.type}">${ev.hint}</span></span>
          </label>`,
        )}
      </div>
      ${fieldError(e, 'events')}
    </fieldset>
    <div class="actions">
      <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? 'Saving…' : submitLabel}</button>
      <button type="button" class="secondary" @click=${onCancel}>Cancel</button>
    </div>
  </form>`;
}

/** What the form holds, trimmed. */
export function readWebhookForm(form: HTMLFormElement): Required<WebhookEndpointInput> {
  const data = new FormData(form);
  return {
    url: String(data.get('url') ?? '').trim(),
    description: String(data.get('description') ?? '').trim(),
    events: data.getAll('events').map(String),
  };
}

/** What the browser can check before asking the server. */
export function webhookFormErrors(input: WebhookEndpointInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.url) errors.url = 'Enter the address of your endpoint, starting with https://';
  else if (!/^https?:\/\/[^\s/]+/i.test(input.url)) errors.url = 'Enter a full address, starting with https://';
  if (!input.events.length) errors.events = 'Choose at least one event to send';
  return errors;
}

/** The server's field (`events.2`) → the form's. */
export const webhookField = (field: string) => (field.startsWith('events') ? 'events' : ['url', 'description'].includes(field) ? field : undefined);
