import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { registerCatalogRoutes } from './admin.routes.js';
import { partnerHomeRoutes } from './partner-home.routes.js';
import { registerProgramExampleRoute } from './program-example.routes.js';

/**
 * The catalog, mounted at /api/v1: programs, partner accounts and settings for the merchant
 * under /admin (the admin key is checked for all of /api/v1/admin in app.ts), the partner's
 * welcome and programs under /partner.
 */
export function catalogRoutes(deps: Deps) {
  const admin = router();
  registerCatalogRoutes(admin, deps);
  registerProgramExampleRoute(admin, deps);
  return router().route('/', partnerHomeRoutes(deps)).route('/admin', admin);
}
