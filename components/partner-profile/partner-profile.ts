import { PartnerProfileElement } from './partner-profile.component.js';

export { PartnerProfileElement };
PartnerProfileElement.define('partner-profile');

declare global {
  interface HTMLElementTagNameMap {
    'partner-profile': PartnerProfileElement;
  }
}
