import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { Rate, RecruitsAnswer } from '../../src/api/types.js';
import { formatDate, formatMoney, formatPercent, localeOf } from '../../src/format.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { recruitLink, type PartnerRecruitsElement } from './partner-recruits.component.js';
import answerStyles from './partner-recruits.styles.js';

/** The link's, the rates' and the table's look, adopted when this module arrives. */
export const styles = [answerStyles];

/**
 * `<partner-recruits>` once its answer is here: the recruit link with its copy button, the rates
 * in words and the recruits table. Loaded while the answer is read (src/internal/lazy-part.ts).
 */
export class RecruitsView {
  private readonly copier: CopyController;

  constructor(readonly el: PartnerRecruitsElement) {
    this.copier = new CopyController(el);
  }

  /** The live region the copy button speaks through. */
  announcer() {
    return this.copier.announcer();
  }

  render(answer: RecruitsAnswer) {
    const locale = localeOf(this.el);
    const link = recruitLink(this.el.signupHref || location.href, answer.referralCode);
    return html`<p class="intro">${msg('Invite other partners: when someone signs up with your link, you earn on their sales too.')}</p>
      <div class="field">
        <label for="recruit-link">${msg('Your recruit link')}</label>
        <div class="copy-row">
          <input id="recruit-link" part="link" readonly .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button part="copy-button" type="button" data-copy=${this.copier.state('recruit') ?? 'idle'} @click=${() => this.copier.copy('recruit', link, 'link', msg('Recruit link'))}>
            ${this.copier.label('recruit', msg('Copy'), msg('recruit link'))}
          </button>
        </div>
      </div>
      <ul part="rates">
        ${answer.rates.map((r) => html`<li>${this.rateInWords(r.programName, r.rate, answer.currency, locale)}</li>`)}
      </ul>
      ${answer.recruits.length ? this.renderTable(answer, locale) : html`<p part="empty" class="notice">${msg('Nobody has signed up with your link yet.')}</p>`}`;
  }

  private rateInWords(program: string, rate: Rate, currency: string, locale: string) {
    return rate.type === 'percent'
      ? msg(str`${program}: you earn ${formatPercent(rate.value, locale)} of each sale your recruits make.`)
      : msg(str`${program}: you earn ${formatMoney(rate.value, currency, locale)} for each sale your recruits make.`);
  }

  private renderTable(answer: RecruitsAnswer, locale: string) {
    return html`<table part="table">
      <caption class="visually-hidden">${msg('Partners you brought in')}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Name')}</th>
          <th scope="col">${msg('Joined')}</th>
          <th scope="col" class="money">${msg('Earned for you')}</th>
        </tr>
      </thead>
      <tbody>
        ${answer.recruits.map(
          (r) => html`<tr part="row">
            <th scope="row">${r.name}</th>
            <td>${formatDate(r.joinedAt, locale)}</td>
            <td class="money">${formatMoney(r.earned, answer.currency, locale)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr part="total">
          <th scope="row" colspan="2">${msg('Total earned from recruits')}</th>
          <td class="money">${formatMoney(answer.earnedTotal, answer.currency, locale)}</td>
        </tr>
      </tfoot>
    </table>`;
  }
}
