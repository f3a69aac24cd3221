import { PartnerOverviewElement } from './partner-overview.component.js';

export { PartnerOverviewElement };
PartnerOverviewElement.define('partner-overview');

declare global {
  interface HTMLElementTagNameMap {
    'partner-overview': PartnerOverviewElement;
  }
}
