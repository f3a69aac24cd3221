import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import { hashToken, newToken } from './tokens.js';

/** Creates an admin API key. The key is returned once; only its hash is stored. */
export async function createAdminKey(deps: Deps, name: string): Promise<{ id: number; key: string; prefix: string }> {
  const key = newToken('pca');
  const prefix = key.slice(0, 10);
  const row = await deps.db.kysely
    .insertInto('admin_keys')
    .values({ name, key_hash: hashToken(key), prefix, created_at: deps.clock(), last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix };
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when `key` is the bootstrap key from the environment or an unrevoked stored key. */
export async function isAdminKey(deps: Deps, key: string): Promise<boolean> {
  if (deps.config.adminKey && sameSecret(key, deps.config.adminKey)) return true;
  if (!key.startsWith('pca_')) return false;
  const row = await deps.db.kysely
    .selectFrom('admin_keys')
    .select(['id', 'last_used_at'])
    .where('key_hash', '=', hashToken(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return false;
  const now = deps.clock();
  if (!row.last_used_at || now - row.last_used_at > 60_000) {
    await deps.db.kysely.updateTable('admin_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return true;
}
