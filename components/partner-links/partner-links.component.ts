import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PartnerLink } from '../../src/api/types.js';
import type { RangePreset } from '../../src/internal/date-range.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { loadingView } from '../../src/internal/states.js';
import { noProgramView } from '../../src/internal/no-program.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * The partner's tracking links: the merchant's links and their own deep links, each with its
 * full URL, a copy button, a QR code (PNG or SVG to download) and its click count; a sub-id
 * to tag every link for one channel; and a form to build a custom deep link to any page on
 * the merchant's allowed domains (checked as the partner types, and again by the server).
 * Each link shows its clicks, sales, conversion and earnings for the period chosen at the top
 * (one `linkStats` call for all links, joined by the link's slug). The partner names their custom links, renames them
 * (inline, Escape cancels) and disables or enables them (disabling asks first: visitors still
 * reach the page, but nothing is recorded); disabled links are marked and listed last.
 * A partner in no program is told that links earn nothing yet, instead of being offered them.
 * The partner's coupon codes (from `GET /api/v1/me`), each with a copy button, show above the
 * links when the merchant gave them any (nothing is shown while they load or if reading fails:
 * the links do not wait for them).
 *
 * @tag partner-links
 * @summary Tracking links with copy, sub-id, QR codes, click counts and custom deep links.
 *
 * @event partner-copy - A link or coupon code was copied. `detail: { kind: 'link' | 'coupon', text }`.
 * @event partner-link-create - A custom deep link was created. `detail: { link }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart refresh-button - Reloads the links and click counts.
 * @csspart sub-input - The sub-id field.
 * @csspart coupons - The partner's coupon codes (only when they have any).
 * @csspart coupon - One coupon code.
 * @csspart coupon-copy-button - A coupon code's copy button.
 * @csspart list - The list of links.
 * @csspart link - One link.
 * @csspart badge - "Your link" on the partner's own deep links.
 * @csspart clicks - A link's click count.
 * @csspart url - The read-only field with a link's URL.
 * @csspart copy-button - A link's copy button.
 * @csspart qr-button - Shows or hides a link's QR code.
 * @csspart qr - The QR code panel.
 * @csspart qr-download - The PNG and SVG download links.
 * @csspart range - The period picker for the links' figures.
 * @csspart stats - A link's figures in the period (clicks, sales, conversion, earnings).
 * @csspart stats-loading - Shown while the figures load.
 * @csspart stats-error - The figures could not be loaded (the links still show), with a retry button.
 * @csspart disabled-badge - "Disabled" on a link the partner turned off.
 * @csspart rename-button - Opens a custom link's rename form.
 * @csspart rename-form - The inline rename form (Escape cancels).
 * @csspart disable-button - Disables or enables a custom link.
 * @csspart confirm - The confirmation before a link is disabled.
 * @csspart link-error - A rename or disable that failed.
 * @csspart name-input - The name field of the create form.
 * @csspart form - The custom deep link form.
 * @csspart destination-input - Its address field.
 * @csspart create-button - Its submit button.
 * @csspart form-error - A failure the form could not pin on a field.
 * @csspart empty - Shown when there are no links.
 * @csspart no-program - Shown instead of the links while the partner is in no program (their links would earn nothing).
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region ("Link copied…").
 *
 * @cssproperty --partner-links-max-width - Widest the element grows (default --partner-width-content, 48em).
 * @cssproperty --partner-links-background - Card background.
 * @cssproperty --partner-links-row-border-color - Border of each link.
 * @cssproperty --partner-links-qr-size - Size of the QR code preview (default 10em).
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerLinksElement extends PartnerElement {
  static override styles = baseStyles;

  /** The populated view and what it does (partner-links.view.ts), loaded while the links load. */
  private readonly view = new LazyPart(this, () => import('./partner-links.view.js'), (m) => new m.LinksView(this));

  /** Heading text (default "Your links"). */
  @property() heading?: string;
  /** The period the links' figures are for at first: `this-month` (default), `last-month`, `this-year` or `all`. */
  @property() range: RangePreset = 'this-month';

  /** Links the partner renamed, disabled or enabled here since the last load. */
  /** @internal */
  @state() patched: Record<number, PartnerLink> = {};
  /** @internal */
  @state() renaming?: number;
  /** @internal */
  @state() renameValue = '';
  /** @internal */
  @state() renameError?: string;
  /** @internal */
  @state() confirming?: number;
  /** @internal */
  @state() busy?: number;
  /** @internal */
  @state() linkError?: { id: number; message: string };
  /** @internal */
  @state() newName = '';
  /** @internal */
  @state() newNameError?: string;



  /** The sub-id typed by the partner, added to every link without its own. */
  /** @internal */
  @state() sub = '';
  /** @internal */
  @state() openQr: number[] = [];
  /** Links created here since the last load, newest first. */
  /** @internal */
  @state() added: PartnerLink[] = [];
  /** @internal */
  @state() destination = '';
  /** @internal */
  @state() newSub = '';
  /** @internal */
  @state() destinationError?: string;
  /** @internal */
  @state() newSubError?: string;
  /** @internal */
  @state() formError?: string;
  /** @internal */
  @state() creating = false;

  /** @internal */
  readonly data = new ResourceTask(this, () => this.session.state?.token, async (options) => {
    // in no program, links earn nothing: say so instead of offering them (unknown: show them)
    const [links, programs] = await Promise.all([this.client.links(options), this.client.programs(options).catch(() => undefined)]);
    this.added = [];
    this.patched = {};
    return { ...links, inProgram: programs === undefined || programs.length > 0 };
  });

  /** The partner's coupon codes; never holds the links up (a failure shows none). */
  /** @internal */
  readonly coupons = new Task(this, {
    task: async ([token], { signal }) => (token ? ((await this.client.me({ signal }).catch(() => undefined))?.coupons ?? []) : []),
    args: () => [this.session.state?.token] as const,
  });

  override render() {
    if (this.session.state?.token) this.view.want();
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending || this.view.loading ? 'true' : 'false'}>
      <div class="head">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Your links')}</slot></h2>
        ${this.data.value ? html`<button part="refresh-button" class="secondary" type="button" @click=${this.refresh}>${msg('Refresh')}<span class="visually-hidden"> ${msg('links and clicks')}</span></button>` : nothing}
      </div>
      ${this.renderBody()} ${this.view.value?.copier.announcer() ?? nothing}
    </section>`;
  }

  private renderBody() {
    return this.data.render({ signedOut: msg('Sign in to get your tracking links.'), loading: msg('Loading your links…') }, (data) =>
      data.inProgram ? this.view.render((view) => view.render(data), () => loadingView(msg('Loading your links…'))) : noProgramView(),
    );
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) this.view.value?.period.use(this.range);
  }

  private refresh() {
    this.data.reload();
    this.view.value?.refresh();
    void this.coupons.run();
  }
}
