import type { Deps } from '../deps.js';
import { audit } from '../merchants/audit.js';
import type { PartnerRow } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { partnerByCode } from './partner-admin.js';
import { RejectionSchema, type RejectionInput } from './admin.schemas.js';

/**
 * The merchant's answer to a sign-up waiting for approval (signupMode "approval"): approve
 * (the partner can sign in) or reject with a reason the partner is told (the account is
 * disabled and keeps the reason; signing in answers with it).
 */

export type SignupDecision = { decision: 'approved' } | { decision: 'rejected'; reason: string };

/**
 * Tells the partner what the merchant decided. A no-op until partner email exists (issue #12):
 * then it mails the partner the approval, or the rejection with its reason.
 */
export async function notifyPartnerSignupDecision(_deps: Deps, _change: { partner: PartnerRow } & SignupDecision): Promise<void> {}

async function pendingPartner(deps: Deps, code: string): Promise<PartnerRow> {
  const partner = await partnerByCode(deps, code);
  if (partner.status !== 'pending') {
    throw new DomainError('conflict', 'partner_not_pending', `Partner "${partner.code}" is ${partner.status}, not waiting for approval`);
  }
  return partner;
}

/** Changes the status of a partner who is still pending (checked again inside the transaction). */
async function decide(deps: Deps, partner: PartnerRow, set: { status: 'active' | 'disabled'; rejection_reason: string | null; rejected_at: number | null }) {
  const result = await deps.db.kysely
    .updateTable('partners')
    .set({ ...set, updated_at: deps.clock() })
    .where('id', '=', partner.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError('conflict', 'partner_not_pending', `Partner "${partner.code}" is no longer waiting for approval`);
  }
  return deps.db.kysely.selectFrom('partners').selectAll().where('id', '=', partner.id).executeTakeFirstOrThrow();
}

export async function approveSignup(deps: Deps, code: string): Promise<PartnerRow> {
  const updated = await decide(deps, await pendingPartner(deps, code), { status: 'active', rejection_reason: null, rejected_at: null });
  await audit(deps, { action: 'partner.approve', target: { type: 'partner', id: updated.code }, before: { status: 'pending' }, after: { status: updated.status } });
  await notifyPartnerSignupDecision(deps, { partner: updated, decision: 'approved' });
  return updated;
}

export async function rejectSignup(deps: Deps, code: string, input: RejectionInput): Promise<PartnerRow> {
  const { reason } = parseInput(RejectionSchema, input);
  const updated = await decide(deps, await pendingPartner(deps, code), { status: 'disabled', rejection_reason: reason, rejected_at: deps.clock() });
  await audit(deps, { action: 'partner.reject', target: { type: 'partner', id: updated.code }, before: { status: 'pending' }, after: { status: updated.status, rejectionReason: reason } });
  await notifyPartnerSignupDecision(deps, { partner: updated, decision: 'rejected', reason });
  return updated;
}
