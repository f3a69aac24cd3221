import type { Deps } from '../deps.js';
import { audit } from '../merchants/audit.js';
import type { PartnerRow } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { enqueueMail } from '../mail/outbox.js';
import { partnerByCode } from './partner-admin.js';
import { RejectionSchema, type RejectionInput } from './admin.schemas.js';
import { emitEvent, partnerData } from '../webhooks/events.js';

/**
 * The merchant's answer to a sign-up waiting for approval (signupMode "approval"): approve
 * (the partner can sign in) or reject with a reason the partner is told (the account is
 * disabled and keeps the reason; signing in answers with it).
 */

export type SignupDecision = { decision: 'approved' } | { decision: 'rejected'; reason: string };

/**
 * Tells the partner what the merchant decided: `signup_approved` with a link to the page they
 * signed up on (else this server's /portal, `server` being its origin), or `signup_rejected`
 * with the merchant's reason.
 */
export async function notifyPartnerSignupDecision(
  deps: Deps,
  change: { partner: PartnerRow; server?: string | undefined } & SignupDecision,
): Promise<void> {
  const { partner } = change;
  if (change.decision === 'rejected') {
    await enqueueMail(deps, { kind: 'signup_rejected', to: partner.email, partnerId: partner.id, data: { reason: change.reason } });
    return;
  }
  const server = change.server ?? deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  await enqueueMail(deps, { kind: 'signup_approved', to: partner.email, partnerId: partner.id, data: { link: partner.signup_page_url ?? `${server}/portal` } });
}

async function pendingPartner(deps: Deps, code: string): Promise<PartnerRow> {
  const partner = await partnerByCode(deps, code);
  if (partner.status !== 'pending') {
    throw new DomainError('conflict', 'partner_not_pending', `Partner "${partner.code}" is ${partner.status}, not waiting for approval`);
  }
  return partner;
}

/** Changes the status of a partner who is still pending (checked again inside the transaction). */
async function decide(deps: Deps, partner: PartnerRow, set: { status: 'active' | 'disabled'; rejection_reason: string | null; rejected_at: number | null }) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('partners')
      .set({ ...set, updated_at: deps.clock() })
      .where('id', '=', partner.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError('conflict', 'partner_not_pending', `Partner "${partner.code}" is no longer waiting for approval`);
    }
    if (set.status === 'active') await emitEvent(deps, trx, 'partner.approved', partnerData(partner.id));
  });
  return deps.db.kysely.selectFrom('partners').selectAll().where('id', '=', partner.id).executeTakeFirstOrThrow();
}

/** `server`: this server's origin as partners reach it (for the sign-in link when the sign-up page is unknown). */
export async function approveSignup(deps: Deps, code: string, server?: string): Promise<PartnerRow> {
  const updated = await decide(deps, await pendingPartner(deps, code), { status: 'active', rejection_reason: null, rejected_at: null });
  await audit(deps, { action: 'partner.approve', target: { type: 'partner', id: updated.code }, before: { status: 'pending' }, after: { status: updated.status } });
  await notifyPartnerSignupDecision(deps, { partner: updated, decision: 'approved', server });
  return updated;
}

export async function rejectSignup(deps: Deps, code: string, input: RejectionInput): Promise<PartnerRow> {
  const { reason } = parseInput(RejectionSchema, input);
  const updated = await decide(deps, await pendingPartner(deps, code), { status: 'disabled', rejection_reason: reason, rejected_at: deps.clock() });
  await audit(deps, { action: 'partner.reject', target: { type: 'partner', id: updated.code }, before: { status: 'pending' }, after: { status: updated.status, rejectionReason: reason } });
  await notifyPartnerSignupDecision(deps, { partner: updated, decision: 'rejected', reason });
  return updated;
}
