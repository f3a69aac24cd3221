import type { Deps } from '../deps.js';
import { isUniqueViolation, lockPartner } from '../db/dialect.js';
import type { Executor } from '../db/executor.js';
import type { PartnerRow, PayoutRequestRow, PayoutRequestStatus } from '../db/schema.js';
import { getSettings, type Settings } from '../catalog/settings.js';
import { DomainError, notFound } from '../shared/errors.js';
import { formatMoney } from '../shared/money.js';
import { afterKey, keysetPage } from '../shared/keyset.js';
import { audit } from '../merchants/audit.js';
import { moneyNow, type MoneyNow } from './money-terms.js';
import { emitEvent } from '../webhooks/events.js';
import type { AdminPayoutRequestPage, Payout, PayoutRequest, PayoutsAnswer } from './overview.schemas.js';

/**
 * Payout requests (payout schedule "on request"): a partner asks to be paid what is payable
 * now; the merchant pays it (any payment to the partner settles their open request, in the
 * payment's transaction) or declines it with a note; the partner may withdraw it while open.
 * At most one open request per partner: the partial UNIQUE index of 017-payout-requests.sql
 * decides, whatever races. No HTTP in here.
 */

/** How many requests and payouts the partner's payouts answer lists (newest first). */
export const PAYOUTS_LISTED = 100;

export const payoutRequestView = (row: PayoutRequestRow): PayoutRequest => ({
  id: row.id,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  requestedAt: new Date(row.requested_at).toISOString(),
  decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
  note: row.note,
  paymentId: row.payment_id,
});

/** The partner's open request, by the one-open index. */
export async function openPayoutRequest(db: Executor, partnerId: number): Promise<PayoutRequestRow | undefined> {
  return db.selectFrom('payout_requests').selectAll().where('partner_id', '=', partnerId).where('status', '=', 'open').executeTakeFirst();
}

export const payoutDetailsMissing = (partner: Pick<PartnerRow, 'payout_details'>) => !partner.payout_details?.trim();

/** Why the partner may not ask for a payout now (a sentence for them), or null when they may. */
export function cannotRequestReason(settings: Pick<Settings, 'payoutSchedule' | 'minimumPayout'>, money: MoneyNow, partner: Pick<PartnerRow, 'payout_details'>, open: boolean): string | null {
  const { payoutSchedule: schedule, minimumPayout } = settings;
  if (schedule.kind !== 'on-request') return `Payouts are made automatically every month on day ${schedule.day}; there is no need to ask.`;
  if (open) return 'You already have an open payout request.';
  if (payoutDetailsMissing(partner)) return 'Add your payout details to your profile first, so the merchant knows how to pay you.';
  if (money.payableNow <= 0) return 'You have nothing payable yet.';
  if (money.payableNow < minimumPayout) {
    return `Your payable amount (${formatMoney(money.payableNow, money.currency)}) is below the minimum payout of ${formatMoney(minimumPayout, money.currency)}.`;
  }
  return null;
}

/**
 * The partner asks for a payout of what is payable now. 409 `payout_request_not_allowed` with
 * the reason when the schedule is not "on request", an open request exists (also when two
 * requests race: the index refuses the second), payout details are missing, or payable now is
 * below the minimum. Emits the `payout_request.created` webhook event in the same transaction.
 */
export async function requestPayout(deps: Deps, partner: PartnerRow): Promise<PayoutRequest> {
  const settings = await getSettings(deps);
  const now = deps.clock();
  const refuse = (reason: string) => new DomainError('conflict', 'payout_request_not_allowed', reason);
  try {
    const row = await deps.db.kysely.transaction().execute(async (trx) => {
      await lockPartner(trx, partner.id);
      const money = await moneyNow(trx, partner.id, { currency: settings.currency, now });
      const reason = cannotRequestReason(settings, money, partner, !!(await openPayoutRequest(trx, partner.id)));
      if (reason) throw refuse(reason);
      const inserted = await trx
        .insertInto('payout_requests')
        .values({ partner_id: partner.id, amount: money.payableNow, currency: settings.currency, requested_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      // the merchant's webhook, with the request as GET /admin/payout-requests lists it
      await emitEvent(deps, trx, 'payout_request.created', { ...payoutRequestView(inserted), partner: { id: partner.id, code: partner.code, name: partner.name, email: partner.email } });
      return inserted;
    });
    return payoutRequestView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse('You already have an open payout request.');
    throw error;
  }
}

const notOpen = (id: number) => notFound(`Open payout request ${id}`, 'payout_request_not_found');

/** The partner withdraws their open request; 404 when it is not theirs or not open. */
export async function cancelPayoutRequest(deps: Deps, partnerId: number, id: number): Promise<PayoutRequest> {
  const row = await deps.db.kysely
    .updateTable('payout_requests')
    .set({ status: 'cancelled', decided_at: deps.clock() })
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notOpen(id);
  return payoutRequestView(row);
}

/** The merchant declines an open request with a note (audit-logged); 404 when there is no such open request. */
export async function declinePayoutRequest(deps: Deps, id: number, note: string): Promise<PayoutRequest> {
  const row = await deps.db.kysely
    .updateTable('payout_requests')
    .set({ status: 'declined', decided_at: deps.clock(), note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notOpen(id);
  const view = payoutRequestView(row);
  await audit(deps, { action: 'payout_request.decline', target: { type: 'payout_request', id }, after: view });
  return view;
}

/**
 * A payment to the partner was recorded (inside its transaction): their open request, if any,
 * is paid by it. Called by insertPayment, so a single payment, a batch and the CLI all settle.
 */
export async function settleOpenRequest(trx: Executor, partnerId: number, paymentId: number, now: number): Promise<void> {
  await trx.updateTable('payout_requests').set({ status: 'paid', payment_id: paymentId, decided_at: now }).where('partner_id', '=', partnerId).where('status', '=', 'open').execute();
}

/** The partner's payouts page: schedule, payable now, whether they may ask, their requests and payments (not reversed). */
export async function payoutsAnswer(deps: Deps, partner: PartnerRow): Promise<PayoutsAnswer> {
  const db = deps.db.kysely;
  const settings = await getSettings(deps);
  const money = await moneyNow(db, partner.id, { currency: settings.currency, now: deps.clock() });
  const requests = await db
    .selectFrom('payout_requests')
    .selectAll()
    .where('partner_id', '=', partner.id)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAYOUTS_LISTED)
    .execute();
  const payments = await db
    .selectFrom('payments as p')
    .select(['p.id', 'p.at', 'p.amount', 'p.currency', 'p.method', 'p.reference'])
    .where('p.partner_id', '=', partner.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_entries as e')
            .select('e.id')
            .whereRef('e.payment_id', '=', 'p.id')
            .where('e.reverses_id', 'is not', null),
        ),
      ),
    )
    .orderBy('p.at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(PAYOUTS_LISTED)
    .execute();
  const reason = cannotRequestReason(settings, money, partner, requests.some((r) => r.status === 'open'));
  return {
    currency: settings.currency,
    schedule: settings.payoutSchedule,
    minimumPayout: settings.minimumPayout,
    payableNow: money.payableNow,
    canRequest: reason === null,
    cannotRequestReason: reason,
    requests: requests.map(payoutRequestView),
    payouts: payments.map((p): Payout => ({ id: p.id, at: new Date(p.at).toISOString(), amount: p.amount, currency: p.currency, method: p.method, reference: p.reference })),
  };
}

/** The merchant's list: newest first, optionally of one status, keyset-paged on (requested_at, id). */
export async function listPayoutRequests(deps: Deps, query: { status?: PayoutRequestStatus | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<AdminPayoutRequestPage> {
  const db = deps.db.kysely;
  const page = await keysetPage(
    `payout-requests:${query.status ?? 'all'}`,
    ['number', 'number'],
    { cursor: query.cursor, limit: query.limit },
    (after, limit) => {
      let q = db
        .selectFrom('payout_requests as r')
        .innerJoin('partners as p', 'p.id', 'r.partner_id')
        .selectAll('r')
        .select(['p.code', 'p.name', 'p.email']);
      if (query.status) q = q.where('r.status', '=', query.status);
      if (after) q = q.where((eb) => afterKey(eb, ['r.requested_at', 'r.id'], after, 'desc'));
      return q.orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
    },
    (row) => [row.requested_at, row.id],
    50,
  );
  return {
    requests: page.rows.map((row) => ({ ...payoutRequestView(row), partner: { id: row.partner_id, code: row.code, name: row.name, email: row.email } })),
    nextCursor: page.nextCursor,
  };
}
