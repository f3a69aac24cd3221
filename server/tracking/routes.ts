import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { redirectRoutes } from './redirect.routes.js';
import { trackRoutes } from './track.routes.js';

/**
 * Tracking, mounted at `/`: the merchant's server-to-server calls under /api/v1/track, and the
 * partner's redirect links and the merchant's track.js outside /api (app.ts mounts this before
 * the static files, so a redirect never touches the disk).
 */
export function trackingRoutes(deps: Deps) {
  return router().route('/api/v1/track', trackRoutes(deps)).route('/', redirectRoutes(deps));
}
