import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PartnerBanner } from '../../src/api/types.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { SubIdController } from '../../src/internal/sub-id.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-banners.styles.js';

const sizeOf = (b: PartnerBanner) => `${b.width}x${b.height}`;
const sizeLabel = (b: PartnerBanner) => `${b.width} × ${b.height}`;

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
  static override styles = [baseStyles, resourceStyles, styles];

  /** Heading text (default "Banners"). */
  @property() heading?: string;

  /** The size shown (`728x90`), or '' for all. */
  @state() private size = '';

  private readonly copier = new CopyController(this);
  private readonly sub = new SubIdController(this);
  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.banners(o));

  override render() {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Banners')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to get banners that carry your link.'), loading: msg('Loading banners…'), empty: msg('No banners yet.') },
        (banners) => this.renderGallery(banners),
      )}
      ${this.copier.announcer()}
    </section>`;
  }

  private renderGallery(banners: PartnerBanner[]) {
    const sizes = new Map<string, { label: string; count: number; width: number; height: number }>();
    for (const b of banners) {
      const entry = sizes.get(sizeOf(b)) ?? { label: sizeLabel(b), count: 0, width: b.width, height: b.height };
      entry.count++;
      sizes.set(sizeOf(b), entry);
    }
    const size = sizes.has(this.size) ? this.size : '';
    const shown = size ? banners.filter((b) => sizeOf(b) === size) : banners;
    return html`${this.sub.render(msg('Tag the link in every banner code to tell your channels apart, like newsletter or blog.'))}
      <div class="field filter">
        <label for="size">${msg('Size')}</label>
        <select id="size" part="size-filter" @change=${this.filter}>
          <option value="" ?selected=${!size}>${msg(str`All sizes (${banners.length})`)}</option>
          ${[...sizes.entries()]
            .sort(([, a], [, b]) => b.width - a.width || b.height - a.height)
            .map(([value, s]) => html`<option value=${value} ?selected=${value === size}>${s.label} (${s.count})</option>`)}
        </select>
      </div>
      <ul part="gallery">
        ${shown.map((b) => this.renderBanner(b))}
      </ul>`;
  }

  private renderBanner(b: PartnerBanner) {
    const key = `banner-${b.id}`;
    const code = this.sub.apply(b.html, b.linkUrl, { html: true });
    return html`<li part="banner" data-banner-id=${b.id} aria-labelledby="name-${b.id}">
      <div class="banner-head">
        <h3 id="name-${b.id}">${b.name}</h3>
        <span part="size">${msg(str`${sizeLabel(b)} px`)}</span>
      </div>
      <div part="preview" class="preview">
        <img part="image" src=${b.imageUrl} width=${b.width} height=${b.height} alt=${b.alt} loading="lazy" decoding="async" />
      </div>
      <div class="field">
        <label for="html-${b.id}">${msg('HTML code')}<span class="visually-hidden"> ${msg(str`for ${b.name}`)}</span></label>
        <div class="copy-row">
          <textarea id="html-${b.id}" part="snippet" readonly rows="3" spellcheck="false" .value=${code} @focus=${(e: FocusEvent) => (e.target as HTMLTextAreaElement).select()}></textarea>
        </div>
        <div>
          <button part="copy-button" type="button" data-copy=${this.copier.state(key) ?? 'idle'} @click=${() => this.copier.copy(key, code, 'banner-html', msg('Banner HTML'))}>
            ${this.copier.label(key, msg('Copy HTML'), msg(str`for ${b.name}`))}
          </button>
        </div>
      </div>
    </li>`;
  }

  private filter(event: Event) {
    this.size = (event.target as HTMLSelectElement).value;
    const banners = this.data.value ?? [];
    const count = this.size ? banners.filter((b) => sizeOf(b) === this.size).length : banners.length;
    this.copier.announce(count === 1 ? msg('1 banner shown') : msg(str`${count} banners shown`));
  }
}

