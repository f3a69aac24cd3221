import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminLink, AdminProgram, AdminResourceInput, AdminResourceKind } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { SectionElement } from '../internal/section-element.js';
import type { PartnerAdminResourceEditorElement, PartnerAdminResourceSavedEvent } from './partner-admin-resource-editor.component.js';
import styles from './partner-admin-resources.styles.js';
import { type AnyResource, isActive, KINDS, kindNamed, type KindInfo, offStatus, titleOf } from './resource-kinds.js';

interface Loaded {
  kind: AdminResourceKind;
  items: AnyResource[];
  programs: AdminProgram[];
  /** the merchant's links, for banners and emails (which point to one) */
  links: AdminLink[];
}

/**
 * The merchant's promotional material, one sub-section each — Links, Banners, Email copy,
 * Pages — as a list (order, programs, shown or not) and an editor (fields, programs, preview
 * as partners will see it, banner image upload, delete). The view is in `route`:
 * `#/resources/banners`, `#/resources/banners/12`, `#/resources/pages/new`.
 *
 * Links have no order of their own in the API (no sort field), so only banners, emails and
 * pages can be moved up and down; the new order is saved as each item's `sortOrder`.
 *
 * @tag partner-admin-resources
 * @summary The console's Resources section: links, banners, email copy and resource pages.
 *
 * @event partner-admin-navigate - The view changed. `detail: { path, params, replace }`.
 *
 * @csspart nav - The sub-navigation (Links, Banners, Email copy, Pages).
 * @csspart table - The list of one kind.
 * @csspart row - One item in the list.
 * @csspart new - "New …".
 * @csspart empty - Nothing of this kind yet.
 * @csspart spinner - Loading.
 * @csspart error - The request failed (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 * @csspart editor - The editor of one item.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminResourcesElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, styles];

  @state() private said?: string;
  @state() private actionError?: unknown;
  @state() private busy = false;

  private get info(): KindInfo {
    return kindNamed(this.route.path[0]);
  }

  private data = new Task(this, {
    task: async ([token, kind], { signal }): Promise<Loaded | undefined> => {
      if (!token) return undefined;
      const needsLinks = kind === 'banners' || kind === 'email-copy';
      const [items, programs, links] = await Promise.all([
        this.client.resources(kind, { signal }) as Promise<AnyResource[]>,
        this.client.programs({ signal }).catch(() => [] as AdminProgram[]),
        needsLinks ? this.client.resources('links', { signal }).catch(() => [] as AdminLink[]) : Promise.resolve([] as AdminLink[]),
      ]);
      return { kind, items, programs, links };
    },
    args: () => [this.signedIn?.token, this.info.kind] as const,
  });

  override async focusHeading() {
    const editor = this.renderRoot.querySelector<PartnerAdminResourceEditorElement>('partner-admin-resource-editor');
    if (!editor) return super.focusHeading();
    await editor.updateComplete;
    editor.focusHeading();
  }

  override render() {
    const info = this.info;
    const loaded = this.data.value?.kind === info.kind ? this.data.value : undefined;
    return html`<h2>Resources</h2>
      <nav part="nav" class="sub" aria-label="Resources">
        <ul>
          ${KINDS.map(
            (k) => html`<li><a href="#/resources/${k.name}" aria-current=${k === info ? 'page' : nothing} @click=${(e: Event) => this.go(e, [k.name])}>${k.label}</a></li>`,
          )}
        </ul>
      </nav>
      ${this.route.path[1] === undefined ? html`<h3 tabindex="-1">${info.label}</h3>` : nothing}
      ${!this.signedIn
        ? this.signedOutView()
        : this.data.render({
            initial: () => loadingView(`Loading ${info.label.toLowerCase()}…`),
            pending: () => (loaded ? this.view(loaded) : loadingView(`Loading ${info.label.toLowerCase()}…`)),
            error: (e) => this.failure(e, () => void this.data.run()),
            complete: (d) => (d ? this.view(d) : this.signedOutView()),
          })}`;
  }

  private view(d: Loaded) {
    const [, id] = this.route.path;
    if (id === undefined) return this.list(d);
    const item = id === 'new' ? undefined : d.items.find((x) => String(x.id) === id);
    if (id !== 'new' && !item) {
      return html`<p part="empty" class="notice">There is no ${this.info.one} ${id}; it may have been deleted.
          <a href="#/resources/${this.info.name}" @click=${(e: Event) => this.go(e, [this.info.name])}>All ${this.info.label.toLowerCase()}</a></p>`;
    }
    return html`<partner-admin-resource-editor
      part="editor"
      .info=${this.info}
      .item=${item}
      .programs=${d.programs}
      .links=${d.links}
      .api=${this.client}
      .adminSession=${this.session}
      @partner-admin-back=${() => this.navigate([this.info.name], {})}
      @partner-admin-resource-saved=${this.onSaved}
    ></partner-admin-resource-editor>`;
  }

  private list(d: Loaded) {
    const info = this.info;
    const programName = (id: number) => d.programs.find((p) => p.id === id)?.name ?? `Program ${id}`;
    return html`${this.announcement(this.said)}
      ${this.actionError ? html`<p part="error" role="alert">${messageOf(this.actionError)}</p>` : nothing}
      <p><a part="new" class="button" href="#/resources/${info.name}/new" @click=${(e: Event) => this.go(e, [info.name, 'new'])}>New ${info.one}</a></p>
      ${d.items.length
        ? html`<table part="table" aria-busy=${this.busy ? 'true' : 'false'}>
            <caption class="visually-hidden">${info.label}${info.ordered ? ', in the order partners see them' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">${info.kind === 'resource-pages' ? 'Title' : 'Name'}</th>
                <th scope="col">Programs</th>
                <th scope="col">Shown to partners</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${d.items.map((item, i) => {
                const title = titleOf(item);
                return html`<tr part="row">
                  <th scope="row">
                    <a href="#/resources/${info.name}/${item.id}" @click=${(e: Event) => this.go(e, [info.name, String(item.id)])}>${title}</a>
                    <span class="detail">${this.detail(item)}</span>
                  </th>
                  <td>${item.programIds.length ? item.programIds.map(programName).join(', ') : 'Every program'}</td>
                  <td class="status">${isActive(item) ? 'Yes' : info.kind === 'links' ? 'No (disabled)' : 'No (archived)'}</td>
                  <td class="actions">
                    <button type="button" class="secondary" @click=${() => this.toggle(item)}>${isActive(item) ? 'Disable' : 'Enable'}<span class="visually-hidden"> ${title}</span></button>
                    ${info.ordered
                      ? html`<span class="order">
                          <button type="button" class="secondary" data-move="up" data-id=${item.id} aria-disabled=${i === 0 ? 'true' : 'false'} aria-label="Move ${title} up" @click=${() => this.move(d, i, -1)}>↑</button>
                          <button type="button" class="secondary" data-move="down" data-id=${item.id} aria-disabled=${i === d.items.length - 1 ? 'true' : 'false'} aria-label="Move ${title} down" @click=${() => this.move(d, i, 1)}>↓</button>
                        </span>`
                      : nothing}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`
        : html`<p part="empty" class="notice">No ${info.label.toLowerCase()} yet: partners see none. Add the first with “New ${info.one}”.</p>`}`;
  }

  private detail(item: AnyResource) {
    if ('destination' in item) return html`/r/&lt;code&gt;/${item.slug} → ${item.destination}`;
    if ('alt' in item) return `${item.width} × ${item.height} · opens /${item.linkSlug}`;
    if ('subject' in item) return `Subject: ${item.subject}`;
    return `/${item.slug}`;
  }

  private go(e: Event, path: string[]) {
    e.preventDefault();
    this.said = undefined;
    this.actionError = undefined;
    this.navigate(path, {});
  }

  private onSaved = (e: PartnerAdminResourceSavedEvent) => {
    this.navigate([this.info.name], {});
    this.said = e.detail.message;
    this.actionError = undefined;
    void this.data.run();
  };

  /** Runs changes, then reloads the list and says what happened. */
  private async act(changes: () => Promise<unknown>, done: string) {
    if (this.busy) return false;
    this.busy = true;
    this.said = undefined;
    this.actionError = undefined;
    try {
      await changes();
      this.said = done;
      return true;
    } catch (error) {
      this.actionError = error;
      return false;
    } finally {
      await this.data.run();
      this.busy = false;
    }
  }

  private toggle(item: AnyResource) {
    const kind = this.info.kind;
    const status = isActive(item) ? offStatus(kind) : 'active';
    const title = titleOf(item);
    return this.act(
      () => this.client.updateResource(kind, item.id, { status } as AdminResourceInput<typeof kind>),
      status === 'active' ? `“${title}” is shown to partners again.` : `“${title}” is hidden from partners.`,
    );
  }

  /** Swaps an item with its neighbour and saves every position that changed (as `sortOrder`). */
  private async move(d: Loaded, index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= d.items.length) return;
    const order = [...d.items];
    const [item] = order.splice(index, 1);
    order.splice(to, 0, item!);
    const kind = this.info.kind;
    const moved = await this.act(
      () =>
        Promise.all(
          order.map((x, i) =>
            'sortOrder' in x && x.sortOrder === i ? undefined : this.client.updateResource(kind, x.id, { sortOrder: i } as AdminResourceInput<typeof kind>),
          ),
        ),
      `“${titleOf(item!)}” moved to position ${to + 1} of ${order.length}.`,
    );
    if (!moved) return;
    await this.updateComplete;
    // keep the keyboard on the item moved
    const direction = to === 0 ? 'down' : to === order.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    this.renderRoot.querySelector<HTMLElement>(`button[data-id="${item!.id}"][data-move="${direction}"]`)?.focus();
  }
}
