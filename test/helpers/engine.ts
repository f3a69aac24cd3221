import assert from 'node:assert/strict';
import { testServer } from './server.js';
import { all, one, sql } from './sql.js';

/** The admin key every engine test server accepts (PARTNER_CENTER_ADMIN_KEY). */
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const DAY = 86_400_000;

/** Every rule of a program set away from its default; a test adds the name, priority and so on. */
export const EVERY_PROGRAM_RULE = {
  saleCommission: { type: 'flat', value: 2500 },
  leadCommission: 300,
  recurring: { mode: 'first_n', payments: 3 },
  secondTier: { type: 'percent', value: 500 },
  attributionWindowDays: 60,
  attributionModel: 'first_click',
  holdDays: 14,
  productRates: [{ productId: 'pro-plan', type: 'percent', value: 2000 }],
} as const;

/**
 * A test server with an admin key and helpers for the merchant's side: `admin(method, path,
 * body)` calls the admin/tracking API with the key; `program`, `partner`, `link`, `click` and
 * `sale` set up the usual cast through the real routes.
 */
export async function engineServer() {
  const s = await testServer({ adminKey: ADMIN_KEY });
  const admin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    s.call(method, path, { body, token: ADMIN_KEY, headers });

  async function created(res: { status: number; json: any; text: string }, status = 201) {
    assert.equal(res.status, status, res.text);
    return res.json;
  }

  return {
    ...s,
    /** the test clock now (a getter: the spread above would freeze it) */
    get now() {
      return s.now;
    },
    admin,
    program: async (body: Record<string, unknown> = {}) =>
      created(await admin('POST', '/api/v1/admin/programs', { name: 'Standard', description: '', priority: 0, saleCommission: { type: 'percent', value: 1000 }, ...body })),
    partner: async (code: string, body: Record<string, unknown> = {}) =>
      created(await admin('POST', '/api/v1/admin/partners', { code, name: `Partner ${code}`, email: `${code}@partners.example`, password: 'partner-password', programIds: [], ...body })),
    link: async (slug = 'shop', body: Record<string, unknown> = {}) =>
      created(await admin('POST', '/api/v1/admin/links', { slug, name: `Link ${slug}`, destination: 'https://shop.example.com/', ...body })),
    /** Follows /r/<code>/<slug> and returns the click id from the redirect (or undefined). */
    async click(code: string, slug = 'shop', options: { query?: string; headers?: Record<string, string> } = {}) {
      const res = await s.app.request(`/r/${code}/${slug}${options.query ?? ''}`, { headers: { 'User-Agent': 'test-browser', ...options.headers } });
      const location = res.headers.get('Location');
      const clickId = location ? (new URL(location).searchParams.get('pc_click') ?? undefined) : undefined;
      return { status: res.status, location, clickId, cookie: res.headers.get('Set-Cookie'), text: await res.text() };
    },
    sale: async (body: Record<string, unknown>) => admin('POST', '/api/v1/track/sales', { currency: 'USD', ...body }),
    /** Sum of a partner's ledger and their latest running balance, straight from the table. */
    async ledgerOf(code: string) {
      const rows = await all<{ amount: number; balance: number; type: string; description: string; reverses_id: number | null }>(
        s.db,
        sql`SELECT l.* FROM ledger_entries l JOIN partners p ON p.id = l.partner_id WHERE p.code = ${code} ORDER BY l.at, l.id`,
      );
      return { rows, sum: rows.reduce((t, r) => t + r.amount, 0), balance: rows.at(-1)?.balance ?? 0 };
    },
    count: async (table: string) => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM ${sql.table(table)}`))!.n,
  };
}

export type EngineServer = Awaited<ReturnType<typeof engineServer>>;

export function assertError(res: { status: number; json: any; text: string }, status: number, code?: string, field?: string) {
  assert.equal(res.status, status, res.text);
  assert.equal(typeof res.json?.error?.message, 'string', res.text);
  assert.ok(res.json.error.message.length > 0);
  if (code !== undefined) assert.equal(res.json.error.code, code, res.text);
  if (field !== undefined) assert.equal(res.json.error.field, field, res.text);
}
