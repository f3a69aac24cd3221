import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.js';
import type { MerchantUserRow } from '../db/schema.js';
import { clientAddress } from '../http/client-address.js';
import { bearerToken } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { DomainError } from '../shared/errors.js';
import { MerchantLoginResultSchema, MerchantLoginSchema, MerchantUserSchema } from './schemas.js';
import { authenticateMerchant, merchantLogin, merchantLogout, merchantUserView } from './users.js';

type MerchantEnv = { Variables: { user: MerchantUserRow; token: string } };

/** A merchant user's sign-in token (not an admin key, not a partner token), or 401. */
const requireMerchantUser = (deps: Deps) =>
  createMiddleware<MerchantEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw new DomainError('unauthorized', 'unauthorized', 'Sign in first: send Authorization: Bearer <token>');
    const user = await authenticateMerchant(deps, token);
    if (!user) throw new DomainError('unauthorized', 'session_expired', 'Your session has ended. Please sign in again.');
    c.set('user', user);
    c.set('token', token);
    await next();
  });

const security = [{ merchantToken: [] }];

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['admin: auth'],
  summary: 'Sign in as a merchant user (email and password)',
  description:
    'The token works as a bearer token on /api/v1/admin/* within the user’s role (owner: everything; staff: everything except changing settings, ' +
    'merchant users, admin keys and payments, which answer 403). Wrong email or password answer 401 with one message. The same limits as partner sign-in: ' +
    'five failures for one email from one address within 15 minutes lock that email there; ten failures for one email within a day make each further try ' +
    'wait 1, 2, 4 … up to 60 minutes (429 with Retry-After).',
  request: jsonBody(MerchantLoginSchema),
  responses: {
    200: jsonResponse(MerchantLoginResultSchema, 'Signed in'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    429: errors[429],
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['admin: auth'],
  summary: 'End the merchant user’s session of the bearer token',
  security,
  responses: { 204: { description: 'Signed out' }, 401: errors[401] },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['admin: auth'],
  summary: 'The signed-in merchant user',
  security,
  responses: { 200: jsonResponse(z.object({ user: MerchantUserSchema }), 'The user'), 401: errors[401] },
});

/** Merchant sign-in: mounted at /api/v1/admin before the admin routes (login needs no credentials). */
export function merchantAuthRoutes(deps: Deps) {
  const app = router<MerchantEnv>();
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    return c.json(await merchantLogin(deps, { email, password, ip: clientAddress(c as Context, deps.config.trustProxy) }), 200);
  });
  app.use('/auth/logout', requireMerchantUser(deps));
  app.use('/auth/me', requireMerchantUser(deps));
  app.openapi(logoutRoute, async (c) => {
    await merchantLogout(deps, c.var.token);
    return c.body(null, 204);
  });
  app.openapi(meRoute, async (c) => c.json({ user: merchantUserView(c.var.user) }, 200));
  return app;
}
