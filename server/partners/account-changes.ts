import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { checkCurrentPassword, endOtherSessions } from './auth.js';
import { emailUnconfirmed, sendEmailConfirmation } from './email-confirmation.js';
import { DomainError } from '../shared/errors.js';
import { hashPassword } from './passwords.js';
import { updateProfile, type ProfilePatch } from './partners.js';

/** What a security-relevant change touched. */
export type SecurityChange = 'password' | 'email' | 'payout';

const CHANGE_WORDS: Record<SecurityChange, string> = { password: 'password', email: 'email address', payout: 'payout details' };

/**
 * Tells the partner that their password, email or payout details changed, so a change they did
 * not make does not go unnoticed: a `security_change` message to the address on file before the
 * change (`previousEmail`) and, when it changed, to the new one.
 */
export async function notifyPartnerSecurityChange(
  deps: Deps,
  change: { partner: PartnerRow; changed: SecurityChange[]; previousEmail: string },
): Promise<void> {
  const changes = change.changed.map((what) => CHANGE_WORDS[what]).join(', ');
  const addresses = [change.previousEmail];
  if (change.partner.email.toLowerCase() !== change.previousEmail.toLowerCase()) addresses.push(change.partner.email);
  for (const to of addresses) {
    await enqueueMail(deps, { kind: 'security_change', to, partnerId: change.partner.id, data: { changes } });
  }
}

/** The sensitive fields a patch really changes (the form sends every field, changed or not). */
function sensitiveChanges(partner: PartnerRow, patch: ProfilePatch): SecurityChange[] {
  const changed: SecurityChange[] = [];
  if (patch.email !== undefined && patch.email !== partner.email) changed.push('email');
  const method = patch.payoutMethod !== undefined && patch.payoutMethod !== (partner.payout_method ?? null);
  const details = patch.payoutDetails !== undefined && patch.payoutDetails !== (partner.payout_details ?? null);
  if (method || details) changed.push('payout');
  return changed;
}

/**
 * A partner's own profile change. Changing the email or the payout details needs the current
 * password (limited like sign-in), ends the partner's other sessions and notifies them; the
 * session making the change (`keepToken`) stays signed in. Payout details change only with a
 * confirmed email address, and not in the same request as a new address (403
 * `email_unconfirmed`); a new address is unconfirmed until the link mailed to it (opening
 * `confirmPage`) is followed.
 */
export async function changeProfile(
  deps: Deps,
  partner: PartnerRow,
  patch: ProfilePatch & { currentPassword?: string },
  keepToken: string,
  confirmPage: string,
): Promise<PartnerRow> {
  const { currentPassword, ...fields } = patch;
  const changed = sensitiveChanges(partner, fields);
  if (changed.includes('payout') && (partner.email_confirmed_at === null || changed.includes('email'))) throw emailUnconfirmed();
  if (changed.length) await checkCurrentPassword(deps, partner, currentPassword);
  let updated = await updateProfile(deps, partner.id, fields);
  if (changed.includes('email')) {
    updated = await deps.db.kysely.updateTable('partners').set({ email_confirmed_at: null }).where('id', '=', partner.id).returningAll().executeTakeFirstOrThrow();
    await sendEmailConfirmation(deps, updated, confirmPage);
  }
  if (changed.length) {
    await endOtherSessions(deps, partner.id, keepToken);
    await notifyPartnerSecurityChange(deps, { partner: updated, changed, previousEmail: partner.email });
  }
  return updated;
}

/**
 * Changes a partner's password after checking the current one (limited like sign-in), ends every
 * other session of theirs and notifies them.
 */
export async function changePassword(deps: Deps, partner: PartnerRow, current: string, next: string, keepToken: string) {
  await checkCurrentPassword(deps, partner, current);
  if (next.toLowerCase() === partner.code.toLowerCase()) {
    throw new DomainError('invalid', 'weak_password', 'The new password may not be your partner code', 'newPassword');
  }
  const password_hash = await hashPassword(next);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('partners').set({ password_hash, updated_at: deps.clock() }).where('id', '=', partner.id).execute();
    await endOtherSessions(deps, partner.id, keepToken, trx);
  });
  await notifyPartnerSecurityChange(deps, { partner, changed: ['password'], previousEmail: partner.email });
}
