import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { PartnerBanner } from '../../src/api/types.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { SubIdController } from '../../src/internal/sub-id.js';
import type { PartnerBannersElement } from './partner-banners.component.js';
import gallery from './partner-banners.styles.js';

/** The gallery's look, adopted when this module arrives. */
export const styles = [gallery];

const sizeOf = (b: PartnerBanner) => `${b.width}x${b.height}`;
const sizeLabel = (b: PartnerBanner) => `${b.width} × ${b.height}`;

/**
 * `<partner-banners>` once its banners are here: the sub-id field, the size filter and the
 * gallery with copyable snippets. Loaded while the banners load (src/internal/lazy-part.ts).
 */
export class BannersView {
  private readonly copier: CopyController;
  private readonly sub: SubIdController;

  constructor(readonly el: PartnerBannersElement) {
    this.copier = new CopyController(el);
    this.sub = new SubIdController(el);
  }

  /** The live region the copy buttons and the filter speak through. */
  announcer() {
    return this.copier.announcer();
  }

  render(banners: PartnerBanner[]) {
    const sizes = new Map<string, { label: string; count: number; width: number; height: number }>();
    for (const b of banners) {
      const entry = sizes.get(sizeOf(b)) ?? { label: sizeLabel(b), count: 0, width: b.width, height: b.height };
      entry.count++;
      sizes.set(sizeOf(b), entry);
    }
    const size = sizes.has(this.el.size) ? this.el.size : '';
    const shown = size ? banners.filter((b) => sizeOf(b) === size) : banners;
    return html`${this.sub.render(msg('Tag the link in every banner code to tell your channels apart, like newsletter or blog.'))}
      <div class="field filter">
        <label for="size">${msg('Size')}</label>
        <select id="size" part="size-filter" @change=${(e: Event) => this.filter(e, banners)}>
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

  private filter(event: Event, banners: PartnerBanner[]) {
    const size = (this.el.size = (event.target as HTMLSelectElement).value);
    const count = size ? banners.filter((b) => sizeOf(b) === size).length : banners.length;
    this.copier.announce(count === 1 ? msg('1 banner shown') : msg(str`${count} banners shown`));
  }
}
