import { msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Overview } from '../../src/api/types.js';
import { localTimeZone } from '../../src/format.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { errorView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-overview.styles.js';

/**
 * The partner's overview, from one request (`GET /api/v1/partner/overview`): what they earned
 * this month against last month (the change said in words), what is payable now, what is on
 * hold and when the next part of it becomes payable, the next payout (date and estimated
 * amount from the merchant's schedule, or "on request"; the minimum and whether it is
 * reached; a hint when payout details are missing), their main link with a Copy button and
 * its QR code, a 12-week chart of clicks, sales and earnings (with the numbers as a table) and
 * their latest ledger entries. A partner with no activity yet gets a short getting-started
 * list instead of the figures. One column in a narrow container, a grid of tiles when wider.
 *
 * @tag partner-overview
 * @summary Earned this month, payable now, on hold, next payout, the main link with copy and QR, 12 weeks of activity.
 *
 * @event partner-copy - The main link was copied. `detail: { kind: 'link', text }`.
 * @event partner-navigate - A getting-started step or a hint asks to show another part of the portal. `detail: { section: 'home' | 'resources' | 'reports' | 'payouts', view?: string }`; cancelable.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart tiles - The grid of figure tiles.
 * @csspart tile - Each tile; also `earned`, `payable`, `pending` and `next-payout`.
 * @csspart figure - A tile's headline figure.
 * @csspart change - Earned this month against last month, in words.
 * @csspart release - When the next held amount becomes payable.
 * @csspart minimum - The minimum payout and whether it is reached.
 * @csspart payout-details-hint - Shown when the partner has not said how to be paid.
 * @csspart link - The main link card.
 * @csspart url - The read-only field with the link.
 * @csspart copy-button - Copies the link.
 * @csspart qr - The QR code image.
 * @csspart qr-download - Downloads the QR code (PNG).
 * @csspart activity - The 12-week chart section.
 * @csspart chart - One series' chart (clicks, sales, earned).
 * @csspart chart-table - The numbers of the chart as a table (a disclosure).
 * @csspart recent - The latest ledger entries.
 * @csspart getting-started - The first steps shown while there is no activity.
 * @csspart step-button - A getting-started step's button.
 * @csspart skeleton - The placeholder tiles while loading.
 * @csspart spinner - The loading announcement (visually hidden).
 * @csspart error - The load failure (role="alert") with "Try again".
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region ("Link copied…").
 *
 * @cssproperty --partner-overview-max-width - Widest the element grows (default none).
 * @cssproperty --partner-overview-background - Card background (default --partner-color-surface).
 * @cssproperty --partner-overview-tile-background - Tile background (default --partner-color-subtle).
 * @cssproperty --partner-overview-figure-size - Size of the headline figures (default `clamp(1.125em, 6cqi, 1.75em)`: smaller in a narrow container).
 * @cssproperty --partner-overview-chart-color - The chart's bars (default --partner-color-accent).
 * @cssproperty --partner-overview-qr-size - Size of the QR code (default 8em; 6em in a container up to 36em).
 *
 * @slot heading - Replaces the heading text ("Overview").
 */
export class PartnerOverviewElement extends PartnerElement {
  static override styles = [baseStyles, styles];

  /** Heading text (default "Overview"). */
  @property() heading?: string;
  /** IANA time zone months and weeks are counted in (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** The populated view (partner-overview.view.ts), fetched while the overview loads. */
  private readonly view = new LazyPart(this, () => import('./partner-overview.view.js'), (m) => new m.OverviewView(this));

  private readonly data = new Task(this, {
    task: async ([token, timeZone], { signal }) => (token ? { token, overview: await this.client.overview({ timeZone }, { signal }) } : initialState),
    args: () => [this.session.state?.token, this.timeZone || localTimeZone()] as const,
  });

  /** The loaded overview of the current session, if any. */
  private get overview(): Overview | undefined {
    const value = this.data.value;
    const token = this.session.state?.token;
    return value && token && value.token === token && this.data.status !== TaskStatus.ERROR ? value.overview : undefined;
  }

  override render() {
    // busy exactly while the placeholder shows: the overview or its view is on its way
    let loading = false;
    const body = this.renderBody(() => {
      loading = true;
      return this.renderSkeleton();
    });
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
      <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Overview')}</slot></h2>
      ${body} ${this.view.value?.announcer() ?? nothing}
    </section>`;
  }

  private renderBody(skeleton: () => TemplateResult) {
    if (!this.session.state?.token) return html`<p part="signed-out" class="notice">${msg('Sign in to see what you earned and when you are paid.')}</p>`;
    // the view's module downloads alongside the overview, not after it
    this.view.want();
    if (this.data.status === TaskStatus.ERROR) return errorView(this.data.error, () => void this.data.run());
    const o = this.overview;
    return o ? this.view.render((v) => v.render(o), skeleton) : skeleton();
  }

  /**
   * The loaded overview's shape — the tiles, the link beside the recent activity, the 12 weeks —
   * each as tall as it will be, so nothing below the overview moves when the figures arrive.
   */
  private renderSkeleton() {
    return html`<p part="spinner" role="status" class="visually-hidden">${msg('Loading your overview…')}</p>
      <div part="skeleton" class="tiles" aria-hidden="true">
        ${[0, 1, 2, 3].map(() => html`<div class="tile skeleton"><span class="bone short"></span><span class="bone figure-bone"></span><span class="bone"></span></div>`)}
      </div>
      <div class="pair" aria-hidden="true"><div class="card-block skeleton link-bone"></div><div class="card-block skeleton recent-bone"></div></div>
      <div class="card-block skeleton activity-bone" aria-hidden="true"></div>`;
  }
}
