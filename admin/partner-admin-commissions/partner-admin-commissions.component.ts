import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDate, formatDateTime, formatMoney, formatPercent, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { ATTRIBUTION, STATUS } from '../../components/partner-reports/partner-reports.commissions.js';
import type { AdminCommission, AdminProgram, CommissionPage, CommissionQuery, CommissionStatus } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import { MorePages } from '../internal/more-pages.js';

/** Why a commission exists, in one sentence: rule, link and click, program and rate (the server's `why`). */
export function whyText(c: AdminCommission, locale: string, currency: string): string {
  const w = c.why;
  const parts = w.attribution ? [ATTRIBUTION[w.attribution]] : [];
  if (w.link) parts.push(`on link ${w.link.name ?? w.link.slug}`);
  if (w.sub) parts.push(`(sub-id ${w.sub})`);
  if (w.clickAt) parts.push(`clicked ${formatDateTime(w.clickAt, locale)}`);
  const rate = c.rateType === 'percent' ? formatPercent(c.rateValue, locale) : `${formatMoney(c.rateValue, currency, locale)} flat`;
  parts.push(`— ${w.program.name ?? c.programName ?? 'no program'} at ${rate}`);
  if (c.tier === 'second') parts.push(`, second tier${w.childCode ? ` via ${w.childCode}` : ''}`);
  const r = c.reason;
  if (r.leadEmail) parts.push(`, lead ${r.leadEmail}`);
  if (r.subscriptionId) parts.push(`, subscription payment ${r.payment ?? 1}`);
  if (r.selfReferral) parts.push(' (self-referral)');
  return parts.join(' ').replace(' ,', ',');
}

/**
 * The commissions of every partner: filter by status, program, partner and period; why each
 * exists; select many pending ones and approve them in one action; reverse one with a note;
 * clawbacks shown on each commission. Filters are in `route.params` (the URL inside `<partner-admin>`).
 *
 * @tag partner-admin-commissions
 * @summary The console's Commissions section.
 *
 * @event partner-admin-navigate - The filters changed. `detail: { path, params, replace }`.
 *
 * @csspart filters - The filter form.
 * @csspart table - The commissions.
 * @csspart row - One commission.
 * @csspart approve-selected - Approves the selected commissions.
 * @csspart more - "Load more".
 * @csspart empty - Nothing matches.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminCommissionsElement extends SectionElement {
  static override styles = [baseStyles, adminStyles];

  @state() private selected = new Set<number>();
  @state() private reversing?: number;
  @state() private busy = false;
  @state() private said?: string;
  @state() private actionError?: unknown;
  @state() private programs: AdminProgram[] = [];
  /** The merchant's currency: every amount of the admin API is in it. */
  @state() private currency = 'USD';
  /** replaced commissions after an action, by id */
  @state() private changed = new Map<number, AdminCommission>();

  private more = new MorePages<AdminCommission>(
    this,
    async (cursor) => {
      const page = await this.client.commissions({ ...this.query, cursor, limit: 50 });
      return { rows: page.commissions, nextCursor: page.nextCursor };
    },
    (said) => (this.said = said),
  );

  private get query(): CommissionQuery {
    const p = this.route.params;
    return {
      status: (p.status as CommissionStatus) || undefined,
      program: p.program ? Number(p.program) : undefined,
      partner: p.partner || undefined,
      from: p.from || undefined,
      to: p.to || undefined,
    };
  }

  private list = new Task(this, {
    task: async ([token, status, program, partner, from, to], { signal }): Promise<CommissionPage | undefined> => {
      if (!token) return undefined;
      if (!this.programs.length) {
        [this.programs, this.currency] = await Promise.all([
          this.client.programs({ signal }).catch(() => []),
          this.client.currency({ signal }).catch(() => this.currency),
        ]);
      }
      const page = await this.client.commissions({ status, program, partner, from, to, limit: 50 }, { signal });
      this.more.reset(page.nextCursor);
      this.selected = new Set();
      this.changed = new Map();
      return page;
    },
    args: () => [this.signedIn?.token, ...Object.values(this.query)] as const,
  });

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Commissions</h2>${this.signedOutView()}`;
    return html`<h2 tabindex="-1">Commissions</h2>
      ${this.renderFilters()} ${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.list.render({
        initial: () => loadingView('Loading commissions…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading commissions…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (page) => (page ? this.renderList(page) : nothing),
      })}`;
  }

  private renderFilters() {
    const p = this.route.params;
    const set = (name: string) => this.filterParam(name);
    return html`<form part="filters" class="toolbar" aria-label="Filter commissions" @submit=${(e: Event) => e.preventDefault()}>
      <label>
        Status
        <select name="status" @change=${set('status')}>
          <option value="" ?selected=${!p.status}>Any</option>
          ${(Object.keys(STATUS) as CommissionStatus[]).map((s) => html`<option value=${s} ?selected=${p.status === s}>${STATUS[s]}</option>`)}
        </select>
      </label>
      <label>
        Program
        <select name="program" @change=${set('program')}>
          <option value="" ?selected=${!p.program}>Any</option>
          ${this.programs.map((x) => html`<option value=${x.id} ?selected=${p.program === String(x.id)}>${x.name}</option>`)}
        </select>
      </label>
      <label>Partner code <input name="partner" autocomplete="off" .value=${p.partner ?? ''} @change=${set('partner')} /></label>
      <label>From <input name="from" type="date" .value=${p.from ?? ''} @change=${set('from')} /></label>
      <label>To <input name="to" type="date" .value=${p.to ?? ''} @change=${set('to')} /></label>
    </form>`;
  }

  private rows(page: CommissionPage) {
    return [...page.commissions, ...this.more.rows].map((c) => this.changed.get(c.id) ?? c);
  }

  private renderList(page: CommissionPage) {
    const locale = localeOf(this);
    const rows = this.rows(page);
    const pending = rows.filter((c) => c.status === 'pending');
    const updating = this.list.status === TaskStatus.PENDING;
    if (!rows.length) {
      const filtered = Object.values(this.route.params).some(Boolean);
      return html`<p part="empty" class="notice">${filtered ? 'No commission matches these filters.' : 'No commissions yet.'}</p>`;
    }
    const allChecked = pending.length > 0 && pending.every((c) => this.selected.has(c.id));
    return html`<div class="actions">
        <button part="approve-selected" type="button" aria-disabled=${this.selected.size && !this.busy ? 'false' : 'true'} @click=${this.approveSelected}>
          Approve selected (${this.selected.size})
        </button>
        ${updating ? html`<span role="status">Updating…</span>` : nothing}
      </div>
      <table part="table">
        <caption class="visually-hidden">Commissions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select every pending commission shown" .checked=${allChecked} ?disabled=${!pending.length} @change=${(e: Event) => this.selectAll((e.target as HTMLInputElement).checked, pending)} />
            </th>
            <th scope="col">Date</th>
            <th scope="col">Partner</th>
            <th scope="col">Order</th>
            <th scope="col" class="num">Commission</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((c) => this.renderRow(c, locale))}
        </tbody>
      </table>
      ${this.more.button(rows.length, (e) => this.errorText(e))}`;
  }

  private renderRow(c: AdminCommission, locale: string) {
    const currency = this.currency;
    const m = (n: number, signed = false) => formatMoney(n, currency, locale, { signed });
    const label = `commission ${c.id} of ${c.partnerCode}`;
    return html`<tr part="row" data-id=${c.id}>
        <td>
          ${c.status === 'pending'
            ? html`<input type="checkbox" aria-label=${`Select ${label}`} .checked=${this.selected.has(c.id)} @change=${(e: Event) => this.select(c.id, (e.target as HTMLInputElement).checked)} />`
            : nothing}
        </td>
        <td>${formatDate(c.createdAt, locale)}</td>
        <th scope="row">${c.partnerCode}</th>
        <td>${c.kind === 'lead' ? 'Lead' : (c.orderId ?? '—')}<span class="detail">${c.programName ?? ''}</span></td>
        <td class="num">
          ${m(c.amount)}
          ${c.clawback
            ? html`<span class="detail" part="clawback">${m(-c.clawback.amount, true)} clawed back ${formatDate(c.clawback.date, locale)}${c.clawback.reason ? `: ${c.clawback.reason}` : ''}</span>`
            : nothing}
        </td>
        <td class="status">${STATUS[c.status]}${c.status === 'pending' ? html`<span class="detail">payable ${formatDate(c.payableAt, locale)}</span>` : nothing}</td>
        <td part="why">${whyText(c, locale, currency)}</td>
        <td>
          <div class="actions">
            ${c.status === 'pending' ? html`<button type="button" class="secondary" aria-label=${`Approve ${label}`} @click=${() => this.approveOne(c)}>Approve</button>` : nothing}
            ${c.status !== 'clawed_back'
              ? html`<button type="button" class="secondary" aria-label=${`Reverse ${label}…`} aria-expanded=${this.reversing === c.id ? 'true' : 'false'} @click=${() => this.openReverse(c.id)}>Reverse…</button>`
              : nothing}
          </div>
        </td>
      </tr>
      ${this.reversing === c.id
        ? html`<tr>
            <td colspan="8">
              <form class="stacked" part="reverse-form" novalidate @submit=${(e: Event) => this.reverse(e, c)}>
                <label>Note (why it is taken back) <textarea name="note" required maxlength="500"></textarea></label>
                <div class="actions">
                  <button type="submit">Reverse commission ${c.id}</button>
                  <button type="button" class="secondary" @click=${() => (this.reversing = undefined)}>Cancel</button>
                </div>
              </form>
            </td>
          </tr>`
        : nothing}`;
  }


  private select(id: number, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private selectAll(on: boolean, pending: AdminCommission[]) {
    this.selected = on ? new Set(pending.map((c) => c.id)) : new Set();
  }

  private async run(action: () => Promise<string>) {
    if (this.busy) return;
    this.busy = true;
    this.said = undefined;
    this.actionError = undefined;
    try {
      this.said = await action();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  private approveSelected = () =>
    this.selected.size &&
    this.run(async () => {
      const ids = [...this.selected];
      const result = await this.client.approveCommissions(ids);
      const changed = new Map(this.changed);
      for (const c of result.approved) changed.set(c.id, c);
      this.changed = changed;
      this.selected = new Set();
      const approved = result.approved.length === 1 ? '1 commission approved' : `${result.approved.length} commissions approved`;
      return result.skipped.length ? `${approved}; ${result.skipped.length} skipped: ${result.skipped.map((s) => `${s.message}.`).join(' ')}` : `${approved}.`;
    });

  private approveOne = (c: AdminCommission) =>
    this.run(async () => {
      this.changed = new Map(this.changed).set(c.id, await this.client.approveCommission(c.id));
      this.select(c.id, false);
      return `Commission ${c.id} of ${c.partnerCode} approved.`;
    });

  private async openReverse(id: number) {
    this.reversing = this.reversing === id ? undefined : id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="reverse-form"] textarea')?.focus();
  }

  private reverse(e: Event, c: AdminCommission) {
    e.preventDefault();
    const note = (new FormData(e.target as HTMLFormElement).get('note') as string).trim();
    if (!note) {
      this.actionError = ('Write a note: it says why the commission is taken back.');
      return;
    }
    return this.run(async () => {
      this.changed = new Map(this.changed).set(c.id, await this.client.reverseCommission(c.id, note));
      this.reversing = undefined;
      this.select(c.id, false);
      return `Commission ${c.id} of ${c.partnerCode} reversed.`;
    });
  }
}
