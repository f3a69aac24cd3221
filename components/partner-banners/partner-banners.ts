import { PartnerBannersElement } from './partner-banners.component.js';

export { PartnerBannersElement };
PartnerBannersElement.define('partner-banners');

declare global {
  interface HTMLElementTagNameMap {
    'partner-banners': PartnerBannersElement;
  }
}
