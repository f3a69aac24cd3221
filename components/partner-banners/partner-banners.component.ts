import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { loadingView } from '../../src/internal/states.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * The merchant's banners, previewed at their real size (scaled down to fit), filterable by
 * size, each with a copyable HTML snippet that carries the partner's own tracking link. A
 * sub-id typed at the top is added to the link in every snippet (`?sub=`), to tell channels apart.
 *
 * @tag partner-banners
 * @summary Banner gallery with size filter and copyable HTML carrying the partner's link.
 *
 * @event partner-copy - A banner's HTML was copied. `detail: { kind: 'banner-html', text }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart sub-input - The sub-id field.
 * @csspart size-filter - The size select.
 * @csspart gallery - The list of banners.
 * @csspart banner - One banner.
 * @csspart preview - The frame around a banner's image.
 * @csspart image - A banner's image.
 * @csspart size - A banner's pixel size.
 * @csspart snippet - The read-only HTML code.
 * @csspart copy-button - A banner's copy button.
 * @csspart empty - Shown when there are no banners.
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region.
 *
 * @cssproperty --partner-banners-max-width - Widest the element grows (default --partner-width-wide, 64em).
 * @cssproperty --partner-banners-min-column - Narrowest gallery column (default 18em).
 * @cssproperty --partner-banners-preview-background - Behind the previews (default a light checkerboard).
 * @cssproperty --partner-banners-preview-max-height - Tallest a preview is shown (default 20em).
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerBannersElement extends PartnerElement {
  static override styles = [
    baseStyles,
    resourceStyles,
    css`
      :host {
        max-width: var(--partner-banners-max-width, var(--_width-wide));
      }
    `,
  ];

  /** Heading text (default "Banners"). */
  @property() heading?: string;

  /**
   * The size shown (`728x90`), or '' for all; the view's filter sets it.
   * @internal
   */
  @state() size = '';

  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.banners(o));
  /** The gallery, its filter, sub-id and copy buttons (partner-banners.view.ts), fetched while the banners load. */
  private readonly view = new LazyPart(this, () => import('./partner-banners.view.js'), (m) => new m.BannersView(this));

  override render() {
    if (this.session.state?.token) this.view.want();
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending || this.view.loading ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Banners')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to get banners that carry your link.'), loading: msg('Loading banners…'), empty: msg('No banners yet.') },
        (banners) => html`${this.view.render((v) => v.render(banners), () => loadingView(msg('Loading banners…')))}`,
      )}
      ${this.view.value?.announcer() ?? nothing}
    </section>`;
  }
}
