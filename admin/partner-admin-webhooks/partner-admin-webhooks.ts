import { PartnerAdminWebhookElement } from './partner-admin-webhook.component.js';
import { PartnerAdminWebhooksElement } from './partner-admin-webhooks.component.js';

export { PartnerAdminWebhookElement, PartnerAdminWebhooksElement };
PartnerAdminWebhookElement.define('partner-admin-webhook');
PartnerAdminWebhooksElement.define('partner-admin-webhooks');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-webhooks': PartnerAdminWebhooksElement;
    'partner-admin-webhook': PartnerAdminWebhookElement;
  }
}
