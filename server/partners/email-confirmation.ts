import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import type { PartnerRow } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { DomainError } from '../shared/errors.js';
import { withParam } from './account-links.js';
import { atMost, beginAttempt, tooManyAttempts } from './attempts.js';
import { hashToken, newToken } from './tokens.js';

/**
 * Confirming that a partner reads their email address: a link (`?pc_confirm=<token>`) mailed on
 * sign-up and on every change of address. Until it is followed the partner may not change their
 * payout details — a stolen session or password alone cannot redirect the money. Partners the
 * merchant creates, and those from before email existed, count as confirmed.
 */

const HOUR = 3_600_000;
/** A confirmation link works for 7 days (a sign-up may wait that long for approval). */
export const CONFIRM_TOKEN_TTL_MS = 7 * 24 * HOUR;
/** Links a signed-in partner may ask for again: 3 an hour. */
export const CONFIRM_RESEND_LIMIT = { max: 3, windowMs: HOUR };

export const EMAIL_UNCONFIRMED_MESSAGE = 'Confirm your email address before changing payout details.';

export const emailUnconfirmed = () => new DomainError('forbidden', 'email_unconfirmed', EMAIL_UNCONFIRMED_MESSAGE);

/** Creates a confirmation token for the partner's current address and queues the email with its link (inside `db` when given). */
export async function sendEmailConfirmation(deps: Deps, partner: Pick<PartnerRow, 'id' | 'email'>, page: string, db: Executor = deps.db.kysely): Promise<void> {
  const token = newToken('pcc');
  const now = deps.clock();
  await db
    .insertInto('email_confirmation_tokens')
    .values({ partner_id: partner.id, email: partner.email, token_hash: hashToken(token), created_at: now, expires_at: now + CONFIRM_TOKEN_TTL_MS, used_at: null })
    .execute();
  await enqueueMail(deps, { kind: 'email_confirmation', to: partner.email, partnerId: partner.id, data: { link: withParam(page, 'pc_confirm', token) } }, db);
}

/** A signed-in partner asks for the link again (limited per partner). Says what happened. */
export async function resendEmailConfirmation(deps: Deps, partner: PartnerRow, page: string): Promise<string> {
  if (partner.email_confirmed_at !== null) return `Your email address ${partner.email} is already confirmed.`;
  await beginAttempt(deps, [atMost(`confirm:${partner.id}`, CONFIRM_RESEND_LIMIT.max, CONFIRM_RESEND_LIMIT.windowMs)], (wait) =>
    tooManyAttempts('confirmation emails', wait),
  );
  await sendEmailConfirmation(deps, partner, page);
  return `We have sent a new confirmation link to ${partner.email}.`;
}

const refused = (code: string, message: string) => new DomainError('invalid', code, message, 'token');

/** Follows a confirmation link: the address it was sent to is confirmed, if it is still the partner's. Returns it. */
export async function confirmEmail(deps: Deps, token: string): Promise<{ email: string }> {
  const db = deps.db.kysely;
  const row = await db.selectFrom('email_confirmation_tokens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) throw refused('confirm_token_invalid', 'This confirmation link is not valid. Sign in and ask for a new one.');
  if (row.used_at !== null) throw refused('confirm_token_used', 'This confirmation link has been used already: the address is confirmed.');
  if (row.expires_at <= deps.clock()) throw refused('confirm_token_expired', 'This confirmation link has expired (links work for 7 days). Sign in and ask for a new one.');
  const partner = await db.selectFrom('partners').select(['id', 'email']).where('id', '=', row.partner_id).executeTakeFirstOrThrow();
  if (partner.email.toLowerCase() !== row.email.toLowerCase()) {
    throw refused('confirm_token_invalid', `This link confirms ${row.email}, which is no longer the email address of the account.`);
  }
  await db.transaction().execute(async (trx) => {
    const now = deps.clock();
    const marked = await trx.updateTable('email_confirmation_tokens').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw refused('confirm_token_used', 'This confirmation link has been used already: the address is confirmed.');
    // the partner's other links for this address are spent with it
    await trx.updateTable('email_confirmation_tokens').set({ used_at: now }).where('partner_id', '=', partner.id).where('used_at', 'is', null).execute();
    await trx.updateTable('partners').set({ email_confirmed_at: now }).where('id', '=', partner.id).where('email', '=', row.email).execute();
  });
  return { email: partner.email };
}
