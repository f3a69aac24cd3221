import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { getSettings } from '../catalog/settings.js';
import type { RecruitsAnswer } from './recruits.schemas.js';

/**
 * The partner's recruiting: on when some active program they are in pays a second tier. The
 * recruits are the partners whose `parent_id` is this partner (a sign-up with `referrerCode` /
 * `?ref=<code>`), shown by name and join date only; each with what their sales earned this
 * partner — the second-tier commissions, net of what refunds clawed back.
 */
export async function recruitsOf(deps: Deps, partner: PartnerRow): Promise<RecruitsAnswer> {
  const { kysely } = deps.db;
  const [programs, children, earnings, settings] = await Promise.all([
    kysely
      .selectFrom('enrollments')
      .innerJoin('programs', 'programs.id', 'enrollments.program_id')
      .select(['programs.name', 'programs.second_tier_type', 'programs.second_tier_value'])
      .where('enrollments.partner_id', '=', partner.id)
      .where('programs.status', '=', 'active')
      .orderBy('programs.priority', 'desc')
      .orderBy('programs.id')
      .execute(),
    kysely.selectFrom('partners').select(['id', 'name', 'created_at']).where('parent_id', '=', partner.id).orderBy('created_at').orderBy('id').execute(),
    kysely
      .selectFrom('commissions')
      .innerJoin('sales', 'sales.id', 'commissions.sale_id')
      .select(['sales.partner_id as recruit', (eb) => eb.fn.sum<number | string>(eb('commissions.amount', '-', eb.ref('commissions.clawed_back'))).as('earned')])
      .where('commissions.partner_id', '=', partner.id)
      .where('commissions.tier', '=', 'second')
      .groupBy('sales.partner_id')
      .execute(),
    getSettings(deps),
  ]);
  const rates = programs.flatMap((p) => (p.second_tier_type && p.second_tier_value ? [{ programName: p.name, rate: { type: p.second_tier_type, value: p.second_tier_value } }] : []));
  const earnedBy = new Map(earnings.map((e) => [e.recruit, Number(e.earned ?? 0)]));
  const recruits = children.map((c) => ({ name: c.name, joinedAt: new Date(c.created_at).toISOString(), earned: earnedBy.get(c.id) ?? 0 }));
  return {
    enabled: rates.length > 0,
    currency: settings.currency,
    referralCode: partner.code,
    rates,
    recruits,
    earnedTotal: recruits.reduce((sum, r) => sum + r.earned, 0),
  };
}
