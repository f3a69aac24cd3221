import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import type { LedgerEntryType, Overview } from '../../src/api/types.js';
import { PartnerNavigateEvent, type PartnerNavigateDetail } from '../../src/events/partner-navigate.js';
import { formatDate, formatDay, formatMoney, localeOf, localTimeZone } from '../../src/format.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { weeksChart } from './overview-chart.js';
import styles from './partner-overview.styles.js';

const typeLabel = (type: LedgerEntryType) =>
  ({ commission: msg('Commission'), clawback: msg('Clawback'), payment: msg('Payment'), adjustment: msg('Adjustment') })[type];

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

  private readonly copier = new CopyController(this);

  private readonly data = new Task(this, {
    task: async ([token, timeZone], { signal }) => (token ? { token, overview: await this.client.overview({ timeZone }, { signal }) } : initialState),
    args: () => [this.session.state?.token, this.timeZone || localTimeZone()] as const,
  });

  private get locale() {
    return localeOf(this);
  }

  /** The loaded overview of the current session, if any. */
  private get overview(): Overview | undefined {
    const value = this.data.value;
    const token = this.session.state?.token;
    return value && token && value.token === token && this.data.status !== TaskStatus.ERROR ? value.overview : undefined;
  }

  override render() {
    const loading = !!this.session.state?.token && !this.overview && this.data.status !== TaskStatus.ERROR;
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
      <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Overview')}</slot></h2>
      ${this.renderBody()} ${this.copier.announcer()}
    </section>`;
  }

  private renderBody() {
    if (!this.session.state?.token) return html`<p part="signed-out" class="notice">${msg('Sign in to see what you earned and when you are paid.')}</p>`;
    if (this.data.status === TaskStatus.ERROR) {
      return html`<div part="error" role="alert" class="error-box">
        <span>${messageOf(this.data.error)}</span>
        <button type="button" class="secondary" @click=${() => void this.data.run()}>${msg('Try again')}</button>
      </div>`;
    }
    const o = this.overview;
    if (!o) return this.renderSkeleton();
    return o.hasActivity
      ? html`${this.renderTiles(o)}
          <div class="pair">${this.renderLink(o)} ${this.renderRecent(o)}</div>
          ${this.renderActivity(o)}`
      : html`${this.renderGettingStarted(o)}
          <div class="pair">${this.renderLink(o)} ${this.renderNextPayout(o)}</div>`;
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

  private money(minor: number, currency: string, signed = false) {
    return formatMoney(minor, currency, this.locale, { signed });
  }

  private renderTiles(o: Overview) {
    const money = (n: number) => this.money(n, o.currency);
    return html`<div part="tiles" class="tiles">
      <div part="tile earned" class="tile">
        <h3>${msg('Earned this month')}</h3>
        <p part="figure" class="figure">${money(o.earnedThisMonth)}</p>
        <p part="change" class="sub">${this.change(o)}</p>
      </div>
      <div part="tile payable" class="tile">
        <h3>${msg('Payable now')}</h3>
        <p part="figure" class="figure">${money(o.payableNow)}</p>
        <p class="sub">
          ${o.payableNow <= 0
            ? msg('Nothing payable yet.')
            : o.nextPayout.schedule.kind === 'on-request'
              ? msg('Yours to ask for.')
              : msg('Yours to be paid in the next payout.')}
        </p>
      </div>
      <div part="tile pending" class="tile">
        <h3>${msg('Pending')}</h3>
        <p part="figure" class="figure">${money(o.pending)}</p>
        <p part="release" class="sub">
          ${o.nextRelease
            ? msg(str`On hold. ${money(o.nextRelease.amount)} becomes payable on ${formatDate(o.nextRelease.at, this.locale)}.`)
            : msg('Nothing on hold.')}
        </p>
      </div>
      ${this.renderNextPayout(o)}
    </div>`;
  }

  /** Earned this month against last month, in words (not only a colour). */
  private change(o: Overview) {
    const diff = o.earnedThisMonth - o.earnedLastMonth;
    const last = this.money(o.earnedLastMonth, o.currency);
    const by = this.money(Math.abs(diff), o.currency);
    if (diff > 0) return html`<span class="up" aria-hidden="true">▲</span> ${msg(str`Up ${by} on last month (${last}).`)}`;
    if (diff < 0) return html`<span class="down" aria-hidden="true">▼</span> ${msg(str`Down ${by} on last month (${last}).`)}`;
    return msg(str`The same as last month (${last}).`);
  }

  private renderNextPayout(o: Overview) {
    const next = o.nextPayout;
    const money = (n: number) => this.money(n, o.currency);
    const minimum = money(next.minimumPayout);
    const onRequest = next.schedule.kind === 'on-request';
    return html`<div part="tile next-payout" class="tile">
      <h3>${msg('Next payout')}</h3>
      ${onRequest
        ? html`<p part="figure" class="figure words">${msg('On request')}</p>
            <p class="sub">
              ${o.openRequest
                ? msg(str`You asked for ${money(o.openRequest.amount)} on ${formatDate(o.openRequest.requestedAt, this.locale)}. The merchant will pay it soon.`)
                : next.meetsMinimum
                  ? msg(str`You can ask for ${money(next.estimatedAmount)} now.`)
                  : msg(str`You can ask for a payout once ${minimum} is payable.`)}
            </p>
            ${!o.openRequest && next.meetsMinimum && !next.payoutDetailsMissing
              ? html`<button part="request-button" type="button" class="secondary" @click=${() => this.navigate({ section: 'payouts' })}>${msg('Request a payout')}</button>`
              : nothing}`
        : html`<p part="figure" class="figure words">${next.date ? formatDay(next.date, this.locale) : '—'}</p>
            <p class="sub">${msg(str`Estimated ${money(next.estimatedAmount)}.`)}</p>`}
      ${next.meetsMinimum
        ? html`<p part="minimum" class="sub">${msg(str`The minimum payout of ${minimum} is reached.`)}</p>`
        : onRequest
          ? nothing
          : html`<p part="minimum" class="sub">${msg(str`Below the minimum payout of ${minimum}: it carries over until it is reached.`)}</p>`}
      ${next.payoutDetailsMissing
        ? html`<p part="payout-details-hint" class="hint">
            ${msg('Add your payout details so the merchant can pay you.')}
            <button type="button" class="link-button" @click=${() => this.navigate({ section: 'home', view: 'profile' })}>${msg('Add payout details')}</button>
          </p>`
        : nothing}
    </div>`;
  }

  private renderLink(o: Overview) {
    const link = o.mainLink;
    if (!link) {
      return html`<div part="link" class="card-block">
        <h3>${msg('Your link')}</h3>
        <p class="sub">${msg('No link yet.')}</p>
        <button type="button" class="secondary" @click=${() => this.navigate({ section: 'resources', view: 'links' })}>${msg('Go to your links')}</button>
      </div>`;
    }
    return html`<div part="link" class="card-block">
      <h3 id="link-title">${msg('Your link')}</h3>
      <p class="sub">${link.name}</p>
      <div class="copy-row">
        <input part="url" readonly .value=${link.url} aria-labelledby="link-title" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button part="copy-button" type="button" data-copy=${this.copier.state('main') ?? 'idle'} @click=${() => this.copyLink(link.url)}>
          ${this.copier.label('main', msg('Copy'), msg('your link'))}
        </button>
      </div>
      <div class="qr-row">
        <img part="qr" src=${this.client.qrCodeUrl(link.url, 'svg')} alt=${msg(str`QR code for ${link.url}`)} width="128" height="128" />
        <a part="qr-download" href=${this.client.qrCodeUrl(link.url, 'png', { download: true })} download="qr-code.png">${msg('Download the QR code')}</a>
      </div>
    </div>`;
  }

  private copyLink(url: string, key = 'main') {
    return this.copier.copy(key, url, 'link', msg('Your link'));
  }

  private renderRecent(o: Overview) {
    return html`<div part="recent" class="card-block">
      <h3 id="recent-title">${msg('Recent activity')}</h3>
      ${o.recent.length
        ? html`<ul aria-labelledby="recent-title">
            ${o.recent.map(
              (e) => html`<li>
                <span class="what"><span class="type">${typeLabel(e.type)}</span> ${e.description}</span>
                <span class="when">${formatDate(e.at, this.locale)}</span>
                <span class="figure amount ${e.amount < 0 ? 'negative' : ''}">${this.money(e.amount, o.currency, true)}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="sub">${msg('No ledger entries yet.')}</p>`}
    </div>`;
  }

  private renderActivity(o: Overview) {
    return html`<div part="activity" class="card-block">
      <h3>${msg('The last 12 weeks')}</h3>
      ${weeksChart(o.weeks, o.currency, this.locale)}
    </div>`;
  }

  private renderGettingStarted(o: Overview) {
    const link = o.mainLink;
    return html`<div part="getting-started" class="card-block">
      <h3 id="start-title">${msg('Getting started')}</h3>
      <p class="sub">${msg('No clicks or commissions yet. Three steps to your first one:')}</p>
      <ol aria-labelledby="start-title">
        <li>
          <span>${msg('Copy your link and share it.')}</span>
          ${link
            ? html`<button part="step-button" type="button" data-step="link" data-copy=${this.copier.state('start') ?? 'idle'} @click=${() => this.copyLink(link.url, 'start')}>
                ${this.copier.label('start', msg('Copy your link'))}
              </button>`
            : html`<button part="step-button" type="button" data-step="link" @click=${() => this.navigate({ section: 'resources', view: 'links' })}>${msg('Get your link')}</button>`}
        </li>
        <li>
          <span>${msg('Pick a banner for your site.')}</span>
          <button part="step-button" type="button" class="secondary" data-step="banner" @click=${() => this.navigate({ section: 'resources', view: 'banners' })}>
            ${msg('Pick a banner')}
          </button>
        </li>
        <li>
          <span>${msg('Fill in your payout details, so you can be paid.')}</span>
          ${o.nextPayout.payoutDetailsMissing
            ? html`<button part="step-button" type="button" class="secondary" data-step="payout" @click=${() => this.navigate({ section: 'home', view: 'profile' })}>
                ${msg('Add payout details')}
              </button>`
            : html`<span class="done" data-step="payout">${msg('Done')}</span>`}
        </li>
      </ol>
    </div>`;
  }

  private navigate(detail: PartnerNavigateDetail) {
    this.emit(new PartnerNavigateEvent(detail));
  }
}
