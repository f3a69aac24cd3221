import { PartnerCommissionsElement } from './partner-commissions.component.js';

export { PartnerCommissionsElement };
PartnerCommissionsElement.define('partner-commissions');

declare global {
  interface HTMLElementTagNameMap {
    'partner-commissions': PartnerCommissionsElement;
  }
}
