import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { createLink, deleteLink, getLink, linkPatchSchema, listLinks, newLinkSchema, updateLink } from './links.js';
import {
  createPartnerAccount,
  deletePartnerAccount,
  listPartnerAccounts,
  newPartnerSchema,
  partnerByCode,
  partnerPatchSchema,
  password,
  updatePartnerAccount,
} from '../partners/partner-admin.js';
import { createProgram, getProgram, listPrograms, updateProgram } from './programs.js';
import { newProgramSchema, programPatchSchema } from './program.schemas.js';
import { partnerCode } from '../partners/schemas.js';
import { changeSettings } from './merchant-settings.js';
import { getSettings, settingsPatchSchema, settingsSchema } from './settings.js';
import { idParam, Pagination } from '../shared/validation.js';
import { publicBase } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import { LinkSchema, ProgramSchema } from './schemas.js';
import { PartnerAccountDetailSchema } from '../partners/schemas.js';
import { CursorQuery, NextCursor } from '../http/paging.schemas.js';
import { PartnerDetailSchema, PartnerListSchema, PartnerSortQuery } from '../partners/admin.schemas.js';
import { getPartnerDetail } from '../partners/partner-detail.js';
import { keysetPage, TIME_KEY, timeKey } from '../shared/keyset.js';

const security = [{ adminKey: [] }];
const IdParams = z.object({ id: idParam });
const CodeParams = z.object({ code: partnerCode });
const adminErrors = { 400: errors[400], 401: errors[401] } as const;

// ── programs ────────────────────────────────────────────────────────────────────────────────

const listProgramsRoute = createRoute({
  method: 'get',
  path: '/programs',
  tags: ['admin'],
  summary: 'List programs, highest priority first',
  security,
  request: { query: z.object({ status: z.enum(['active', 'archived']).optional() }) },
  responses: { 200: jsonResponse(z.object({ programs: z.array(ProgramSchema) }), 'The programs'), ...adminErrors },
});

const createProgramRoute = createRoute({
  method: 'post',
  path: '/programs',
  tags: ['admin'],
  summary: 'Create a program',
  description:
    'saleCommission: `{ "type": "percent", "value": 1000 }` is 10% (basis points); `{ "type": "flat", "value": 2500 }` is $25.00 per sale. ' +
    'Optional: leadCommission (cents), productRates (per-product overrides), recurring `{ mode: every|first_n|none, payments }`, ' +
    'secondTier (rate paid to the parent partner), attributionWindowDays, attributionModel (last_click by default), holdDays.',
  security,
  request: jsonBody(newProgramSchema),
  responses: { 201: jsonResponse(ProgramSchema, 'The program with its id'), ...adminErrors },
});

const getProgramRoute = createRoute({
  method: 'get',
  path: '/programs/{id}',
  tags: ['admin'],
  summary: 'One program',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(ProgramSchema, 'The program'), ...adminErrors, 404: errors[404] },
});

const updateProgramRoute = createRoute({
  method: 'patch',
  path: '/programs/{id}',
  tags: ['admin'],
  summary: 'Change a program (productRates, when sent, replace the list)',
  description: 'Changes apply to sales recorded from now on; commissions already recorded keep the rate they were computed with.',
  security,
  request: { params: IdParams, ...jsonBody(programPatchSchema) },
  responses: { 200: jsonResponse(ProgramSchema, 'The changed program'), ...adminErrors, 404: errors[404] },
});

const archiveProgramRoute = createRoute({
  method: 'delete',
  path: '/programs/{id}',
  tags: ['admin'],
  summary: 'Archive a program',
  description: 'Programs are never deleted (their commissions refer to them): an archived program earns nothing on new sales or leads.',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(ProgramSchema, 'The archived program'), ...adminErrors, 404: errors[404] },
});

// ── partners ────────────────────────────────────────────────────────────────────────────────

const listPartnersRoute = createRoute({
  method: 'get',
  path: '/partners',
  tags: ['admin'],
  summary: 'List partners with their balances and masked payout details',
  security,
  request: {
    query: z.object({
      status: z.enum(['active', 'pending', 'disabled']).optional(),
      q: z.string().max(100, 'must be at most 100 characters').optional().openapi({ description: 'part of the code, name or email' }),
      ...PartnerSortQuery,
      ...Pagination,
      ...CursorQuery,
    }),
  },
  responses: {
    200: jsonResponse(PartnerListSchema, 'The partners'),
    ...adminErrors,
  },
});

const createPartnerRoute = createRoute({
  method: 'post',
  path: '/partners',
  tags: ['admin'],
  summary: 'Create a partner',
  description: 'programIds enrol the partner; parentCode names the partner who referred them (paid second-tier commissions).',
  security,
  request: jsonBody(newPartnerSchema),
  responses: { 201: jsonResponse(PartnerAccountDetailSchema, 'The partner'), ...adminErrors, 409: errors[409], 422: errors[422] },
});

const getPartnerRoute = createRoute({
  method: 'get',
  path: '/partners/{code}',
  tags: ['admin'],
  summary: 'One partner with programs, parent, balance and payout details',
  security,
  request: { params: CodeParams },
  responses: { 200: jsonResponse(PartnerDetailSchema, 'The partner with payout details in full, profile, programs, parent, children and all-time figures'), ...adminErrors, 404: errors[404] },
});

const updatePartnerRoute = createRoute({
  method: 'patch',
  path: '/partners/{code}',
  tags: ['admin'],
  summary: 'Change name, email, status, parent (null removes it), programs (replaces them) or password',
  description: 'A new password, or a status other than active, ends the partner’s sessions.',
  security,
  request: { params: CodeParams, ...jsonBody(partnerPatchSchema) },
  responses: { 200: jsonResponse(PartnerAccountDetailSchema, 'The changed partner'), ...adminErrors, 404: errors[404], 409: errors[409], 422: errors[422] },
});

const setPasswordRoute = createRoute({
  method: 'put',
  path: '/partners/{code}/password',
  tags: ['admin'],
  summary: 'Set a partner’s password (ends their sessions)',
  security,
  request: { params: CodeParams, ...jsonBody(z.object({ password }).strict()) },
  responses: { 204: { description: 'Password set' }, ...adminErrors, 404: errors[404] },
});

const deletePartnerRoute = createRoute({
  method: 'delete',
  path: '/partners/{code}',
  tags: ['admin'],
  summary: 'Delete a partner without history',
  description: 'Partners with clicks, leads, sales, commissions or ledger entries are kept for the books (409 partner_has_history): disable them instead.',
  security,
  request: { params: CodeParams },
  responses: { 204: { description: 'Deleted' }, ...adminErrors, 404: errors[404], 409: errors[409] },
});

// ── links ───────────────────────────────────────────────────────────────────────────────────

const listLinksRoute = createRoute({
  method: 'get',
  path: '/links',
  tags: ['admin'],
  summary: 'List redirect links (merchant links; ?partner=<code> for a partner’s own deep links)',
  security,
  request: { query: z.object({ partner: partnerCode.optional(), status: z.enum(['active', 'disabled']).optional(), ...Pagination, ...CursorQuery }) },
  responses: { 200: jsonResponse(z.object({ links: z.array(LinkSchema), nextCursor: NextCursor }), 'The links'), ...adminErrors, 404: errors[404] },
});

const createLinkRoute = createRoute({
  method: 'post',
  path: '/links',
  tags: ['admin'],
  summary: 'Create a redirect link',
  description: 'Partners share it as `/r/<their code>/<slug>`. programIds (optional) limit it to those programs; none: every program.',
  security,
  request: jsonBody(newLinkSchema),
  responses: { 201: jsonResponse(LinkSchema, 'The link'), ...adminErrors, 409: errors[409], 422: errors[422] },
});

const getLinkRoute = createRoute({
  method: 'get',
  path: '/links/{id}',
  tags: ['admin'],
  summary: 'One link',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(LinkSchema, 'The link'), ...adminErrors, 404: errors[404] },
});

const updateLinkRoute = createRoute({
  method: 'patch',
  path: '/links/{id}',
  tags: ['admin'],
  summary: 'Change a link’s name, destination, status or programs (the slug is fixed)',
  security,
  request: { params: IdParams, ...jsonBody(linkPatchSchema) },
  responses: { 200: jsonResponse(LinkSchema, 'The changed link'), ...adminErrors, 404: errors[404], 422: errors[422] },
});

const deleteLinkRoute = createRoute({
  method: 'delete',
  path: '/links/{id}',
  tags: ['admin'],
  summary: 'Delete an unused link',
  description: 'A link with clicks, or used by a banner or email, is kept (409 link_in_use): disable it instead.',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...adminErrors, 404: errors[404], 409: errors[409] },
});

// ── settings ────────────────────────────────────────────────────────────────────────────────

const SettingsSchema = settingsSchema;

const getSettingsRoute = createRoute({
  method: 'get',
  path: '/settings',
  tags: ['admin'],
  summary: 'The program-wide settings',
  security,
  responses: { 200: jsonResponse(SettingsSchema, 'Every setting, defaults filled in'), ...adminErrors },
});

const updateSettingsRoute = createRoute({
  method: 'patch',
  path: '/settings',
  tags: ['admin'],
  summary: 'Change settings (only the fields sent)',
  description:
    'attributionWindowDays and holdDays are the defaults for programs that do not set their own; allowedLinkDomains limit partners’ deep links; allowedOrigins add browser origins; currency is the currency of every amount.',
  security,
  request: jsonBody(settingsPatchSchema),
  responses: { 200: jsonResponse(SettingsSchema, 'The settings after the change'), ...adminErrors },
});

export function registerCatalogRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(listProgramsRoute, async (c) => c.json({ programs: await listPrograms(deps, c.req.valid('query')) }, 200));
  app.openapi(createProgramRoute, async (c) => c.json(await createProgram(deps, c.req.valid('json')), 201));
  app.openapi(getProgramRoute, async (c) => c.json(await getProgram(deps, c.req.valid('param').id), 200));
  app.openapi(updateProgramRoute, async (c) => c.json(await updateProgram(deps, c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(archiveProgramRoute, async (c) => c.json(await updateProgram(deps, c.req.valid('param').id, { status: 'archived' }), 200));

  app.openapi(listPartnersRoute, async (c) => c.json(await listPartnerAccounts(deps, c.req.valid('query')), 200));
  app.openapi(createPartnerRoute, async (c) => c.json(await createPartnerAccount(deps, c.req.valid('json')), 201));
  app.openapi(getPartnerRoute, async (c) => c.json(await getPartnerDetail(deps, c.req.valid('param').code), 200));
  app.openapi(updatePartnerRoute, async (c) => c.json(await updatePartnerAccount(deps, c.req.valid('param').code, c.req.valid('json')), 200));
  app.openapi(setPasswordRoute, async (c) => {
    await updatePartnerAccount(deps, c.req.valid('param').code, { password: c.req.valid('json').password });
    return c.body(null, 204);
  });
  app.openapi(deletePartnerRoute, async (c) => {
    await deletePartnerAccount(deps, c.req.valid('param').code);
    return c.body(null, 204);
  });

  app.openapi(listLinksRoute, async (c) => {
    const { partner, status, ...request } = c.req.valid('query');
    const partnerId = partner ? (await partnerByCode(deps, partner)).id : null;
    const page = await keysetPage('links', TIME_KEY, request, (after, limit, offset) =>
      listLinks(deps, publicBase(c, deps), { partnerId, limit, ...(status && { status }), ...(offset !== undefined && { offset }), ...(after && { after }) }),
      (link) => timeKey(link.createdAt, link.id),
    );
    return c.json({ links: page.rows, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(createLinkRoute, async (c) => c.json(await createLink(deps, c.req.valid('json'), publicBase(c, deps)), 201));
  app.openapi(getLinkRoute, async (c) => c.json(await getLink(deps, c.req.valid('param').id, publicBase(c, deps)), 200));
  app.openapi(updateLinkRoute, async (c) => c.json(await updateLink(deps, c.req.valid('param').id, c.req.valid('json'), publicBase(c, deps)), 200));
  app.openapi(deleteLinkRoute, async (c) => {
    await deleteLink(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(getSettingsRoute, async (c) => c.json(await getSettings(deps), 200));
  app.openapi(updateSettingsRoute, async (c) => c.json(await changeSettings(deps, c.req.valid('json')), 200));
}
