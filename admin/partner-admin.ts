// The console bundle (dist/admin.js): <partner-admin> and its sections. Partner pages never load it.
import './partner-admin/partner-admin.js';
import './partner-admin-dashboard/partner-admin-dashboard.js';
import './partner-admin-partners/partner-admin-partners.js';
import './partner-admin-commissions/partner-admin-commissions.js';
import './partner-admin-programs/partner-admin-programs.js';
import './partner-admin-settings/partner-admin-settings.js';
import './partner-admin-payouts/partner-admin-payouts.js';
import './partner-admin-audit/partner-admin-audit.js';
import './partner-admin-resources/partner-admin-resources.js';
import './partner-admin-email/partner-admin-email.js';
import './partner-admin-webhooks/partner-admin-webhooks.js';

export { HttpAdminApi, adminApiFor } from './api/client.js';
export { AdminSession, adminSession } from './api/session.js';
export { SECTIONS, type Section } from './sections.js';
export type * from './api/types.js';
