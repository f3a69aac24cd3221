import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { login, revokeSession } from './auth.js';
import { partnerView } from './partners.js';
import { signUp } from './signup.js';
import { clientAddress } from '../http/client-address.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router } from '../http/openapi.js';
import { LoginRequestSchema, LoginResultSchema, SignupRequestSchema, SignupResultSchema } from './schemas.js';

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with partner code and password',
  description:
    'Wrong code or password answer 401 with one message. Every attempt is counted before the password is checked. Without a known `deviceToken`: ' +
    'five failures for one code from one address within 15 minutes lock that code there, and ten failures for one code from anywhere within a day make ' +
    'each further try wait 1, 2, 4 … up to 60 minutes after the previous one (429 with Retry-After, the right password included). ' +
    'A browser that sends the `deviceToken` of an earlier sign-in of this partner is not held by those locks; it has its own (5 failures a day, then the same waits).',
  request: jsonBody(LoginRequestSchema),
  responses: {
    200: jsonResponse(LoginResultSchema, 'Signed in'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    429: errors[429],
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'End the session of the bearer token',
  security: [{ partnerToken: [] }],
  responses: { 204: { description: 'Signed out' }, 401: errors[401] },
});

const signupRoute = createRoute({
  method: 'post',
  path: '/signup',
  tags: ['auth'],
  summary: 'Become a partner',
  description:
    'Creates a partner. With signupMode "approval" (the default) the partner waits for the merchant; with "open" it is active and signed in at once (token included); "closed" answers 403. ' +
    'At most 10 sign-ups an hour from one address and 3 an hour with one email address (429 with Retry-After).',
  request: jsonBody(SignupRequestSchema),
  responses: {
    201: jsonResponse(SignupResultSchema, 'Signed up'),
    400: errors[400],
    403: errors[403],
    409: errors[409],
    429: errors[429],
  },
});

export function authRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.openapi(loginRoute, async (c) => {
    const { code, password, deviceToken } = c.req.valid('json');
    const session = await login(deps, { code, password, deviceToken, ip: clientAddress(c, deps.config.trustProxy) });
    return c.json(
      {
        token: session.token,
        expiresAt: new Date(session.expiresAt).toISOString(),
        partner: partnerView(session.partner),
        deviceToken: session.deviceToken,
      },
      200,
    );
  });
  app.openapi(signupRoute, async (c) => {
    const { acceptTerms: _terms, ...input } = c.req.valid('json');
    const { partner, session } = await signUp(deps, input, { ip: clientAddress(c, deps.config.trustProxy) });
    return c.json(
      {
        partner: partnerView(partner),
        status: partner.status === 'active' ? ('active' as const) : ('pending' as const),
        message:
          partner.status === 'active'
            ? 'Welcome aboard! You are signed in.'
            : 'Thanks for signing up! The program owner will review your application; sign in once approved.',
        ...(session ? { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), deviceToken: session.deviceToken } : {}),
      },
      201,
    );
  });
  app.use('/logout', requirePartner(deps));
  app.openapi(logoutRoute, async (c) => {
    await revokeSession(deps, c.var.token);
    return c.body(null, 204);
  });
  return app;
}
