import { PartnerAdminPaymentHistoryElement } from './partner-admin-payment-history.component.js';
import { PartnerAdminPayoutRequestsElement } from './partner-admin-payout-requests.component.js';
import { PartnerAdminPayoutsElement } from './partner-admin-payouts.component.js';

export { PartnerAdminPaymentHistoryElement, PartnerAdminPayoutRequestsElement, PartnerAdminPayoutsElement };
PartnerAdminPaymentHistoryElement.define('partner-admin-payment-history');
PartnerAdminPayoutRequestsElement.define('partner-admin-payout-requests');
PartnerAdminPayoutsElement.define('partner-admin-payouts');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-payouts': PartnerAdminPayoutsElement;
    'partner-admin-payment-history': PartnerAdminPaymentHistoryElement;
    'partner-admin-payout-requests': PartnerAdminPayoutRequestsElement;
  }
}
