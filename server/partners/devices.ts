import type { Deps } from '../deps.js';
import { hashToken, newToken } from './tokens.js';

/** A browser the partner has not signed in on for this long is a stranger again. */
export const DEVICE_TTL_MS = 180 * 24 * 3_600_000;

/**
 * The partner's device with this token, when the browser still counts as theirs. A device token
 * only ever speaks for the partner it was issued to.
 */
export async function findDevice(deps: Deps, partnerId: number, token: string): Promise<{ id: number } | undefined> {
  return deps.db.kysely
    .selectFrom('partner_devices')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('partner_id', '=', partnerId)
    .where('last_used_at', '>', deps.clock() - DEVICE_TTL_MS)
    .executeTakeFirst();
}

/**
 * After a successful sign-in: keeps the browser's device fresh, or gives the browser a new
 * device token. Returns the token the browser should keep.
 */
export async function rememberDevice(deps: Deps, partnerId: number, known?: { id: number; token: string }): Promise<string> {
  const now = deps.clock();
  if (known) {
    await deps.db.kysely.updateTable('partner_devices').set({ last_used_at: now }).where('id', '=', known.id).execute();
    return known.token;
  }
  const token = newToken('pcd');
  await deps.db.kysely
    .insertInto('partner_devices')
    .values({ partner_id: partnerId, token_hash: hashToken(token), created_at: now, last_used_at: now })
    .execute();
  return token;
}

/** Removes devices not used within DEVICE_TTL_MS. */
export async function pruneDevices(deps: Deps): Promise<number> {
  const result = await deps.db.kysely.deleteFrom('partner_devices').where('last_used_at', '<=', deps.clock() - DEVICE_TTL_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}
