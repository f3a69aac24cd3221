import { PartnerAdminResourceEditorElement } from './partner-admin-resource-editor.component.js';
import { PartnerAdminResourcesElement } from './partner-admin-resources.component.js';
import { PartnerAdminResourcePreviewElement } from './resource-preview.js';

export { PartnerAdminResourceEditorElement, PartnerAdminResourcePreviewElement, PartnerAdminResourcesElement };
if (!customElements.get('partner-admin-resource-preview')) customElements.define('partner-admin-resource-preview', PartnerAdminResourcePreviewElement);
PartnerAdminResourceEditorElement.define('partner-admin-resource-editor');
PartnerAdminResourcesElement.define('partner-admin-resources');

declare global {
  interface HTMLElementTagNameMap {
    'partner-admin-resources': PartnerAdminResourcesElement;
    'partner-admin-resource-editor': PartnerAdminResourceEditorElement;
    'partner-admin-resource-preview': PartnerAdminResourcePreviewElement;
  }
}
