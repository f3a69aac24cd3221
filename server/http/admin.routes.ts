import type { Deps } from '../deps.js';
import { requireAdmin } from './middleware.js';
import { router } from './openapi.js';
import { registerCatalogRoutes } from '../catalog/admin.routes.js';
import { registerMoneyRoutes } from '../money/admin.routes.js';
import { registerMerchantRoutes } from '../merchants/admin.routes.js';

/**
 * The merchant's API under /api/v1/admin: `Authorization: Bearer <admin key>` (a key from
 * `partner-center admin-key create`, or PARTNER_CENTER_ADMIN_KEY) or a merchant user's token
 * (within their role). Partner tokens never pass.
 * The security scheme (`adminKey`) is registered once, in app.ts.
 */
export function adminRoutes(deps: Deps) {
  const app = router();
  app.use('*', requireAdmin(deps));
  registerCatalogRoutes(app, deps);
  registerMoneyRoutes(app, deps);
  registerMerchantRoutes(app, deps);
  return app;
}
