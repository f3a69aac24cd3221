import type { Commission, LedgerEntry } from '../../src/api/types.js';

/**
 * Alice's reports as the partner sees them: the figures the server tests compute by hand from
 * the scenario in reports-scenario.ts, and the element tests render. One copy, so the two agree.
 */

/** Alice's ledger, newest first (ids as the scenario numbers them). */
export const ALICE_LEDGER: LedgerEntry[] = [
  { id: 7, date: '2026-01-10T07:00:00.000Z', type: 'adjustment', description: 'Correction: shipping fee', amount: -300, balance: 3_700 },
  { id: 6, date: '2026-01-05T18:45:00.000Z', type: 'commission', description: 'Commission on order A-1003 (Outdoor Gear, 10%)', amount: 2_000, balance: 4_000 },
  { id: 5, date: '2025-12-24T12:00:00.000Z', type: 'adjustment', description: 'Holiday bonus', amount: 500, balance: 2_000 },
  { id: 4, date: '2025-12-10T08:00:00.000Z', type: 'clawback', description: 'Clawback: refund on order A-1002 (Damaged in transit)', amount: -1_500, balance: 1_500 },
  { id: 3, date: '2025-12-01T09:00:00.000Z', type: 'payment', description: 'Payment by PayPal (ref. PP-1)', amount: -1_250, balance: 3_000 },
  { id: 2, date: '2025-11-20T15:30:00.000Z', type: 'commission', description: 'Commission on order A-1002 (Premium Tents, 15%)', amount: 3_000, balance: 4_250 },
  { id: 1, date: '2025-11-03T10:00:00.000Z', type: 'commission', description: 'Commission on order A-1001 (Outdoor Gear, 10%)', amount: 1_250, balance: 1_250 },
];

/** Her commission on order A-1003: 10 % of 200.00 through her partner code, still on hold. */
export const commissionA1003 = (ids: { id: number; programId: number }): Commission => ({
  id: ids.id,
  date: '2026-01-05T18:45:00.000Z',
  kind: 'sale',
  order: 'A-1003',
  saleAmount: 20_000,
  baseAmount: 20_000,
  rate: { type: 'percent', value: 1_000 },
  amount: 2_000,
  clawedBack: 0,
  status: 'pending',
  tier: 'direct',
  payableAt: '2026-02-04T18:45:00.000Z',
  why: { attribution: 'partner_code', link: null, sub: null, clickAt: null, program: { id: ids.programId, name: 'Outdoor Gear' }, childCode: null },
  clawback: null,
});
