import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';
import { publicBase, requirePartner, type PartnerEnv } from '../http/middleware.js';
import { idParam } from '../shared/validation.js';
import { checkTimeZone } from './reports/links.js';
import { overview } from './overview.js';
import { cancelPayoutRequest, declinePayoutRequest, listPayoutRequests, payoutsAnswer, requestPayout } from './payout-requests.js';
import {
  AdminPayoutRequestPageSchema,
  AdminPayoutRequestQuerySchema,
  DeclineSchema,
  OverviewQuerySchema,
  OverviewSchema,
  PayoutRequestSchema,
  PayoutsAnswerSchema,
} from './overview.schemas.js';

/**
 * The partner's overview, payouts and payout requests under /api/v1/partner (the caller's own
 * data only), and the merchant's payout requests under /api/v1/admin (issue 14).
 */

const partner = { tags: ['partner payouts'], security: [{ partnerToken: [] }] };
const NO_STORE = 'private, no-store';
const IdParams = z.object({ id: idParam });

const overviewRoute = createRoute({
  ...partner,
  method: 'get',
  path: '/overview',
  summary: 'Everything the overview shows, in one answer',
  description:
    'Earned this and last calendar month (in `timeZone`), payable now, pending and balance (the money words), the next release of held commissions, ' +
    'the next payout (monthly: the next payout day on or after today, estimated as payable now plus what becomes payable by then; on request: payable now), ' +
    'the open payout request, the main link, twelve Monday-weeks of clicks, sales and earned, and the last 5 ledger entries.',
  request: { query: OverviewQuerySchema },
  responses: { 200: jsonResponse(OverviewSchema, 'The overview'), 400: errors[400], 401: errors[401] },
});

const payoutsRoute = createRoute({
  ...partner,
  method: 'get',
  path: '/payouts',
  summary: 'The payout schedule, whether a payout may be requested now, the requests and the payouts received',
  responses: { 200: jsonResponse(PayoutsAnswerSchema, 'The payouts'), 401: errors[401] },
});

const requestRoute = createRoute({
  ...partner,
  method: 'post',
  path: '/payout-requests',
  summary: 'Ask for a payout of what is payable now (schedule "on request")',
  description:
    'The amount is payable now at this moment. 409 `payout_request_not_allowed`, the reason as the message, when the schedule is monthly, ' +
    'a request is already open, payout details are missing, or payable now is below the minimum payout. Any body is ignored.',
  responses: {
    201: jsonResponse(PayoutRequestSchema, 'The open request'),
    401: errors[401],
    409: { ...errors[409], description: 'payout_request_not_allowed: the message says why' },
  },
});

const cancelRoute = createRoute({
  ...partner,
  method: 'post',
  path: '/payout-requests/{id}/cancel',
  summary: 'Withdraw the open payout request',
  request: { params: IdParams },
  responses: { 200: jsonResponse(PayoutRequestSchema, 'The request, cancelled'), 400: errors[400], 401: errors[401], 404: { ...errors[404], description: 'Not the partner’s open request' } },
});

export function partnerPayoutRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  for (const path of ['/overview', '/payouts', '/payout-requests', '/payout-requests/*']) app.use(path, requirePartner(deps));
  app.openapi(overviewRoute, async (c) => {
    const timeZone = checkTimeZone(c.req.valid('query').timeZone);
    c.header('Cache-Control', NO_STORE);
    return c.json(await overview(deps, c.var.partner, { timeZone, base: publicBase(c, deps) }), 200);
  });
  app.openapi(payoutsRoute, async (c) => {
    c.header('Cache-Control', NO_STORE);
    return c.json(await payoutsAnswer(deps, c.var.partner), 200);
  });
  app.openapi(requestRoute, async (c) => c.json(await requestPayout(deps, c.var.partner), 201));
  app.openapi(cancelRoute, async (c) => c.json(await cancelPayoutRequest(deps, c.var.partner.id, c.req.valid('param').id), 200));
  return app;
}

// ── admin ─────────────────────────────────────────────────────────────────────────────────

const admin = { tags: ['admin'], security: [{ adminKey: [] }] };

const listRoute = createRoute({
  ...admin,
  method: 'get',
  path: '/payout-requests',
  summary: 'Payout requests, newest first, with their partner',
  description: 'Filter by `status`; keyset-paged (`nextCursor`). Recording a payment to the partner (any way) marks their open request paid.',
  request: { query: AdminPayoutRequestQuerySchema },
  responses: { 200: jsonResponse(AdminPayoutRequestPageSchema, 'One page of requests'), 400: errors[400], 401: errors[401] },
});

const declineRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/payout-requests/{id}/decline',
  summary: 'Decline an open payout request with a note the partner sees (owners and admin keys)',
  request: { params: IdParams, ...jsonBody(DeclineSchema) },
  responses: {
    200: jsonResponse(PayoutRequestSchema, 'The request, declined'),
    400: errors[400],
    401: errors[401],
    403: { ...errors[403], description: 'Signed in as staff: owners only' },
    404: { ...errors[404], description: 'No open request with this id' },
  },
});

export function registerPayoutRequestAdminRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(listRoute, async (c) => c.json(await listPayoutRequests(deps, c.req.valid('query')), 200));
  app.openapi(declineRoute, async (c) => c.json(await declinePayoutRequest(deps, c.req.valid('param').id, c.req.valid('json').note), 200));
}
