import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { authRoutes } from './auth.routes.js';
import { embedRoutes } from './embed.routes.js';
import { meRoutes } from './me.routes.js';

/** Partner accounts, mounted at /api/v1: sign-in and sign-up under /auth, the profile under /me, embed tokens. */
export function partnerRoutes(deps: Deps) {
  return router().route('/auth', authRoutes(deps)).route('/', meRoutes(deps)).route('/', embedRoutes(deps));
}
