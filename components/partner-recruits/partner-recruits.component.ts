import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { RecruitsAnswer } from '../../src/api/types.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { NearViewportController } from '../../src/internal/near-viewport.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { errorView, loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';

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
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: var(--partner-recruits-max-width, 48rem);
        container-type: inline-size;
      }
      :host([hidden]) {
        display: none;
      }
      [part~='base'] {
        background: var(--partner-recruits-background, var(--_surface));
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space-m) var(--_space-l);
        display: grid;
        gap: var(--_space-m);
      }
      h2 {
        margin: 0;
      }
      @container (max-width: 24rem) {
        [part~='base'] {
          padding: var(--_space-s) var(--_space-m);
        }
      }
    `,
  ];

  /** Heading text (default "Recruit partners"). */
  @property() heading?: string;
  /** The merchant's sign-up page (where `<partner-signup>` is); default: this page. */
  @property({ attribute: 'signup-href' }) signupHref?: string;

  private readonly nearViewport = new NearViewportController(this);

  private readonly data = new Task(this, {
    task: async ([token], { signal }): Promise<RecruitsAnswer | undefined> => (token ? this.client.recruits({ signal }) : undefined),
    // further down the page: read once the partner scrolls near it
    args: () => [this.nearViewport.near ? this.session.state?.token : undefined] as const,
  });

  /** The link, rates and table (partner-recruits.view.ts), fetched while the answer is read. */
  private readonly view = new LazyPart(this, () => import('./partner-recruits.view.js'), (m) => new m.RecruitsView(this));

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
    // with the answer's read, not before it: further down the page, both wait for the partner to scroll near
    if (this.session.state?.token && this.nearViewport.near) this.view.want();
    // busy while reading, while waiting to be scrolled near (no answer yet), and while the view is on its way
    const busy = !!this.session.state?.token && this.data.status !== TaskStatus.ERROR && (this.data.status === TaskStatus.PENDING || !this.data.value || this.view.loading);
    return html`<section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Recruit partners')}</slot></h2>
      ${this.renderBody()} ${this.view.value?.announcer() ?? nothing}
    </section>`;
  }

  private renderBody() {
    if (!this.session.state?.token) return html`<p part="signed-out" class="notice">${msg('Sign in to see the partners you brought in.')}</p>`;
    const loading = () => loadingView(msg('Loading your recruits…'));
    const answer = (a: RecruitsAnswer) => this.view.render((v) => v.render(a), loading);
    return this.data.render({
      initial: loading,
      pending: () => (this.data.value ? answer(this.data.value) : loading()),
      error: (e) => errorView(e, () => void this.data.run()),
      // undefined: not near the viewport yet, so not read yet
      complete: (a) => (a ? answer(a) : loading()),
    });
  }
}
