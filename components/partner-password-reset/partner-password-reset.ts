import { PartnerPasswordResetElement } from './partner-password-reset.component.js';

export { PartnerPasswordResetElement };
PartnerPasswordResetElement.define('partner-password-reset');

declare global {
  interface HTMLElementTagNameMap {
    'partner-password-reset': PartnerPasswordResetElement;
  }
}
