import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { DomainError } from '../shared/errors.js';
import { notifyPartnerSecurityChange } from './account-changes.js';
import { withParam } from './account-links.js';
import { atMost, beginAttempt, tooManyAttempts } from './attempts.js';
import { hashPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

/**
 * "Forgot password?": a partner names their code or email address and gets a single-use link,
 * valid for an hour, to a page that sets a new password. The token is only in the email; the
 * database keeps its SHA-256.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const RESET_TOKEN_TTL_MS = HOUR;
export const RESET_EXPIRES_IN = '1 hour';
/** Requests from one address: 10 an hour (429). */
export const RESET_ADDRESS_LIMIT = { max: 10, windowMs: HOUR };
/** Requests naming one login (code or email, as typed): 5 an hour (429), known or not, so the answer tells nothing. */
export const RESET_LOGIN_LIMIT = { max: 5, windowMs: HOUR };
/** Links sent to one partner: 3 an hour, by code and email together; further requests are answered alike and send nothing. */
export const RESET_PARTNER_LIMIT = { max: 3, windowMs: HOUR };

/**
 * Work answered requests still have to do. The answer goes out before the work: whether the
 * login names a partner decides how much work there is (a token, a rendered message, writes),
 * and doing it after answering is the only way the answer takes the same time either way —
 * padding the unknown case with "equal" work is never quite equal. Refusals by the limits
 * happen before, and depend only on what was asked, never on whether a partner matched.
 */
const pending = new Set<Promise<void>>();

/** Resolves once every reset request answered so far has sent its link (tests, shutdown). */
export async function passwordResetsSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

/**
 * Counts the request against the limits (429 when over), then sends the link to every partner
 * the login names — after the caller has answered. `page`: the checked page the link opens
 * (see account-links.ts).
 */
export async function requestPasswordReset(deps: Deps, input: { login: string; page: string; ip: string }): Promise<void> {
  const login = input.login.trim().toLowerCase();
  await beginAttempt(
    deps,
    [
      atMost(`reset:address:${input.ip}`, RESET_ADDRESS_LIMIT.max, RESET_ADDRESS_LIMIT.windowMs),
      atMost(`reset:login:${login}`, RESET_LOGIN_LIMIT.max, RESET_LOGIN_LIMIT.windowMs),
    ],
    (wait) => tooManyAttempts('password reset requests', wait),
  );
  const work = sendResetLinks(deps, login, input.page)
    .catch((err) => console.error('[partner-center] password reset request failed:', err))
    .finally(() => pending.delete(work));
  pending.add(work);
}

/** Partners a login names: the one with that code, or those with that email address; active or waiting for approval. */
async function partnersNamed(deps: Deps, login: string): Promise<PartnerRow[]> {
  let query = deps.db.kysely.selectFrom('partners').selectAll().where('status', 'in', ['active', 'pending']);
  // `login` is lower-cased: SQLite's NOCASE index on email, PostgreSQL's on lower(email)
  const byEmail = dialectOf(deps.db.kysely) === 'sqlite' ? sql<boolean>`email = ${login} COLLATE NOCASE` : sql<boolean>`lower(email) = ${login}`;
  query = login.includes('@') ? query.where(byEmail) : query.where('code', '=', login);
  return query.limit(10).execute();
}

async function sendResetLinks(deps: Deps, login: string, page: string): Promise<void> {
  await new Promise((next) => setImmediate(next)); // after the answer has been written
  for (const partner of await partnersNamed(deps, login)) {
    const token = newToken('pcr');
    const now = deps.clock();
    const recent = await deps.db.kysely
      .selectFrom('password_reset_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partner_id', '=', partner.id)
      .where('created_at', '>', now - RESET_PARTNER_LIMIT.windowMs)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= RESET_PARTNER_LIMIT.max) continue;
    // token first: a message whose link does not work yet would be worse than a token never sent
    await deps.db.kysely
      .insertInto('password_reset_tokens')
      .values({ partner_id: partner.id, token_hash: hashToken(token), created_at: now, expires_at: now + RESET_TOKEN_TTL_MS, used_at: null })
      .execute();
    await enqueueMail(deps, {
      kind: 'password_reset',
      to: partner.email,
      partnerId: partner.id,
      data: { link: withParam(page, 'pc_reset', token), expiresIn: RESET_EXPIRES_IN },
    });
  }
}

const refused = (code: string, message: string) => new DomainError('invalid', code, message, 'token');

/**
 * Sets a new password with a token from a reset email. The token works once; every session of
 * the partner ends, their sign-in locks are lifted (they proved they read the account's email),
 * and they are told by email that the password changed.
 */
export async function confirmPasswordReset(deps: Deps, input: { token: string; newPassword: string }): Promise<void> {
  const db = deps.db.kysely;
  const row = await db.selectFrom('password_reset_tokens').selectAll().where('token_hash', '=', hashToken(input.token)).executeTakeFirst();
  if (!row) throw refused('reset_token_invalid', 'This reset link is not valid. Ask for a new one.');
  if (row.used_at !== null) throw refused('reset_token_used', 'This reset link has been used already. Ask for a new one if you need to reset the password again.');
  if (row.expires_at <= deps.clock()) throw refused('reset_token_expired', 'This reset link has expired (links work for 1 hour). Ask for a new one.');
  const partner = await db.selectFrom('partners').selectAll().where('id', '=', row.partner_id).executeTakeFirstOrThrow();
  if (input.newPassword.toLowerCase() === partner.code.toLowerCase()) {
    throw new DomainError('invalid', 'weak_password', 'The new password may not be your partner code', 'newPassword');
  }
  const password_hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    const now = deps.clock();
    // single use even when two requests race: only one of them marks it
    const marked = await trx.updateTable('password_reset_tokens').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw refused('reset_token_used', 'This reset link has been used already. Ask for a new one if you need to reset the password again.');
    // the partner's other links are spent too: the newest password wins
    await trx.updateTable('password_reset_tokens').set({ used_at: now }).where('partner_id', '=', partner.id).where('used_at', 'is', null).execute();
    await trx.updateTable('partners').set({ password_hash, updated_at: now }).where('id', '=', partner.id).execute();
    await trx.updateTable('sessions').set({ revoked_at: now }).where('partner_id', '=', partner.id).where('revoked_at', 'is', null).execute();
    await clearSignInLocks(trx, partner);
  });
  await notifyPartnerSecurityChange(deps, { partner, changed: ['password'], previousEmail: partner.email });
}

/** Removes the failed sign-ins counted against the partner's code, their browsers and their password checks. */
async function clearSignInLocks(db: Deps['db']['kysely'], partner: PartnerRow): Promise<void> {
  const code = partner.code.toLowerCase();
  const devices = await db.selectFrom('partner_devices').select('id').where('partner_id', '=', partner.id).execute();
  const buckets = [`login:code:${code}`, `password:${partner.id}`, ...devices.map((d) => `login:device:${d.id}`)];
  const addressPrefix = `login:address:${code}|`;
  await db
    .deleteFrom('attempts')
    .where((eb) => eb.or([eb('bucket', 'in', buckets), eb(sql<string>`substr(bucket, 1, ${addressPrefix.length})`, '=', addressPrefix)]))
    .execute();
}
