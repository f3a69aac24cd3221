import type { Deps } from '../deps.js';
import { getSettings } from '../catalog/settings.js';
import { periodMoney } from '../money/money-terms.js';
import { ALL_TIME } from '../money/reports/range.js';
import { partnerAccountView, partnerByCode } from './partner-admin.js';
import type { PartnerDetail } from './admin.schemas.js';

const CHILDREN_SHOWN = 100;

/**
 * Everything the merchant console shows of one partner: the account (payout details in full,
 * balance, pending and payable now), the profile, the programs by name, the parent and the
 * partners they referred, the all-time ledger figures and a rejected sign-up's reason.
 */
export async function getPartnerDetail(deps: Deps, code: string): Promise<PartnerDetail> {
  const db = deps.db.kysely;
  const row = await partnerByCode(deps, code);
  const account = await partnerAccountView(deps, row);
  const programs = account.programIds.length
    ? await db.selectFrom('programs').select(['id', 'name', 'status']).where('id', 'in', account.programIds).orderBy('id').execute()
    : [];
  const parent = row.parent_id === null ? undefined : await db.selectFrom('partners').select(['code', 'name']).where('id', '=', row.parent_id).executeTakeFirst();
  const children = await db.selectFrom('partners').select(['code', 'name']).where('parent_id', '=', row.id).orderBy('code').limit(CHILDREN_SHOWN).execute();
  const childrenCount =
    children.length < CHILDREN_SHOWN
      ? children.length
      : Number((await db.selectFrom('partners').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', row.id).executeTakeFirstOrThrow()).n);
  const { earned, clawedBack, paid, adjustments, currency } = await periodMoney(db, row.id, ALL_TIME, (await getSettings(deps)).currency);
  return {
    ...account,
    phone: row.phone,
    company: row.company,
    website: row.website,
    address: row.address,
    programs,
    parent: parent ?? null,
    children,
    childrenCount,
    allTime: { earned, clawedBack, paid, adjustments, currency },
    rejection: row.rejection_reason === null || row.rejected_at === null ? null : { reason: row.rejection_reason, at: new Date(row.rejected_at).toISOString() },
  };
}
