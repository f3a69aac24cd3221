import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ResourcePage } from '../../src/api/types.js';
import { PartnerResourceSelectEvent } from '../../src/events/partner-resource-select.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { safeHtml } from '../../src/internal/safe-html.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-resources.styles.js';

/**
 * The merchant's resource pages (guides, brand rules, FAQs): a list of pages and the selected
 * page's content. The server renders the merchant's markdown to sanitized HTML; this element
 * strips anything script-capable once more before showing it.
 *
 * @tag partner-resources
 * @summary The merchant's resource pages: a page list and the selected page.
 *
 * @event partner-resource-select - The partner opened a page. `detail: { slug, title }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart nav - The list of pages.
 * @csspart page-button - A page in the list (`aria-current` on the open one).
 * @csspart page - The open page.
 * @csspart page-title - Its title.
 * @csspart content - Its content.
 * @csspart empty - Shown when there are no pages.
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 *
 * @cssproperty --partner-resources-max-width - Widest the element grows (default --partner-width-wide, 64em).
 * @cssproperty --partner-resources-nav-width - Width of the page list (default 14em).
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerResourcesElement extends PartnerElement {
  static override styles = [baseStyles, resourceStyles, styles];

  /** Heading text. */
  @property() heading?: string;
  /** Slug of the open page; the first page when unset or unknown. */
  @property({ reflect: true }) page?: string;

  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.resources(o));
  #clean = new Map<string, string>();

  override render() {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Resources')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to read the partner resources.'), loading: msg('Loading resources…'), empty: msg('No resource pages yet.') },
        (pages) => this.renderPages(pages),
      )}
    </section>`;
  }

  private renderPages(pages: ResourcePage[]) {
    const open = pages.find((p) => p.slug === this.page) ?? pages[0]!;
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
    this.page = page.slug;
    this.emit(new PartnerResourceSelectEvent({ slug: page.slug, title: page.title }));
    await this.updateComplete;
    // screen-reader and keyboard users land on the page they opened
    this.renderRoot.querySelector<HTMLElement>('#page-title')?.focus();
  }
}
