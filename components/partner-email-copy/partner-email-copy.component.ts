import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { PartnerEmail } from '../../src/api/types.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { loadingView } from '../../src/internal/states.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';

/** `mailto:` with subject and body, for the partner's own mail app. */
export const mailtoHref = (email: Pick<PartnerEmail, 'subject' | 'body'>) =>
  `mailto:?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body.replace(/\r?\n/g, '\r\n'))}`;

/**
 * Ready-to-send emails written by the merchant, with the partner's link, name and code already
 * filled in: copy the subject or the body, or open it in the partner's mail app. A sub-id typed
 * at the top is added to every tracking link in the texts (`?sub=`), shown and copied alike.
 *
 * @tag partner-email-copy
 * @summary Email texts with the partner's link filled in, copy buttons and a mailto option.
 *
 * @event partner-copy - A subject or body was copied. `detail: { kind: 'email-subject' | 'email-body', text }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart sub-input - The sub-id field.
 * @csspart list - The list of emails.
 * @csspart email - One email.
 * @csspart subject - An email's subject.
 * @csspart body - An email's body.
 * @csspart copy-button - The copy buttons.
 * @csspart mailto - The "Open in mail app" link.
 * @csspart empty - Shown when there are no emails.
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region.
 *
 * @cssproperty --partner-email-copy-max-width - Widest the element grows (default --partner-width-content, 48em).
 * @cssproperty --partner-email-copy-body-max-height - Tallest a body is shown before it scrolls (default 20em).
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerEmailCopyElement extends PartnerElement {
  static override styles = [
    baseStyles,
    resourceStyles,
    css`
      :host {
        max-width: var(--partner-email-copy-max-width, var(--_width-content));
      }
    `,
  ];

  /** Heading text (default "Email copy"). */
  @property() heading?: string;

  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.emailCopy(o));
  /** The emails, sub-id and copy buttons (partner-email-copy.view.ts), fetched while the emails load. */
  private readonly view = new LazyPart(this, () => import('./partner-email-copy.view.js'), (m) => new m.EmailCopyView(this));

  override render() {
    if (this.session.state?.token) this.view.want();
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending || this.view.loading ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Email copy')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to get emails that carry your link.'), loading: msg('Loading emails…'), empty: msg('No email copy yet.') },
        (emails) => html`${this.view.render((v) => v.render(emails), () => loadingView(msg('Loading emails…')))}`,
      )}
      ${this.view.value?.announcer() ?? nothing}
    </section>`;
  }
}
