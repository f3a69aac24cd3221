import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatCount, formatDate, formatMoney, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { messageOf } from '../../src/api/errors.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, focusFirstInvalid, formProblem, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import type { PartnerAdminNavigateEvent } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import type { AdminProgram, NewPartner, PartnerAccount, PartnerPage, PartnerQuery, PartnerSort, PartnerStatus, SortOrder } from '../api/types.js';
import type { PartnerAdminPartnerElement } from './partner-admin-partner.component.js';

export const STATUS_LABEL: Record<PartnerStatus, string> = { active: 'Active', pending: 'Waiting for approval', disabled: 'Disabled' };
const SEARCH_DELAY_MS = 300;

/**
 * The merchant's partners: search (on the server, as you type), sort, filter by status, and
 * page with "Load more"; a partner's detail with approve / reject, disable, set a password,
 * "view as partner" and their ledger. The view is in `route` (`#/partners?q=ann`,
 * `#/partners/ann` inside `<partner-admin>`).
 *
 * @tag partner-admin-partners
 * @summary The console's Partners section: list and detail.
 *
 * @event partner-admin-navigate - The view or its filters changed. `detail: { path, params, replace }`.
 *
 * @csspart search - The search field.
 * @csspart table - The list of partners.
 * @csspart row - One partner in the list.
 * @csspart count - How many partners match (live).
 * @csspart more - The "Load more" button.
 * @csspart empty - No partner matches.
 * @csspart spinner - Loading.
 * @csspart error - The request failed (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart detail - One partner's page.
 * @csspart announcement - What an action just did (live).
 * @csspart create - "New partner": opens the form that creates one.
 * @csspart create-form - The new partner's name, email, code, password, programs and parent.
 */
export class PartnerAdminPartnersElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles];

  /** pages after the first ("Load more") */
  @state() private more: PartnerAccount[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError?: unknown;
  /** the search as typed (the URL follows after a pause) */
  @state() private typed?: string;

  /** the "New partner" form is open, with the active programs to choose from */
  @state() private creating?: { programs: AdminProgram[] };
  @state() private createErrors: FieldErrors = {};
  @state() private createError?: unknown;
  @state() private saving = false;

  #searchTimer?: ReturnType<typeof setTimeout>;

  private get query(): PartnerQuery {
    const p = this.route.params;
    return {
      q: p.q || undefined,
      status: (p.status as PartnerStatus) || undefined,
      sort: (p.sort as PartnerSort) || undefined,
      order: (p.order as SortOrder) || undefined,
    };
  }

  private list = new Task(this, {
    task: async ([token, code, q, status, sort, order], { signal }): Promise<PartnerPage | undefined> => {
      if (!token || code) return undefined;
      const page = await this.client.partners({ q, status, sort, order, limit: 50 }, { signal });
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.moreError = undefined;
      return page;
    },
    args: () => [this.signedIn?.token, this.route.path[0], ...Object.values(this.query)] as const,
  });

  override async focusHeading() {
    const detail = this.renderRoot.querySelector<PartnerAdminPartnerElement>('partner-admin-partner');
    if (!detail) return super.focusHeading();
    await detail.updateComplete;
    detail.focusHeading();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Partners</h2>${this.signedOutView()}`;
    const code = this.route.path[0];
    if (code) {
      return html`<partner-admin-partner
        part="detail"
        .code=${code}
        .api=${this.client}
        .adminSession=${this.session}
        @partner-admin-back=${() => this.navigate([], this.route.params)}
        @partner-admin-navigate=${(e: PartnerAdminNavigateEvent) => (this.route = { path: e.detail.path, params: e.detail.params })}
      ></partner-admin-partner>`;
    }
    return html`<h2 tabindex="-1">Partners</h2>
      <div class="actions">
        <button part="create" type="button" aria-expanded=${this.creating ? 'true' : 'false'} @click=${this.toggleCreate}>New partner</button>
      </div>
      ${this.createError && !Object.keys(this.createErrors).length ? html`<p part="error" role="alert">${this.errorText(this.createError)}</p>` : nothing}
      ${this.creating ? this.renderCreate(this.creating.programs) : nothing}
      ${this.renderToolbar()}
      ${this.list.render({
        initial: () => loadingView('Loading partners…'),
        pending: () => (this.list.value ? this.renderList(this.list.value) : loadingView('Loading partners…')),
        error: (e) => this.failure(e, () => void this.list.run()),
        complete: (page) => (page ? this.renderList(page) : nothing),
      })}`;
  }

  private renderToolbar() {
    const p = this.route.params;
    return html`<form class="toolbar" role="search" aria-label="Find partners" @submit=${(e: Event) => e.preventDefault()}>
      <label>
        Search
        <input part="search" type="search" name="q" autocomplete="off" placeholder="Code, name or email" .value=${this.typed ?? p.q ?? ''} @input=${this.onSearch} />
      </label>
      <label>
        Status
        <select name="status" @change=${(e: Event) => this.setParam('status', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!p.status}>Any</option>
          ${(['pending', 'active', 'disabled'] as const).map((s) => html`<option value=${s} ?selected=${p.status === s}>${STATUS_LABEL[s]}</option>`)}
        </select>
      </label>
      <label>
        Sort by
        <select name="sort" @change=${(e: Event) => this.setParam('sort', (e.target as HTMLSelectElement).value)}>
          ${(
            [
              ['created', 'Newest'],
              ['name', 'Name'],
              ['code', 'Code'],
            ] as const
          ).map(([value, label]) => html`<option value=${value} ?selected=${(p.sort ?? 'created') === value}>${label}</option>`)}
        </select>
      </label>
      <label>
        Order
        <select name="order" @change=${(e: Event) => this.setParam('order', (e.target as HTMLSelectElement).value)}>
          <option value="asc" ?selected=${p.order === 'asc'}>Ascending</option>
          <option value="desc" ?selected=${p.order !== 'asc'}>Descending</option>
        </select>
      </label>
    </form>`;
  }

  private renderCreate(programs: AdminProgram[]) {
    const e = this.createErrors;
    const field = (name: string, label: string, attrs: { type?: string; autocomplete?: string; hint?: string } = {}) => html`<div class="field">
      <label for=${`new-${name}`}>${label}</label>
      <input id=${`new-${name}`} name=${name} type=${attrs.type ?? 'text'} autocomplete=${attrs.autocomplete ?? 'off'} aria-invalid=${invalid(e, name)} aria-describedby=${describedBy(e, name, !!attrs.hint)} />
      ${attrs.hint ? html`<p class="hint" id=${`${name}-hint`}>${attrs.hint}</p>` : nothing} ${fieldError(e, name)}
    </div>`;
    return html`${formProblem(e)}
      <form part="create-form" class="stacked" novalidate aria-label="New partner" @submit=${this.create}>
        <div class="row">
          ${field('name', 'Name')} ${field('email', 'Email', { type: 'email' })}
          ${field('code', 'Partner code', { hint: 'In their links and how they sign in: letters, digits, dashes or underscores.' })}
        </div>
        <div class="row">
          ${field('password', 'Password', { type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters: they sign in with it. Tell it to them.' })}
          ${field('parentCode', 'Referred by (partner code, optional)', { hint: 'The parent earns second-tier commissions.' })}
        </div>
        <fieldset>
          <legend>Programs</legend>
          ${programs.length
            ? programs.map((p) => html`<label class="check"><input type="checkbox" name="programIds" value=${p.id} /> ${p.name}</label>`)
            : html`<p class="notice">No active program yet: their links earn nothing until they join one.</p>`}
        </fieldset>
        <div class="actions">
          <button type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Creating…' : 'Create partner'}</button>
          <button type="button" class="secondary" @click=${this.toggleCreate}>Cancel</button>
        </div>
      </form>`;
  }

  private toggleCreate = async () => {
    this.createErrors = {};
    this.createError = undefined;
    if (this.creating) {
      this.creating = undefined;
      return;
    }
    try {
      const programs = (await this.client.programs()).filter((p) => p.status === 'active');
      this.creating = { programs };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#new-name')?.focus();
    } catch (error) {
      this.createError = error;
    }
  };

  private create = async (ev: Event) => {
    ev.preventDefault();
    if (this.saving) return;
    const form = new FormData(ev.target as HTMLFormElement);
    const value = (name: string) => ((form.get(name) as string | null) ?? '').trim();
    const partner: NewPartner = {
      name: value('name'),
      email: value('email'),
      code: value('code'),
      password: (form.get('password') as string | null) ?? '',
      programIds: form.getAll('programIds').map(Number),
      ...(value('parentCode') ? { parentCode: value('parentCode') } : {}),
    };
    const errors: FieldErrors = {};
    if (!partner.name) errors.name = 'Give the partner a name.';
    if (!partner.email) errors.email = 'Give the partner an email address.';
    if (!partner.code) errors.code = 'Give the partner a code.';
    if (partner.password.length < 8) errors.password = 'The password needs at least 8 characters.';
    this.createErrors = errors;
    this.createError = undefined;
    if (!Object.keys(errors).length) {
      this.saving = true;
      try {
        const created = await this.client.createPartner(partner);
        this.creating = undefined;
        this.navigate([created.code], {});
        return;
      } catch (error) {
        this.createError = error;
        this.createErrors = serverFieldError(error, (f) => (['name', 'email', 'code', 'password', 'parentCode'].includes(f) ? f : undefined)) ?? {};
      } finally {
        this.saving = false;
      }
    }
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot as ShadowRoot);
  };

  private onSearch = (e: InputEvent) => {
    this.typed = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.setParam('q', this.typed?.trim() ?? '', true);
      // from now on the URL holds the search (back/forward may change it)
      this.typed = undefined;
    }, SEARCH_DELAY_MS);
  };

  private setParam(name: string, value: string, replace = false) {
    this.navigate([], { ...this.route.params, [name]: value }, { replace });
  }

  private renderList(page: PartnerPage) {
    const locale = localeOf(this);
    const rows = [...page.partners, ...this.more];
    const searching = !!(this.route.params.q || this.route.params.status);
    return html`<p part="count" role="status">
        ${page.total === 1 ? '1 partner' : `${formatCount(page.total, locale)} partners`}${searching ? ' match' : ''}${this.list.value && this.list.status === TaskStatus.PENDING ? ' (updating…)' : ''}
      </p>
      ${rows.length
        ? html`<table part="table">
            <caption class="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                <th scope="col" class="num">Balance</th>
                <th scope="col" class="num">Payable now</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (p) => html`<tr part="row">
                  <th scope="row">
                    <a href=${`#/partners/${encodeURIComponent(p.code)}`} @click=${(e: Event) => this.open(e, p.code)}>${p.name}</a>
                    <span class="detail">${p.code} · ${p.email}</span>
                  </th>
                  <td class="status">${STATUS_LABEL[p.status]}</td>
                  <td>${formatDate(p.createdAt, locale)}</td>
                  <td class="num">${formatMoney(p.balance.balance, p.balance.currency, locale)}</td>
                  <td class="num">${formatMoney(p.balance.payableNow, p.balance.currency, locale)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p part="empty" class="notice">${searching ? 'No partner matches. Try another search or status.' : 'No partners yet.'}</p>`}
      ${this.moreError ? html`<p part="error" role="alert">${messageOf(this.moreError)}</p>` : nothing}
      ${this.nextCursor
        ? html`<button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
            ${this.loadingMore ? 'Loading…' : 'Load more'}
          </button>`
        : nothing}`;
  }

  private open(e: Event, code: string) {
    e.preventDefault();
    clearTimeout(this.#searchTimer);
    this.navigate([code], this.route.params);
  }

  private loadMore = async () => {
    if (this.loadingMore || !this.nextCursor) return;
    this.loadingMore = true;
    this.moreError = undefined;
    const before = this.more.length + (this.list.value?.partners.length ?? 0);
    try {
      const page = await this.client.partners({ ...this.query, cursor: this.nextCursor, limit: 50 });
      this.more = [...this.more, ...page.partners];
      this.nextCursor = page.nextCursor;
      await this.updateComplete;
      // keyboard users continue at the first new row
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"] a')[before]?.focus();
    } catch (error) {
      this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  };
}
