import { PartnerCenterElement } from './partner-center.component.js';

export { PartnerCenterElement };
PartnerCenterElement.define('partner-center');

declare global {
  interface HTMLElementTagNameMap {
    'partner-center': PartnerCenterElement;
  }
}
