import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Selectable } from 'kysely';
import type { AdminKeysTable } from '../db/schema.js';
import { hashToken, newToken } from '../partners/tokens.js';
import { notFound } from '../shared/errors.js';
import { audit } from './audit.js';
import type { AdminKeyView } from './schemas.js';

/** The name the bootstrap key from PARTNER_CENTER_ADMIN_KEY goes by in the audit log. */
export const ENV_KEY_NAME = 'PARTNER_CENTER_ADMIN_KEY';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const adminKeyView = (row: Selectable<AdminKeysTable>): AdminKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
});

/** Creates an admin API key. The key is returned once; only its hash is stored. */
export async function createAdminKey(deps: Deps, name: string): Promise<AdminKeyView & { key: string }> {
  const key = newToken('pca');
  const prefix = key.slice(0, 10);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('admin_keys')
      .values({ name, key_hash: hashToken(key), prefix, created_at: deps.clock(), last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = adminKeyView(row);
    await audit(deps, { action: 'admin_key.create', target: { type: 'admin_key', id: row.id }, after: view }, trx);
    return { ...view, key };
  });
}

/** Every stored key, revoked ones included, newest first (never the key itself). */
export async function listAdminKeys(deps: Deps): Promise<AdminKeyView[]> {
  const rows = await deps.db.kysely.selectFrom('admin_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map(adminKeyView);
}

/** Revokes a key: it stops working at once. Revoking a revoked key changes nothing. */
export async function revokeAdminKey(deps: Deps, id: number): Promise<AdminKeyView> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('admin_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Admin key ${id}`, 'admin_key_not_found');
    if (row.revoked_at !== null) return adminKeyView(row);
    const revoked = await trx.updateTable('admin_keys').set({ revoked_at: deps.clock() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const view = adminKeyView(revoked);
    await audit(deps, { action: 'admin_key.revoke', target: { type: 'admin_key', id }, before: adminKeyView(row), after: view }, trx);
    return view;
  });
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The key behind `key` when it is the bootstrap key from the environment (id null) or an
 * unrevoked stored key; undefined otherwise. Notes when a stored key was last used (to the minute).
 */
export async function findAdminKey(deps: Deps, key: string): Promise<{ id: number | null; name: string } | undefined> {
  if (deps.config.adminKey && sameSecret(key, deps.config.adminKey)) return { id: null, name: ENV_KEY_NAME };
  if (!key.startsWith('pca_')) return undefined;
  const row = await deps.db.kysely
    .selectFrom('admin_keys')
    .select(['id', 'name', 'last_used_at'])
    .where('key_hash', '=', hashToken(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = deps.clock();
  if (!row.last_used_at || now - row.last_used_at > 60_000) {
    await deps.db.kysely.updateTable('admin_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name };
}
