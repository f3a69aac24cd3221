import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { DomainError } from './errors.js';
import { findPartnerByCode } from './partners.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

/** Failures counted per code and address within this window… */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** …lock that code from that address once they reach this many (until the oldest ages out). */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Failures for one code from any addresses that switch on a per-code slow-down… */
export const MAX_FAILURES_PER_CODE = 20;
/** …of at most this long after the latest failure: slow for an attacker, short for the owner. */
export const CODE_COOLDOWN_MS = 60_000;

export const INVALID_CREDENTIALS = 'The partner code or password is incorrect';

export interface Session {
  token: string;
  expiresAt: number;
  partner: PartnerRow;
}

const rateLimited = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new DomainError('rate_limited', 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${wait}.`, undefined, seconds);
};

/** Throws `too_many_attempts` when this code may not be tried from this address right now. */
async function checkThrottle(deps: Deps, code: string, ip: string, now: number) {
  const { kysely } = deps.db;
  const since = now - FAILURE_WINDOW_MS;
  const fromHere = await kysely
    .selectFrom('login_failures')
    .select('at')
    .where('code', '=', code)
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(MAX_FAILURES_PER_ADDRESS)
    .execute();
  if (fromHere.length >= MAX_FAILURES_PER_ADDRESS) {
    throw rateLimited(fromHere[MAX_FAILURES_PER_ADDRESS - 1]!.at + FAILURE_WINDOW_MS - now);
  }
  const anywhere = await kysely
    .selectFrom('login_failures')
    .select('at')
    .where('code', '=', code)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(MAX_FAILURES_PER_CODE)
    .execute();
  if (anywhere.length >= MAX_FAILURES_PER_CODE) {
    const wait = anywhere[0]!.at + CODE_COOLDOWN_MS - now;
    if (wait > 0) throw rateLimited(wait);
  }
}

async function recordFailure(deps: Deps, code: string, ip: string, now: number) {
  const { kysely } = deps.db;
  await kysely.deleteFrom('login_failures').where('code', '=', code).where('at', '<=', now - FAILURE_WINDOW_MS).execute();
  await kysely.insertInto('login_failures').values({ code, ip, at: now }).execute();
}

/** Code + password → a new session, or a DomainError (401 / 403 / 429). */
export async function login(deps: Deps, input: { code: string; password: string; ip: string }): Promise<Session> {
  const now = deps.clock();
  await checkThrottle(deps, input.code, input.ip, now);
  const partner = await findPartnerByCode(deps, input.code);
  // Verify against a dummy hash for unknown codes so the answer takes as long either way.
  const ok = await verifyPassword(input.password, partner?.password_hash ?? (await dummyHash()));
  if (!partner || !ok) {
    await recordFailure(deps, input.code, input.ip, now);
    throw new DomainError('unauthorized', 'invalid_credentials', INVALID_CREDENTIALS);
  }
  if (partner.status === 'disabled') {
    throw new DomainError('forbidden', 'account_disabled', 'This partner account is disabled. Please contact the program manager.');
  }
  if (partner.status === 'pending') {
    throw new DomainError('forbidden', 'account_pending', 'This partner account is waiting for approval by the program manager.');
  }
  await deps.db.kysely.deleteFrom('login_failures').where('code', '=', input.code).where('ip', '=', input.ip).execute();
  return startSession(deps, partner, 'password', deps.config.sessionTtlHours * 3_600_000);
}

export async function startSession(deps: Deps, partner: PartnerRow, kind: 'password' | 'embed', ttlMs: number): Promise<Session> {
  const now = deps.clock();
  const token = newToken('pc');
  const expiresAt = now + ttlMs;
  await deps.db.kysely
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), partner_id: partner.id, kind, created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token, expiresAt, partner };
}

/** The active partner behind a bearer token, or undefined (unknown, expired, revoked, disabled). */
export async function authenticate(deps: Deps, token: string): Promise<PartnerRow | undefined> {
  const row = await deps.db.kysely
    .selectFrom('sessions')
    .innerJoin('partners', 'partners.id', 'sessions.partner_id')
    .selectAll('partners')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.kind', '=', 'password') // an embed token must be exchanged first
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', deps.clock())
    .executeTakeFirst();
  return row && row.status === 'active' ? row : undefined;
}

export async function revokeSession(deps: Deps, token: string): Promise<void> {
  await deps.db.kysely
    .updateTable('sessions')
    .set({ revoked_at: deps.clock() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}
