import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { changePassword, changeProfile } from './account-changes.js';
import { partnerView } from './partners.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router } from '../http/openapi.js';
import { PartnerSchema, PasswordChangeSchema, ProfilePatchSchema } from './schemas.js';

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['partner'],
  summary: 'The signed-in partner, with profile and payout details',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(PartnerSchema, 'The partner behind the token'), 401: errors[401] },
});

const patchMeRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['partner'],
  summary: 'Update contact and payout details',
  description:
    'Changing the email, payout method or payout details needs `currentPassword` (400 `current_password_required` or `wrong_password` on field ' +
    '`currentPassword`; wrong guesses are limited per partner like sign-in: 429 with Retry-After) and ends the partner’s other sessions.',
  security: [{ partnerToken: [] }],
  request: jsonBody(ProfilePatchSchema),
  responses: { 200: jsonResponse(PartnerSchema, 'The updated partner'), 400: errors[400], 401: errors[401], 429: errors[429] },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['partner'],
  summary: 'Change password (ends the partner’s other sessions)',
  description: 'Wrong current passwords are limited per partner like sign-in (429 with Retry-After).',
  security: [{ partnerToken: [] }],
  request: jsonBody(PasswordChangeSchema),
  responses: { 204: { description: 'Changed' }, 400: errors[400], 401: errors[401], 429: errors[429] },
});

export function meRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.use('/me', requirePartner(deps));
  app.use('/me/*', requirePartner(deps));
  app.openapi(meRoute, (c) => c.json(partnerView(c.var.partner), 200));
  app.openapi(patchMeRoute, async (c) => {
    const updated = await changeProfile(deps, c.var.partner, c.req.valid('json'), c.var.token);
    return c.json(partnerView(updated), 200);
  });
  app.openapi(passwordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(deps, c.var.partner, currentPassword, newPassword, c.var.token);
    return c.body(null, 204);
  });
  return app;
}
