import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import type { MerchantUserRow } from '../db/schema.js';
import { beginAttempt } from '../partners/attempts.js';
import { signInLimits, signInRefused } from '../partners/auth.js';
import { dummyHash, hashPassword, verifyPassword } from '../partners/passwords.js';
import { hashToken, newToken } from '../partners/tokens.js';
import { DomainError, notFound } from '../shared/errors.js';
import { audit } from './audit.js';
import type { MerchantLoginResult, MerchantUserPatch, MerchantUserView, NewMerchantUser } from './schemas.js';

export const INVALID_MERCHANT_CREDENTIALS = 'The email or password is incorrect';

export const merchantUserView = (row: MerchantUserRow): MerchantUserView => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

const findByEmail = (db: Executor, email: string) =>
  db.selectFrom('merchant_users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();

async function userRow(db: Executor, id: number): Promise<MerchantUserRow> {
  const row = await db.selectFrom('merchant_users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Merchant user ${id}`, 'merchant_user_not_found');
  return row;
}

export async function getMerchantUserByEmail(deps: Deps, email: string): Promise<MerchantUserRow> {
  const row = await findByEmail(deps.db.kysely, email);
  if (!row) throw notFound(`Merchant user "${email}"`, 'merchant_user_not_found');
  return row;
}

export async function listMerchantUsers(deps: Deps): Promise<MerchantUserView[]> {
  const rows = await deps.db.kysely.selectFrom('merchant_users').selectAll().orderBy('id').execute();
  return rows.map(merchantUserView);
}

export async function createMerchantUser(deps: Deps, input: NewMerchantUser): Promise<MerchantUserView> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return deps.db.kysely.transaction().execute(async (trx) => {
    if (await findByEmail(trx, email)) throw new DomainError('conflict', 'email_taken', `A merchant user with the email ${email} exists already`, 'email');
    const now = deps.clock();
    const row = await trx
      .insertInto('merchant_users')
      .values({ email, role: input.role, status: 'active', password_hash: passwordHash, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = merchantUserView(row);
    await audit(deps, { action: 'merchant_user.create', target: { type: 'merchant_user', id: row.id }, after: view }, trx);
    return view;
  });
}

/** Refuses (409 last_owner) a change that would leave no active owner. */
async function keepAnOwner(trx: Executor, row: MerchantUserRow, what: string) {
  if (row.role !== 'owner' || row.status !== 'active') return;
  const others = await trx
    .selectFrom('merchant_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .where('id', '!=', row.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) {
    throw new DomainError('conflict', 'last_owner', `${row.email} is the last active owner and cannot be ${what}: make another user an owner first`);
  }
}

/** Role, status or password; a new password or disabling ends the user's sessions. */
export async function updateMerchantUser(deps: Deps, id: number, patch: MerchantUserPatch): Promise<MerchantUserView> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await userRow(trx, id);
    if (patch.role === 'staff' && row.role === 'owner') await keepAnOwner(trx, row, 'made staff');
    if (patch.status === 'disabled' && row.status === 'active') await keepAnOwner(trx, row, 'disabled');
    const now = deps.clock();
    const updated = await trx
      .updateTable('merchant_users')
      .set({
        ...(patch.role && { role: patch.role }),
        ...(patch.status && { status: patch.status }),
        ...(passwordHash && { password_hash: passwordHash }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (passwordHash || patch.status === 'disabled') {
      await trx.updateTable('merchant_sessions').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    const after = merchantUserView(updated);
    await audit(
      deps,
      {
        action: patch.password !== undefined && patch.role === undefined && patch.status === undefined ? 'merchant_user.set_password' : 'merchant_user.update',
        target: { type: 'merchant_user', id },
        before: { ...merchantUserView(row), ...(passwordHash && { password: 'old' }) },
        after: { ...after, ...(passwordHash && { password: 'new' }) },
      },
      trx,
    );
    return after;
  });
}

export async function deleteMerchantUser(deps: Deps, id: number): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await userRow(trx, id);
    await keepAnOwner(trx, row, 'removed');
    await trx.deleteFrom('merchant_users').where('id', '=', id).execute();
    await audit(deps, { action: 'merchant_user.delete', target: { type: 'merchant_user', id }, before: merchantUserView(row) }, trx);
  });
}

/**
 * Email + password → a session, with the partners' lockout rules (counted per email and
 * address, and per email, before the password is checked). 401 / 403 / 429 as DomainErrors.
 */
export async function merchantLogin(deps: Deps, input: { email: string; password: string; ip: string }): Promise<MerchantLoginResult> {
  const email = input.email.trim().toLowerCase();
  const user = await findByEmail(deps.db.kysely, email);
  const attempt = await beginAttempt(deps, signInLimits(email, input.ip, undefined, 'merchant-login'), signInRefused);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok) {
    await attempt.failed();
    throw new DomainError('unauthorized', 'invalid_credentials', INVALID_MERCHANT_CREDENTIALS);
  }
  await attempt.succeeded();
  if (user.status !== 'active') throw new DomainError('forbidden', 'account_disabled', 'This merchant account is disabled. Ask an owner to enable it.');
  const now = deps.clock();
  const token = newToken('pcm');
  const expiresAt = now + deps.config.sessionTtlHours * 3_600_000;
  await deps.db.kysely
    .insertInto('merchant_sessions')
    .values({ token_hash: hashToken(token), user_id: user.id, created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token, expiresAt: new Date(expiresAt).toISOString(), user: merchantUserView(user) };
}

/** The active merchant user behind a bearer token, or undefined (unknown, expired, signed out, disabled). */
export async function authenticateMerchant(deps: Deps, token: string): Promise<MerchantUserRow | undefined> {
  if (!token.startsWith('pcm_')) return undefined;
  const row = await deps.db.kysely
    .selectFrom('merchant_sessions')
    .innerJoin('merchant_users', 'merchant_users.id', 'merchant_sessions.user_id')
    .selectAll('merchant_users')
    .where('merchant_sessions.token_hash', '=', hashToken(token))
    .where('merchant_sessions.revoked_at', 'is', null)
    .where('merchant_sessions.expires_at', '>', deps.clock())
    .executeTakeFirst();
  return row && row.status === 'active' ? row : undefined;
}

export async function merchantLogout(deps: Deps, token: string): Promise<void> {
  await deps.db.kysely
    .updateTable('merchant_sessions')
    .set({ revoked_at: deps.clock() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}
