import { PartnerAdminIntegrationsElement } from './partner-admin-integrations.component.js';
import { PartnerAdminKeysElement } from './partner-admin-keys.component.js';
import { PartnerAdminSettingsElement } from './partner-admin-settings.component.js';
import { PartnerAdminUsersElement } from './partner-admin-users.component.js';

export { PartnerAdminIntegrationsElement, PartnerAdminKeysElement, PartnerAdminSettingsElement, PartnerAdminUsersElement };
PartnerAdminIntegrationsElement.define('partner-admin-integrations');
PartnerAdminKeysElement.define('partner-admin-keys');
PartnerAdminUsersElement.define('partner-admin-users');
PartnerAdminSettingsElement.define('partner-admin-settings');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-settings': PartnerAdminSettingsElement;
    'partner-admin-integrations': PartnerAdminIntegrationsElement;
    'partner-admin-keys': PartnerAdminKeysElement;
    'partner-admin-users': PartnerAdminUsersElement;
  }
}
