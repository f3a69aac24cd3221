import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import { partnerCode } from './schemas.js';
import { getPartnerDetail } from './partner-detail.js';
import { approveSignup, rejectSignup } from './signup-review.js';
import { serverOrigin } from './account-links.js';
import { PartnerDetailSchema, RejectionSchema } from './admin.schemas.js';

const security = [{ adminKey: [] }];
const CodeParams = z.object({ code: partnerCode });
const adminErrors = { 400: errors[400], 401: errors[401] } as const;

const approveSignupRoute = createRoute({
  method: 'post',
  path: '/partners/{code}/approve',
  tags: ['admin'],
  summary: 'Approve a pending sign-up: the partner can sign in',
  description: 'The partner is emailed (`signup_approved`) a link to the page they signed up on.',
  security,
  request: { params: CodeParams },
  responses: { 200: jsonResponse(PartnerDetailSchema, 'The partner, active'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

const rejectSignupRoute = createRoute({
  method: 'post',
  path: '/partners/{code}/reject',
  tags: ['admin'],
  summary: 'Reject a pending sign-up with a reason the partner is told',
  description: 'The account is disabled and keeps the reason (`rejection`); signing in answers 403 account_rejected with it. The partner is emailed the reason (`signup_rejected`). 409 partner_not_pending when the partner is not waiting for approval.',
  security,
  request: { params: CodeParams, ...jsonBody(RejectionSchema) },
  responses: { 200: jsonResponse(PartnerDetailSchema, 'The partner, disabled, with the rejection'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

/** Sign-up decisions (the partner's detail itself is GET /partners/{code} in catalog/admin.routes.ts). */
export function registerPartnerAdminRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(approveSignupRoute, async (c) => {
    const partner = await approveSignup(deps, c.req.valid('param').code, serverOrigin(deps, c));
    return c.json(await getPartnerDetail(deps, partner.code), 200);
  });
  app.openapi(rejectSignupRoute, async (c) => {
    const partner = await rejectSignup(deps, c.req.valid('param').code, c.req.valid('json'));
    return c.json(await getPartnerDetail(deps, partner.code), 200);
  });
}
