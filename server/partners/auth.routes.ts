import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { login, revokeSession } from './auth.js';
import { partnerView } from './partners.js';
import { signUp } from './signup.js';
import { clientAddress } from '../http/client-address.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router } from '../http/openapi.js';
import { LoginRequestSchema, LoginResultSchema, SignupRequestSchema, SignupResultSchema } from './schemas.js';
import { linkPage, serverOrigin } from './account-links.js';
import { confirmEmail } from './email-confirmation.js';
import { confirmPasswordReset, requestPasswordReset, RESET_ADDRESS_LIMIT, RESET_LOGIN_LIMIT, RESET_PARTNER_LIMIT } from './password-reset.js';
import {
  EmailConfirmationSchema,
  EmailConfirmedSchema,
  MessageSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RESET_REQUESTED_MESSAGE,
} from './account-email.schemas.js';

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
    'At most 10 sign-ups an hour from one address and 3 an hour with one email address (429 with Retry-After). ' +
    'The partner is emailed a link confirming their address (`email_confirmation`, opening `confirmUrl` with `?pc_confirm=<token>`); a partner waiting for approval ' +
    'is also told the application arrived (`signup_received`), and the merchant’s notification address gets `signup_waiting` with a link to the partner in the console.',
  request: jsonBody(SignupRequestSchema),
  responses: {
    201: jsonResponse(SignupResultSchema, 'Signed up'),
    400: errors[400],
    403: errors[403],
    409: errors[409],
    429: errors[429],
  },
});

const resetRequestRoute = createRoute({
  method: 'post',
  path: '/password-reset',
  tags: ['auth'],
  summary: 'Ask for a password reset link by email',
  description:
    'Always 202 with the same message, whether or not the code or email names a partner, and in the same time (the link is sent after the answer). ' +
    'Each partner the login names (active or waiting for approval) is mailed (`password_reset`) a single-use link, valid 1 hour: `resetUrl` (when its origin is allowed, ' +
    'else this server’s /portal) with `?pc_reset=<token>`. ' +
    `At most ${RESET_ADDRESS_LIMIT.max} requests an hour from one address and ${RESET_LOGIN_LIMIT.max} an hour naming one login (429 with Retry-After); ` +
    `at most ${RESET_PARTNER_LIMIT.max} links an hour go to one partner (further requests get the same 202 and send nothing).`,
  request: jsonBody(PasswordResetRequestSchema),
  responses: { 202: jsonResponse(MessageSchema, 'Accepted (the same answer for any login)'), 400: errors[400], 429: errors[429] },
});

const resetConfirmRoute = createRoute({
  method: 'post',
  path: '/password-reset/confirm',
  tags: ['auth'],
  summary: 'Set a new password with the token of a reset link',
  description:
    'The token works once. Every session of the partner ends, their sign-in locks are lifted, and they are emailed that the password changed (`security_change`). ' +
    '400 on field `token`: `reset_token_invalid`, `reset_token_expired` or `reset_token_used`; on `newPassword`: the rules of POST /me/password (8 to 256 characters, not the partner code: `weak_password`).',
  request: jsonBody(PasswordResetConfirmSchema),
  responses: { 204: { description: 'Password set; sign in with it' }, 400: errors[400] },
});

const confirmEmailRoute = createRoute({
  method: 'post',
  path: '/email-confirmation',
  tags: ['auth'],
  summary: 'Confirm an email address with the token of a confirmation link',
  description:
    'No sign-in needed: the token is the proof. 400 on field `token`: `confirm_token_invalid` (unknown, or for an address the account no longer has), ' +
    '`confirm_token_expired` (links work 7 days) or `confirm_token_used`.',
  request: jsonBody(EmailConfirmationSchema),
  responses: { 200: jsonResponse(EmailConfirmedSchema, 'The confirmed address'), 400: errors[400] },
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
    const { acceptTerms: _terms, confirmUrl, ...input } = c.req.valid('json');
    const server = serverOrigin(deps, c);
    const page = await linkPage(deps, confirmUrl, server);
    const { partner, session } = await signUp(deps, input, { ip: clientAddress(c, deps.config.trustProxy), page, server });
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
  app.openapi(resetRequestRoute, async (c) => {
    const { login, resetUrl } = c.req.valid('json');
    const page = await linkPage(deps, resetUrl, serverOrigin(deps, c));
    await requestPasswordReset(deps, { login, page, ip: clientAddress(c, deps.config.trustProxy) });
    return c.json({ message: RESET_REQUESTED_MESSAGE }, 202);
  });
  app.openapi(resetConfirmRoute, async (c) => {
    await confirmPasswordReset(deps, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(confirmEmailRoute, async (c) => c.json(await confirmEmail(deps, c.req.valid('json').token), 200));
  app.use('/logout', requirePartner(deps));
  app.openapi(logoutRoute, async (c) => {
    await revokeSession(deps, c.var.token);
    return c.body(null, 204);
  });
  return app;
}
