import { PartnerAdminPartnerElement } from './partner-admin-partner.component.js';
import { PartnerAdminPartnersElement } from './partner-admin-partners.component.js';

export { PartnerAdminPartnerElement, PartnerAdminPartnersElement };
PartnerAdminPartnerElement.define('partner-admin-partner');
PartnerAdminPartnersElement.define('partner-admin-partners');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-partners': PartnerAdminPartnersElement;
    'partner-admin-partner': PartnerAdminPartnerElement;
  }
}
