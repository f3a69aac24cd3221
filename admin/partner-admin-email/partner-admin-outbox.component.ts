import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { OutboxMessage, OutboxMessageDetail, OutboxPage, OutboxQuery } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { formStyles } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';
import { isMailKind, isOutboxStatus, kindLabel, MAIL_KINDS, retryable, STATUSES, statusLabel } from './mail-kinds.js';
import styles from './partner-admin-email.styles.js';

const PAGE = 50;

/**
 * Every message the program sent or will send, newest first: status (queued, sending, sent,
 * failed, kept), kind, recipient, subject, attempts, last error, when; filtered by status, kind
 * and recipient (in `route.params`), "Load more" on a keyset cursor. A message (`route.path`
 * `['42']`) shows its headers, its text, and its HTML in a sandboxed frame that runs no script.
 * Failed and kept messages can be sent again (Retry).
 *
 * @tag partner-admin-outbox
 * @summary The Email section's outbox.
 *
 * @event partner-admin-navigate - Filters or the open message changed. `detail: { path, params, replace }`.
 *
 * @csspart filters - The filter form.
 * @csspart refresh - Reloads the list.
 * @csspart table - The messages.
 * @csspart row - One message.
 * @csspart status - A message's status badge.
 * @csspart retry - Sends a failed or kept message again.
 * @csspart more - "Load more".
 * @csspart empty - No message (or none matching).
 * @csspart message - One message opened.
 * @csspart headers - Its headers.
 * @csspart text - Its text part.
 * @csspart html - Its HTML part (a sandboxed iframe).
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminOutboxElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  @state() private more: OutboxMessage[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private retrying?: number;
  @state() private actionError?: unknown;
  @state() private said?: string;
  /** rows changed here since the list loaded (a retry), by id */
  @state() private changed = new Map<number, OutboxMessage>();

  private get query(): OutboxQuery {
    const p = this.route.params;
    return {
      status: isOutboxStatus(p.status) ? p.status : undefined,
      kind: isMailKind(p.kind) ? p.kind : undefined,
      to: p.to || undefined,
    };
  }

  private get openId(): number | undefined {
    const id = Number(this.route.path[0]);
    return this.route.path[0] !== undefined && Number.isInteger(id) && id > 0 ? id : undefined;
  }

  private list = new Task(this, {
    task: async ([token, open, status, kind, to], { signal }): Promise<OutboxPage | undefined> => {
      if (!token || open !== undefined) return this.list.value;
      const page = await this.client.outbox({ status, kind, to, limit: PAGE }, { signal });
      this.more = [];
      this.changed = new Map();
      this.nextCursor = page.nextCursor;
      return page;
    },
    args: () => [this.signedIn?.token, this.openId, ...Object.values(this.query)] as const,
  });

  private message = new Task(this, {
    task: async ([token, id], { signal }): Promise<OutboxMessageDetail | undefined> => {
      if (!token || id === undefined) return undefined;
      return this.client.outboxMessage(id, { signal });
    },
    args: () => [this.signedIn?.token, this.openId] as const,
  });

  /** One heading for every state of the view, so focus put on it stays there as data arrives. */
  private get heading(): string {
    if (this.route.path[0] === undefined) return 'Outbox';
    if (this.openId === undefined) return 'Message not found';
    const m = this.message.value;
    return m && m.id === this.openId ? m.subject || '(no subject)' : `Message ${this.openId}`;
  }

  override render() {
    const heading = html`<h3 tabindex="-1">${this.heading}</h3>`;
    if (!this.signedIn) return html`${heading}${this.signedOutView()}`;
    if (this.route.path[0] !== undefined) return html`${heading}${this.renderOpen()}`;
    return html`${heading}
      <p class="notice">Every message the program sends, newest first. Kept: no SMTP server was configured, so it stayed here.</p>
      ${this.renderFilters()} ${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.list.render({
        initial: () => loadingView('Loading the outbox…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading the outbox…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (page) => (page ? this.renderList(page) : loadingView('Loading the outbox…')),
      })}`;
  }

  private renderFilters() {
    const p = this.route.params;
    const set = (name: string) => (e: Event) => this.navigate([], { ...this.route.params, [name]: (e.target as HTMLInputElement).value.trim() }, { replace: true });
    return html`<form part="filters" class="toolbar" aria-label="Filter the outbox" @submit=${(e: Event) => e.preventDefault()}>
      <label
        >Status
        <select name="status" @change=${set('status')}>
          <option value="" ?selected=${!p.status}>Any status</option>
          ${STATUSES.map((s) => html`<option value=${s.status} ?selected=${p.status === s.status}>${s.label}</option>`)}
        </select>
      </label>
      <label
        >Kind
        <select name="kind" @change=${set('kind')}>
          <option value="" ?selected=${!p.kind}>Any kind</option>
          ${MAIL_KINDS.map((k) => html`<option value=${k.kind} ?selected=${p.kind === k.kind}>${k.label}</option>`)}
        </select>
      </label>
      <label>To <input name="to" type="search" autocomplete="off" .value=${p.to ?? ''} @change=${set('to')} /></label>
      <button part="refresh" type="button" class="secondary" @click=${this.refresh}>Refresh</button>
    </form>`;
  }

  private renderList(page: OutboxPage) {
    const rows = [...page.messages, ...this.more].map((m) => this.changed.get(m.id) ?? m);
    if (!rows.length) {
      const filtered = Object.values(this.query).some(Boolean);
      return html`<p part="empty" class="notice">
        ${filtered
          ? 'No message matches these filters.'
          : 'No message yet. Password resets, sign-up answers and notifications appear here as the program sends them; “Send a test email” under Sending adds one now.'}
      </p>`;
    }
    const locale = localeOf(this);
    return html`${this.list.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing}
      <table part="table">
        <caption class="visually-hidden">Messages, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
            <th scope="col">To</th>
            <th scope="col" class="num">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((m) => this.renderRow(m, locale))}
        </tbody>
      </table>
      ${this.nextCursor
        ? html`<button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
            ${this.loadingMore ? 'Loading…' : 'Load more'}
          </button>`
        : nothing}`;
  }

  private badge(m: OutboxMessage) {
    const hint = STATUSES.find((s) => s.status === m.status)?.hint;
    return html`<span part="status" class="badge ${m.status}" title=${hint ?? nothing}>${statusLabel(m.status)}</span>`;
  }

  private renderRow(m: OutboxMessage, locale: string) {
    return html`<tr part="row" data-id=${m.id}>
      <td>${this.badge(m)}</td>
      <th scope="row">
        <a href="#/email/outbox/${m.id}" @click=${(e: Event) => this.open(e, m.id)}>${m.subject || '(no subject)'}</a>
        <span class="detail">${kindLabel(m.kind)}</span>
      </th>
      <td>${m.to}${m.partnerCode ? html`<span class="detail">Partner ${m.partnerCode}</span>` : nothing}</td>
      <td class="num">${m.attempts}</td>
      <td>${m.lastError ? html`<span class="error-text">${m.lastError}</span>` : html`<span class="muted">None</span>`}</td>
      <td>${formatDateTime(m.createdAt, locale)}</td>
      <td>
        ${m.sentAt
          ? formatDateTime(m.sentAt, locale)
          : m.status === 'queued' && m.nextAttemptAt
            ? html`<span class="muted">Next try ${formatDateTime(m.nextAttemptAt, locale)}</span>`
            : html`<span class="muted">Not sent</span>`}
      </td>
      <td>${retryable(m.status) ? this.retryButton(m) : nothing}</td>
    </tr>`;
  }

  private retryButton(m: OutboxMessage) {
    const busy = this.retrying === m.id;
    return html`<button part="retry" type="button" class="secondary" data-id=${m.id} aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.retry(m)}>
      ${busy ? 'Retrying…' : 'Retry'}<span class="visually-hidden"> “${m.subject}” to ${m.to}</span>
    </button>`;
  }

  private renderOpen() {
    const back = html`<p><a href="#/email/outbox" @click=${this.back}>← All messages</a></p>`;
    if (this.openId === undefined) {
      return html`${back}
        <p part="empty" class="notice">There is no message “${this.route.path[0]}” in the outbox.</p>`;
    }
    return this.message.render({
      initial: () => html`${back}${loadingView('Loading the message…')}`,
      pending: () => html`${back}${loadingView('Loading the message…')}`,
      error: (e) => html`${back}${this.failure(e, () => void this.message.run())}`,
      complete: (m) => (m ? this.renderMessage(m, back) : nothing),
    });
  }

  private renderMessage(detail: OutboxMessageDetail, back: unknown) {
    const m = { ...detail, ...this.changed.get(detail.id) };
    const locale = localeOf(this);
    return html`${back} ${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      <article part="message" aria-label="Message ${m.id}">
        <dl class="facts">
          <dt>Status</dt>
          <dd>${this.badge(m)} ${retryable(m.status) ? this.retryButton(m) : nothing}</dd>
          <dt>Kind</dt>
          <dd>${kindLabel(m.kind)}</dd>
          <dt>To</dt>
          <dd>${m.to}${m.partnerCode ? ` (partner ${m.partnerCode})` : ''}</dd>
          <dt>Attempts</dt>
          <dd>${m.attempts}</dd>
          <dt>Last error</dt>
          <dd>${m.lastError ? html`<span class="error-text">${m.lastError}</span>` : 'None'}</dd>
          <dt>Created</dt>
          <dd>${formatDateTime(m.createdAt, locale)}</dd>
          ${m.nextAttemptAt && m.status === 'queued' ? html`<dt>Next try</dt><dd>${formatDateTime(m.nextAttemptAt, locale)}</dd>` : nothing}
          <dt>Sent</dt>
          <dd>${m.sentAt ? formatDateTime(m.sentAt, locale) : 'Not sent'}</dd>
        </dl>
        <h4>Headers</h4>
        <table part="headers">
          <caption class="visually-hidden">Headers</caption>
          <tbody>
            ${Object.entries(m.headers).map(([name, value]) => html`<tr><th scope="row">${name}</th><td><code>${value}</code></td></tr>`)}
          </tbody>
        </table>
        <div class="parts">
          <section aria-labelledby="html-title">
            <h4 id="html-title">HTML</h4>
            <iframe part="html" sandbox="" referrerpolicy="no-referrer" title="The message's HTML part" .srcdoc=${m.html}></iframe>
          </section>
          <section aria-labelledby="text-title">
            <h4 id="text-title">Text</h4>
            <pre part="text" tabindex="0" aria-labelledby="text-title">${m.text}</pre>
          </section>
        </div>
      </article>`;
  }

  private open(e: Event, id: number) {
    e.preventDefault();
    this.said = this.actionError = undefined;
    this.navigate([String(id)], this.route.params);
  }

  private back = (e: Event) => {
    e.preventDefault();
    this.said = this.actionError = undefined;
    this.navigate([], this.route.params);
  };

  private refresh = () => {
    this.said = this.actionError = undefined;
    void this.list.run();
  };

  private async retry(m: OutboxMessage) {
    if (this.retrying !== undefined) return;
    this.retrying = m.id;
    this.said = this.actionError = undefined;
    try {
      const queued = await this.client.retryOutboxMessage(m.id);
      this.changed = new Map(this.changed).set(m.id, queued);
      this.said = `“${m.subject}” to ${m.to} is queued to be sent again.`;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.retrying = undefined;
    }
    // the button is gone: keep the keyboard on the message
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${m.id}"] th a`) ?? this.renderRoot.querySelector<HTMLElement>('h3');
    if (!this.renderRoot.querySelector(`[part~="retry"][data-id="${m.id}"]`)) row?.focus();
  }

  private loadMore = async () => {
    if (this.loadingMore || !this.nextCursor) return;
    this.loadingMore = true;
    this.actionError = undefined;
    const shown = (this.list.value?.messages.length ?? 0) + this.more.length;
    try {
      const page = await this.client.outbox({ ...this.query, cursor: this.nextCursor, limit: PAGE });
      this.more = [...this.more, ...page.messages];
      this.nextCursor = page.nextCursor;
      this.said = `Loaded ${page.messages.length} more; showing ${shown + page.messages.length}.`;
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"] th a')[shown]?.focus();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.loadingMore = false;
    }
  };
}
