import { PartnerAdminCouponsElement } from './partner-admin-coupons.component.js';
import { PartnerAdminPartnerElement } from './partner-admin-partner.component.js';
import { PartnerAdminPartnersElement } from './partner-admin-partners.component.js';

export { PartnerAdminCouponsElement, PartnerAdminPartnerElement, PartnerAdminPartnersElement };
PartnerAdminCouponsElement.define('partner-admin-coupons');
PartnerAdminPartnerElement.define('partner-admin-partner');
PartnerAdminPartnersElement.define('partner-admin-partners');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-partners': PartnerAdminPartnersElement;
    'partner-admin-partner': PartnerAdminPartnerElement;
    'partner-admin-coupons': PartnerAdminCouponsElement;
  }
}
