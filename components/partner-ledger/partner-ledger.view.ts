import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Balance, LedgerEntry, LedgerEntryType, LedgerPage } from '../../src/api/types.js';
import { formatDate, formatDateTime, formatMoney, localeOf } from '../../src/format.js';
import { moneyFigure, periodVersusNow } from '../../src/internal/money-words.js';
import { PagedReportController } from '../../src/internal/paged-report-controller.js';
import { tableHead } from '../../src/internal/report-table.js';
import type { PartnerLedgerElement } from './partner-ledger.component.js';
import ledgerStyles from './partner-ledger.styles.js';

/** Adopted into the element's shadow root when this module arrives (see LazyPart). */
export const styles = [ledgerStyles];

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
 * What <partner-ledger> shows and does once the partner is signed in: the period picker and
 * CSV download, the ledger for the period (loaded and paged by a {@link PagedReportController})
 * and today's balance. Loaded as soon as the session is there (src/internal/lazy-part.ts), so
 * none of it is in the script tag's first download; the element shows its loading message until
 * it arrives.
 */
export class LedgerView {
  readonly report: PagedReportController<Loaded>;

  constructor(readonly el: PartnerLedgerElement) {
    this.report = new PagedReportController<Loaded>(el, {
      client: () => el.client,
      args: () => [el.session.state?.token],
      pageSize: () => el.pageSize,
      load: async (period, limit, signal) => {
        const [page, balance] = await Promise.all([el.client.ledger({ ...period, limit }, { signal }), el.client.balance({ signal })]);
        return { page, balance };
      },
      cursor: ({ page }) => page.nextCursor,
      more: async ({ page, balance }, query, signal) => {
        const next = await el.client.ledger(query, { signal });
        return { page: { ...page, entries: [...page.entries, ...next.entries], nextCursor: next.nextCursor }, balance };
      },
      rows: ({ page }) => page.entries.length,
      rowSelector: 'tbody tr',
      report: () => 'ledger',
      announceMore: (added, shown) => (added === 1 ? msg(str`Loaded 1 more entry; showing ${shown}.`) : msg(str`Loaded ${added} more entries; showing ${shown}.`)),
    });
    this.report.usePreset(el.range);
  }

  private get locale() {
    return localeOf(this.el);
  }

  /** The period picker and "Download CSV", beside the heading. */
  renderTools() {
    return html`<div class="range-and-download toolbar">${this.report.renderPeriod()} ${this.report.renderDownloadButton()}</div>
      ${this.report.renderDownloadError()}`;
  }

  /** The element's loading message while the period's first page loads, its error, or the ledger. */
  render() {
    return this.report.render({ loading: () => this.el.renderSpinner(), complete: (loaded) => this.renderLedger(loaded) });
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
