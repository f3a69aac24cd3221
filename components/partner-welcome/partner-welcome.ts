import { PartnerWelcomeElement } from './partner-welcome.component.js';

export { PartnerWelcomeElement };
PartnerWelcomeElement.define('partner-welcome');

declare global {
  interface HTMLElementTagNameMap {
    'partner-welcome': PartnerWelcomeElement;
  }
}
