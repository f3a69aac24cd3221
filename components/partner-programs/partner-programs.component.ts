import { msg, str } from '@lit/localize';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDate, localeOf } from '../../src/format.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ProgramsTask } from '../../src/internal/programs-task.js';
import { signedOutView } from '../../src/internal/states.js';
import { noProgramMessage } from '../../src/internal/no-program.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * My Programs: the programs the signed-in partner is enrolled in, with the merchant's
 * description of each.
 *
 * @tag partner-programs
 * @summary The partner's programs and their descriptions.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart list - The list of programs.
 * @csspart program - One program.
 * @csspart empty - Shown when the partner is in no program: their links earn no commission yet.
 * @csspart spinner - The loading state.
 * @csspart error - The error state (role="alert").
 * @csspart signed-out - Shown when nobody is signed in.
 *
 * @cssproperty --partner-programs-gap - Space between programs (default --partner-space-m).
 */
export class PartnerProgramsElement extends PartnerElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--partner-programs-gap, var(--_space-m));
      }
      h3 {
        margin-block-end: var(--_space-xs);
      }
      li p {
        margin: 0;
      }
      .since {
        color: var(--_muted);
        font-size: 0.875em;
        margin-top: var(--_space-xs);
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

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('My programs')}</h2>
      ${this.session.signedIn ? this.renderPrograms() : signedOutView(msg('your programs'))}
    </section>`;
  }

  private renderPrograms() {
    return this.programs.render(msg('Loading your programs…'), (programs) =>
      programs.length
        ? html`<ul part="list">
            ${programs.map(
              (p) => html`<li part="program" class="card">
                <h3>${p.name}</h3>
                <p>${p.description || msg('No description yet.')}</p>
                <p class="since">${msg(str`Member since ${formatDate(p.enrolledAt, localeOf(this))}`)}</p>
              </li>`,
            )}
          </ul>`
        : html`<p part="empty" class="notice">${noProgramMessage()}</p>`,
    );
  }
}
