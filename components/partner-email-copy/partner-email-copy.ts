import { PartnerEmailCopyElement } from './partner-email-copy.component.js';

export { PartnerEmailCopyElement };
PartnerEmailCopyElement.define('partner-email-copy');

declare global {
  interface HTMLElementTagNameMap {
    'partner-email-copy': PartnerEmailCopyElement;
  }
}
