import type { Deps } from '../deps.js';
import type { ProgramRow } from '../db/schema.js';
import type { PartnerProgram } from './schemas.js';
import { getSettings } from './settings.js';

/** The active programs a partner is enrolled in, highest priority first. */
export async function programsOf(deps: Deps, partnerId: number): Promise<PartnerProgram[]> {
  const { kysely } = deps.db;
  const rows = await kysely
    .selectFrom('enrollments')
    .innerJoin('programs', 'programs.id', 'enrollments.program_id')
    .selectAll('programs')
    .select('enrollments.created_at as enrolled_at')
    .where('enrollments.partner_id', '=', partnerId)
    .where('programs.status', '=', 'active')
    .orderBy('programs.priority', 'desc')
    .orderBy('programs.id')
    .execute();
  if (!rows.length) return [];
  const rates = await kysely
    .selectFrom('program_product_rates')
    .selectAll()
    .where(
      'program_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('product_id')
    .execute();
  const settings = await getSettings(deps);
  return rows.map((p: ProgramRow & { enrolled_at: number }) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    priority: p.priority,
    currency: settings.currency,
    saleCommission: { type: p.sale_commission_type, value: p.sale_commission_value },
    productRates: rates
      .filter((r) => r.program_id === p.id)
      .map((r) => ({ productId: r.product_id, type: r.commission_type, value: r.commission_value })),
    leadCommission: p.lead_commission,
    recurring: { mode: p.recurring_mode, payments: p.recurring_payments },
    secondTier: p.second_tier_type && p.second_tier_value !== null ? { type: p.second_tier_type, value: p.second_tier_value } : null,
    attributionWindowDays: p.attribution_window_days ?? settings.attributionWindowDays,
    attributionModel: p.attribution_model,
    holdDays: p.hold_days ?? settings.holdDays,
    enrolledAt: new Date(p.enrolled_at).toISOString(),
  }));
}
