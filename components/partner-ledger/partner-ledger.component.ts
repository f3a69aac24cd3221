import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Balance, LedgerEntry, LedgerEntryType, LedgerPage } from '../../src/api/types.js';
import { formatDate, formatDateTime, formatMoney, localeOf } from '../../src/format.js';
import type { RangePreset } from '../../src/internal/date-range.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { PagedReportController } from '../../src/internal/paged-report-controller.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { tableHead } from '../../src/internal/report-table.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-ledger.styles.js';

const typeLabels = (): Record<LedgerEntryType, string> => ({
  commission: msg('Commission'),
  clawback: msg('Clawback'),
  payment: msg('Payment'),
  adjustment: msg('Adjustment'),
});

/** The ledger as shown: the entries loaded so far (pages appended) and today's balance. */
interface Loaded {
  page: LedgerPage;
  balance: Balance;
}

/**
 * My Ledger: the partner's money, in the money words every element shares. Today's balance,
 * pending and payable now against the merchant's minimum payout; a summary for the chosen
 * period (beginning balance, earned, clawed back, paid, adjustments, ending balance), with a
 * note on which figures follow the period; and every entry with its running balance — newest
 * first, more on request, downloadable as CSV.
 *
 * @tag partner-ledger
 * @summary The partner's ledger: summary, payable balance, entries with running balance, CSV.
 *
 * @event partner-range-change - The partner chose another period. `detail: { preset, from?, to? }`.
 * @event partner-download - The CSV was downloaded. `detail: { report: 'ledger', filename, size }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart range - The period picker; `select`, `input`, `custom-range` and `apply-button` inside it.
 * @csspart download-button - "Download CSV".
 * @csspart payout - Today's balance, pending and payable now, and the minimum payout.
 * @csspart summary - The period's figures.
 * @csspart note - Which figures follow the period and which are today's.
 * @csspart table - The entries table.
 * @csspart row - Each entry row.
 * @csspart load-more - "Load more entries".
 * @csspart spinner - The loading message.
 * @csspart error - An error message (role="alert") with "Try again".
 * @csspart empty - The message shown when there are no entries.
 * @csspart signed-out - The message shown to a signed-out visitor.
 * @csspart status - Announcements for screen readers (visually hidden).
 *
 * @cssproperty --partner-ledger-max-width - Widest the element grows (default none).
 * @cssproperty --partner-ledger-background - Card background (default --partner-color-surface).
 * @cssproperty --partner-ledger-payout-accent - The bar beside the payable figures (default --partner-color-accent).
 * @cssproperty --partner-report-total-background - The ending balance tile (default --partner-color-accent).
 * @cssproperty --partner-report-negative-color - Amounts taken off (default --partner-color-danger).
 * @cssproperty --partner-color-accent - Buttons and highlights.
 *
 * @slot heading - Replaces the heading text ("My Ledger").
 * @slot signed-out - Replaces the message shown when nobody is signed in.
 */
export class PartnerLedgerElement extends PartnerElement {
  static override styles = [baseStyles, reportStyles, styles];

  /** Heading text. */
  @property() heading?: string;
  /** The period shown first: `this-month`, `last-month`, `this-year` or `all` (default). */
  @property() range: RangePreset = 'all';
  /** Entries per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  private readonly report = new PagedReportController<Loaded>(this, {
    client: () => this.client,
    args: () => [this.session.state?.token],
    pageSize: () => this.pageSize,
    load: async (period, limit, signal) => {
      const [page, balance] = await Promise.all([this.client.ledger({ ...period, limit }, { signal }), this.client.balance({ signal })]);
      return { page, balance };
    },
    cursor: ({ page }) => page.nextCursor,
    more: async ({ page, balance }, query, signal) => {
      const next = await this.client.ledger(query, { signal });
      return { page: { ...page, entries: [...page.entries, ...next.entries], nextCursor: next.nextCursor }, balance };
    },
    rows: ({ page }) => page.entries.length,
    rowSelector: 'tbody tr',
    report: () => 'ledger',
    announceMore: (added, shown) => (added === 1 ? msg(str`Loaded 1 more entry; showing ${shown}.`) : msg(str`Loaded ${added} more entries; showing ${shown}.`)),
  });

  private get locale() {
    return localeOf(this);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) this.report.usePreset(this.range);
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('My Ledger')}</slot></h2>
        ${this.session.signedIn ? this.renderTools() : nothing}
      </div>
      ${this.session.signedIn
        ? this.report.render({ loading: () => this.renderSpinner(), complete: (loaded) => this.renderLedger(loaded) })
        : html`<p part="signed-out"><slot name="signed-out">${msg('Sign in to see your ledger.')}</slot></p>`}
      ${this.report.renderStatus()}
    </section>`;
  }

  private renderTools() {
    return html`<div class="range-and-download toolbar">${this.report.renderPeriod()} ${this.report.renderDownloadButton()}</div>
      ${this.report.renderDownloadError()}`;
  }

  private renderSpinner() {
    return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${msg('Loading your ledger…')}</p>`;
  }

  private renderLedger(loaded: Loaded) {
    const { page, balance } = loaded;
    const { summary, entries } = page;
    const money = (n: number, signed = false) => formatMoney(n, summary.currency, this.locale, { signed });
    const allTime = this.report.allTime;
    const label = this.report.period.label(this.locale);
    return html`
      ${this.renderPayout(balance)}
      <dl part="summary" aria-label=${msg(str`Summary for ${label}`)}>
        <div><dt>${msg('Beginning balance')}</dt><dd>${money(summary.beginningBalance)}</dd></div>
        ${moneyFigure('earned', summary.earned, money)} ${moneyFigure('clawedBack', summary.clawedBack, money)} ${moneyFigure('paid', summary.paid, money)}
        <div><dt>${msg('Adjustments')}</dt><dd>${money(summary.adjustments, true)}</dd></div>
        <div class="total"><dt>${msg('Ending balance')}</dt><dd>${money(summary.endingBalance)}</dd></div>
      </dl>
      <p part="note" class="muted">
        ${periodVersusNow(label)}
        ${allTime ? msg('For all time the ending balance is your balance.') : msg('The ending balance is your balance at the end of the period.')}
      </p>
      ${entries.length
        ? html`${this.renderTable(entries, money)}${this.report.renderMore(loaded, { one: msg('entry'), many: msg('entries') })}`
        : html`<p part="empty">
            ${allTime ? msg('No activity yet. Your commissions appear here as soon as a referral buys.') : msg('No entries in this period.')}
          </p>`}
    `;
  }

  private renderPayout(balance: Balance) {
    const money = (n: number, signed = false) => formatMoney(n, balance.currency, this.locale, { signed });
    return html`<div part="payout">
      <dl aria-label=${msg('Today')}>
        ${moneyFigure('balance', balance.balance, money)} ${moneyFigure('pending', balance.pending, money)}
        ${moneyFigure('payableNow', balance.payableNow, money)}
        <div><dt>${msg('Minimum payout')}</dt><dd>${money(balance.minimumPayout)}</dd></div>
      </dl>
      <p class="muted">${msg('Pending commissions are on hold until their hold days end; payable now is your balance less what is pending.')}</p>
      <p class=${balance.payoutReady ? 'ready' : 'muted'}>
        ${balance.payoutReady
          ? msg('Your payable balance has reached the minimum payout and will be paid in the next payout.')
          : balance.payableNow < 0
            ? msg('Refunds after your last payment took back more than was left: your next commissions make up the difference first.')
            : msg(str`You are paid once your payable balance reaches ${money(balance.minimumPayout)}.`)}
        ${balance.nextPayableAt
          ? html`<span class="muted">${msg(html`More becomes payable on <time datetime=${balance.nextPayableAt}>${formatDate(balance.nextPayableAt, this.locale)}</time>.`)}</span>`
          : nothing}
      </p>
    </div>`;
  }

  private renderTable(entries: LedgerEntry[], money: (n: number, signed?: boolean) => string) {
    const col = { date: msg('Date'), type: msg('Type'), description: msg('Description'), amount: msg('Amount'), balance: msg('Balance') };
    const types = typeLabels();
    return html`<table part="table" class="stack">
      <caption>
        ${msg(str`Entries, ${this.report.period.label(this.locale)}, newest first`)}
      </caption>
      ${tableHead(col.date, col.type, col.description, { num: col.amount }, { num: col.balance })}
      <tbody>
        ${entries.map(
          (e) => html`<tr part="row" data-type=${e.type} tabindex="-1">
            <th scope="row" data-label=${col.date}><time datetime=${e.date} title=${formatDateTime(e.date, this.locale)}>${formatDate(e.date, this.locale)}</time></th>
            <td data-label=${col.type}>${types[e.type] ?? e.type}</td>
            <td data-label=${col.description}>${e.description}</td>
            <td data-label=${col.amount} class="num ${e.amount < 0 ? 'negative' : ''}">${money(e.amount, true)}</td>
            <td data-label=${col.balance} class="num">${money(e.balance)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
