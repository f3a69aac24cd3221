import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, localeOf } from '../../src/format.js';
import { localIso, parseDay } from '../../src/internal/date-range.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AuditEntry, AuditPage, AuditQuery } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import { MorePages } from '../internal/more-pages.js';
import { CsvDownload } from '../internal/csv-download.js';
import { actionText, auditChanges, auditValue } from './audit-diff.js';

const ACTOR_TYPE: Record<AuditEntry['actorType'], string> = { user: 'Console user', key: 'Admin API key', cli: 'Command line' };
const FILTERS = [
  ['actor', 'Who', 'Email, key name or cli'],
  ['action', 'Action', 'e.g. program.update'],
  ['targetType', 'Target type', 'e.g. partner'],
  ['targetId', 'Target id or code', ''],
] as const;

/**
 * The audit log: every change made through the console, the admin API or the CLI — who, what,
 * which target, when, and what changed (before → after, secrets never stored). Filter by who,
 * action, target and period (kept in `route.params`, the URL inside `<partner-admin>`); "Load
 * more" pages on the server; the matching entries download as CSV.
 *
 * @tag partner-admin-audit
 * @summary The console's Audit log section.
 *
 * @event partner-admin-navigate - The filters changed. `detail: { path, params, replace }`.
 *
 * @csspart filters - The filter form.
 * @csspart table - The entries.
 * @csspart row - One entry.
 * @csspart changes - What one entry changed.
 * @csspart download - Downloads the matching entries as CSV.
 * @csspart more - "Load more".
 * @csspart empty - Nothing matches.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminAuditElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    css`
      ul.changes {
        margin: 0;
        padding-inline-start: var(--_space-m);
      }
      code {
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      .was {
        text-decoration: line-through;
        color: var(--_muted);
      }
    `,
  ];

  private download = new CsvDownload(this, () => this.client.downloadAuditCsv(this.query), {
    said: (said) => (this.said = said),
    failed: (error) => (this.actionError = error),
  });

  private more = new MorePages<AuditEntry>(
    this,
    async (cursor) => {
      const page = await this.client.audit({ ...this.query, cursor, limit: 50 });
      return { rows: page.items, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );
  @state() private actionError?: unknown;
  @state() private said?: string;

  /** The filters as the server takes them: the period's days are the reader's local days, `to` exclusive. */
  private get query(): AuditQuery {
    const p = this.route.params;
    const from = p.from ? parseDay(p.from, false) : null;
    const to = p.to ? parseDay(p.to, true) : null;
    return {
      actor: p.actor || undefined,
      action: p.action || undefined,
      targetType: p.targetType || undefined,
      targetId: p.targetId || undefined,
      from: from ? localIso(from) : undefined,
      to: to ? localIso(new Date(to.getTime() + 1)) : undefined,
    };
  }

  private list = new Task(this, {
    task: async ([token], { signal }): Promise<AuditPage | undefined> => {
      if (!token) return undefined;
      const page = await this.client.audit({ ...this.query, limit: 50 }, { signal });
      this.more.reset(page.nextCursor);
      this.actionError = undefined;
      return page;
    },
    args: () => [this.signedIn?.token, ...Object.values(this.query)] as const,
  });

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Audit log</h2>${this.signedOutView()}`;
    return html`<h2 tabindex="-1">Audit log</h2>
      <p class="notice">Every change made through this console, the admin API or the command line, newest first.</p>
      ${this.renderFilters()} ${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.list.render({
        initial: () => loadingView('Loading the audit log…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading the audit log…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (page) => (page ? this.renderList(page) : nothing),
      })}`;
  }

  private renderFilters() {
    const p = this.route.params;
    const set = (name: string) => this.filterParam(name);
    return html`<form part="filters" class="toolbar" aria-label="Filter the audit log" @submit=${(e: Event) => e.preventDefault()}>
      ${FILTERS.map(
        ([name, label, hint]) =>
          html`<label>${label} <input name=${name} autocomplete="off" placeholder=${hint || nothing} .value=${p[name] ?? ''} @change=${set(name)} /></label>`,
      )}
      <label>From <input name="from" type="date" .value=${p.from ?? ''} @change=${set('from')} /></label>
      <label>To <input name="to" type="date" .value=${p.to ?? ''} @change=${set('to')} /></label>
      ${this.download.button('Download CSV')}
    </form>`;
  }

  private renderList(page: AuditPage) {
    const rows = [...page.items, ...this.more.rows];
    if (!rows.length) {
      const filtered = Object.values(this.route.params).some(Boolean);
      return html`<p part="empty" class="notice">${filtered ? 'No change matches these filters.' : 'No changes recorded yet.'}</p>`;
    }
    const locale = localeOf(this);
    return html`${this.list.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing}
      <table part="table">
        <caption class="visually-hidden">Changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((e) => this.renderRow(e, locale))}
        </tbody>
      </table>
      ${this.more.button(rows.length, (e) => this.errorText(e))}`;
  }

  private renderRow(e: AuditEntry, locale: string) {
    const changes = auditChanges(e.before, e.after);
    const created = e.before === null;
    const deleted = e.after === null;
    return html`<tr part="row" data-id=${e.id}>
      <td>${formatDateTime(e.at, locale)}</td>
      <td>${e.actor}<span class="detail">${ACTOR_TYPE[e.actorType]}</span></td>
      <th scope="row">${actionText(e.action)}<span class="detail"><code>${e.action}</code></span></th>
      <td>${e.targetType}${e.targetId ? html` <code>${e.targetId}</code>` : nothing}</td>
      <td part="changes">
        ${changes.length
          ? html`<ul class="changes">
              ${changes.map(
                (c) => html`<li>
                  <code>${c.field}</code>:
                  ${created || !('before' in c)
                    ? html`${deleted ? '' : 'set to '}${auditValue(c.after)}`
                    : deleted || !('after' in c)
                      ? html`<span class="was">${auditValue(c.before)}</span> removed`
                      : html`<span class="was">${auditValue(c.before)}</span><span aria-hidden="true"> → </span><span class="visually-hidden"> changed to </span>${auditValue(c.after)}`}
                </li>`,
              )}
            </ul>`
          : html`<span class="muted">No field changed</span>`}
      </td>
    </tr>`;
  }
}
