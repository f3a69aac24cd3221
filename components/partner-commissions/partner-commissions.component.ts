import { msg } from '@lit/localize';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ProgramsTask } from '../../src/internal/programs-task.js';
import { loadingView, signedOutView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * My Commission Structure: for each of the partner's programs, what a sale, a product and a
 * lead earn, recurring terms, second tier, attribution and when commissions become payable.
 *
 * @tag partner-commissions
 * @summary The commission structure of each of the partner's programs.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart program - One program's structure.
 * @csspart rates - The product rates table.
 * @csspart empty - Shown when the partner is in no program.
 * @csspart spinner - The loading state.
 * @csspart error - The error state (role="alert").
 * @csspart signed-out - Shown when nobody is signed in.
 */
export class PartnerCommissionsElement extends PartnerElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        container-type: inline-size;
      }
    `,
  ];

  /** Heading text. */
  @property() heading?: string;

  private readonly programs = new ProgramsTask(
    this,
    () => this.session.signedIn,
    () => this.client,
  );

  /** Each program's structure (partner-commissions.view.ts), loaded while the programs load. */
  private readonly view = new LazyPart(this, () => import('./partner-commissions.view.js'), (m) => new m.CommissionsView(this));

  override render() {
    const loading = msg('Loading your commission structure…');
    if (this.session.signedIn) this.view.want();
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('My commission structure')}</h2>
      ${this.session.signedIn
        ? this.programs.render(loading, (programs) =>
            programs.length
              ? this.view.render((v) => v.render(programs), () => loadingView(loading))
              : html`<p part="empty" class="notice">${msg('You are not in any program yet, so no commissions apply.')}</p>`,
          )
        : signedOutView(msg('your commission structure'))}
    </section>`;
  }
}
