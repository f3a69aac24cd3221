import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { registerPartnerAdminRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';
import { embedRoutes } from './embed.routes.js';
import { meRoutes } from './me.routes.js';
import { recruitsRoutes } from './recruits.routes.js';

/**
 * Partner accounts, mounted at /api/v1: sign-in and sign-up under /auth, the profile under /me,
 * embed tokens, the partner's recruits (second tier), and the merchant's review of sign-ups under /admin.
 */
export function partnerRoutes(deps: Deps) {
  const admin = router();
  registerPartnerAdminRoutes(admin, deps);
  return router().route('/auth', authRoutes(deps)).route('/', meRoutes(deps)).route('/', embedRoutes(deps)).route('/', recruitsRoutes(deps)).route('/admin', admin);
}
