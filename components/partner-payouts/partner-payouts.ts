import { PartnerPayoutsElement } from './partner-payouts.component.js';

export { PartnerPayoutsElement };
PartnerPayoutsElement.define('partner-payouts');

declare global {
  interface HTMLElementTagNameMap {
    'partner-payouts': PartnerPayoutsElement;
  }
}
