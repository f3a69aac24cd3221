import { PartnerLedgerElement } from './partner-ledger.component.js';

export { PartnerLedgerElement };
PartnerLedgerElement.define('partner-ledger');

declare global {
  interface HTMLElementTagNameMap {
    'partner-ledger': PartnerLedgerElement;
  }
}
