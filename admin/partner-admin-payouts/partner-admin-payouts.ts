import { PartnerAdminPaymentHistoryElement } from './partner-admin-payment-history.component.js';
import { PartnerAdminPayoutsElement } from './partner-admin-payouts.component.js';

export { PartnerAdminPaymentHistoryElement, PartnerAdminPayoutsElement };
PartnerAdminPaymentHistoryElement.define('partner-admin-payment-history');
PartnerAdminPayoutsElement.define('partner-admin-payouts');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-payouts': PartnerAdminPayoutsElement;
    'partner-admin-payment-history': PartnerAdminPaymentHistoryElement;
  }
}
