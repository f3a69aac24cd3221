import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { PartnerEmail } from '../../src/api/types.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { SubIdController } from '../../src/internal/sub-id.js';
import { mailtoHref, type PartnerEmailCopyElement } from './partner-email-copy.component.js';
import list from './partner-email-copy.styles.js';

/** The emails' look, adopted when this module arrives. */
export const styles = [list];

/**
 * `<partner-email-copy>` once its emails are here: the sub-id field and each email with its copy
 * buttons and mail app link. Loaded while the emails load (src/internal/lazy-part.ts).
 */
export class EmailCopyView {
  private readonly copier: CopyController;
  private readonly sub: SubIdController;

  constructor(readonly el: PartnerEmailCopyElement) {
    this.copier = new CopyController(el);
    this.sub = new SubIdController(el);
  }

  /** The live region the copy buttons speak through. */
  announcer() {
    return this.copier.announcer();
  }

  render(emails: PartnerEmail[]) {
    return html`${this.sub.render(msg('Tag the link in every email to tell your channels apart, like newsletter or blog.'))}
      <ul part="list">
        ${emails.map((e) => this.renderEmail({ ...e, subject: this.sub.apply(e.subject, e.linkUrl), body: this.sub.apply(e.body, e.linkUrl) }))}
      </ul>`;
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
