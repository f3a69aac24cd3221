import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { messageOf } from '../../src/api/errors.js';
import type { PayoutRequest, PayoutsAnswer } from '../../src/api/types.js';
import { formatDate, formatMoney, localeOf } from '../../src/format.js';
import { tableHead } from '../../src/internal/report-table.js';
import type { PartnerPayoutsElement } from './partner-payouts.component.js';
import viewStyles from './partner-payouts.styles.js';

/** Only the populated payouts use these: adopted by <partner-payouts> when this module arrives. */
export const styles = [viewStyles];

const statusWord = (status: PayoutRequest['status']) =>
  ({ open: msg('Waiting for the merchant'), paid: msg('Paid'), declined: msg('Declined'), cancelled: msg('Withdrawn') })[status];

/**
 * The payouts once they are here: the schedule with what is payable, the request flow (ask,
 * withdraw, why not), every request with its state, and the payout history. Loaded by
 * <partner-payouts> while the payouts load; its state lives on the element.
 */
export class PayoutsView {
  constructor(readonly el: PartnerPayoutsElement) {}

  private get locale() {
    return localeOf(this.el);
  }

  private money(minor: number, currency: string) {
    return formatMoney(minor, currency, this.locale);
  }

  render(a: PayoutsAnswer) {
    return html`${this.renderSchedule(a)} ${a.schedule.kind === 'on-request' || a.requests.length ? this.renderRequests(a) : nothing}
    ${this.renderHistory(a)}`;
  }

  private renderSchedule(a: PayoutsAnswer) {
    const minimum = this.money(a.minimumPayout, a.currency);
    const payable = html`<div part="payable" class="payable">
      <span class="label">${msg('Payable now')}</span>
      <span part="figure" class="figure">${this.money(a.payableNow, a.currency)}</span>
    </div>`;
    if (a.schedule.kind === 'monthly') {
      return html`<div part="schedule" class="schedule">
        ${payable}
        <p>${msg(str`Payouts are made monthly, on day ${a.schedule.day} of the month, when at least ${minimum} is payable.`)}</p>
      </div>`;
    }
    const open = a.requests.find((r) => r.status === 'open');
    return html`<div part="schedule" class="schedule">
      ${payable}
      <p>${msg(str`Payouts are made when you ask for one, from ${minimum}.`)}</p>
      ${open ? this.renderOpen(open) : this.renderAsk(a)}
      ${this.el.actionError ? html`<p part="action-error" role="alert">${this.el.actionError}</p>` : nothing}
    </div>`;
  }

  private renderAsk(a: PayoutsAnswer) {
    if (!a.canRequest) {
      return html`<p part="cannot-request" id="cannot-request" tabindex="-1" class="notice">${a.cannotRequestReason ?? msg('A payout cannot be requested now.')}</p>`;
    }
    const requesting = this.el.busy === 'request';
    return html`<div>
      <button part="request-button" type="button" aria-disabled=${requesting ? 'true' : 'false'} @click=${() => this.request()}>
        ${requesting ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Requesting…')}` : msg(str`Request payout of ${this.money(a.payableNow, a.currency)}`)}
      </button>
    </div>`;
  }

  private renderOpen(request: PayoutRequest) {
    const withdrawing = this.el.busy === 'withdraw';
    return html`<div part="open-request" class="open-request">
      <p>
        ${msg(str`You asked for ${this.money(request.amount, request.currency)} on ${formatDate(request.requestedAt, this.locale)}.`)}
        <strong>${statusWord('open')}.</strong>
      </p>
      <div>
        <button part="withdraw-button" type="button" class="secondary" aria-disabled=${withdrawing ? 'true' : 'false'} @click=${() => this.withdraw(request)}>
          ${withdrawing ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Withdrawing…')}` : msg('Withdraw request')}
        </button>
      </div>
    </div>`;
  }

  private renderRequests(a: PayoutsAnswer) {
    if (!a.requests.length) return nothing;
    return html`<table part="requests" class="stack">
      <caption>${msg('Your requests')}</caption>
      ${tableHead(msg('Requested'), { num: msg('Amount') }, msg('State'))}
      <tbody>
        ${a.requests.map(
          (r) => html`<tr part="request" data-status=${r.status}>
            <th scope="row" data-label=${msg('Requested')}>${formatDate(r.requestedAt, this.locale)}</th>
            <td class="num" data-label=${msg('Amount')}><span class="money">${this.money(r.amount, r.currency)}</span></td>
            <td data-label=${msg('State')}>
              <div>
                <span class="badge ${r.status}">${statusWord(r.status)}</span>
                ${r.decidedAt && r.status !== 'open' ? html`<span class="detail">${this.decided(r.status, formatDate(r.decidedAt, this.locale))}</span>` : nothing}
                ${r.status === 'declined' && r.note ? html`<span part="note" class="detail">${msg(str`The merchant's note: ${r.note}`)}</span>` : nothing}
              </div>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private decided(status: PayoutRequest['status'], date: string) {
    if (status === 'paid') return msg(str`Paid on ${date}`);
    if (status === 'declined') return msg(str`Declined on ${date}`);
    return msg(str`Withdrawn on ${date}`);
  }

  private renderHistory(a: PayoutsAnswer) {
    if (!a.payouts.length) {
      return html`<h3>${msg('Payout history')}</h3>
        <p part="empty">${msg('No payouts yet. Payments the merchant makes to you appear here.')}</p>`;
    }
    return html`<table part="payouts" class="stack">
      <caption>${msg('Payout history')}</caption>
      ${tableHead(msg('Date'), { num: msg('Amount') }, msg('Method'), msg('Reference'))}
      <tbody>
        ${a.payouts.map(
          (p) => html`<tr part="row">
            <th scope="row" data-label=${msg('Date')}>${formatDate(p.at, this.locale)}</th>
            <td class="num" data-label=${msg('Amount')}><span class="money">${this.money(p.amount, p.currency)}</span></td>
            <td data-label=${msg('Method')}>${p.method ?? '—'}</td>
            <td data-label=${msg('Reference')}>${p.reference ?? '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Says something in the live region (a repeated message is announced again). */
  private announce(message: string) {
    const el = this.el;
    el.announcement = el.announcement === message ? `${message}\u00a0` : message;
  }

  private async focusPart(...names: string[]) {
    await this.el.updateComplete;
    for (const name of names) {
      const target = this.el.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
      if (target) return target.focus();
    }
  }

  private async request() {
    const el = this.el;
    if (el.busy) return;
    el.busy = 'request';
    el.actionError = undefined;
    try {
      const request = await el.client.requestPayout();
      await el.data.run();
      this.announce(msg(str`Payout of ${this.money(request.amount, request.currency)} requested. The merchant will pay it soon.`));
      el.busy = undefined;
      await this.focusPart('withdraw-button', 'title');
    } catch (error) {
      el.busy = undefined;
      el.actionError = messageOf(error);
      await this.focusPart('request-button', 'cannot-request');
    }
  }

  private async withdraw(request: PayoutRequest) {
    const el = this.el;
    if (el.busy) return;
    el.busy = 'withdraw';
    el.actionError = undefined;
    try {
      await el.client.cancelPayoutRequest(request.id);
      await el.data.run();
      this.announce(msg('Request withdrawn.'));
      el.busy = undefined;
      await this.focusPart('request-button', 'cannot-request');
    } catch (error) {
      el.busy = undefined;
      el.actionError = messageOf(error);
      await this.focusPart('withdraw-button');
    }
  }
}
