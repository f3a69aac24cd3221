import { PartnerAdminElement } from './partner-admin.component.js';

export { PartnerAdminElement };
PartnerAdminElement.define('partner-admin');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin': PartnerAdminElement;
  }
}
