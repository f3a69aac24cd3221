import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import type { Runner } from '../db/runner.js';
import { signingKey } from './settings.js';
import { setNotificationPreferences, type NotificationPreferences } from './preferences.js';

/**
 * One-click unsubscribe links (List-Unsubscribe, RFC 8058): `<partnerId>.<preference>.<signature>`,
 * signed with a key kept in the database, so a link works without a session and cannot be forged
 * for another partner or another kind of message.
 */
export type Preference = keyof NotificationPreferences;
const PREFERENCES: readonly Preference[] = ['commission', 'payment', 'statement'];

const sign = (key: string, partnerId: number, preference: Preference) =>
  createHmac('sha256', key).update(`unsubscribe:${partnerId}:${preference}`).digest('base64url').slice(0, 32);

export async function unsubscribeToken(deps: Deps, partnerId: number, preference: Preference, db?: Executor | Runner): Promise<string> {
  return `${partnerId}.${preference}.${sign(await signingKey(deps, db), partnerId, preference)}`;
}

/** The absolute unsubscribe address of this server. */
export function unsubscribeUrl(deps: Deps, token: string): string {
  const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return `${origin}/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Turns the preference of a valid token off; null for a token that is not valid. */
export async function unsubscribe(deps: Deps, token: string): Promise<{ partnerId: number; preference: Preference } | null> {
  const match = /^(\d{1,12})\.([a-z]+)\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const partnerId = Number(match[1]);
  const preference = match[2] as Preference;
  if (!PREFERENCES.includes(preference)) return null;
  const stored = await deps.db.kysely.selectFrom('mail_settings').select('signing_key').where('id', '=', 1).executeTakeFirst();
  if (!stored?.signing_key) return null; // no link was ever made
  const expected = Buffer.from(sign(stored.signing_key, partnerId, preference));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const partner = await deps.db.kysely.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst();
  if (!partner) return null;
  await setNotificationPreferences(deps, partnerId, preference === 'commission' ? { commission: 'off' } : { [preference]: false });
  return { partnerId, preference };
}
