import { PartnerAdminEmailElement } from './partner-admin-email.component.js';
import { PartnerAdminEmailSettingsElement } from './partner-admin-email-settings.component.js';
import { PartnerAdminEmailTemplatesElement } from './partner-admin-email-templates.component.js';
import { PartnerAdminOutboxElement } from './partner-admin-outbox.component.js';

export { PartnerAdminEmailElement, PartnerAdminEmailSettingsElement, PartnerAdminEmailTemplatesElement, PartnerAdminOutboxElement };
PartnerAdminOutboxElement.define('partner-admin-outbox');
PartnerAdminEmailTemplatesElement.define('partner-admin-email-templates');
PartnerAdminEmailSettingsElement.define('partner-admin-email-settings');
PartnerAdminEmailElement.define('partner-admin-email');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-email': PartnerAdminEmailElement;
    'partner-admin-outbox': PartnerAdminOutboxElement;
    'partner-admin-email-templates': PartnerAdminEmailTemplatesElement;
    'partner-admin-email-settings': PartnerAdminEmailSettingsElement;
  }
}
