import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { NearViewportController } from '../../src/internal/near-viewport.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { safeHtml } from '../../src/internal/safe-html.js';
import { errorView, loadingView, signedOutView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * The merchant's welcome message for partners (markdown the merchant edits in the settings,
 * rendered and sanitized by the server, and cleaned once more here before it is shown).
 *
 * @tag partner-welcome
 * @summary The merchant's welcome message.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart content - The message.
 * @csspart spinner - The loading state.
 * @csspart error - The error state (role="alert").
 * @csspart signed-out - Shown when nobody is signed in.
 *
 * @cssproperty --partner-welcome-background - Card background (default --partner-color-subtle).
 */
export class PartnerWelcomeElement extends PartnerElement {
  static override styles = [
    baseStyles,
    css`
      [part~='base'] {
        background: var(--partner-welcome-background, var(--_subtle));
        border-radius: var(--_radius);
        padding: var(--_space-m) var(--_space-l);
      }
      h2 {
        font-size: var(--_title-size);
        margin: 0 0 var(--_space-s);
      }
      .content > :first-child {
        margin-top: 0;
      }
      .content > :last-child {
        margin-bottom: 0;
      }
      .content img {
        max-width: 100%;
        height: auto;
      }
    `,
  ];

  /** Heading text; empty for none. Defaults to "Welcome to <merchant>". */
  @property() heading?: string;

  private readonly nearViewport = new NearViewportController(this);

  private readonly welcome = new Task(this, {
    task: ([signedIn, api], { signal }) => (signedIn && api ? api.welcome({ signal }) : Promise.resolve(undefined)),
    // further down the page: read once the partner scrolls near it
    args: () => [this.session.signedIn && this.nearViewport.near, this.client] as const,
  });

  override render() {
    const merchant = this.welcome.value?.merchantName;
    const title = this.heading ?? (merchant ? msg(str`Welcome to ${merchant}`) : msg('Welcome'));
    return html`<section part="base" aria-labelledby="title">
      ${title ? html`<h2 id="title" part="title">${title}</h2>` : ''}
      ${this.session.signedIn
        ? this.welcome.render({
            initial: () => loadingView(),
            pending: () => loadingView(),
            error: (e) => errorView(e, () => this.welcome.run()),
            // undefined: not near the viewport yet, so not read yet
            complete: (w) => (w ? html`<div part="content" class="content">${unsafeHTML(safeHtml(w.html))}</div>` : loadingView()),
          })
        : signedOutView(msg('the welcome message'))}
    </section>`;
  }
}
