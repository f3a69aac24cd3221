import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { all, one, sql, tableNames } from './sql.js';
import type { Db } from '../../server/db/connection.js';
import { ADMIN_KEY, engineServer, type EngineServer } from './engine.js';
import { png } from './image-fixtures.js';

/** One operation of the OpenAPI document, keyed by method and path (operationIds may be absent). */
export interface Operation {
  method: string;
  path: string;
  op: any;
  security: 'partnerToken' | 'adminKey' | 'public';
}

export const PASSWORD = 'partner-password';
/** Partner A's distinctive strings: none of them may ever reach partner B. */
export const OWNER = { code: 'annika7', name: 'Annika Secretname', email: 'annika7@owner.example', order: 'ANNIKA-ORDER-1', page: 'annika-private' };
export const OWNER_MARKERS = /annika|secretname/i;

export function operations(doc: any): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const scheme = op.security?.[0] ? Object.keys(op.security[0])[0] : 'public';
      list.push({ method: method.toUpperCase(), path, op, security: scheme as Operation['security'] });
    }
  }
  return list;
}

/** Follows `$ref`s into the document's components. */
export function resolve(doc: any, schema: any): any {
  while (schema?.$ref) schema = schema.$ref.replace(/^#\//, '').split('/').reduce((node: any, key: string) => node[key], doc);
  return schema;
}

export const jsonBodySchema = (doc: any, op: any) => resolve(doc, op.requestBody?.content?.['application/json']?.schema);

/**
 * Two partners and the merchant's whole catalogue, made through the real routes: partner A
 * (`OWNER`) has a deep link, a click, a sale, a commission, a payment; partner B has nothing.
 * `ids` fills the document's path parameters with things that exist.
 */
export async function openApiCast() {
  const s = await engineServer();
  // the connectors set up, so their webhooks check signatures (unsigned requests: 400, nothing changes) rather than answer 503 not_configured
  Object.assign(s.deps.config, { stripeWebhookSecret: 'whsec_openapi_cast_secret', shopifyWebhookSecret: 'shopify-openapi-cast-secret' });
  const program = await s.program({ holdDays: 0 });
  await s.partner(OWNER.code, { name: OWNER.name, email: OWNER.email, password: PASSWORD, programIds: [program.id] });
  await s.partner('benedikt8', { password: PASSWORD, programIds: [program.id] });
  const link = await s.link('shop');
  const ownerToken = await s.login(OWNER.code, PASSWORD);
  const deep = await s.call('POST', '/api/v1/partner/links', { token: ownerToken, body: { destination: `https://shop.example.com/${OWNER.page}` } });
  assert.equal(deep.status, 201, deep.text);
  const { clickId } = await s.click(OWNER.code, 'shop');
  const sale = await s.sale({ orderId: OWNER.order, amount: 12_000, clickId, customer: { email: 'buyer@example.com' } });
  assert.equal(sale.status, 201, sale.text);
  const payment = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: OWNER.code, amount: 100, method: 'paypal', reference: 'annika-tx' });
  assert.equal(payment.status, 201, payment.text);
  const upload = await s.app.request('/api/v1/admin/uploads', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'image/png' }, body: new Uint8Array(png(8, 8)) });
  const uploadId = ((await upload.json()) as { id: number }).id;
  const banner = await s.admin('POST', '/api/v1/admin/banners', { name: 'Banner', uploadId, alt: 'A banner', linkId: link.id });
  const email = await s.admin('POST', '/api/v1/admin/email-copy', { name: 'Mail', subject: 'Hi', body: 'Come shop' });
  const page = await s.admin('POST', '/api/v1/admin/resource-pages', { title: 'Guide', body: 'How to' });
  for (const res of [banner, email, page]) assert.equal(res.status, 201, res.text);
  const mail = await s.admin('POST', '/api/v1/admin/email/test', { to: 'owner@shop.example' });
  assert.equal(mail.status, 202, mail.text);
  s.deps.config.allowPrivateWebhookUrls = true; // an endpoint nothing listens on (no worker runs here)
  const webhook = await s.admin('POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/hooks', events: ['sale.created'] });
  assert.equal(webhook.status, 201, webhook.text);
  const delivery = await s.admin('POST', `/api/v1/admin/webhooks/${webhook.json.id}/test`);
  assert.equal(delivery.status, 202, delivery.text);
  const firstId = async (table: string) => (await one<{ id: number }>(s.db, sql`SELECT id FROM ${sql.table(table)} ORDER BY id LIMIT 1`))!.id;
  const ids: Record<string, string | number> = {
    programs: program.id,
    partners: OWNER.code,
    links: link.id,
    commissions: await firstId('commissions'),
    ledger: await firstId('ledger_entries'),
    sales: OWNER.order,
    banners: banner.json.id,
    'email-copy': email.json.id,
    'resource-pages': page.json.id,
    uploads: uploadId,
    outbox: mail.json.id,
    webhooks: webhook.json.id,
    deliveries: delivery.json.deliveryId,
    r: OWNER.code,
  };
  return { s, ids, ownerToken, doc: (await s.call('GET', '/api/v1/openapi.json')).json };
}

export type OpenApiCast = Awaited<ReturnType<typeof openApiCast>>;

/** The path with each `{param}` replaced by the id of an existing thing (named by the segment before it), or `fallback`. */
export function fillPath(path: string, ids: Record<string, string | number>, fallback: (name: string) => string | undefined = () => undefined): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!name) return segment;
      const value = fallback(name) ?? ids[segments[i - 1]!] ?? (name === 'slug' ? 'shop' : 1);
      return encodeURIComponent(String(value));
    })
    .join('/');
}

/**
 * One line per table (its name, row count and a hash of its rows, in a fixed order) for every
 * table but the attempt counters, which a refused sign-in rightly writes: a failed comparison
 * names the table that changed. The same on SQLite and PostgreSQL.
 */
export async function fingerprint(db: Db): Promise<string> {
  const names = (await tableNames(db)).filter((t) => !/failure|attempt/.test(t));
  if (db.dialect === 'postgres') return postgresFingerprint(db, names);
  const lines: string[] = [];
  for (const name of names) {
    const rows = (await all(db, sql`SELECT * FROM ${sql.table(name)}`)).map((row) =>
      JSON.stringify(Object.values(row), (_k, v) => (Buffer.isBuffer(v) ? createHash('sha256').update(v).digest('hex') : v)),
    );
    const hash = createHash('sha256').update(rows.sort().join('\n'));
    lines.push(`${name}: ${rows.length} rows, ${hash.digest('hex').slice(0, 16)}`);
  }
  return lines.join('\n');
}

/**
 * The same per-table lines computed by PostgreSQL in one round trip (each row's text hashed,
 * the hashes sorted and hashed again), instead of reading every table over the wire: a fuzzed
 * request is fingerprinted twice.
 */
async function postgresFingerprint(db: Db, names: string[]): Promise<string> {
  const perTable = names.map(
    (name) => sql`SELECT ${name} AS name, count(*) AS n, left(md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')), 16) AS hash FROM ${sql.table(name)} t`,
  );
  const rows = await all<{ name: string; n: number; hash: string }>(db, sql.join(perTable, sql` UNION ALL `));
  return rows.map((r) => `${r.name}: ${Number(r.n)} rows, ${r.hash}`).join('\n');
}

export type { EngineServer };
