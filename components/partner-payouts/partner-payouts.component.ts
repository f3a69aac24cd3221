import { msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf } from '../../src/api/errors.js';
import type { PayoutsAnswer } from '../../src/api/types.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { reportStyles } from '../../src/styles/report.js';
import { baseStyles } from '../../src/styles/tokens.js';

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
  static override styles = [
    baseStyles,
    reportStyles,
    css`
      :host {
        container-type: inline-size;
        max-width: var(--partner-payouts-max-width, none);
      }
    `,
  ];

  /** Heading text (default "Payouts"). */
  @property() heading?: string;

  /** @internal What is being sent: asking for a payout or withdrawing one. */
  @state() busy?: 'request' | 'withdraw';
  /** @internal */
  @state() actionError?: string;
  /** @internal The live region's text. */
  @state() announcement = '';

  /** @internal The payouts (the view reads them again after a request or a withdrawal). */
  readonly data = new Task(this, {
    task: async ([token], { signal }) => (token ? { token, answer: await this.client.payouts({ signal }) } : initialState),
    args: () => [this.session.state?.token] as const,
  });

  /** The populated payouts (schedule, requests, history), loaded while the payouts load. */
  private readonly view = new LazyPart(this, () => import('./partner-payouts.view.js'), (m) => new m.PayoutsView(this));

  private get answer(): PayoutsAnswer | undefined {
    const value = this.data.value;
    const token = this.session.state?.token;
    return value && token && value.token === token && this.data.status !== TaskStatus.ERROR ? value.answer : undefined;
  }

  override render() {
    if (this.session.state?.token) this.view.want();
    // busy while the spinner shows (the payouts or the view's code on their way) or a reload runs
    let busy = this.data.status === TaskStatus.PENDING;
    const body = this.renderBody(() => {
      busy = true;
      return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${msg('Loading your payouts…')}</p>`;
    });
    return html`<section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title" part="title" tabindex="-1"><slot name="heading">${this.heading ?? msg('Payouts')}</slot></h2>
      ${body}
      <p part="status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  private renderBody(spinner: () => TemplateResult) {
    if (!this.session.state?.token) return html`<p part="signed-out">${msg('Sign in to see your payouts.')}</p>`;
    if (this.data.status === TaskStatus.ERROR) {
      return html`<div part="error" role="alert">
        <span>${messageOf(this.data.error)}</span>
        <button class="secondary" type="button" @click=${() => void this.data.run()}>${msg('Try again')}</button>
      </div>`;
    }
    const answer = this.answer;
    if (!answer) return spinner();
    return this.view.render((v) => v.render(answer), spinner);
  }
}
