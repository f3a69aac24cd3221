import { PartnerAdminCommissionsElement } from './partner-admin-commissions.component.js';

export { PartnerAdminCommissionsElement };
PartnerAdminCommissionsElement.define('partner-admin-commissions');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-commissions': PartnerAdminCommissionsElement;
  }
}
