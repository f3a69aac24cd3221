import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { programsOf } from './partner-programs.js';
import { renderMarkdown } from '../resources/markdown.js';
import { getSettings } from './settings.js';
import { publicBase, requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonResponse, router, z } from '../http/openapi.js';

const Rate = z.object({ type: z.enum(['percent', 'flat']), value: z.number().int().openapi({ description: 'basis points (1000 = 10%) or cents' }) }).openapi('Rate');

const PartnerProgram = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    priority: z.number().int(),
    currency: z.string(),
    saleCommission: Rate,
    productRates: z.array(Rate.extend({ productId: z.string() })),
    leadCommission: z.number().int().nullable().openapi({ description: 'cents per lead' }),
    recurring: z.object({ mode: z.enum(['every', 'first_n', 'none']), payments: z.number().int().nullable() }),
    secondTier: Rate.nullable(),
    attributionWindowDays: z.number().int(),
    attributionModel: z.enum(['first_click', 'last_click']),
    holdDays: z.number().int(),
    enrolledAt: z.string(),
  })
  .openapi('PartnerProgram');

const Portal = z
  .object({
    merchantName: z.string(),
    currency: z.string(),
    minimumPayout: z.number().int(),
    menus: z.object({ welcome: z.boolean(), profile: z.boolean(), programs: z.boolean(), commissions: z.boolean() }),
  })
  .openapi('Portal');

const programsRoute = createRoute({
  method: 'get',
  path: '/partner/programs',
  tags: ['partner'],
  summary: 'The programs the partner is enrolled in, with their commission structure',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(z.object({ programs: z.array(PartnerProgram) }), 'Programs, highest priority first'), 401: errors[401] },
});

const portalRoute = createRoute({
  method: 'get',
  path: '/portal',
  tags: ['partner'],
  summary: 'Public portal settings: merchant name, currency, which Home sections to show',
  responses: { 200: jsonResponse(Portal, 'Portal settings') },
});

const Welcome = z
  .object({
    merchantName: z.string(),
    html: z.string().openapi({ description: "The merchant's welcome message, markdown rendered to sanitized HTML" }),
  })
  .openapi('Welcome');

const welcomeRoute = createRoute({
  method: 'get',
  path: '/partner/welcome',
  tags: ['partner'],
  summary: "The merchant's welcome message for partners",
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(Welcome, 'The welcome message'), 401: errors[401] },
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
