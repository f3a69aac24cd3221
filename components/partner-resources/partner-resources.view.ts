import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ResourcePage } from '../../src/api/types.js';
import { PartnerResourceSelectEvent } from '../../src/events/partner-resource-select.js';
import { safeHtml } from '../../src/internal/safe-html.js';
import type { PartnerResourcesElement } from './partner-resources.component.js';
import pages from './partner-resources.styles.js';

/** The page list's and the page's look, adopted when this module arrives. */
export const styles = [pages];

/**
 * `<partner-resources>` once its pages are here: the page list and the open page, whose merchant
 * HTML is cleaned once more (src/internal/safe-html.ts). Loaded while the pages load
 * (src/internal/lazy-part.ts).
 */
export class ResourcesView {
  #clean = new Map<string, string>();

  constructor(readonly el: PartnerResourcesElement) {}

  render(pages: ResourcePage[]) {
    const open = pages.find((p) => p.slug === this.el.page) ?? pages[0]!;
    return html`<div class="layout">
      <nav part="nav" aria-label="Resource pages">
        <ul>
          ${pages.map(
            (p) => html`<li>
              <button part="page-button" type="button" aria-current=${p === open ? 'true' : nothing} @click=${() => this.open(p)}>${p.title}</button>
            </li>`,
          )}
        </ul>
      </nav>
      <article part="page" aria-labelledby="page-title">
        <h3 id="page-title" part="page-title" tabindex="-1">${open.title}</h3>
        <div part="content" class="content">${unsafeHTML(this.cleaned(open.html))}</div>
      </article>
    </div>`;
  }

  /** The server's sanitized HTML, cleaned once more here (cached per page content). */
  private cleaned(html: string) {
    let clean = this.#clean.get(html);
    if (clean === undefined) this.#clean.set(html, (clean = safeHtml(html)));
    return clean;
  }

  private async open(page: ResourcePage) {
    this.el.page = page.slug;
    this.el.dispatchEvent(new PartnerResourceSelectEvent({ slug: page.slug, title: page.title }));
    await this.el.updateComplete;
    // screen-reader and keyboard users land on the page they opened
    this.el.renderRoot.querySelector<HTMLElement>('#page-title')?.focus();
  }
}
