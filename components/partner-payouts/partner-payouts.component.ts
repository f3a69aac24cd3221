import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import type { PayoutRequest, PayoutsAnswer } from '../../src/api/types.js';
import { formatDate, formatMoney, localeOf } from '../../src/format.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { tableHead } from '../../src/internal/report-table.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-payouts.styles.js';

const statusWord = (status: PayoutRequest['status']) =>
  ({ open: msg('Waiting for the merchant'), paid: msg('Paid'), declined: msg('Declined'), cancelled: msg('Withdrawn') })[status];

/**
 * The partner's payouts: how the merchant pays (monthly on a day, with the minimum; or on
 * request), and with the schedule "on request" what is payable now, a **Request payout**
 * button when the partner may ask (else why not), their open request with **Withdraw
 * request**, and every request they made with its state (waiting, paid, declined with the
 * merchant's note, withdrawn); then the payout history (date, amount, method, reference).
 * Results are announced in a live region; after asking or withdrawing, focus moves to the
 * control that follows (Withdraw, or Request again); a refusal shows as an alert.
 *
 * @tag partner-payouts
 * @summary Payout history, the merchant's schedule, and payout requests (request, withdraw, their states).
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart schedule - How and when the merchant pays, and the minimum.
 * @csspart payable - Payable now (schedule "on request").
 * @csspart figure - A headline amount.
 * @csspart request-button - "Request payout".
 * @csspart cannot-request - Why a payout cannot be requested now.
 * @csspart open-request - The request waiting for the merchant.
 * @csspart withdraw-button - "Withdraw request".
 * @csspart action-error - A request or withdrawal that failed (role="alert").
 * @csspart requests - The table of the partner's requests.
 * @csspart request - One request's row.
 * @csspart note - The merchant's note on a declined request.
 * @csspart payouts - The payout history table.
 * @csspart row - One payout's row.
 * @csspart empty - No payouts yet.
 * @csspart spinner - The loading state.
 * @csspart error - The load failure (role="alert") with "Try again".
 * @csspart signed-out - The prompt to sign in.
 * @csspart status - The visually hidden live region.
 *
 * @cssproperty --partner-payouts-max-width - Widest the element grows (default none).
 * @cssproperty --partner-payouts-figure-size - Size of the payable figure (default 1.75em).
 * @cssproperty --partner-report-background - Card background (shared with the reports).
 *
 * @slot heading - Replaces the heading text ("Payouts").
 */
export class PartnerPayoutsElement extends PartnerElement {
  static override styles = [baseStyles, reportStyles, styles];

  /** Heading text (default "Payouts"). */
  @property() heading?: string;

  /** What is being sent: asking for a payout or withdrawing one. */
  @state() private busy?: 'request' | 'withdraw';
  @state() private actionError?: string;
  /** The live region's text. */
  @state() private announcement = '';

  private readonly data = new Task(this, {
    task: async ([token], { signal }) => (token ? { token, answer: await this.client.payouts({ signal }) } : initialState),
    args: () => [this.session.state?.token] as const,
  });

  private get locale() {
    return localeOf(this);
  }

  private get answer(): PayoutsAnswer | undefined {
    const value = this.data.value;
    const token = this.session.state?.token;
    return value && token && value.token === token && this.data.status !== TaskStatus.ERROR ? value.answer : undefined;
  }

  private money(minor: number, currency: string) {
    return formatMoney(minor, currency, this.locale);
  }

  override render() {
    const loading = !!this.session.state?.token && !this.answer && this.data.status !== TaskStatus.ERROR;
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading || this.data.status === TaskStatus.PENDING ? 'true' : 'false'}>
      <h2 id="title" part="title" tabindex="-1"><slot name="heading">${this.heading ?? msg('Payouts')}</slot></h2>
      ${this.renderBody(loading)}
      <p part="status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  private renderBody(loading: boolean) {
    if (!this.session.state?.token) return html`<p part="signed-out">${msg('Sign in to see your payouts.')}</p>`;
    if (this.data.status === TaskStatus.ERROR) {
      return html`<div part="error" role="alert">
        <span>${messageOf(this.data.error)}</span>
        <button class="secondary" type="button" @click=${() => void this.data.run()}>${msg('Try again')}</button>
      </div>`;
    }
    const answer = this.answer;
    if (loading || !answer) return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${msg('Loading your payouts…')}</p>`;
    return html`${this.renderSchedule(answer)} ${answer.schedule.kind === 'on-request' || answer.requests.length ? this.renderRequests(answer) : nothing}
    ${this.renderHistory(answer)}`;
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
      ${this.actionError ? html`<p part="action-error" role="alert">${this.actionError}</p>` : nothing}
    </div>`;
  }

  private renderAsk(a: PayoutsAnswer) {
    if (!a.canRequest) {
      return html`<p part="cannot-request" id="cannot-request" tabindex="-1" class="notice">${a.cannotRequestReason ?? msg('A payout cannot be requested now.')}</p>`;
    }
    const requesting = this.busy === 'request';
    return html`<div>
      <button part="request-button" type="button" aria-disabled=${requesting ? 'true' : 'false'} @click=${() => this.request()}>
        ${requesting ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Requesting…')}` : msg(str`Request payout of ${this.money(a.payableNow, a.currency)}`)}
      </button>
    </div>`;
  }

  private renderOpen(request: PayoutRequest) {
    const withdrawing = this.busy === 'withdraw';
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
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  private async focusPart(...names: string[]) {
    await this.updateComplete;
    for (const name of names) {
      const target = this.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
      if (target) return target.focus();
    }
  }

  private async request() {
    if (this.busy) return;
    this.busy = 'request';
    this.actionError = undefined;
    try {
      const request = await this.client.requestPayout();
      await this.data.run();
      this.announce(msg(str`Payout of ${this.money(request.amount, request.currency)} requested. The merchant will pay it soon.`));
      this.busy = undefined;
      await this.focusPart('withdraw-button', 'title');
    } catch (error) {
      this.busy = undefined;
      this.actionError = messageOf(error);
      await this.focusPart('request-button', 'cannot-request');
    }
  }

  private async withdraw(request: PayoutRequest) {
    if (this.busy) return;
    this.busy = 'withdraw';
    this.actionError = undefined;
    try {
      await this.client.cancelPayoutRequest(request.id);
      await this.data.run();
      this.announce(msg('Request withdrawn.'));
      this.busy = undefined;
      await this.focusPart('request-button', 'cannot-request');
    } catch (error) {
      this.busy = undefined;
      this.actionError = messageOf(error);
      await this.focusPart('withdraw-button');
    }
  }
}
