import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { errorBody } from '../http/errors.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { idParam } from '../shared/validation.js';
import {
  changeEmailSettings,
  emailSettingsView,
  listOutbox,
  listTemplates,
  outboxMessage,
  parseKind,
  previewTemplate,
  queueTestMail,
  resetTemplate,
  retryMessage,
  saveTemplate,
} from './admin.js';
import {
  EmailSettingsSchema,
  emailSettingsPatchSchema,
  MailTemplateSchema,
  OutboxMessageDetailSchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  outboxQuerySchema,
  templateInputSchema,
  TemplatePreviewSchema,
  testMailSchema,
} from './mail.schemas.js';
import { merchantName } from './settings.js';
import { escapeHtml } from './templates.js';
import { unsubscribe } from './unsubscribe.js';

const security: Record<string, string[]>[] = [{ adminKey: [] }, { merchantToken: [] }];
const ownerErrors = { 400: errors[400], 401: errors[401], 403: { ...errors[403], description: 'Signed in as staff: owners only (messages hold sign-in links)' } } as const;
const IdParams = z.object({ id: idParam });
const KindParams = z.object({ kind: z.string().max(40).openapi({ example: 'password_reset' }) });
const tags = ['admin: email'];

const listOutboxRoute = createRoute({
  method: 'get',
  path: '/outbox',
  tags,
  summary: 'Every message Partner Center sent or is sending, newest first (owners only)',
  description:
    'status: queued (waiting to be sent or retried), sending, sent, failed (gave up; see lastError), kept (no SMTP server configured: kept here only). Paged with `cursor` = the previous page’s `nextCursor`.',
  security,
  request: { query: outboxQuerySchema },
  responses: { 200: jsonResponse(OutboxPageSchema, 'A page of messages'), ...ownerErrors },
});

const getMessageRoute = createRoute({
  method: 'get',
  path: '/outbox/{id}',
  tags,
  summary: 'One message with its text, HTML and headers (owners only)',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(OutboxMessageDetailSchema, 'The message'), ...ownerErrors, 404: errors[404] },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/outbox/{id}/retry',
  tags,
  summary: 'Send a failed or kept message again (owners only)',
  description: '409 `not_retryable` for a message that is queued, sending or sent.',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(OutboxMessageSchema, 'The message, queued again'), ...ownerErrors, 404: errors[404], 409: errors[409] },
});

const getSettingsRoute = createRoute({
  method: 'get',
  path: '/email/settings',
  tags,
  summary: 'Email settings: SMTP server (password shown as ••••), From, notification address, kinds on/off (owners only)',
  description: 'What is set here wins over SMTP_URL, MAIL_FROM and MAIL_NOTIFY_TO; `smtpUrlFrom` says where the SMTP URL in use comes from.',
  security,
  responses: { 200: jsonResponse(EmailSettingsSchema, 'The settings'), ...ownerErrors },
});

const patchSettingsRoute = createRoute({
  method: 'patch',
  path: '/email/settings',
  tags,
  summary: 'Change email settings: exactly the fields sent (null: back to the environment’s value) (owners only)',
  security,
  request: jsonBody(emailSettingsPatchSchema),
  responses: { 200: jsonResponse(EmailSettingsSchema, 'The settings now'), ...ownerErrors },
});

const testRoute = createRoute({
  method: 'post',
  path: '/email/test',
  tags,
  summary: 'Queue a test message (owners only)',
  security,
  request: jsonBody(testMailSchema),
  responses: { 202: jsonResponse(z.object({ id: z.number().int() }), 'Queued: follow it in the outbox'), ...ownerErrors },
});

const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/email/templates',
  tags,
  summary: 'Each kind of message’s subject and markdown body, with the placeholders it may use (owners only)',
  security,
  responses: { 200: jsonResponse(z.object({ templates: z.array(MailTemplateSchema) }), 'Every template'), ...ownerErrors },
});

const putTemplateRoute = createRoute({
  method: 'put',
  path: '/email/templates/{kind}',
  tags,
  summary: 'Replace a kind’s subject and body (owners only)',
  description: 'An unknown placeholder is refused: 400 `unknown_placeholder`, `field` subject or body.',
  security,
  request: { params: KindParams, ...jsonBody(templateInputSchema) },
  responses: { 200: jsonResponse(MailTemplateSchema, 'The template'), ...ownerErrors, 404: errors[404] },
});

const deleteTemplateRoute = createRoute({
  method: 'delete',
  path: '/email/templates/{kind}',
  tags,
  summary: 'Go back to the default template of a kind (owners only)',
  security,
  request: { params: KindParams },
  responses: { 200: jsonResponse(MailTemplateSchema, 'The default template'), ...ownerErrors, 404: errors[404] },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/email/templates/{kind}/preview',
  tags,
  summary: 'Render a subject and body with sample values, as a partner would get it (owners only)',
  security,
  request: { params: KindParams, ...jsonBody(templateInputSchema) },
  responses: { 200: jsonResponse(TemplatePreviewSchema, 'The rendered message'), ...ownerErrors, 404: errors[404] },
});

const TokenQuery = z.object({ token: z.string().max(200).optional() });

const unsubscribePageRoute = createRoute({
  method: 'get',
  path: '/email/unsubscribe',
  tags: ['email'],
  summary: 'The unsubscribe link of a notification: a page with a button that confirms',
  request: { query: TokenQuery },
  responses: { 200: { content: { 'text/html': { schema: z.string() } }, description: 'A small page (or one saying the link is not valid)' }, 400: errors[400] },
});

const unsubscribeRoute = createRoute({
  method: 'post',
  path: '/email/unsubscribe',
  tags: ['email'],
  summary: 'One-click unsubscribe (List-Unsubscribe-Post, RFC 8058): the partner stops getting this kind of message',
  description: 'The body (`List-Unsubscribe=One-Click`, form-encoded) is not read. A browser (Accept: text/html) gets a page; anything else JSON.',
  request: { query: TokenQuery },
  responses: {
    200: jsonResponse(z.object({ unsubscribed: z.enum(['commission', 'payment', 'statement']) }), 'Done'),
    400: errors[400],
  },
});

/** The unsubscribe path: its POST is form-encoded (mail clients), so app.ts skips the JSON rule there. */
export const isUnsubscribe = (c: { req: { path: string } }) => c.req.path === '/api/v1/email/unsubscribe';

const WHAT = { commission: 'commission notifications', payment: 'payment notifications', statement: 'monthly statements' } as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f4f5;margin:0;padding:3rem 1rem;color:#18181b}main{max-width:30rem;margin:0 auto;background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:1.5rem}button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f6f5c;background:#1f6f5c;color:#fff;cursor:pointer}</style>
</head><body><main>${body}</main></body></html>`;
}

/** Email, mounted at /api/v1: the outbox, settings and templates under /admin, and the unsubscribe link. */
export function mailRoutes(deps: Deps) {
  const admin = router();
  admin.openapi(listOutboxRoute, async (c) => c.json(await listOutbox(deps, c.req.valid('query')), 200));
  admin.openapi(getMessageRoute, async (c) => c.json(await outboxMessage(deps, c.req.valid('param').id), 200));
  admin.openapi(retryRoute, async (c) => c.json(await retryMessage(deps, c.req.valid('param').id), 200));
  admin.openapi(getSettingsRoute, async (c) => c.json(await emailSettingsView(deps), 200));
  admin.openapi(patchSettingsRoute, async (c) => c.json(await changeEmailSettings(deps, c.req.valid('json')), 200));
  admin.openapi(testRoute, async (c) => c.json({ id: await queueTestMail(deps, c.req.valid('json').to) }, 202));
  admin.openapi(listTemplatesRoute, async (c) => c.json({ templates: await listTemplates(deps) }, 200));
  admin.openapi(putTemplateRoute, async (c) => c.json(await saveTemplate(deps, parseKind(c.req.valid('param').kind), c.req.valid('json')), 200));
  admin.openapi(deleteTemplateRoute, async (c) => c.json(await resetTemplate(deps, parseKind(c.req.valid('param').kind)), 200));
  admin.openapi(previewRoute, async (c) => c.json(await previewTemplate(deps, parseKind(c.req.valid('param').kind), c.req.valid('json')), 200));

  const email = router();
  email.openapi(unsubscribePageRoute, async (c) => {
    const token = c.req.valid('query').token ?? '';
    const name = escapeHtml(await merchantName(deps.db.kysely));
    if (!/^\d{1,12}\.[a-z]+\.[A-Za-z0-9_-]{32}$/.test(token)) {
      // a page, not an error: the person who clicked reads it
      return c.html(page('Unsubscribe', `<h1>This link is not valid</h1><p>Change which messages you get in your ${name} partner profile.</p>`), 200);
    }
    return c.html(
      page(
        'Unsubscribe',
        `<h1>Unsubscribe</h1><p>Stop getting these messages from the ${name} partner program?</p>
<form method="post" action="/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Unsubscribe</button></form>
<p><small>You can change this any time in your partner profile.</small></p>`,
      ),
      200,
    );
  });
  email.openapi(unsubscribeRoute, async (c) => {
    const done = await unsubscribe(deps, c.req.valid('query').token ?? '');
    const wantsPage = /text\/html/.test(c.req.header('Accept') ?? '');
    if (!done) {
      if (wantsPage) return c.html(page('Unsubscribe', '<h1>This link is not valid</h1><p>Change which messages you get in your partner profile.</p>'), 200) as never;
      return c.json(errorBody('unsubscribe_token_invalid', 'This unsubscribe link is not valid', 'token'), 400);
    }
    if (wantsPage) {
      const name = escapeHtml(await merchantName(deps.db.kysely));
      return c.html(page('Unsubscribed', `<h1>Unsubscribed</h1><p>You will no longer get ${WHAT[done.preference]} from the ${name} partner program.</p><p><small>You can turn them back on in your partner profile.</small></p>`), 200) as never;
    }
    return c.json({ unsubscribed: done.preference }, 200);
  });

  return router().route('/admin', admin).route('/', email);
}
