import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatMoney, formatRate, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { Program } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import type { PartnerAdminNavigateEvent } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import type { PartnerAdminProgramElement } from './partner-admin-program.component.js';

type Shown = 'active' | 'archived';

/**
 * The merchant's programs: the active ones (or the archived ones), each with its rules in a
 * line; create one, open one to edit every rule beside a live example, archive or restore.
 * `#/programs?status=archived`, `#/programs/new`, `#/programs/<id>`.
 *
 * @tag partner-admin-programs
 * @summary The console's Programs section.
 *
 * @event partner-admin-navigate - Another view (a program, the archived list). `detail: { path, params, replace }`.
 *
 * @csspart table - The programs.
 * @csspart row - One program.
 * @csspart create - "New program".
 * @csspart shown - Active or archived.
 * @csspart detail - The program's form (`<partner-admin-program>`).
 * @csspart empty - No program (of this kind).
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminProgramsElement extends SectionElement {
  static override styles = [baseStyles, adminStyles];

  @state() private said?: string;
  @state() private actionError?: unknown;
  @state() private busy = false;
  /** The merchant's currency: flat rates are in it. */
  @state() private currency = 'USD';

  private get shown(): Shown {
    return this.route.params.status === 'archived' ? 'archived' : 'active';
  }

  private list = new Task(this, {
    task: async ([token, status, open], { signal }): Promise<Program[] | undefined> => {
      if (!token || open) return undefined;
      const [programs, currency] = await Promise.all([this.client.listPrograms({ status }, { signal }), this.client.currency({ signal }).catch(() => this.currency)]);
      this.currency = currency;
      return programs;
    },
    args: () => [this.signedIn?.token, this.shown, this.route.path[0]] as const,
  });

  override async focusHeading() {
    const detail = this.renderRoot.querySelector<PartnerAdminProgramElement>('partner-admin-program');
    if (!detail) return super.focusHeading();
    await detail.updateComplete;
    detail.focusHeading();
  }

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Programs</h2>${this.signedOutView()}`;
    const open = this.route.path[0];
    if (open) {
      return html`<partner-admin-program
        part="detail"
        .programId=${open === 'new' ? 'new' : Number(open)}
        .api=${this.client}
        .adminSession=${this.session}
        @partner-admin-back=${() => this.navigate([], this.route.params)}
        @partner-admin-navigate=${(e: PartnerAdminNavigateEvent) => (this.route = { path: e.detail.path, params: e.detail.params })}
      ></partner-admin-program>`;
    }
    return html`<h2 tabindex="-1">Programs</h2>
      <div class="toolbar">
        <button part="create" type="button" @click=${() => this.navigate(['new'], {})}>New program</button>
        <label>
          Show
          <select part="shown" name="status" @change=${(e: Event) => this.navigate([], { status: (e.target as HTMLSelectElement).value === 'archived' ? 'archived' : '' }, { replace: true })}>
            <option value="active" ?selected=${this.shown === 'active'}>Active programs</option>
            <option value="archived" ?selected=${this.shown === 'archived'}>Archived programs</option>
          </select>
        </label>
      </div>
      ${this.announcement(this.said)} ${this.actionError ? html`<p part="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
      ${this.list.render({
        initial: () => loadingView('Loading programs…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading programs…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (programs) => (programs ? this.renderList(programs) : nothing),
      })}`;
  }

  private renderList(programs: Program[]) {
    if (!programs.length) {
      return html`<p part="empty" class="notice">
        ${this.shown === 'archived' ? 'No archived programs.' : 'No programs yet. Create one: partners earn only through a program.'}
      </p>`;
    }
    const locale = localeOf(this);
    const rate = (r: Program['saleCommission']) => formatRate(r, this.currency, locale);
    return html`<table part="table">
      <caption class="visually-hidden">${this.shown === 'archived' ? 'Archived programs' : 'Active programs'}, highest priority first</caption>
      <thead>
        <tr>
          <th scope="col">Program</th>
          <th scope="col">Sale commission</th>
          <th scope="col">Second tier</th>
          <th scope="col">Lead</th>
          <th scope="col" class="num">Priority</th>
          <th scope="col">Sign-up</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        ${programs.map(
          (p) => html`<tr part="row" data-id=${p.id}>
            <th scope="row"><a href=${`#/programs/${p.id}`} @click=${(e: Event) => (e.preventDefault(), this.navigate([String(p.id)], {}))}>${p.name}</a></th>
            <td>${rate(p.saleCommission)}${p.productRates.length ? html`<span class="detail">${p.productRates.length} product rate${p.productRates.length === 1 ? '' : 's'}</span>` : nothing}</td>
            <td>${p.secondTier ? rate(p.secondTier) : 'None'}</td>
            <td>${p.leadCommission === null ? 'None' : formatMoney(p.leadCommission, this.currency, locale)}</td>
            <td class="num">${p.priority}</td>
            <td>${p.openToSignup ? 'New partners join' : '—'}</td>
            <td>
              ${p.status === 'active'
                ? html`<button type="button" class="secondary" aria-label=${`Archive ${p.name}`} @click=${() => this.setStatus(p, 'archived')}>Archive</button>`
                : html`<button type="button" class="secondary" aria-label=${`Restore ${p.name}`} @click=${() => this.setStatus(p, 'active')}>Restore</button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async setStatus(p: Program, status: 'active' | 'archived') {
    if (this.busy) return;
    this.busy = true;
    this.said = this.actionError = undefined;
    try {
      if (status === 'archived') await this.client.archiveProgram(p.id);
      else await this.client.updateProgram(p.id, { status });
      this.said = status === 'archived' ? `${p.name} is archived: it earns nothing on new sales.` : `${p.name} is active again.`;
      await this.list.run();
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
