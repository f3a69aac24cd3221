import { PartnerReportsElement } from './partner-reports.component.js';

export { PartnerReportsElement };
PartnerReportsElement.define('partner-reports');

declare global {
  interface HTMLElementTagNameMap {
    'partner-reports': PartnerReportsElement;
  }
}
