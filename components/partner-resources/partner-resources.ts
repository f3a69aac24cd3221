import { PartnerResourcesElement } from './partner-resources.component.js';

export { PartnerResourcesElement };
PartnerResourcesElement.define('partner-resources');

declare global {
  interface HTMLElementTagNameMap {
    'partner-resources': PartnerResourcesElement;
  }
}
