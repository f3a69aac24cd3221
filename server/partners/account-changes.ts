import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { checkCurrentPassword, endOtherSessions } from './auth.js';
import { DomainError } from '../shared/errors.js';
import { hashPassword } from './passwords.js';
import { updateProfile, type ProfilePatch } from './partners.js';

/** What a security-relevant change touched. */
export type SecurityChange = 'password' | 'email' | 'payout';

/**
 * Tells the partner that their password, email or payout details changed, so a change they did
 * not make does not go unnoticed. A no-op until partner email exists (issue #12): then it mails
 * the address on file before the change (`previousEmail`) and the new one.
 */
export async function notifyPartnerSecurityChange(
  _deps: Deps,
  _change: { partner: PartnerRow; changed: SecurityChange[]; previousEmail: string },
): Promise<void> {}

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
 * session making the change (`keepToken`) stays signed in.
 */
export async function changeProfile(
  deps: Deps,
  partner: PartnerRow,
  patch: ProfilePatch & { currentPassword?: string },
  keepToken: string,
): Promise<PartnerRow> {
  const { currentPassword, ...fields } = patch;
  const changed = sensitiveChanges(partner, fields);
  if (changed.length) await checkCurrentPassword(deps, partner, currentPassword);
  const updated = await updateProfile(deps, partner.id, fields);
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
