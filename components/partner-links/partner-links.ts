import { PartnerLinksElement } from './partner-links.component.js';

export { PartnerLinksElement };
PartnerLinksElement.define('partner-links');

declare global {
  interface HTMLElementTagNameMap {
    'partner-links': PartnerLinksElement;
  }
}
