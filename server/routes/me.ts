import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { partnerView } from '../domain/partners.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonResponse, router } from '../http/openapi.js';
import { PartnerSchema } from './schemas.js';

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['partner'],
  summary: 'The signed-in partner',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(PartnerSchema, 'The partner behind the token'), 401: errors[401] },
});

export function meRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.use('/me', requirePartner(deps));
  app.openapi(meRoute, (c) => c.json(partnerView(c.var.partner), 200));
  return app;
}
