import { PartnerProgramsElement } from './partner-programs.component.js';

export { PartnerProgramsElement };
PartnerProgramsElement.define('partner-programs');

declare global {
  interface HTMLElementTagNameMap {
    'partner-programs': PartnerProgramsElement;
  }
}
