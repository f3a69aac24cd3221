import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { changePassword, changeProfile } from './account-changes.js';
import { partnerView } from './partners.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router } from '../http/openapi.js';
import { MeSchema, PasswordChangeSchema, ProfilePatchSchema } from './schemas.js';
import { couponsOf } from '../integrations/coupons.js';
import type { PartnerRow } from '../db/schema.js';
import { linkPage, serverOrigin } from './account-links.js';
import { CONFIRM_RESEND_LIMIT, resendEmailConfirmation } from './email-confirmation.js';
import { notificationChoices, setNotificationChoices } from './notification-preferences.js';
import {
  EmailConfirmationResendSchema,
  MessageSchema,
  NotificationPreferencesPatchSchema,
  NotificationPreferencesSchema,
} from './account-email.schemas.js';

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['partner'],
  summary: 'The signed-in partner, with profile and payout details',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(MeSchema, 'The partner behind the token, with their coupon codes'), 401: errors[401] },
});

const patchMeRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['partner'],
  summary: 'Update contact and payout details',
  description:
    'Changing the email, payout method or payout details needs `currentPassword` (400 `current_password_required` or `wrong_password` on field ' +
    '`currentPassword`; wrong guesses are limited per partner like sign-in: 429 with Retry-After), ends the partner’s other sessions and emails them ' +
    '(`security_change`, to the old and the new address). A new email address is unconfirmed until the link mailed to it (`email_confirmation`, opening ' +
    '`confirmUrl`) is followed. Payout details change only with a confirmed email, and not together with a new one: 403 `email_unconfirmed`.',
  security: [{ partnerToken: [] }],
  request: jsonBody(ProfilePatchSchema),
  responses: { 200: jsonResponse(MeSchema, 'The updated partner'), 400: errors[400], 401: errors[401], 403: errors[403], 429: errors[429] },
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

const resendConfirmationRoute = createRoute({
  method: 'post',
  path: '/me/email-confirmation',
  tags: ['partner'],
  summary: 'Send the email confirmation link again',
  description:
    `A new link (\`email_confirmation\`, opening \`confirmUrl\` with \`?pc_confirm=<token>\`) to the partner’s address; at most ${CONFIRM_RESEND_LIMIT.max} an hour ` +
    '(429 with Retry-After). An address already confirmed gets no message (the answer says so).',
  security: [{ partnerToken: [] }],
  request: jsonBody(EmailConfirmationResendSchema),
  responses: { 202: jsonResponse(MessageSchema, 'Sent (or nothing to do)'), 400: errors[400], 401: errors[401], 429: errors[429] },
});

const notificationsRoute = createRoute({
  method: 'get',
  path: '/me/notifications',
  tags: ['partner'],
  summary: 'The emails the partner chose to get',
  security: [{ partnerToken: [] }],
  responses: { 200: jsonResponse(NotificationPreferencesSchema, 'The choices, and which kinds the merchant sends'), 401: errors[401] },
});

const patchNotificationsRoute = createRoute({
  method: 'patch',
  path: '/me/notifications',
  tags: ['partner'],
  summary: 'Choose the emails to get',
  description: 'Only the fields sent change. A kind the merchant switched off (`available`) can still be chosen; it sends nothing until the merchant switches it on.',
  security: [{ partnerToken: [] }],
  request: jsonBody(NotificationPreferencesPatchSchema),
  responses: { 200: jsonResponse(NotificationPreferencesSchema, 'The choices now'), 400: errors[400], 401: errors[401] },
});

export function meRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  app.use('/me', requirePartner(deps));
  app.use('/me/*', requirePartner(deps));
  const me = async (row: PartnerRow) => ({ ...partnerView(row), coupons: (await couponsOf(deps.db.kysely, row.id)).map((c) => c.code) });
  app.openapi(meRoute, async (c) => c.json(await me(c.var.partner), 200));
  app.openapi(patchMeRoute, async (c) => {
    const { confirmUrl, ...patch } = c.req.valid('json');
    const updated = await changeProfile(deps, c.var.partner, patch, c.var.token, await linkPage(deps, confirmUrl, serverOrigin(deps, c)));
    return c.json(await me(updated), 200);
  });
  app.openapi(passwordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(deps, c.var.partner, currentPassword, newPassword, c.var.token);
    return c.body(null, 204);
  });
  app.openapi(resendConfirmationRoute, async (c) => {
    const page = await linkPage(deps, c.req.valid('json').confirmUrl, serverOrigin(deps, c));
    return c.json({ message: await resendEmailConfirmation(deps, c.var.partner, page) }, 202);
  });
  app.openapi(notificationsRoute, async (c) => c.json(await notificationChoices(deps, c.var.partner.id), 200));
  app.openapi(patchNotificationsRoute, async (c) => c.json(await setNotificationChoices(deps, c.var.partner.id, c.req.valid('json')), 200));
  return app;
}
