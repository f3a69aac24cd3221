import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { idParam } from '../shared/validation.js';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, resendDelivery, sendTestEvent, updateEndpoint } from './endpoints.js';
import {
  deliveriesQuerySchema,
  NewWebhookEndpointAnswerSchema,
  newWebhookEndpointSchema,
  WEBHOOK_EVENTS,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  webhookEndpointPatchSchema,
  WebhookEndpointSchema,
} from './webhooks.schemas.js';

const security: Record<string, string[]>[] = [{ adminKey: [] }, { merchantToken: [] }];
const ownerErrors = { 400: errors[400], 401: errors[401], 403: { ...errors[403], description: 'Signed in as staff: owners only' } } as const;
const IdParams = z.object({ id: idParam });
const tags = ['admin: webhooks'];
const EVENTS_TEXT = `Events: ${WEBHOOK_EVENTS.join(', ')}. Each is POSTed as \`{ type, timestamp, data }\` (data: the admin API's view of the object), signed per Standard Webhooks (headers webhook-id, webhook-timestamp, webhook-signature).`;

const listRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags,
  summary: 'The webhook endpoints, with each one’s last delivery (owners only)',
  security,
  responses: { 200: jsonResponse(z.object({ endpoints: z.array(WebhookEndpointSchema) }), 'Every endpoint'), ...ownerErrors },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/webhooks',
  tags,
  summary: 'Register an endpoint; the answer holds its signing secret, shown only here (owners only)',
  description: `${EVENTS_TEXT} The URL must be https and reach a public address (400 naming \`url\` otherwise), unless the server runs with ALLOW_PRIVATE_WEBHOOK_URLS=1.`,
  security,
  request: jsonBody(newWebhookEndpointSchema),
  responses: { 201: jsonResponse(NewWebhookEndpointAnswerSchema, 'The endpoint and its secret'), ...ownerErrors },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/webhooks/{id}',
  tags,
  summary: 'Change an endpoint’s url, events, description or status (owners only)',
  description: 'Turning a disabled endpoint back on (`status: "enabled"`) forgets its failures.',
  security,
  request: { params: IdParams, ...jsonBody(webhookEndpointPatchSchema) },
  responses: { 200: jsonResponse(WebhookEndpointSchema, 'The endpoint'), ...ownerErrors, 404: errors[404] },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags,
  summary: 'Remove an endpoint and its delivery log (owners only)',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...ownerErrors, 404: errors[404] },
});

const testRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/test',
  tags,
  summary: 'Send a `webhook.test` event to this endpoint (owners only)',
  description: '409 `webhook_endpoint_disabled` for a disabled endpoint.',
  security,
  request: { params: IdParams },
  responses: { 202: jsonResponse(z.object({ deliveryId: z.number().int() }), 'Queued: follow it in the delivery log'), ...ownerErrors, 404: errors[404], 409: errors[409] },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags,
  summary: 'An endpoint’s delivery log, newest first (owners only)',
  description: 'status: pending (waiting, or being retried: see nextAttemptAt), delivered, failed (gave up after three days, or the endpoint is disabled). Paged with `cursor` = the previous page’s `nextCursor`.',
  security,
  request: { params: IdParams, query: deliveriesQuerySchema },
  responses: { 200: jsonResponse(WebhookDeliveryPageSchema, 'A page of deliveries'), ...ownerErrors, 404: errors[404] },
});

const resendRoute = createRoute({
  method: 'post',
  path: '/webhooks/deliveries/{id}/resend',
  tags,
  summary: 'Send a delivery’s event to its endpoint again, as a new delivery (owners only)',
  security,
  request: { params: IdParams },
  responses: { 202: jsonResponse(WebhookDeliverySchema, 'The new delivery'), ...ownerErrors, 404: errors[404], 409: errors[409] },
});

/** Outgoing webhooks, mounted at /api/v1/admin. */
export function webhookRoutes(deps: Deps) {
  const app = router();
  app.openapi(listRoute, async (c) => c.json({ endpoints: await listEndpoints(deps) }, 200));
  app.openapi(createRouteDef, async (c) => c.json(await createEndpoint(deps, c.req.valid('json')), 201));
  app.openapi(resendRoute, async (c) => c.json(await resendDelivery(deps, c.req.valid('param').id), 202));
  app.openapi(patchRoute, async (c) => c.json(await updateEndpoint(deps, c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(deleteRoute, async (c) => {
    await deleteEndpoint(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(testRoute, async (c) => c.json(await sendTestEvent(deps, c.req.valid('param').id), 202));
  app.openapi(deliveriesRoute, async (c) => c.json(await listDeliveries(deps, c.req.valid('param').id, c.req.valid('query')), 200));
  return router().route('/admin', app);
}
