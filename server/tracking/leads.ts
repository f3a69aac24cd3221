import { z } from 'zod';
import { transaction } from '../db/dialect.js';
import type { Deps } from '../deps.js';
import { findCredit } from './attribution.js';
import { insertCommissions, planLeadCommission } from '../money/commissions.js';
import { notifyCommissionsEarned } from '../partners/notifications.js';
import { getSettings } from '../catalog/settings.js';
import { clickIdInput, partnerCodeInput } from './sales.js';
import { email, externalId, parseInput, text } from '../shared/validation.js';
import type { LeadResult } from './schemas.js';
import { emitCommissionEvents, emitEvent, leadData } from '../webhooks/events.js';

export const leadSchema = z
  .object({
    email,
    name: text(120).optional(),
    clickId: clickIdInput,
    partnerCode: partnerCodeInput,
    /** the merchant's id for the contact */
    externalId: externalId(128).optional(),
  })
  .strict();
export type LeadInput = z.input<typeof leadSchema>;


/**
 * Records a lead (a sign-up, a trial, a contact form) for the partner who referred it, by
 * click id or partner code, and pays the per-lead commission of the partner's highest-priority
 * program that has one. An email belongs to the first partner who brought it: the same email
 * again answers `created: false` with that lead. Leads nobody referred, and partners signing up
 * themselves (self-referral), are not recorded.
 */
export async function recordLead(deps: Deps, input: LeadInput): Promise<{ created: boolean; result: LeadResult }> {
  const data = parseInput(leadSchema, input);
  const db = deps.db.kysely;
  const existingResult = async (): Promise<LeadResult | undefined> => {
    const lead = await db
      .selectFrom('leads')
      .innerJoin('partners', 'partners.id', 'leads.partner_id')
      .select(['leads.id', 'leads.email', 'leads.sub', 'leads.at', 'leads.click_id', 'partners.code'])
      .where('leads.email', '=', data.email)
      .executeTakeFirst();
    if (!lead) return undefined;
    const commission = await db
      .selectFrom('commissions')
      .innerJoin('programs', 'programs.id', 'commissions.program_id')
      .selectAll('commissions')
      .select('programs.name')
      .where('commissions.lead_id', '=', lead.id)
      .where('commissions.kind', '=', 'lead')
      .executeTakeFirst();
    const attribution = commission ? (JSON.parse(commission.reason) as { attribution: LeadResult['attribution'] }).attribution : lead.click_id ? 'last_click' : 'partner_code';
    return {
      leadId: lead.id,
      email: lead.email,
      attributed: true,
      partnerCode: lead.code,
      attribution,
      notAttributedReason: null,
      selfReferral: false,
      sub: lead.sub,
      recordedAt: new Date(lead.at).toISOString(),
      commission: commission
        ? {
            id: commission.id,
            partnerCode: lead.code,
            tier: commission.tier,
            programId: commission.program_id!,
            programName: commission.name,
            baseAmount: commission.base_amount,
            rateType: commission.rate_type,
            rateValue: commission.rate_value,
            amount: commission.amount,
            status: commission.status,
            payableAt: new Date(commission.payable_at).toISOString(),
          }
        : null,
    };
  };

  const known = await existingResult();
  if (known) return { created: false, result: known };

  const settings = await getSettings(deps);
  const now = deps.clock();
  const found = await findCredit(deps, settings, { clickId: data.clickId, partnerCode: data.partnerCode, allowLead: false, now });
  const notRecorded = (reason: LeadResult['notAttributedReason'], selfReferral = false): LeadResult => ({
    leadId: null,
    email: data.email,
    attributed: false,
    partnerCode: null,
    attribution: null,
    notAttributedReason: reason,
    selfReferral,
    sub: null,
    recordedAt: null,
    commission: null,
  });
  if (!found.credit) return { created: false, result: notRecorded(found.reason) };
  const credit = found.credit;
  if (credit.partner.email.trim().toLowerCase() === data.email.toLowerCase()) return { created: false, result: notRecorded('self_referral', true) };

  const planned = planLeadCommission(data.email, credit, settings.currency);
  const created = await transaction(db, async (trx) => {
    if (await trx.selectFrom('leads').select('id').where('email', '=', data.email).executeTakeFirst()) return false;
    const lead = await trx
      .insertInto('leads')
      .values({
        partner_id: credit.partner.id,
        click_id: credit.click?.id ?? null,
        email: data.email,
        name: data.name ?? null,
        sub: credit.sub,
        status: 'lead',
        external_id: data.externalId ?? null,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the partner's commission_earned email, queued with the lead (never failing it)
    await emitEvent(deps, trx, 'lead.created', leadData(lead.id));
    const rows = planned ? await insertCommissions(trx, now, settings, [planned], { leadId: lead.id }) : [];
    if (planned) await notifyCommissionsEarned(deps, trx, rows, settings.currency);
    await emitCommissionEvents(deps, trx, 'commission.created', rows);
    return true;
  });
  return { created, result: (await existingResult())! };
}
