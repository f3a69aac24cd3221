import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { PartnerEmail } from '../../src/api/types.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { SubIdController } from '../../src/internal/sub-id.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-email-copy.styles.js';

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
  static override styles = [baseStyles, resourceStyles, styles];

  /** Heading text (default "Email copy"). */
  @property() heading?: string;

  private readonly copier = new CopyController(this);
  private readonly sub = new SubIdController(this);
  private readonly data = new ResourceTask(this, () => this.session.state?.token, (o) => this.client.emailCopy(o));

  override render() {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending ? 'true' : 'false'}>
      <div class="head"><h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Email copy')}</slot></h2></div>
      ${this.data.render(
        { signedOut: msg('Sign in to get emails that carry your link.'), loading: msg('Loading emails…'), empty: msg('No email copy yet.') },
        (emails) =>
          html`${this.sub.render(msg('Tag the link in every email to tell your channels apart, like newsletter or blog.'))}
            <ul part="list">
              ${emails.map((e) => this.renderEmail({ ...e, subject: this.sub.apply(e.subject, e.linkUrl), body: this.sub.apply(e.body, e.linkUrl) }))}
            </ul>`,
      )}
      ${this.copier.announcer()}
    </section>`;
  }

  private renderEmail(email: PartnerEmail) {
    const subjectKey = `subject-${email.id}`;
    const bodyKey = `body-${email.id}`;
    return html`<li part="email" data-email-id=${email.id}>
      <h3 id="name-${email.id}">${email.name}</h3>
      <div class="part">
        <div class="part-head">
          <span class="label" id="subject-label-${email.id}">${msg('Subject')}</span>
          <button
            part="copy-button"
            class="secondary"
            type="button"
            data-copy=${this.copier.state(subjectKey) ?? 'idle'}
            @click=${() => this.copier.copy(subjectKey, email.subject, 'email-subject', msg('Subject'))}
          >
            ${this.copier.label(subjectKey, msg('Copy subject'), msg(str`of ${email.name}`))}
          </button>
        </div>
        <p part="subject">${email.subject}</p>
      </div>
      <div class="part">
        <div class="part-head">
          <span class="label" id="body-label-${email.id}">${msg('Body')}</span>
          <button
            part="copy-button"
            class="secondary"
            type="button"
            data-copy=${this.copier.state(bodyKey) ?? 'idle'}
            @click=${() => this.copier.copy(bodyKey, email.body, 'email-body', msg('Email text'))}
          >
            ${this.copier.label(bodyKey, msg('Copy text'), msg(str`of ${email.name}`))}
          </button>
        </div>
        <div part="body" role="region" tabindex="0" aria-labelledby="body-label-${email.id} name-${email.id}">${email.body}</div>
      </div>
      <div class="actions">
        <a part="mailto" class="button" href=${mailtoHref(email)}>${msg('Open in mail app')}<span class="visually-hidden">: ${email.name}</span></a>
      </div>
    </li>`;
  }
}
