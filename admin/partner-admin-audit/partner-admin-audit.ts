import { PartnerAdminAuditElement } from './partner-admin-audit.component.js';

export { PartnerAdminAuditElement };
PartnerAdminAuditElement.define('partner-admin-audit');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-audit': PartnerAdminAuditElement;
  }
}
