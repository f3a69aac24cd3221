import type { Deps } from '../../server/deps.js';
import { ledgerPage } from '../../server/money/reports/ledger.js';
import { ALL_TIME, decodeCursor } from '../../server/money/reports/range.js';

/** One all-time ledger page through the domain function (no HTTP), for property tests. */
export async function listLedger(deps: Deps, partnerId: number, limit: number, cursor?: string) {
  const page = await ledgerPage(deps, partnerId, { range: ALL_TIME, limit, cursor: cursor ? decodeCursor('ledger', cursor) : undefined });
  return { ids: page.entries.map((e) => e.id), nextCursor: page.nextCursor };
}
