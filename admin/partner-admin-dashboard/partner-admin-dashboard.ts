import { PartnerAdminDashboardElement } from './partner-admin-dashboard.component.js';

export { PartnerAdminDashboardElement };
PartnerAdminDashboardElement.define('partner-admin-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-dashboard': PartnerAdminDashboardElement;
  }
}
