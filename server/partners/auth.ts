import type { Deps } from '../deps.js';
import type { Kysely } from 'kysely';
import type { Database, PartnerRow } from '../db/schema.js';
import { atMost, beginAttempt, growing, pruneAttempts, tooManyAttempts, type Limit } from './attempts.js';
import { findDevice, pruneDevices, rememberDevice } from './devices.js';
import { DomainError } from '../shared/errors.js';
import { findPartnerByCode } from './partners.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One code from one address (strangers): 5 failed tries per 15 minutes. */
export const ADDRESS_LIMIT = { max: 5, windowMs: 15 * MINUTE };
/** One code from all strangers together: 10 failed tries a day, then waits of 1, 2, 4 … up to 60 minutes between tries. */
export const STRANGER_LIMIT = { free: 10, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE, windowMs: DAY };
/** A browser the partner signed in on before: its own 5 failed tries a day, then the same growing waits; strangers' locks do not apply. */
export const DEVICE_LIMIT = { free: 5, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE, windowMs: DAY };
/** Checks of the current password by a signed-in partner (profile and password changes). */
export const PASSWORD_CHECK_LIMIT = { free: 5, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE, windowMs: DAY };
/** The longest any limit (sign-in, password check, sign-up) looks back: older attempts are pruned. */
export const ATTEMPTS_HORIZON_MS = DAY;

export const INVALID_CREDENTIALS = 'The partner code or password is incorrect';

export interface Session {
  token: string;
  expiresAt: number;
  partner: PartnerRow;
  /** The browser's device token (sign-in and sign-up): sent back with later sign-ins from that browser. */
  deviceToken?: string;
}

/**
 * The limits one sign-in counts against. A browser that signed in as this partner before
 * (its device token) has its own; anyone else counts per code and address, and per code.
 * `scope` keeps other sign-ins (merchant users: `merchant-login`, per email) in buckets of their own.
 */
export function signInLimits(code: string, ip: string, device?: { id: number }, scope = 'login'): Limit[] {
  if (device) return [growing(`${scope}:device:${device.id}`, DEVICE_LIMIT)];
  return [atMost(`${scope}:address:${code}|${ip}`, ADDRESS_LIMIT.max, ADDRESS_LIMIT.windowMs), growing(`${scope}:code:${code}`, STRANGER_LIMIT)];
}

export const signInRefused = (waitMs: number) => tooManyAttempts('failed sign-in attempts', waitMs);

/**
 * Code + password → a new session, or a DomainError (401 / 403 / 429). The attempt is counted
 * before the password is checked, so simultaneous guesses cannot get past the limits.
 */
export async function login(deps: Deps, input: { code: string; password: string; ip: string; deviceToken?: string }): Promise<Session> {
  const code = input.code.toLowerCase();
  const partner = await findPartnerByCode(deps, input.code);
  const device = partner && input.deviceToken ? await findDevice(deps, partner.id, input.deviceToken) : undefined;
  const attempt = await beginAttempt(deps, signInLimits(code, input.ip, device), signInRefused);
  // Verify against a dummy hash for unknown codes so the answer takes as long either way.
  const ok = await verifyPassword(input.password, partner?.password_hash ?? (await dummyHash()));
  if (!partner || !ok) {
    await attempt.failed();
    throw new DomainError('unauthorized', 'invalid_credentials', INVALID_CREDENTIALS);
  }
  await attempt.succeeded();
  if (partner.status === 'disabled' && partner.rejection_reason !== null) {
    throw new DomainError('forbidden', 'account_rejected', `Your application to the partner program was not accepted: ${partner.rejection_reason}`);
  }
  if (partner.status === 'disabled') {
    throw new DomainError('forbidden', 'account_disabled', 'This partner account is disabled. Please contact the program manager.');
  }
  if (partner.status === 'pending') {
    throw new DomainError('forbidden', 'account_pending', 'This partner account is waiting for approval by the program manager.');
  }
  const deviceToken = await rememberDevice(deps, partner.id, device && { id: device.id, token: input.deviceToken! });
  return { ...(await startSession(deps, partner, 'password', deps.config.sessionTtlHours * 3_600_000)), deviceToken };
}

/**
 * Checks a signed-in partner's current password before a sensitive change; wrong guesses are
 * limited per partner like sign-in. Throws 400 `wrong_password` (field `currentPassword`) or 429.
 */
export async function checkCurrentPassword(deps: Deps, partner: PartnerRow, password: string | undefined): Promise<void> {
  if (!password) {
    throw new DomainError('invalid', 'current_password_required', 'Enter your current password to change your email or payout details', 'currentPassword');
  }
  const attempt = await beginAttempt(deps, [growing(`password:${partner.id}`, PASSWORD_CHECK_LIMIT)], (wait) =>
    tooManyAttempts('wrong passwords', wait),
  );
  if (!(await verifyPassword(password, partner.password_hash))) {
    await attempt.failed();
    throw new DomainError('invalid', 'wrong_password', 'The current password is not correct', 'currentPassword');
  }
  await attempt.succeeded();
}

/**
 * Ends every session of the partner but `keepToken`'s, after a change to their password, email
 * or payout details.
 */
export async function endOtherSessions(deps: Deps, partnerId: number, keepToken: string, db: Kysely<Database> = deps.db.kysely): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: deps.clock() })
    .where('partner_id', '=', partnerId)
    .where('revoked_at', 'is', null)
    .where('token_hash', '!=', hashToken(keepToken))
    .execute();
}

/**
 * Housekeeping (the server's minute sweep): attempts older than every limit, sessions expired
 * more than a day ago (revoked ones go when they expire), devices unused for DEVICE_TTL_MS.
 */
export async function pruneSignInRows(deps: Deps): Promise<{ attempts: number; sessions: number; devices: number }> {
  const attempts = await pruneAttempts(deps, ATTEMPTS_HORIZON_MS);
  const expired = await deps.db.kysely.deleteFrom('sessions').where('expires_at', '<=', deps.clock() - DAY).executeTakeFirst();
  const devices = await pruneDevices(deps);
  await deps.db.kysely.deleteFrom('merchant_sessions').where('expires_at', '<=', deps.clock() - DAY).execute();
  return { attempts, sessions: Number(expired.numDeletedRows), devices };
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
