import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { router } from '../http/openapi.js';
import { adminResourceRoutes, adminUploadRoutes, uploadServingRoutes } from './admin.routes.js';
import { partnerResourceRoutes, qrRoutes } from './partner.routes.js';

const UPLOAD_PATH = '/api/v1/admin/uploads';

/**
 * `POST /api/v1/admin/uploads` sends the raw image (≤ 2 MB, checked by its own route), so
 * app.ts exempts it from the API's JSON-only, 100 KB rule.
 */
export const isImageUpload = (c: Context) => c.req.method === 'POST' && c.req.path === UPLOAD_PATH;

/**
 * Resources, mounted at `/`: banners, email copy, resource pages and uploads for the merchant
 * (the admin key is checked for all of /api/v1/admin in app.ts) and for partners, QR codes,
 * and the uploaded images themselves at /uploads/:id.
 */
export function resourceRoutes(deps: Deps) {
  return router()
    .route('/api/v1/admin', adminUploadRoutes(deps))
    .route('/api/v1/admin', adminResourceRoutes(deps))
    .route('/api/v1/partner', partnerResourceRoutes(deps))
    .route('/api/v1', qrRoutes(deps))
    .route('/', uploadServingRoutes(deps));
}
