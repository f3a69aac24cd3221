import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Rate, RecruitsAnswer } from '../../src/api/types.js';
import { formatDate, formatMoney, formatPercent, localeOf } from '../../src/format.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { NearViewportController } from '../../src/internal/near-viewport.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { errorView, loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-recruits.styles.js';

/** The sign-up page's address with `?ref=<code>` (any earlier `ref` replaced, no #fragment). */
export function recruitLink(signupHref: string, code: string): string {
  const url = new URL(signupHref, document.baseURI);
  url.searchParams.set('ref', code);
  url.hash = '';
  return url.href;
}

/**
 * Recruiting (second tier): where one of the partner's programs pays on the sales of partners
 * they bring in, their recruit link (the sign-up page with `?ref=<their code>`) with a copy
 * button, what they earn on a recruit's sales in words, and the partners they brought in (name,
 * join date and what their sales earned this partner) with the total. When no program pays a
 * second tier the element hides itself (the `hidden` attribute) and shows nothing.
 *
 * @tag partner-recruits
 * @summary The partner's recruit link, second-tier rates and the partners they brought in.
 *
 * @event partner-copy - The recruit link was copied. `detail: { kind: 'link', text }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart link - The read-only field with the recruit link.
 * @csspart copy-button - Copies the recruit link.
 * @csspart rates - What the partner earns on their recruits' sales, in words.
 * @csspart table - The recruits table.
 * @csspart row - One recruit.
 * @csspart total - The total earned from recruits.
 * @csspart empty - Shown when nobody has signed up with the link yet.
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region ("Recruit link copied…").
 *
 * @cssproperty --partner-recruits-max-width - Widest the element grows (default 48rem).
 * @cssproperty --partner-recruits-background - Card background.
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerRecruitsElement extends PartnerElement {
  static override styles = [baseStyles, styles];

  /** Heading text (default "Recruit partners"). */
  @property() heading?: string;
  /** The merchant's sign-up page (where `<partner-signup>` is); default: this page. */
  @property({ attribute: 'signup-href' }) signupHref?: string;

  private readonly copier = new CopyController(this);

  private readonly nearViewport = new NearViewportController(this);

  private readonly data = new Task(this, {
    task: async ([token], { signal }): Promise<RecruitsAnswer | undefined> => (token ? this.client.recruits({ signal }) : undefined),
    // further down the page: read once the partner scrolls near it
    args: () => [this.nearViewport.near ? this.session.state?.token : undefined] as const,
  });

  /** Complete and not enabled: nothing to offer, so nothing is shown. */
  private get off() {
    return this.data.status === TaskStatus.COMPLETE && this.data.value !== undefined && !this.data.value.enabled && !!this.session.state?.token;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    this.toggleAttribute('hidden', this.off);
  }

  override render() {
    if (this.off) return nothing;
    // busy while reading, and while waiting to be scrolled near (no answer yet)
    const busy = !!this.session.state?.token && this.data.status !== TaskStatus.ERROR && (this.data.status === TaskStatus.PENDING || !this.data.value);
    return html`<section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Recruit partners')}</slot></h2>
      ${this.renderBody()} ${this.copier.announcer()}
    </section>`;
  }

  private renderBody() {
    if (!this.session.state?.token) return html`<p part="signed-out" class="notice">${msg('Sign in to see the partners you brought in.')}</p>`;
    return this.data.render({
      initial: () => loadingView(msg('Loading your recruits…')),
      pending: () => (this.data.value ? this.renderAnswer(this.data.value) : loadingView(msg('Loading your recruits…'))),
      error: (e) => errorView(e, () => void this.data.run()),
      // undefined: not near the viewport yet, so not read yet
      complete: (answer) => (answer ? this.renderAnswer(answer) : loadingView(msg('Loading your recruits…'))),
    });
  }

  private renderAnswer(answer: RecruitsAnswer) {
    const locale = localeOf(this);
    const link = recruitLink(this.signupHref || location.href, answer.referralCode);
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
