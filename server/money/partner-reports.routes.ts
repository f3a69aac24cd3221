import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { commissionCsvLines, commissionReport, COMMISSIONS_CSV_HEADER } from './reports/commissions.js';
import { csvFilename, csvStream } from '../shared/csv.js';
import { balanceView, LEDGER_CSV_HEADER, ledgerCsvLines, ledgerPage } from './reports/ledger.js';
import { leadCsvLines, leadReport, LEADS_CSV_HEADER } from './reports/leads.js';
import { checkTimeZone, linkCsvLines, LINKS_CSV_HEADER, linkStats } from './reports/links.js';
import { decodeCursor, DEFAULT_LIMIT, MAX_LIMIT, parseRange, type CursorKind } from './reports/range.js';
import { salesCsvLines, salesReport, SALES_CSV_HEADER } from './reports/sales.js';
import { BalanceSchema, CommissionReportSchema, dateParam, LeadReportSchema, LedgerPageSchema, LinkStatsSchema, SalesReportSchema } from './reports/schemas.js';
import { requirePartner, type PartnerEnv } from '../http/middleware.js';
import { errors, router, z } from '../http/openapi.js';

/**
 * The partner's reports under /api/v1/partner: My Ledger, the balance, and the commission,
 * lead, sales and link reports. Every answer is the caller's own data only. Lists are newest
 * first with opaque keyset cursors; every report is also CSV (`Accept: text/csv` or
 * `?format=csv`), streamed. The answers' shapes: reports/schemas.ts.
 */

const RangeQuery = z.object({
  from: dateParam('from', 'range', 'from the beginning.'),
  to: dateParam('to', 'range', 'up to now.'),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the whole range as a CSV file (same as Accept: text/csv)' }),
});

const PageQuery = RangeQuery.extend({
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page; not used for CSV' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .openapi({ description: `Rows per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}); not used for CSV`, example: 50 }),
});

const LinksQuery = RangeQuery.extend({
  timeZone: z.string().max(64).optional().openapi({ description: 'IANA time zone the days are counted in (default UTC)', example: 'Europe/Paris' }),
});

const csvContent = { 'text/csv': { schema: z.string().openapi({ description: 'A header row, then one row per item (UTF-8 with BOM, CRLF)' }) } };

const reportResponses = <S extends z.ZodType>(schema: S) => ({
  200: { content: { 'application/json': { schema }, ...csvContent }, description: 'The report (JSON, or CSV when asked)' },
  400: errors[400],
  401: errors[401],
});

const common = { method: 'get' as const, tags: ['partner reports'], security: [{ partnerToken: [] }] };

const ledgerRoute = createRoute({
  ...common,
  path: '/ledger',
  summary: 'My Ledger: summary and entries with running balance',
  description:
    'Beginning balance is everything before `from`; ending = beginning + earned − clawedBack − paid + adjustments. Entries newest first; `nextCursor` pages on and stays right while new entries arrive.',
  request: { query: PageQuery },
  responses: reportResponses(LedgerPageSchema),
});
const commissionsRoute = createRoute({
  ...common,
  path: '/reports/commissions',
  summary: 'Commission report',
  description:
    'Each commission with its order, sale amount, rate, amount, status, tier, why it exists (link, sub-id, click time, attribution rule, program) and the reason of any clawback.',
  request: { query: PageQuery },
  responses: reportResponses(CommissionReportSchema),
});
const leadsRoute = createRoute({
  ...common,
  path: '/reports/leads',
  summary: 'Lead tracking',
  description: "Each lead, masked (j•••@example.com, no name) unless the merchant's leadPrivacy setting is full.",
  request: { query: PageQuery },
  responses: reportResponses(LeadReportSchema),
});
const salesRoute = createRoute({
  ...common,
  path: '/reports/sales',
  summary: 'Sales report',
  description: 'Each sale attributed to the partner, with its items and the commission it earned.',
  request: { query: PageQuery },
  responses: reportResponses(SalesReportSchema),
});
const linksRoute = createRoute({
  ...common,
  path: '/reports/links',
  summary: 'Link statistics',
  description: 'Clicks, leads, sales, conversion rate (sales per click) and earnings per click: in total, by day, by sub-id and by link.',
  request: { query: LinksQuery },
  responses: reportResponses(LinkStatsSchema),
});

const balanceRoute = createRoute({
  method: 'get',
  path: '/balance',
  tags: ['partner reports'],
  summary: 'Payable now versus pending, and the minimum payout',
  security: [{ partnerToken: [] }],
  responses: {
    200: { content: { 'application/json': { schema: BalanceSchema } }, description: 'The balance and what of it is payable' },
    401: errors[401],
  },
});

const NO_STORE = { 'Cache-Control': 'private, no-store', Vary: 'Accept, Authorization' };

function wantsCsv(c: Context, format: 'json' | 'csv' | undefined) {
  if (format) return format === 'csv';
  return /\btext\/csv\b/i.test(c.req.header('Accept') ?? '');
}

function csvResponse(c: Context, filename: string, header: string[], lines: AsyncIterable<string[][]>) {
  return c.body(csvStream(header, lines), 200, {
    ...NO_STORE,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
}

function pageOptions(kind: CursorKind, q: { from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
  const range = parseRange(q);
  const cursor = q.cursor === undefined || q.cursor === '' ? undefined : decodeCursor(kind, q.cursor);
  return { range, cursor, limit: q.limit ?? DEFAULT_LIMIT };
}

export function partnerReportRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  // Only these paths: other partner routes mounted under /api/v1/partner keep their own rules.
  for (const path of ['/ledger', '/balance', '/reports/*']) app.use(path, requirePartner(deps));

  app.openapi(ledgerRoute, async (c) => {
    const q = c.req.valid('query');
    const options = pageOptions('ledger', q);
    const partner = c.var.partner;
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Vary', NO_STORE.Vary);
    if (wantsCsv(c, q.format)) return csvResponse(c, csvFilename('ledger', options.range), LEDGER_CSV_HEADER, ledgerCsvLines(deps, partner.id, options.range));
    return c.json(await ledgerPage(deps, partner.id, options), 200);
  });

  app.openapi(balanceRoute, async (c) => {
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    return c.json(await balanceView(deps, c.var.partner.id), 200);
  });

  app.openapi(commissionsRoute, async (c) => {
    const q = c.req.valid('query');
    const options = pageOptions('commissions', q);
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Vary', NO_STORE.Vary);
    if (wantsCsv(c, q.format)) {
      return csvResponse(c, csvFilename('commissions', options.range), COMMISSIONS_CSV_HEADER, commissionCsvLines(deps, c.var.partner.id, options.range));
    }
    return c.json(await commissionReport(deps, c.var.partner.id, options), 200);
  });

  app.openapi(leadsRoute, async (c) => {
    const q = c.req.valid('query');
    const options = pageOptions('leads', q);
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Vary', NO_STORE.Vary);
    if (wantsCsv(c, q.format)) return csvResponse(c, csvFilename('leads', options.range), LEADS_CSV_HEADER, leadCsvLines(deps, c.var.partner.id, options.range));
    return c.json(await leadReport(deps, c.var.partner.id, options), 200);
  });

  app.openapi(salesRoute, async (c) => {
    const q = c.req.valid('query');
    const options = pageOptions('sales', q);
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Vary', NO_STORE.Vary);
    if (wantsCsv(c, q.format)) return csvResponse(c, csvFilename('sales', options.range), SALES_CSV_HEADER, salesCsvLines(deps, c.var.partner.id, options.range));
    return c.json(await salesReport(deps, c.var.partner.id, options), 200);
  });

  app.openapi(linksRoute, async (c) => {
    const q = c.req.valid('query');
    const range = parseRange(q);
    const timeZone = checkTimeZone(q.timeZone);
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Vary', NO_STORE.Vary);
    if (wantsCsv(c, q.format)) return csvResponse(c, csvFilename('links', range), LINKS_CSV_HEADER, linkCsvLines(deps, c.var.partner.id, { range, timeZone }));
    return c.json(await linkStats(deps, c.var.partner.id, { range, timeZone }), 200);
  });

  return app;
}
