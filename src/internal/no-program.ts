import { msg } from '@lit/localize';
import { html } from 'lit';

/** Said wherever links or programs would show, to a partner the merchant has put in no program. */
export const noProgramMessage = () =>
  msg("You're not in a program yet, so links don't earn commission. Once the program owner adds you to a program, your links will earn.");

export const noProgramView = () => html`<p part="no-program" role="status" class="notice">${noProgramMessage()}</p>`;
