import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { startSession, type Session } from './auth.js';
import { DomainError } from './errors.js';
import { createPartner, findPartnerByCode } from './partners.js';
import { getSettings, type Settings } from './settings.js';

export interface SignupInput {
  name: string;
  email: string;
  code: string;
  password: string;
  /** The partner who referred this one (second tier), by code. */
  referrerCode?: string;
}

export interface SignupResult {
  partner: PartnerRow;
  /** Set when sign-up is open: the new partner is signed in at once. */
  session?: Session;
}

/**
 * The active programs a partner who signs themselves up joins: those `signupProgramIds` names
 * when it names any (it wins), else those marked open to sign-up.
 */
export async function signupProgramIds(deps: Deps, settings: Settings): Promise<number[]> {
  let query = deps.db.kysely.selectFrom('programs').select('id').where('status', '=', 'active').orderBy('id');
  query = settings.signupProgramIds.length ? query.where('id', 'in', settings.signupProgramIds) : query.where('open_to_signup', '=', 1);
  return (await query.execute()).map((r) => r.id);
}

/**
 * A new partner from the merchant's sign-up page: pending approval or active at once,
 * depending on `signupMode`, in the sign-up programs (see signupProgramIds), under the
 * referring partner when one is named.
 */
export async function signUp(deps: Deps, input: SignupInput): Promise<SignupResult> {
  const settings = await getSettings(deps);
  if (settings.signupMode === 'closed') {
    throw new DomainError('forbidden', 'signup_closed', 'The partner program is not taking sign-ups right now.');
  }
  if (input.password.toLowerCase() === input.code.toLowerCase()) {
    throw new DomainError('invalid', 'weak_password', 'The password may not be your partner code', 'password');
  }
  let parentId: number | null = null;
  if (input.referrerCode) {
    const parent = await findPartnerByCode(deps, input.referrerCode);
    if (!parent || parent.status !== 'active') {
      throw new DomainError('invalid', 'unknown_referrer', 'The partner who referred you was not found', 'referrerCode');
    }
    parentId = parent.id;
  }
  const status = settings.signupMode === 'open' ? 'active' : 'pending';
  const partner = await createPartner(deps, { code: input.code, name: input.name, email: input.email, password: input.password, status });
  const now = deps.clock();
  if (parentId !== null) {
    await deps.db.kysely.updateTable('partners').set({ parent_id: parentId }).where('id', '=', partner.id).execute();
  }
  for (const id of await signupProgramIds(deps, settings)) {
    await deps.db.kysely.insertInto('enrollments').values({ partner_id: partner.id, program_id: id, created_at: now }).execute();
  }
  const row = { ...partner, parent_id: parentId };
  return status === 'active'
    ? { partner: row, session: await startSession(deps, row, 'password', deps.config.sessionTtlHours * 3_600_000) }
    : { partner: row };
}
