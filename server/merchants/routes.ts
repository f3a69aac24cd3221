import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { registerMerchantRoutes } from './admin.routes.js';
import { merchantAuthRoutes } from './auth.routes.js';

/**
 * The merchant's own accounts, mounted at /api/v1: a merchant user's sign-in under /admin/auth
 * (no admin credentials needed: app.ts exempts it from the admin check), and under /admin the
 * merchant users, admin keys and the audit log.
 */
export function merchantRoutes(deps: Deps) {
  const admin = router();
  registerMerchantRoutes(admin, deps);
  return router().route('/admin', merchantAuthRoutes(deps)).route('/admin', admin);
}
