import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { programsOf } from './partner-programs.js';
import { renderMarkdown } from '../resources/markdown.js';
import { getSettings } from './settings.js';
import { PartnerProgramSchema, PortalSchema, WelcomeSchema } from './schemas.js';
import { publicBase, requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonResponse, router, z } from '../http/openapi.js';

const programsRoute = createRoute({
  method: 'get',
  path: '/partner/programs',
  tags: ['partner'],
  summary: 'The programs the partner is enrolled in, with their commission structure',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(z.object({ programs: z.array(PartnerProgramSchema) }), 'Programs, highest priority first'), 401: errors[401] },
});

const portalRoute = createRoute({
  method: 'get',
  path: '/portal',
  tags: ['partner'],
  summary: 'Public portal settings: merchant name, currency, which Home sections to show',
  responses: { 200: jsonResponse(PortalSchema, 'Portal settings') },
});

const welcomeRoute = createRoute({
  method: 'get',
  path: '/partner/welcome',
  tags: ['partner'],
  summary: "The merchant's welcome message for partners",
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(WelcomeSchema, 'The welcome message'), 401: errors[401] },
});

export function partnerHomeRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.openapi(portalRoute, async (c) => {
    const s = await getSettings(deps);
    return c.json({ merchantName: s.merchantName, currency: s.currency, minimumPayout: s.minimumPayout, menus: s.menus }, 200);
  });
  app.use('/partner/welcome', requirePartner(deps));
  app.openapi(welcomeRoute, async (c) => {
    const s = await getSettings(deps);
    return c.json({ merchantName: s.merchantName, html: renderMarkdown(s.welcomeMessage, { base: publicBase(c, deps), headingOffset: 2 }) }, 200);
  });
  app.use('/partner/programs', requirePartner(deps));
  app.openapi(programsRoute, async (c) => c.json({ programs: await programsOf(deps, c.var.partner.id) }, 200));
  return app;
}
