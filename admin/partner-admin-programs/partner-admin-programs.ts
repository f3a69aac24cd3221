import { PartnerAdminProgramElement } from './partner-admin-program.component.js';
import { PartnerAdminProgramsElement } from './partner-admin-programs.component.js';

export { PartnerAdminProgramElement, PartnerAdminProgramsElement };
PartnerAdminProgramElement.define('partner-admin-program');
PartnerAdminProgramsElement.define('partner-admin-programs');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-programs': PartnerAdminProgramsElement;
    'partner-admin-program': PartnerAdminProgramElement;
  }
}
