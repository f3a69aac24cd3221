import type { z } from 'zod';
import type { Deps } from '../deps.js';
import type { SignupRequestSchema } from './schemas.js';
import type { PartnerRow } from '../db/schema.js';
import { atMost, beginAttempt, tooManyAttempts } from './attempts.js';
import { startSession, type Session } from './auth.js';
import { rememberDevice } from './devices.js';
import { DomainError } from '../shared/errors.js';
import { createPartner, findPartnerByCode } from './partners.js';
import { getSettings, type Settings } from '../catalog/settings.js';
import { enqueueMail, merchantNotifyAddress } from '../mail/outbox.js';
import { consolePartnerLink } from './account-links.js';
import { sendEmailConfirmation } from './email-confirmation.js';
import { emitEvent, partnerData } from '../webhooks/events.js';

/** The checked sign-up body, terms accepted. `referrerCode`: ignored unless it names an active partner. */
export type SignupInput = Omit<z.output<typeof SignupRequestSchema>, 'acceptTerms' | 'confirmUrl'>;

const HOUR = 3_600_000;
/** Sign-ups from one address: 10 an hour. */
export const SIGNUP_ADDRESS_LIMIT = { max: 10, windowMs: HOUR };
/** Sign-ups with one email address: 3 an hour. */
export const SIGNUP_EMAIL_LIMIT = { max: 3, windowMs: HOUR };

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
export async function signUp(
  deps: Deps,
  input: SignupInput,
  from: {
    ip: string;
    /** the checked sign-up page (account-links.ts; default: this server's /portal) */
    page?: string;
    /** this server's origin, for links (default: PUBLIC_URL, else localhost) */
    server?: string;
  },
): Promise<SignupResult> {
  const server = from.server ?? deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  const page = from.page ?? `${server}/portal`;
  const settings = await getSettings(deps);
  if (settings.signupMode === 'closed') {
    throw new DomainError('forbidden', 'signup_closed', 'The partner program is not taking sign-ups right now.');
  }
  // every sign-up that gets this far counts, taken codes and weak passwords included
  await beginAttempt(
    deps,
    [
      atMost(`signup:address:${from.ip}`, SIGNUP_ADDRESS_LIMIT.max, SIGNUP_ADDRESS_LIMIT.windowMs),
      atMost(`signup:email:${input.email.toLowerCase()}`, SIGNUP_EMAIL_LIMIT.max, SIGNUP_EMAIL_LIMIT.windowMs),
    ],
    (wait) => tooManyAttempts('sign-ups', wait),
  );
  if (input.password.toLowerCase() === input.code.toLowerCase()) {
    throw new DomainError('invalid', 'weak_password', 'The password may not be your partner code', 'password');
  }
  // An unknown or inactive referrer is left out, not refused: the answer must not tell which codes are active.
  const parent = input.referrerCode ? await findPartnerByCode(deps, input.referrerCode) : undefined;
  const parentId = parent?.status === 'active' ? parent.id : null;
  const status = settings.signupMode === 'open' ? 'active' : 'pending';
  const partner = await createPartner(deps, { code: input.code, name: input.name, email: input.email, password: input.password, status, emailConfirmed: false });
  const now = deps.clock();
  const programIds = await signupProgramIds(deps, settings);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('partners').set({ parent_id: parentId, signup_page_url: page }).where('id', '=', partner.id).execute();
    for (const id of programIds) await trx.insertInto('enrollments').values({ partner_id: partner.id, program_id: id, created_at: now }).execute();
    await emitEvent(deps, trx, 'partner.created', partnerData(partner.id));
  });
  const row = { ...partner, parent_id: parentId, signup_page_url: page };
  await sendSignupMessages(deps, row, { page, server });
  if (status !== 'active') return { partner: row };
  const session = await startSession(deps, row, 'password', deps.config.sessionTtlHours * 3_600_000);
  return { partner: row, session: { ...session, deviceToken: await rememberDevice(deps, row.id) } };
}

/**
 * The messages of a sign-up: the link confirming the partner's address; and when the partner
 * waits for approval, `signup_received` to them and `signup_waiting` to the merchant's
 * notification address (when there is one) linking to the partner in the console.
 */
async function sendSignupMessages(deps: Deps, partner: PartnerRow, from: { page: string; server: string }): Promise<void> {
  await sendEmailConfirmation(deps, partner, from.page);
  if (partner.status !== 'pending') return;
  await enqueueMail(deps, { kind: 'signup_received', to: partner.email, partnerId: partner.id, data: {} });
  const merchant = await merchantNotifyAddress(deps);
  if (!merchant) return;
  await enqueueMail(deps, {
    kind: 'signup_waiting',
    to: merchant,
    partnerId: partner.id,
    data: { link: consolePartnerLink(from.server, partner.code), 'applicant.name': partner.name, 'applicant.email': partner.email, 'applicant.code': partner.code },
  });
}
