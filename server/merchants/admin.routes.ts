import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { errors, jsonBody, jsonResponse, z } from '../http/openapi.js';
import { csvNumber, csvStream, csvText } from '../shared/csv.js';
import { idParam } from '../shared/validation.js';
import { createAdminKey, listAdminKeys, revokeAdminKey } from './admin-keys.js';
import { listAudit, type AuditQuery } from './audit.js';
import { AdminKeySchema, AuditPageSchema, merchantUserPatchSchema, MerchantUserSchema, NewAdminKeySchema, newMerchantUserSchema } from './schemas.js';
import { createMerchantUser, deleteMerchantUser, listMerchantUsers, updateMerchantUser } from './users.js';

const security: Record<string, string[]>[] = [{ adminKey: [] }, { merchantToken: [] }];
const IdParams = z.object({ id: idParam });
const ownerErrors = { 400: errors[400], 401: errors[401], 403: { ...errors[403], description: 'Signed in as staff: owners only' } } as const;

// ── merchant users (owners only) ───────────────────────────────────────────────────────────

const listUsersRoute = createRoute({
  method: 'get',
  path: '/merchant-users',
  tags: ['admin: merchant users'],
  summary: 'The merchant users (owners only)',
  security,
  responses: { 200: jsonResponse(z.object({ users: z.array(MerchantUserSchema) }), 'Every merchant user'), ...ownerErrors },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/merchant-users',
  tags: ['admin: merchant users'],
  summary: 'Add a merchant user (owners only)',
  security,
  request: jsonBody(newMerchantUserSchema),
  responses: { 201: jsonResponse(MerchantUserSchema, 'The new user'), ...ownerErrors, 409: errors[409] },
});

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/merchant-users/{id}',
  tags: ['admin: merchant users'],
  summary: 'Change a merchant user’s role, status or password (owners only)',
  description: 'A new password or disabling ends the user’s sessions. The last active owner cannot be made staff or disabled (409 last_owner).',
  security,
  request: { params: IdParams, ...jsonBody(merchantUserPatchSchema) },
  responses: { 200: jsonResponse(MerchantUserSchema, 'The changed user'), ...ownerErrors, 404: errors[404], 409: errors[409] },
});

const deleteUserRoute = createRoute({
  method: 'delete',
  path: '/merchant-users/{id}',
  tags: ['admin: merchant users'],
  summary: 'Remove a merchant user (owners only)',
  description: 'The last active owner cannot be removed (409 last_owner).',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...ownerErrors, 404: errors[404], 409: errors[409] },
});

// ── admin API keys (owners only) ───────────────────────────────────────────────────────────

const listKeysRoute = createRoute({
  method: 'get',
  path: '/admin-keys',
  tags: ['admin: keys'],
  summary: 'Admin API keys, revoked ones included, with when each was last used (owners only)',
  description: 'The key from PARTNER_CENTER_ADMIN_KEY is not listed: it lives in the server’s environment.',
  security,
  responses: { 200: jsonResponse(z.object({ keys: z.array(AdminKeySchema) }), 'The keys (never their secret)'), ...ownerErrors },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/admin-keys',
  tags: ['admin: keys'],
  summary: 'Create an admin API key for server-to-server calls (owners only)',
  description: 'The answer holds the key itself, this once: only its hash is stored.',
  security,
  request: jsonBody(z.object({ name: z.string().trim().min(1, 'Name the key, e.g. the system that will use it').max(100, 'is at most 100 characters') }).strict().openapi('NewAdminKeyRequest')),
  responses: { 201: jsonResponse(NewAdminKeySchema, 'The key, shown once'), ...ownerErrors },
});

const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/admin-keys/{id}',
  tags: ['admin: keys'],
  summary: 'Revoke an admin API key: it stops working at once (owners only)',
  security,
  request: { params: IdParams },
  responses: { 200: jsonResponse(AdminKeySchema, 'The revoked key'), ...ownerErrors, 404: errors[404] },
});

// ── audit log ──────────────────────────────────────────────────────────────────────────────

const instant = (name: string) =>
  z
    .string()
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date (2026-01-15) or an ISO time (2026-01-15T12:00:00Z)')
    .transform((v) => Date.parse(v))
    .optional()
    .openapi({ description: name, example: '2026-01-15' });

const AuditQuerySchema = z.object({
  actor: z.string().max(254).optional().openapi({ description: 'A merchant user’s email, an admin key’s name, or `cli`' }),
  action: z.string().max(100).optional().openapi({ description: 'e.g. `program.update`' }),
  targetType: z.string().max(50).optional().openapi({ description: 'e.g. `partner`' }),
  targetId: z.string().max(100).optional().openapi({ description: 'The target’s id or code' }),
  from: instant('Entries at or after this time (a date is midnight UTC)'),
  to: instant('Entries before this time'),
  cursor: z.string().regex(/^\d{1,15}$/, 'is not a cursor from this list').optional().openapi({ description: '`nextCursor` of the previous page; not used for CSV' }),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'is at least 1').max(500, 'is at most 500').default(50),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: every matching entry as a CSV file' }),
});

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['admin: audit'],
  summary: 'The audit log: every change made through the admin API, the console or the CLI, newest first',
  description: 'Who (merchant user email, admin key name, or `cli`), what (`action`), the target, when, and the target before and after (secrets never stored). Tracking events are not in it.',
  security,
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      content: {
        'application/json': { schema: AuditPageSchema },
        'text/csv': { schema: z.string().openapi({ description: 'A header row, then one row per entry (UTF-8 with BOM, CRLF)' }) },
      },
      description: 'A page of entries (JSON), or all of them (CSV)',
    },
    400: errors[400],
    401: errors[401],
  },
});

const CSV_HEADER = ['id', 'at', 'actor_type', 'actor', 'action', 'target_type', 'target_id', 'before', 'after'];

async function* auditLines(deps: Deps, query: Omit<AuditQuery, 'cursor' | 'limit'>): AsyncIterable<string[][]> {
  let cursor: number | undefined;
  do {
    const page = await listAudit(deps, { ...query, cursor, limit: 500 });
    yield page.items.map((e) => [
      csvNumber(e.id),
      e.at,
      e.actorType,
      csvText(e.actor),
      csvText(e.action),
      csvText(e.targetType),
      csvText(e.targetId),
      csvText(e.before === null ? '' : JSON.stringify(e.before)),
      csvText(e.after === null ? '' : JSON.stringify(e.after)),
    ]);
    cursor = page.nextCursor === null ? undefined : Number(page.nextCursor);
  } while (cursor !== undefined);
}

/** Merchant users, admin keys and the audit log, on the admin router (behind requireAdmin and its role rules). */
export function registerMerchantRoutes<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(listUsersRoute, async (c) => c.json({ users: await listMerchantUsers(deps) }, 200));
  app.openapi(createUserRoute, async (c) => c.json(await createMerchantUser(deps, c.req.valid('json')), 201));
  app.openapi(updateUserRoute, async (c) => c.json(await updateMerchantUser(deps, c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(deleteUserRoute, async (c) => {
    await deleteMerchantUser(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(listKeysRoute, async (c) => c.json({ keys: await listAdminKeys(deps) }, 200));
  app.openapi(createKeyRoute, async (c) => c.json(await createAdminKey(deps, c.req.valid('json').name), 201));
  app.openapi(revokeKeyRoute, async (c) => c.json(await revokeAdminKey(deps, c.req.valid('param').id), 200));

  app.openapi(auditRoute, async (c) => {
    const { format, cursor, limit, ...filters } = c.req.valid('query');
    if (format === 'csv') {
      return c.body(csvStream(CSV_HEADER, auditLines(deps, filters)), 200, {
        'Cache-Control': 'private, no-store',
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="audit-log.csv"',
      });
    }
    return c.json(await listAudit(deps, { ...filters, cursor: cursor === undefined ? undefined : Number(cursor), limit }), 200);
  });
}
