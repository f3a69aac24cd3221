import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { registerMoneyRoutes } from './admin.routes.js';
import { partnerReportRoutes } from './partner-reports.routes.js';
import { registerPayoutRoutes } from './payouts.routes.js';
import { partnerPayoutRoutes, registerPayoutRequestAdminRoutes } from './payout-requests.routes.js';

/**
 * Money, mounted at /api/v1: commissions, approvals, payments and sales for the merchant under
 * /admin (the admin key is checked for all of /api/v1/admin in app.ts), the partner's ledger,
 * balance and reports under /partner.
 */
export function moneyRoutes(deps: Deps) {
  const admin = router();
  registerMoneyRoutes(admin, deps);
  registerPayoutRoutes(admin, deps);
  registerPayoutRequestAdminRoutes(admin, deps);
  return router().route('/admin', admin).route('/partner', partnerReportRoutes(deps)).route('/partner', partnerPayoutRoutes(deps));
}
