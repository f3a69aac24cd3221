import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import type { Deps } from '../deps.js';
import type { Settings } from '../catalog/settings.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import { payoutsDue } from './payouts-due.js';
import { payoutCsv } from './payout-csv.js';
import { PAYOUT_CSV_LAYOUTS, type PayoutCsvLayout } from './schemas.js';
import { recordPaymentBatch } from './payout-batch.js';
import { PaymentBatchRequestSchema, PaymentBatchSchema } from './payout-batch.schemas.js';
import { dashboard } from './dashboard.js';
import { DashboardQuerySchema, DashboardSchema } from './dashboard.schemas.js';

/**
 * The admin API's payouts and dashboard additions (the merchant console's Payouts and
 * Dashboard sections): a batch of payments in one transaction, the payouts due as a file to pay
 * them with, and the program's figures for a period.
 */

const security = [{ adminKey: [] }];

// ── GET /payouts?format=csv (the route itself is in admin.routes.ts) ────────────────────────

export const PayoutsCsvQuery = {
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the payouts due as a file (see `layout`)' }),
  layout: z.enum(PAYOUT_CSV_LAYOUTS).optional().openapi({ description: 'the CSV’s columns: standard (default), paypal (PayPal Payouts Web), wise (Wise batch payments); implies format=csv' }),
  note: z.string().trim().min(1, 'must not be empty').max(140, 'must be at most 140 characters').optional().openapi({ description: 'PayPal: the note to each recipient; Wise: the payment reference (default "Commission payout")' }),
};

export const payoutsCsvDescription =
  'With `format=csv` (or a `layout`) the payouts due as a file, payout details in full, amounts in major units: ' +
  '`standard` = code,name,email,amount,currency,payout_method,payout_details (header row, UTF-8 BOM); ' +
  '`paypal` = PayPal Payouts Web (no header): recipient (PayPal email from the payout details, else the partner’s email),amount,currency,customer ID (partner code),note,PAYPAL; ' +
  '`wise` = Wise batch payments: name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN (IBAN empty when the payout details are not one).';

export const payoutsCsvContent = { 'text/csv': { schema: z.string().openapi({ description: 'The payouts due in the chosen layout (CRLF lines)' }) } };

export const wantsPayoutsCsv = (q: { format?: 'json' | 'csv' | undefined; layout?: PayoutCsvLayout | undefined }) => q.format === 'csv' || (q.format === undefined && q.layout !== undefined);

export async function payoutsCsvResponse(c: Context, deps: Deps, settings: Settings, minimum: number, q: { layout?: PayoutCsvLayout | undefined; note?: string | undefined }) {
  const layout = q.layout ?? 'standard';
  const body = payoutCsv((await payoutsDue(deps, minimum)).rows, settings.currency, layout, q.note ?? 'Commission payout');
  const day = new Date(deps.clock()).toISOString().slice(0, 10);
  return c.body(body, 200, {
    'Cache-Control': 'private, no-store',
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="payouts-${layout === 'standard' ? '' : `${layout}-`}${day}.csv"`,
  });
}

// ── POST /payments/batch ────────────────────────────────────────────────────────────────────

const batchRoute = createRoute({
  method: 'post',
  path: '/payments/batch',
  tags: ['admin'],
  summary: 'Record many payments in one action (all or nothing)',
  description:
    'Each payment is recorded exactly as POST /payments records one (never more than payable now; no `force`), all in one transaction under one batch id. ' +
    'A row without `amount` pays everything payable now. One row that cannot be paid (unknown partner 404, more than payable now or nothing payable 422) refuses the whole batch, ' +
    'the error naming the row (`field`: payments.<index>.partner|amount, the message its partner); nothing is recorded.',
  security,
  request: jsonBody(PaymentBatchRequestSchema),
  responses: {
    201: jsonResponse(PaymentBatchSchema, 'The batch and its payments'),
    400: errors[400],
    401: errors[401],
    404: errors[404],
    422: errors[422],
  },
});

// ── GET /dashboard ──────────────────────────────────────────────────────────────────────────

const dashboardRoute = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['admin'],
  summary: 'The program at a glance: a period’s figures, a daily trend, top partners, what needs attention',
  description:
    'Period figures from the rows dated in it (`from`/`to` as in the partner reports, default the last 30 days; days of the trend counted in `timeZone`); ' +
    'the money words as in the partner reports (earned, paid; now: balance (owed), pending, payableNow).',
  security,
  request: { query: DashboardQuerySchema },
  responses: { 200: jsonResponse(DashboardSchema, 'The figures'), 400: errors[400], 401: errors[401] },
});

export function registerPayoutRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(batchRoute, async (c) => c.json(await recordPaymentBatch(deps, c.req.valid('json')), 201));
  app.openapi(dashboardRoute, async (c) => c.json(await dashboard(deps, c.req.valid('query')), 200));
}
