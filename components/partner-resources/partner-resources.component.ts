import { msg } from '@lit/localize';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { loadingView } from '../../src/internal/states.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';

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
  static override styles = [
    baseStyles,
    resourceStyles,
    css`
      :host {
        max-width: var(--partner-resources-max-width, var(--_width-wide));
      }
    `,
  ];

  /** Heading text. */
  @property() heading?: string;
  /** Slug of the open page; the first page when unset or unknown. */
  @property({ reflect: true }) page?: string;

  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.resources(o));
  /** The page list and the open page (partner-resources.view.ts), fetched while the pages load. */
  private readonly view = new LazyPart(this, () => import('./partner-resources.view.js'), (m) => new m.ResourcesView(this));

  override render() {
    if (this.session.state?.token) this.view.want();
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending || this.view.loading ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Resources')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to read the partner resources.'), loading: msg('Loading resources…'), empty: msg('No resource pages yet.') },
        (pages) => html`${this.view.render((v) => v.render(pages), () => loadingView(msg('Loading resources…')))}`,
      )}
    </section>`;
  }
}
