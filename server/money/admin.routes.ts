import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { approveCommission, approveDueCommissions } from './approvals.js';
import { getCommission, listCommissions, reverseCommission } from './commissions.js';
import { listLedger } from './ledger.js';
import { moneyNow } from './money-terms.js';
import { PayoutsCsvQuery, payoutsCsvContent, payoutsCsvDescription, payoutsCsvResponse, wantsPayoutsCsv } from './payouts.routes.js';
import { partnerByCode, partnerCode } from '../partners/partner-admin.js';
import {
  adjustmentSchema,
  listPayments,
  paymentSchema,
  payoutsDue,
  recordAdjustment,
  recordPayment,
  reversalSchema,
  reverseLedgerEntry,
} from './payments.js';
import { getSale, listSales } from '../tracking/sales.js';
import { getSettings } from '../catalog/settings.js';
import { externalId, idParam } from '../shared/validation.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import {
  BalanceSchema,
  CommissionSchema,
  EntryWithBalanceSchema,
  LedgerEntrySchema,
  Pagination,
  PaymentSchema,
  PayoutSchema,
  SaleSchema,
} from '../shared/engine-schemas.js';

const security = [{ adminKey: [] }];
const IdParams = z.object({ id: idParam });
const adminErrors = { 400: errors[400], 401: errors[401] } as const;
const partnerQuery = partnerCode.optional();

const listCommissionsRoute = createRoute({
  method: 'get',
  path: '/commissions',
  tags: ['admin'],
  summary: 'Commissions, newest first (filter by partner and status)',
  security,
  request: {
    query: z.object({ partner: partnerQuery, status: z.enum(['pending', 'approved', 'paid', 'clawed_back']).optional(), ...Pagination }),
  },
  responses: { 200: jsonResponse(z.object({ commissions: z.array(CommissionSchema) }), 'The commissions'), ...adminErrors, 404: errors[404] },
});

const getCommissionRoute = createRoute({
  method: 'get',
  path: '/commissions/{id}',
  tags: ['admin'],
  summary: 'One commission with the reason it exists',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(CommissionSchema, 'The commission'), ...adminErrors, 404: errors[404] },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/commissions/{id}/approve',
  tags: ['admin'],
  summary: 'Approve a pending commission now, before its hold days end',
  description: 'Only the status changes (the money is on the ledger since the sale). Approving an approved or paid commission changes nothing; a clawed-back one is 409.',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(CommissionSchema, 'The commission'), ...adminErrors, 404: errors[404], 409: errors[409] },
});

const reverseCommissionRoute = createRoute({
  method: 'post',
  path: '/commissions/{id}/reverse',
  tags: ['admin'],
  summary: 'Take back what is left of a commission (fraud, a deal undone), with a note',
  security,
  request: { params: IdParams, ...jsonBody(reversalSchema) },
  responses: { 200: jsonResponse(CommissionSchema, 'The commission, clawed back'), ...adminErrors, 404: errors[404], 409: errors[409] },
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
  request: { query: z.object({ partner: partnerQuery, batch: idParam.optional().openapi({ description: 'only the payments of this batch (POST /payments/batch)' }), ...Pagination }) },
  responses: { 200: jsonResponse(z.object({ payments: z.array(PaymentSchema) }), 'The payments'), ...adminErrors, 404: errors[404] },
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
    }),
  },
  responses: {
    200: {
      description: 'Who to pay and how much (with format=csv: the file to pay them with)',
      content: { 'application/json': { schema: z.object({ minimum: z.number().int(), currency: z.string(), payouts: z.array(PayoutSchema) }) }, ...payoutsCsvContent },
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
  request: { params: z.object({ code: partnerCode }), query: z.object(Pagination) },
  responses: {
    200: jsonResponse(z.object({ balance: BalanceSchema, entries: z.array(LedgerEntrySchema) }), 'The entries'),
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
  request: { query: z.object({ partner: partnerQuery, ...Pagination }) },
  responses: { 200: jsonResponse(z.object({ sales: z.array(SaleSchema) }), 'The sales'), ...adminErrors, 404: errors[404] },
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
    const { partner, ...options } = c.req.valid('query');
    const id = await partnerId(partner);
    return c.json({ commissions: await listCommissions(deps, { ...options, ...(id !== undefined && { partnerId: id }) }) }, 200);
  });
  app.openapi(getCommissionRoute, async (c) => c.json(await getCommission(deps, c.req.valid('param').id), 200));
  app.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid('param');
    await approveCommission(deps, id);
    return c.json(await getCommission(deps, id), 200);
  });
  app.openapi(reverseCommissionRoute, async (c) =>
    c.json(await reverseCommission(deps, c.req.valid('param').id, c.req.valid('json').note, await getSettings(deps)), 200),
  );

  app.openapi(createPaymentRoute, async (c) => c.json(await recordPayment(deps, c.req.valid('json')), 201));
  app.openapi(listPaymentsRoute, async (c) => {
    const { partner, batch, ...options } = c.req.valid('query');
    const id = await partnerId(partner);
    return c.json({ payments: await listPayments(deps, { ...options, ...(id !== undefined && { partnerId: id }), ...(batch !== undefined && { batchId: batch }) }) }, 200);
  });
  app.openapi(payoutsRoute, async (c) => {
    const settings = await getSettings(deps);
    const query = c.req.valid('query');
    const minimum = query.min ?? settings.minimumPayout;
    if (wantsPayoutsCsv(query)) return payoutsCsvResponse(c, deps, settings, minimum, query);
    const payouts = (await payoutsDue(deps, minimum)).map(({ payoutDetails: _inFull, ...masked }) => masked);
    return c.json({ minimum, currency: settings.currency, payouts }, 200);
  });
  app.openapi(adjustmentRoute, async (c) => c.json(await recordAdjustment(deps, c.req.valid('json')), 201));
  app.openapi(reverseEntryRoute, async (c) => c.json(await reverseLedgerEntry(deps, c.req.valid('param').id, c.req.valid('json').note), 201));

  app.openapi(partnerLedgerRoute, async (c) => {
    const partner = await partnerByCode(deps, c.req.valid('param').code);
    await approveDueCommissions(deps, { partnerId: partner.id });
    const settings = await getSettings(deps);
    return c.json(
      { balance: await moneyNow(deps.db.kysely, partner.id, { currency: settings.currency, now: deps.clock() }), entries: await listLedger(deps, partner.id, c.req.valid('query')) },
      200,
    );
  });
  app.openapi(listSalesRoute, async (c) => {
    const { partner, ...options } = c.req.valid('query');
    const id = await partnerId(partner);
    return c.json({ sales: await listSales(deps, { ...options, ...(id !== undefined && { partnerId: id }) }) }, 200);
  });
  app.openapi(getSaleRoute, async (c) => c.json(await getSale(deps, c.req.valid('param').orderId), 200));
}
