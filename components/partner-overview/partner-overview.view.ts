import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import type { LedgerEntryType, Overview } from '../../src/api/types.js';
import { PartnerNavigateEvent, type PartnerNavigateDetail } from '../../src/events/partner-navigate.js';
import { formatDate, formatDay, formatMoney, localeOf } from '../../src/format.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { weeksChart } from './overview-chart.js';
import type { PartnerOverviewElement } from './partner-overview.component.js';

/**
 * The populated view's styles (the loading skeleton's and the layout's stay in
 * partner-overview.styles.ts), adopted into the element's shadow root when this module arrives
 * (src/internal/lazy-part.ts). Sizes in em, by container queries, as there.
 */
export const styles = [
  css`
    h3 {
      font-size: 0.9375em;
      margin: 0;
    }
    .tile h3 {
      font-size: 0.875em;
      color: var(--_muted);
      font-weight: 600;
    }
    .figure {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .tile > .figure {
      font-size: var(--partner-overview-figure-size, clamp(1.125em, 6cqi, 1.75em));
      font-weight: 700;
      line-height: 1.2;
      overflow-wrap: normal;
    }
    .tile > .figure.words {
      white-space: normal;
    }
    .sub {
      color: var(--_muted);
      font-size: 0.875em;
      line-height: 1.4;
    }
    .up {
      color: var(--_success);
    }
    .down {
      color: var(--_danger);
    }
    .hint {
      font-size: 0.875em;
      border-inline-start: 3px solid var(--_accent);
      padding-inline-start: var(--_space-s);
      margin-block-start: var(--_space-xs);
    }
    .link-button {
      min-height: 2.75em;
      background: none;
      border: none;
      color: var(--_accent);
      padding: 0 var(--_space-xs);
      text-decoration: underline;
      font-weight: 600;
    }
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
    }
    .copy-row input {
      flex: 1 1 12em;
      min-width: 0;
    }
    .copy-row button {
      flex: none;
    }
    .qr-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-m);
      margin-block-start: var(--_space-s);
    }
    [part~='qr'] {
      width: var(--partner-overview-qr-size, 8em);
      height: var(--partner-overview-qr-size, 8em);
      background: #fff;
      border: 1px solid var(--_border);
    }
    [part~='recent'] ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space-s);
    }
    [part~='recent'] li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0 var(--_space-s);
      border-block-end: 1px solid var(--_border);
      padding-block-end: var(--_space-xs);
    }
    [part~='recent'] .what {
      overflow-wrap: anywhere;
    }
    [part~='recent'] .type {
      font-weight: 600;
    }
    [part~='recent'] .when {
      grid-row: 2;
      color: var(--_muted);
      font-size: 0.875em;
    }
    /* an amount in a list, not a headline: body size, right-aligned, never wrapped */
    [part~='recent'] .amount {
      grid-row: 1 / span 2;
      grid-column: 2;
      align-self: center;
      display: block;
      font-size: 1em;
      font-weight: 600;
      line-height: inherit;
      text-align: end;
      white-space: nowrap;
    }
    .negative {
      color: var(--_danger);
    }
    .charts {
      display: grid;
      gap: var(--_space-m);
      grid-template-columns: minmax(0, 1fr);
    }
    .chart {
      margin: 0;
      display: grid;
      gap: var(--_space-xs);
    }
    .chart figcaption {
      display: flex;
      justify-content: space-between;
      gap: var(--_space-s);
      font-size: 0.875em;
    }
    .chart-title {
      font-weight: 600;
    }
    .chart svg {
      width: 100%;
      height: 4em;
      display: block;
    }
    .chart rect {
      fill: var(--partner-overview-chart-color, var(--_accent));
    }
    .chart .axis {
      stroke: var(--_border);
    }
    details summary {
      cursor: pointer;
      color: var(--_accent);
      font-weight: 600;
      min-height: 2.75em;
      display: flex;
      align-items: center;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875em;
    }
    th,
    td {
      text-align: start;
      padding: var(--_space-xs) var(--_space-s);
      border-block-end: 1px solid var(--_border);
      white-space: nowrap;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    [part~='getting-started'] ol {
      margin: 0;
      padding-inline-start: 1.25em;
      display: grid;
      gap: var(--_space-s);
    }
    [part~='getting-started'] li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space-xs) var(--_space-m);
    }
    .done {
      color: var(--_success);
      font-weight: 600;
    }
    @container (max-width: 36em) {
      .tile .sub {
        font-size: 0.8125em;
        line-height: 1.35;
      }
      .qr-row {
        gap: var(--_space-s) var(--_space-m);
      }
      [part~='qr'] {
        width: var(--partner-overview-qr-size, 6em);
        height: var(--partner-overview-qr-size, 6em);
      }
    }
    @container (min-width: 36em) {
      .charts {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
  `,
];

const typeLabel = (type: LedgerEntryType) =>
  ({ commission: msg('Commission'), clawback: msg('Clawback'), payment: msg('Payment'), adjustment: msg('Adjustment') })[type];

/**
 * <partner-overview>'s populated view — the tiles, the next payout, the main link with Copy and
 * its QR code, the recent entries, the 12-week chart, the getting-started list — loaded while the
 * overview loads (the element's first download has only its loading, error and signed-out states).
 */
export class OverviewView {
  private readonly copier: CopyController;

  constructor(readonly el: PartnerOverviewElement) {
    this.copier = new CopyController(el);
  }

  private get locale() {
    return localeOf(this.el);
  }

  /** The copy announcer: the element renders it whatever its state, once this view is here. */
  announcer() {
    return this.copier.announcer();
  }

  render(o: Overview) {
    return o.hasActivity
      ? html`${this.renderTiles(o)}
          <div class="pair">${this.renderLink(o)} ${this.renderRecent(o)}</div>
          ${this.renderActivity(o)}`
      : html`${this.renderGettingStarted(o)}
          <div class="pair">${this.renderLink(o)} ${this.renderNextPayout(o)}</div>`;
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
        <img part="qr" src=${this.el.client.qrCodeUrl(link.url, 'svg')} alt=${msg(str`QR code for ${link.url}`)} width="128" height="128" />
        <a part="qr-download" href=${this.el.client.qrCodeUrl(link.url, 'png', { download: true })} download="qr-code.png">${msg('Download the QR code')}</a>
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
    this.el.emit(new PartnerNavigateEvent(detail));
  }
}
