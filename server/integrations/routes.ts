import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { errorBody } from '../http/errors.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { serverOrigin } from '../partners/account-links.js';
import { partnerCode } from '../partners/schemas.js';
import { addCoupon, listCoupons, removeCoupon } from './coupons.js';
import { CouponListSchema, CouponSchema, IntegrationsSchema, integrationsPatchSchema, WebhookAnswerSchema } from './integrations.schemas.js';
import { changeIntegrations, integrationSecrets, integrationsView, SHOPIFY_WEBHOOK_PATH, STRIPE_WEBHOOK_PATH } from './settings.js';
import { shopifyWebhook } from './shopify.js';
import { InvalidSignature, stripeWebhook } from './stripe.js';

/** Providers' webhook bodies are read raw (signatures cover the exact bytes): app.ts skips its JSON rules for these. */
export const isIntegrationWebhook = (c: Context) => c.req.method === 'POST' && (c.req.path === STRIPE_WEBHOOK_PATH || c.req.path === SHOPIFY_WEBHOOK_PATH);

/** Shopify orders with many lines run large; anything bigger is not a webhook of theirs. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

const security: Record<string, string[]>[] = [{ adminKey: [] }, { merchantToken: [] }];
const CodeParams = z.object({ code: partnerCode });
const CouponParams = z.object({ code: partnerCode, coupon: z.string().max(64).openapi({ example: 'DANA10' }) });
const adminErrors = { 400: errors[400], 401: errors[401], 403: errors[403] } as const;
const ownerErrors = { 400: errors[400], 401: errors[401], 403: { ...errors[403], description: 'Signed in as staff: owners only' } } as const;

const listCouponsRoute = createRoute({
  method: 'get',
  path: '/admin/partners/{code}/coupons',
  tags: ['admin: integrations'],
  summary: 'A partner’s coupon codes',
  security,
  request: { params: CodeParams },
  responses: { 200: jsonResponse(CouponListSchema, 'The codes, oldest first'), ...adminErrors, 404: errors[404] },
});

const addCouponRoute = createRoute({
  method: 'post',
  path: '/admin/partners/{code}/coupons',
  tags: ['admin: integrations'],
  summary: 'Give a partner a coupon code: sales carrying it are credited to the partner',
  description:
    'Codes are 2–64 letters, digits, dashes or underscores, unique across partners and compared without case (409 `coupon_taken`). ' +
    'A sale carries one as the tracking API’s `couponCode`, a Stripe promotion code or coupon, or a Shopify discount code.',
  security,
  request: { params: CodeParams, ...jsonBody(z.object({ code: z.string().openapi({ example: 'DANA10' }) })) },
  responses: { 201: jsonResponse(CouponSchema, 'The code'), 200: jsonResponse(CouponSchema, 'The partner has this code already'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

const removeCouponRoute = createRoute({
  method: 'delete',
  path: '/admin/partners/{code}/coupons/{coupon}',
  tags: ['admin: integrations'],
  summary: 'Take a coupon code from a partner',
  security,
  request: { params: CouponParams },
  responses: { 204: { description: 'Removed' }, ...adminErrors, 404: errors[404] },
});

const getIntegrationsRoute = createRoute({
  method: 'get',
  path: '/admin/integrations',
  tags: ['admin: integrations'],
  summary: 'Stripe and Shopify connectors: configured or not, and the webhook URL to paste on their side (owners only)',
  description: '`from`: where the signing secret in use comes from (the console’s `settings` win over the environment’s `env`). Secrets are never shown.',
  security,
  responses: { 200: jsonResponse(IntegrationsSchema, 'The connectors'), ...ownerErrors },
});

const patchIntegrationsRoute = createRoute({
  method: 'patch',
  path: '/admin/integrations',
  tags: ['admin: integrations'],
  summary: 'Set or clear (null: back to the environment’s) the connectors’ signing secrets (owners only)',
  security,
  request: jsonBody(integrationsPatchSchema),
  responses: { 200: jsonResponse(IntegrationsSchema, 'The connectors now'), ...ownerErrors },
});

const webhookResponses = (provider: string) => ({
  200: jsonResponse(WebhookAnswerSchema, `Handled: recorded, a duplicate of an event handled before, ignored (an event Partner Center does not use, or one it could not record: see reason), or held (a refund before its sale)`),
  400: { ...errors[400], description: `invalid_signature: the ${provider} signature is missing or does not verify; nothing changed` },
  413: { ...errors[413], description: 'The body is larger than 1 MB' },
  503: { ...errors[400], description: `not_configured: no ${provider} signing secret is set (console, or the environment)` },
});

const stripeRoute = createRoute({
  method: 'post',
  path: '/integrations/stripe/webhook',
  tags: ['integrations'],
  summary: 'Stripe’s webhook: checkout.session.completed, invoice.paid and charge.refunded become sales and refunds',
  description:
    'Verified with the `Stripe-Signature` header and the signing secret. Idempotent on the event id. See the README’s Stripe section for the events to enable.',
  security: [],
  request: { headers: z.object({ 'stripe-signature': z.string().optional() }) },
  responses: webhookResponses('Stripe'),
});

const shopifyRoute = createRoute({
  method: 'post',
  path: '/integrations/shopify/webhook',
  tags: ['integrations'],
  summary: 'Shopify’s webhooks: orders/paid, refunds/create and orders/cancelled become sales, refunds and cancels',
  description: 'Verified with `X-Shopify-Hmac-Sha256`; the topic is `X-Shopify-Topic`; idempotent on `X-Shopify-Webhook-Id`.',
  security: [],
  request: {
    headers: z.object({
      'x-shopify-hmac-sha256': z.string().optional(),
      'x-shopify-topic': z.string().optional(),
      'x-shopify-webhook-id': z.string().optional(),
    }),
  },
  responses: webhookResponses('Shopify'),
});

/** Reads the raw body within the limit (undefined: too large). */
async function rawBody(c: Context): Promise<string | undefined> {
  const declared = Number(c.req.header('Content-Length') ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return undefined;
  const text = await c.req.text();
  return Buffer.byteLength(text) > MAX_WEBHOOK_BYTES ? undefined : text;
}

/** Coupon codes (staff may manage them, like partners), the connectors' settings (owners), and the providers' webhooks, at /api/v1. */
export function integrationRoutes(deps: Deps) {
  const app = router();
  app.openapi(listCouponsRoute, async (c) => c.json({ coupons: await listCoupons(deps, c.req.valid('param').code) }, 200));
  app.openapi(addCouponRoute, async (c) => {
    const { created, coupon } = await addCoupon(deps, c.req.valid('param').code, c.req.valid('json'));
    return created ? c.json(coupon, 201) : c.json(coupon, 200);
  });
  app.openapi(removeCouponRoute, async (c) => {
    const { code, coupon } = c.req.valid('param');
    await removeCoupon(deps, code, coupon);
    return c.body(null, 204);
  });
  app.openapi(getIntegrationsRoute, async (c) => c.json(await integrationsView(deps, serverOrigin(deps, c)), 200));
  app.openapi(patchIntegrationsRoute, async (c) => c.json(await changeIntegrations(deps, c.req.valid('json'), serverOrigin(deps, c)), 200));

  const receive = (provider: 'stripe' | 'shopify', handle: (c: Context, body: string, secret: string) => Promise<z.infer<typeof WebhookAnswerSchema>>) => async (c: Context) => {
    const secret = (await integrationSecrets(deps))[provider].secret;
    if (!secret) {
      const name = provider === 'stripe' ? 'Stripe' : 'Shopify';
      return c.json(errorBody('not_configured', `${name} is not connected: set its signing secret in the console (Settings → Integrations) or ${provider.toUpperCase()}_WEBHOOK_SECRET`), 503);
    }
    const body = await rawBody(c);
    if (body === undefined) return c.json(errorBody('payload_too_large', 'The body is larger than 1 MB'), 413);
    try {
      return c.json(await handle(c, body, secret), 200);
    } catch (err) {
      if (err instanceof InvalidSignature) return c.json(errorBody('invalid_signature', err.message), 400);
      throw err;
    }
  };
  app.openapi(
    stripeRoute,
    receive('stripe', (c, body, secret) => stripeWebhook(deps, body, c.req.header('Stripe-Signature'), secret)) as never,
  );
  app.openapi(
    shopifyRoute,
    receive('shopify', (c, body, secret) =>
      shopifyWebhook(deps, body, { hmac: c.req.header('X-Shopify-Hmac-Sha256'), topic: c.req.header('X-Shopify-Topic'), webhookId: c.req.header('X-Shopify-Webhook-Id') }, secret),
    ) as never,
  );
  return app;
}
