import type { Deps } from '../deps.js';
import { transaction } from '../db/dialect.js';
import type { Executor } from '../db/executor.js';
import type { CouponRow, PartnerRow } from '../db/schema.js';
import { audit } from '../merchants/audit.js';
import { partnerByCode } from '../partners/partner-admin.js';
import { DomainError, notFound } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { COUPON_PATTERN, couponInputSchema, type Coupon } from './integrations.schemas.js';

const view = (row: CouponRow): Coupon => ({ code: row.code, createdAt: new Date(row.created_at).toISOString() });

/** The partner's coupon codes, oldest first. */
export async function listCoupons(deps: Deps, code: string): Promise<Coupon[]> {
  const partner = await partnerByCode(deps, code);
  return (await couponsOf(deps.db.kysely, partner.id)).map(view);
}

export async function couponsOf(db: Executor, partnerId: number): Promise<CouponRow[]> {
  return db.selectFrom('coupons').selectAll().where('partner_id', '=', partnerId).orderBy('created_at').orderBy('id').execute();
}

/**
 * Gives the partner a coupon code. Codes are unique across partners, compared without case:
 * another partner's code is a 409 `coupon_taken`; the partner's own code again answers it.
 */
export async function addCoupon(deps: Deps, partnerCode: string, input: unknown): Promise<{ created: boolean; coupon: Coupon }> {
  const { code } = parseInput(couponInputSchema, input);
  const partner = await partnerByCode(deps, partnerCode);
  // two instances adding the same code at once: the later one reads the winner's row on retry
  return transaction(deps.db.kysely, async (trx) => {
    const existing = await trx.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst();
    if (existing && existing.partner_id === partner.id) return { created: false, coupon: view(existing) };
    if (existing) {
      const owner = await trx.selectFrom('partners').select('code').where('id', '=', existing.partner_id).executeTakeFirst();
      throw new DomainError('conflict', 'coupon_taken', `The code ${existing.code} belongs to partner ${owner?.code ?? 'another partner'} already`, 'code');
    }
    const row = await trx.insertInto('coupons').values({ partner_id: partner.id, code, created_at: deps.clock() }).returningAll().executeTakeFirstOrThrow();
    await audit(deps, { action: 'coupon.create', target: { type: 'partner', id: partner.code }, after: { coupon: row.code } }, trx);
    return { created: true, coupon: view(row) };
  });
}

/** Takes a coupon code from the partner (404 `coupon_not_found` when the partner has no such code). */
export async function removeCoupon(deps: Deps, partnerCode: string, code: string): Promise<void> {
  const partner = await partnerByCode(deps, partnerCode);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('coupons').selectAll().where('partner_id', '=', partner.id).where('code', '=', code).executeTakeFirst();
    if (!row) throw notFound(`Coupon code "${code}" of partner ${partner.code}`, 'coupon_not_found');
    await trx.deleteFrom('coupons').where('id', '=', row.id).execute();
    await audit(deps, { action: 'coupon.delete', target: { type: 'partner', id: partner.code }, before: { coupon: row.code } }, trx);
  });
}

/** The partner a coupon code belongs to (any case), if it is a code at all. */
export async function couponPartner(db: Executor, code: string | null | undefined): Promise<PartnerRow | undefined> {
  const trimmed = code?.trim();
  if (!trimmed || !COUPON_PATTERN.test(trimmed)) return undefined;
  return db
    .selectFrom('coupons')
    .innerJoin('partners', 'partners.id', 'coupons.partner_id')
    .selectAll('partners')
    .where('coupons.code', '=', trimmed)
    .executeTakeFirst();
}

/** The first of these codes that is a partner's coupon code (as given). */
export async function firstKnownCoupon(db: Executor, codes: (string | null | undefined)[]): Promise<string | undefined> {
  for (const code of codes) if (await couponPartner(db, code)) return code!.trim();
  return undefined;
}
