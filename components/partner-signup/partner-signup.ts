import { PartnerSignupElement } from './partner-signup.component.js';

export { PartnerSignupElement };
PartnerSignupElement.define('partner-signup');

declare global {
  interface HTMLElementTagNameMap {
    'partner-signup': PartnerSignupElement;
  }
}
