import { PartnerRecruitsElement } from './partner-recruits.component.js';

export { PartnerRecruitsElement };
PartnerRecruitsElement.define('partner-recruits');

declare global {
  interface HTMLElementTagNameMap {
    'partner-recruits': PartnerRecruitsElement;
  }
}
