import type { Deps } from '../deps.js';
import { requireAdmin } from '../http/middleware.js';
import { router } from '../http/openapi.js';
import { registerCatalogRoutes } from './admin-catalog.js';
import { registerMoneyRoutes } from './admin-money.js';

/**
 * The merchant's API under /api/v1/admin: `Authorization: Bearer <admin key>` (a key from
 * `partner-center admin-key create`, or PARTNER_CENTER_ADMIN_KEY). Partner tokens never pass.
 */
export function adminRoutes(deps: Deps) {
  const app = router();
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An admin API key (`partner-center admin-key create`) or PARTNER_CENTER_ADMIN_KEY',
  });
  app.use('*', requireAdmin(deps));
  registerCatalogRoutes(app, deps);
  registerMoneyRoutes(app, deps);
  return app;
}
