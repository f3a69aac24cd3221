/**
 * The payout-request part of the fake admin API (issue 14): the merchant's list (newest first,
 * by status, paged by an index cursor) and decline with a note (owners only; 404 when the
 * request is no longer open). `settle(code, paymentId)` is what recording a payment does to
 * the partner's open request.
 */
import type { AdminPayoutRequest, AdminPayoutRequestsApi, AdminRole } from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';

export interface FakePayoutRequestsOptions {
  role?: AdminRole;
  /** every request, newest first (default: {@link payoutRequests}); `[]` for none */
  payoutRequests?: AdminPayoutRequest[];
}

type Answer = <T>(method: keyof AdminPayoutRequestsApi, args: unknown[], produce: () => T) => Promise<T>;

const request = (id: number, code: string, name: string, amount: number, requestedAt: string, rest: Partial<AdminPayoutRequest> = {}): AdminPayoutRequest => ({
  id,
  amount,
  currency: 'USD',
  status: 'open',
  requestedAt,
  decidedAt: null,
  note: null,
  paymentId: null,
  partner: { id, code, name, email: `${code}@partners.example` },
  ...rest,
});

/** Two open requests (Ann and Eve, both due a payout) and a declined one (Cleo). */
export const payoutRequests: AdminPayoutRequest[] = [
  request(3, 'ann', 'Ann Archer', 10_000, '2026-03-02T09:15:00.000Z'),
  request(2, 'eve', 'Eve Evans', 7_500, '2026-03-01T16:40:00.000Z'),
  request(1, 'cleo', 'Cleo Clark', 5_200, '2026-02-20T08:00:00.000Z', { status: 'declined', decidedAt: '2026-02-21T10:00:00.000Z', note: 'Invoice missing' }),
];

export function fakePayoutRequestsApi(options: FakePayoutRequestsOptions, answer: Answer): AdminPayoutRequestsApi & { settle(code: string, paymentId: number): void } {
  const rows = (options.payoutRequests ?? payoutRequests).map((r) => structuredClone(r));
  return {
    payoutRequests: (query) =>
      answer('payoutRequests', [query], () => {
        const matching = rows.filter((r) => !query.status || r.status === query.status);
        const start = query.cursor ? Number(query.cursor) : 0;
        const size = query.limit ?? 50;
        return { requests: matching.slice(start, start + size).map((r) => structuredClone(r)), nextCursor: start + size < matching.length ? String(start + size) : null };
      }),
    declinePayoutRequest: (id, note) =>
      answer('declinePayoutRequest', [id, note], () => {
        if (options.role === 'staff') throw new ApiError(403, 'forbidden', 'Only an owner can decline payout requests; you are signed in as staff.');
        if (!note.trim()) throw new ApiError(400, 'invalid_request', 'note: must not be empty', 'note');
        const row = rows.find((r) => r.id === id && r.status === 'open');
        if (!row) throw new ApiError(404, 'payout_request_not_found', `Open payout request ${id} not found`);
        Object.assign(row, { status: 'declined', note: note.trim(), decidedAt: new Date().toISOString() });
        const { partner: _partner, ...declined } = row;
        return structuredClone(declined);
      }),
    settle(code, paymentId) {
      const open = rows.find((r) => r.partner.code === code && r.status === 'open');
      if (open) Object.assign(open, { status: 'paid', paymentId, decidedAt: new Date().toISOString() });
    },
  };
}
