import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonResponse, router } from '../http/openapi.js';
import { recruitsOf } from './recruits.js';
import { RecruitsAnswerSchema } from './recruits.schemas.js';

const recruitsRoute = createRoute({
  method: 'get',
  path: '/partner/recruits',
  tags: ['partner'],
  security: [{ partnerToken: [] }],
  summary: 'The partners you brought in and what their sales earned you (second tier)',
  description:
    '`enabled` is true when some active program of yours pays a second tier. Recruits are the partners who signed up with your code (`?ref=<code>`); ' +
    'only their name and join date are shown. `earned` is the second-tier commissions on their sales, net of clawbacks.',
  responses: { 200: jsonResponse(RecruitsAnswerSchema, 'Your recruits'), 401: errors[401] },
});

/** Mounted at /api/v1. */
export function recruitsRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.use('/partner/recruits', requirePartner(deps));
  app.openapi(recruitsRoute, async (c) => c.json(await recruitsOf(deps, c.var.partner), 200));
  return app;
}
