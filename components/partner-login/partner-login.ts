import { PartnerLoginElement } from './partner-login.component.js';

export { PartnerLoginElement };
PartnerLoginElement.define('partner-login');

declare global {
  interface HTMLElementTagNameMap {
    'partner-login': PartnerLoginElement;
  }
}
