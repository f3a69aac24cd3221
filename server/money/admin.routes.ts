import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { approveCommission, approveCommissions, approveDueCommissions } from './approvals.js';
import { getCommission, listCommissions, reverseCommission } from './commissions.js';
import { listLedger } from './ledger.js';
import { moneyNow } from './money-terms.js';
import { PayoutsCsvQuery, payoutsCsvContent, payoutsCsvDescription, payoutsCsvResponse, wantsPayoutsCsv } from './payouts.routes.js';
import { partnerByCode } from '../partners/partner-admin.js';
import { partnerCode } from '../partners/schemas.js';
import {
  adjustmentSchema,
  listPayments,
  paymentSchema,
  recordAdjustment,
  recordPayment,
  reversalSchema,
  reverseLedgerEntry,
} from './payments.js';
import { payoutsDue, payoutsDueTotal } from './payouts-due.js';
import { getSale, listSales } from '../tracking/sales.js';
import { getSettings } from '../catalog/settings.js';
import { externalId, idParam, Pagination } from '../shared/validation.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import { EntryWithBalanceSchema, PartnerLedgerSchema, PaymentSchema, PayoutsDueSchema } from './schemas.js';
import { SaleSchema } from '../tracking/schemas.js';
import { AdminCommissionSchema, BatchApprovalResultSchema, BatchApprovalSchema, CommissionListSchema } from './commission.schemas.js';
import { CursorQuery, NextCursor } from '../http/paging.schemas.js';
import { keysetPage, TIME_KEY, timeKey } from '../shared/keyset.js';
import { parseRange } from './reports/range.js';

const security = [{ adminKey: [] }];
const IdParams = z.object({ id: idParam });
const adminErrors = { 400: errors[400], 401: errors[401] } as const;
const partnerQuery = partnerCode.optional();

const listCommissionsRoute = createRoute({
  method: 'get',
  path: '/commissions',
  tags: ['admin'],
  summary: 'Commissions, newest first (filter by partner, status, program and period)',
  description: 'Each with why it exists (`why`: attribution, link, program) and what was clawed back (`clawback`). Page with `cursor` (the previous `nextCursor`).',
  security,
  request: {
    query: z.object({
      partner: partnerQuery,
      status: z.enum(['pending', 'approved', 'paid', 'clawed_back']).optional(),
      program: idParam.optional().openapi({ description: 'a program id' }),
      from: z.string().max(40).optional().openapi({ description: 'recorded on or after: a date (2026-01-31, UTC) or a date-time with offset' }),
      to: z.string().max(40).optional().openapi({ description: 'recorded on or before (a date: the whole day)' }),
      ...Pagination,
      ...CursorQuery,
    }),
  },
  responses: { 200: jsonResponse(CommissionListSchema, 'The commissions'), ...adminErrors, 404: errors[404] },
});

const getCommissionRoute = createRoute({
  method: 'get',
  path: '/commissions/{id}',
  tags: ['admin'],
  summary: 'One commission with the reason it exists',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(AdminCommissionSchema, 'The commission'), ...adminErrors, 404: errors[404] },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/commissions/{id}/approve',
  tags: ['admin'],
  summary: 'Approve a pending commission now, before its hold days end',
  description: 'Only the status changes (the money is on the ledger since the sale). Approving an approved or paid commission changes nothing; a clawed-back one is 409.',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(AdminCommissionSchema, 'The commission'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

const approveManyRoute = createRoute({
  method: 'post',
  path: '/commissions/approve',
  tags: ['admin'],
  summary: 'Approve many pending commissions now, in one transaction',
  description: 'Answers which were approved and which were skipped and why (not_found, already_approved, already_paid, clawed_back); a skipped id stops nothing.',
  security,
  request: jsonBody(BatchApprovalSchema),
  responses: { 200: jsonResponse(BatchApprovalResultSchema, 'Approved and skipped'), ...adminErrors },
});

const reverseCommissionRoute = createRoute({
  method: 'post',
  path: '/commissions/{id}/reverse',
  tags: ['admin'],
  summary: 'Take back what is left of a commission (fraud, a deal undone), with a note',
  security,
  request: { params: IdParams, ...jsonBody(reversalSchema) },
  responses: { 200: jsonResponse(AdminCommissionSchema, 'The commission, clawed back'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

const createPaymentRoute = createRoute({
  method: 'post',
  path: '/payments',
  tags: ['admin'],
  summary: 'Record a payment to a partner',
  description:
    'Pays what is payable now (balance − pending): more than it is refused (422 exceeds_approved_balance) unless `force` is true. Approved commissions are marked paid oldest-first as payments cover them.',
  security,
  request: jsonBody(paymentSchema),
  responses: { 201: jsonResponse(PaymentSchema, 'The payment and the partner’s balance after it'), ...adminErrors, 404: errors[404], 422: errors[422] },
});

const listPaymentsRoute = createRoute({
  method: 'get',
  path: '/payments',
  tags: ['admin'],
  summary: 'Payments, newest first',
  security,
  request: { query: z.object({ partner: partnerQuery, batch: idParam.optional().openapi({ description: 'only the payments of this batch (POST /payments/batch)' }), ...Pagination, ...CursorQuery }) },
  responses: { 200: jsonResponse(z.object({ payments: z.array(PaymentSchema), nextCursor: NextCursor }), 'The payments'), ...adminErrors, 404: errors[404] },
});

const payoutsRoute = createRoute({
  method: 'get',
  path: '/payouts',
  tags: ['admin'],
  summary: 'Partners due a payout: payable now at least `min` cents (default settings.minimumPayout)',
  security,
  description: payoutsCsvDescription,
  request: {
    query: z.object({
      min: z.coerce.number({ error: 'must be a number of cents' }).int('must be a whole number of cents').min(0, 'must not be negative').max(100_000_000_000).optional(),
      ...PayoutsCsvQuery,
      limit: Pagination.limit.describe('a page of this many (largest payable first), with `nextCursor`; without `limit` or `cursor` every partner due'),
      ...CursorQuery,
    }),
  },
  responses: {
    200: {
      description: 'Who to pay and how much (with format=csv: the file to pay them with)',
      content: { 'application/json': { schema: PayoutsDueSchema }, ...payoutsCsvContent },
    },
    ...adminErrors,
  },
});

const adjustmentRoute = createRoute({
  method: 'post',
  path: '/adjustments',
  tags: ['admin'],
  summary: 'A manual change to a partner’s balance with a note (+ bonus, − deduction)',
  security,
  request: jsonBody(adjustmentSchema),
  responses: { 201: jsonResponse(EntryWithBalanceSchema, 'The ledger entry and the balance after it'), ...adminErrors, 404: errors[404] },
});

const reverseEntryRoute = createRoute({
  method: 'post',
  path: '/ledger/{id}/reverse',
  tags: ['admin'],
  summary: 'Reverse a payment or adjustment entry with a note (the original stays; a new entry undoes it)',
  security,
  request: { params: IdParams, ...jsonBody(reversalSchema) },
  responses: { 201: jsonResponse(EntryWithBalanceSchema, 'The reversing entry'), ...adminErrors, 404: errors[404], 409: errors[409], 422: errors[422] },
});

const partnerLedgerRoute = createRoute({
  method: 'get',
  path: '/partners/{code}/ledger',
  tags: ['admin'],
  summary: 'A partner’s ledger, newest first, with the balance',
  security,
  request: { params: z.object({ code: partnerCode }), query: z.object({ ...Pagination, ...CursorQuery }) },
  responses: {
    200: jsonResponse(PartnerLedgerSchema, 'The entries'),
    ...adminErrors,
    404: errors[404],
  },
});

const listSalesRoute = createRoute({
  method: 'get',
  path: '/sales',
  tags: ['admin'],
  summary: 'Sales, newest first',
  security,
  request: { query: z.object({ partner: partnerQuery, ...Pagination, ...CursorQuery }) },
  responses: { 200: jsonResponse(z.object({ sales: z.array(SaleSchema), nextCursor: NextCursor }), 'The sales'), ...adminErrors, 404: errors[404] },
});

const getSaleRoute = createRoute({
  method: 'get',
  path: '/sales/{orderId}',
  tags: ['admin'],
  summary: 'One sale by order id',
  security,
  request: { params: z.object({ orderId: externalId(128) }) },
  responses: { 200: jsonResponse(SaleSchema, 'The sale'), ...adminErrors, 404: errors[404] },
});

export function registerMoneyRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  const partnerId = async (code: string | undefined) => (code ? (await partnerByCode(deps, code)).id : undefined);

  app.openapi(listCommissionsRoute, async (c) => {
    const { partner, program, from, to, cursor, limit, offset, status } = c.req.valid('query');
    const id = await partnerId(partner);
    const filters = { ...(status && { status }), ...(program !== undefined && { programId: program }), ...(id !== undefined && { partnerId: id }), range: parseRange({ from, to }) };
    const page = await keysetPage('commissions', TIME_KEY, { cursor, limit, offset }, (after, n, skip) =>
      listCommissions(deps, { ...filters, ...(after && { after }), limit: n, ...(skip !== undefined && { offset: skip }) }),
      (r) => timeKey(r.createdAt, r.id),
    );
    return c.json({ commissions: page.rows, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getCommissionRoute, async (c) => c.json(await getCommission(deps, c.req.valid('param').id), 200));
  app.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid('param');
    await approveCommission(deps, id);
    return c.json(await getCommission(deps, id), 200);
  });
  app.openapi(approveManyRoute, async (c) => {
    const { approved, skipped } = await approveCommissions(deps, c.req.valid('json').ids);
    const views = approved.length ? await listCommissions(deps, { ids: approved, limit: approved.length }) : [];
    return c.json({ approved: approved.map((id) => views.find((v) => v.id === id)!), skipped }, 200);
  });
  app.openapi(reverseCommissionRoute, async (c) =>
    c.json(await reverseCommission(deps, c.req.valid('param').id, c.req.valid('json').note, await getSettings(deps)), 200),
  );

  app.openapi(createPaymentRoute, async (c) => c.json(await recordPayment(deps, c.req.valid('json')), 201));
  app.openapi(listPaymentsRoute, async (c) => {
    const { partner, batch, ...request } = c.req.valid('query');
    const id = await partnerId(partner);
    const page = await keysetPage('payments', TIME_KEY, request, (after, limit, offset) =>
      listPayments(deps, { limit, ...(offset !== undefined && { offset }), ...(after && { after }), ...(id !== undefined && { partnerId: id }), ...(batch !== undefined && { batchId: batch }) }),
      (p) => timeKey(p.at, p.id),
    );
    return c.json({ payments: page.rows, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(payoutsRoute, async (c) => {
    const settings = await getSettings(deps);
    const query = c.req.valid('query');
    const minimum = query.min ?? settings.minimumPayout;
    if (wantsPayoutsCsv(query)) return payoutsCsvResponse(c, deps, settings, minimum, query);
    const page = await payoutsDue(deps, minimum, { limit: query.limit, cursor: query.cursor });
    const payouts = page.rows.map(({ payoutDetails: _inFull, ...masked }) => masked);
    const total = await payoutsDueTotal(deps.db.kysely, deps.clock(), minimum);
    return c.json({ minimum, currency: settings.currency, payouts, nextCursor: page.nextCursor, total }, 200);
  });
  app.openapi(adjustmentRoute, async (c) => c.json(await recordAdjustment(deps, c.req.valid('json')), 201));
  app.openapi(reverseEntryRoute, async (c) => c.json(await reverseLedgerEntry(deps, c.req.valid('param').id, c.req.valid('json').note), 201));

  app.openapi(partnerLedgerRoute, async (c) => {
    const partner = await partnerByCode(deps, c.req.valid('param').code);
    await approveDueCommissions(deps, { partnerId: partner.id });
    const settings = await getSettings(deps);
    const page = await keysetPage(`ledger:${partner.id}`, TIME_KEY, c.req.valid('query'), (after, limit, offset) =>
      listLedger(deps, partner.id, { limit, ...(offset !== undefined && { offset }), ...(after && { after }) }),
      (e) => timeKey(e.at, e.id),
    );
    const balance = await moneyNow(deps.db.kysely, partner.id, { currency: settings.currency, now: deps.clock() });
    return c.json({ balance, entries: page.rows, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(listSalesRoute, async (c) => {
    const { partner, ...request } = c.req.valid('query');
    const id = await partnerId(partner);
    const page = await keysetPage('sales', TIME_KEY, request, (after, limit, offset) =>
      listSales(deps, { limit, ...(offset !== undefined && { offset }), ...(after && { after }), ...(id !== undefined && { partnerId: id }) }),
      (s) => timeKey(s.at, s.id),
    );
    return c.json({ sales: page.rows, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getSaleRoute, async (c) => c.json(await getSale(deps, c.req.valid('param').orderId), 200));
}
