import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { EMBED_TTL_DEFAULT_SECONDS, exchangeEmbedToken, mintEmbedToken } from './embed.js';
import { partnerView } from './partners.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { EmbedTokenSchema, PartnerSchema } from './schemas.js';

const MintBody = z
  .object({
    partnerCode: z.string().trim().min(1, 'Name the partner').max(64),
    ttlSeconds: z.number().int().min(30, 'is at least 30').max(3600, 'is at most 3600').default(EMBED_TTL_DEFAULT_SECONDS),
  })
  .strict()
  .openapi('EmbedTokenRequest');

const ExchangeBody = z.object({ embedToken: z.string().min(1, 'is required').max(200) }).strict().openapi('EmbedExchange');

const mintRoute = createRoute({
  method: 'post',
  path: '/admin/embed-tokens',
  tags: ['admin'],
  summary: 'Mint a short-lived, single-use sign-in token for a partner (merchant backend only)',
  description:
    'For merchants whose partners are already signed in on the merchant site: put the token in the page as `<meta name="partner-center:embed-token" content="…">` and the elements sign the partner in without a second login. Never expose the admin key to the browser.',
  security: [{ adminKey: [] }],
  request: jsonBody(MintBody),
  responses: { 201: jsonResponse(EmbedTokenSchema, 'The embed token'), 400: errors[400], 401: errors[401], 404: errors[404], 422: errors[422] },
});

const exchangeRoute = createRoute({
  method: 'post',
  path: '/auth/embed',
  tags: ['auth'],
  summary: 'Exchange an embed token for a partner session (once)',
  request: jsonBody(ExchangeBody),
  responses: {
    200: jsonResponse(z.object({ token: z.string(), expiresAt: z.string(), partner: PartnerSchema }), 'Signed in'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
  },
});

export function embedRoutes(deps: Deps) {
  const app = router(); // POST /admin/embed-tokens is behind the admin key (app.ts)
  app.openapi(mintRoute, async (c) => {
    const { partnerCode, ttlSeconds } = c.req.valid('json');
    const minted = await mintEmbedToken(deps, partnerCode, ttlSeconds);
    return c.json({ embedToken: minted.embedToken, expiresAt: new Date(minted.expiresAt).toISOString(), partner: partnerView(minted.partner) }, 201);
  });
  app.openapi(exchangeRoute, async (c) => {
    const session = await exchangeEmbedToken(deps, c.req.valid('json').embedToken);
    return c.json({ token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), partner: partnerView(session.partner) }, 200);
  });
  return app;
}
