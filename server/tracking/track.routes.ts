import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { recordLead, leadSchema } from './leads.js';
import { recordCheckedSale, saleSchema } from './sales.js';
import { refundSchema, recordRefund } from './refunds.js';
import { requireAdmin } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router } from '../http/openapi.js';
import { LeadResultSchema, RefundResultSchema, SaleResultSchema } from './schemas.js';

const security = [{ adminKey: [] }];
const common = { 400: errors[400], 401: errors[401], 413: errors[413], 415: errors[415] } as const;

const salesRoute = createRoute({
  method: 'post',
  path: '/sales',
  tags: ['tracking'],
  summary: 'Record a sale from the merchant’s backend',
  description:
    '`amount` and item amounts are integer cents in the settings’ currency. Attributed by `clickId` (the `pc_click` value track.js kept), ' +
    'else `partnerCode`, else `couponCode` (a code the merchant gave a partner, any case), else a lead with the customer’s email; a later payment of the same `subscriptionId` follows the first. ' +
    'The same body again answers 200 with the first answer; the same orderId with other details is 409 `order_conflict`. ' +
    'A sale nobody referred is recorded with `attributed: false` and the reason.',
  security,
  request: jsonBody(saleSchema),
  responses: {
    201: jsonResponse(SaleResultSchema, 'Recorded, with the commissions it earned'),
    200: jsonResponse(SaleResultSchema, 'Recorded before: the first answer'),
    ...common,
    409: errors[409],
    422: errors[422],
  },
});

const refundsRoute = createRoute({
  method: 'post',
  path: '/refunds',
  tags: ['tracking'],
  summary: 'Record a refund or a cancel (no amount: the whole remaining sale)',
  description:
    'Claws back the sale’s commissions in proportion to the refunded share. With `refundId`, the same refund again answers 200 with the first answer.',
  security,
  request: jsonBody(refundSchema),
  responses: {
    201: jsonResponse(RefundResultSchema, 'Recorded, with the clawbacks'),
    200: jsonResponse(RefundResultSchema, 'Recorded before: the first answer'),
    ...common,
    404: errors[404],
    409: errors[409],
    422: errors[422],
  },
});

const leadsRoute = createRoute({
  method: 'post',
  path: '/leads',
  tags: ['tracking'],
  summary: 'Record a lead (sign-up, trial, contact) referred by a partner',
  description:
    'Attributed by `clickId` or `partnerCode`. 201 when recorded; 200 when the email is already a lead (the first partner keeps it) or when ' +
    'nobody referred it (`attributed: false`, nothing recorded).',
  security,
  request: jsonBody(leadSchema),
  responses: {
    201: jsonResponse(LeadResultSchema, 'Recorded, with the lead commission if any'),
    200: jsonResponse(LeadResultSchema, 'Known already, or not attributed'),
    ...common,
  },
});

/** Server-to-server tracking calls from the merchant's backend, with the admin key. */
export function trackRoutes(deps: Deps) {
  const app = router();
  app.use('*', requireAdmin(deps));
  app.openapi(salesRoute, async (c) => {
    // the route's validator parsed the body with saleSchema: not parsed a second time
    const { created, result } = await recordCheckedSale(deps, c.req.valid('json'));
    return created ? c.json(result, 201) : c.json(result, 200);
  });
  app.openapi(refundsRoute, async (c) => {
    const { created, result } = await recordRefund(deps, c.req.valid('json'));
    return created ? c.json(result, 201) : c.json(result, 200);
  });
  app.openapi(leadsRoute, async (c) => {
    const { created, result } = await recordLead(deps, c.req.valid('json'));
    return created ? c.json(result, 201) : c.json(result, 200);
  });
  return app;
}
