import type { Deps } from '../deps.js';
import type { IntegrationProvider } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import type { WebhookAnswer } from './integrations.schemas.js';

/** What handling one event came to. `held`: a refund or cancel before its sale, kept under these refs. */
export type Outcome = { result: 'recorded' | 'ignored'; detail?: string; duplicate?: boolean } | { result: 'held'; refs: string[]; detail?: string };

/** A JSON object's field as an object / a string (undefined when it is not one). */
export const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);

/**
 * Handles one provider event at most once: an event id seen before answers `duplicate` and does
 * nothing. The work records through the tracking API's own functions (recordSale, recordRefund);
 * what they refuse (a currency the program does not use, a refund larger than the sale…) is
 * answered `ignored` with the reason — answering 4xx would only make the provider retry forever.
 */
export async function handleOnce(
  deps: Deps,
  provider: IntegrationProvider,
  eventId: string,
  type: string,
  payload: string,
  work: () => Promise<Outcome>,
): Promise<WebhookAnswer> {
  const db = deps.db.kysely;
  const seen = await db.selectFrom('integration_events').select('id').where('provider', '=', provider).where('event_id', '=', eventId).executeTakeFirst();
  if (seen) return { received: true, result: 'duplicate' };
  let outcome: Outcome;
  try {
    outcome = await work();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    outcome = { result: 'ignored', detail: err.message };
  }
  const now = deps.clock();
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('integration_events')
      .values({ provider, event_id: eventId, type, result: outcome.result, detail: outcome.detail ?? null, received_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (outcome.result === 'held' && Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await trx
        .insertInto('held_events')
        .values(outcome.refs.map((ref) => ({ provider, ref, event_id: eventId, type, payload, received_at: now })))
        .execute();
    }
  });
  if (outcome.result !== 'held' && outcome.duplicate) return { received: true, result: 'duplicate' };
  return { received: true, result: outcome.result, ...(outcome.result === 'ignored' && outcome.detail && { reason: outcome.detail }) };
}

/** The order id of a sale recorded for one of these provider refs (a sale whose order id is one of them counts). */
export async function orderOf(deps: Deps, provider: IntegrationProvider, refs: (string | undefined)[]): Promise<string | undefined> {
  const db = deps.db.kysely;
  for (const ref of refs) {
    if (!ref) continue;
    const mapped = await db.selectFrom('integration_refs').select('order_id').where('provider', '=', provider).where('ref', '=', ref).executeTakeFirst();
    if (mapped) return mapped.order_id;
    const sale = await db.selectFrom('sales').select('order_id').where('order_id', '=', ref).executeTakeFirst();
    if (sale) return sale.order_id;
  }
  return undefined;
}

/**
 * After a sale is recorded: remembers its provider refs, then applies the events held for them
 * (oldest first) with `apply`, and forgets them. Returns how many were applied.
 */
export async function releaseHeld(
  deps: Deps,
  provider: IntegrationProvider,
  orderId: string,
  refs: (string | undefined)[],
  apply: (type: string, payload: string) => Promise<Outcome>,
): Promise<number> {
  const db = deps.db.kysely;
  const known = [...new Set(refs.filter((r): r is string => !!r))];
  if (!known.length) return 0;
  await db
    .insertInto('integration_refs')
    .values(known.map((ref) => ({ provider, ref, order_id: orderId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const held = await db.selectFrom('held_events').selectAll().where('provider', '=', provider).where('ref', 'in', known).orderBy('received_at').orderBy('id').execute();
  const done = new Set<string>();
  for (const row of held) {
    if (done.has(row.event_id)) continue;
    done.add(row.event_id);
    let outcome: Outcome;
    try {
      outcome = await apply(row.type, row.payload);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcome = { result: 'ignored', detail: err.message };
    }
    if (outcome.result === 'held') continue; // still nothing to apply it to: keep it
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('held_events').where('provider', '=', provider).where('event_id', '=', row.event_id).execute();
      await trx
        .updateTable('integration_events')
        .set({ result: outcome.result, detail: outcome.detail ?? `applied when order ${orderId} was recorded` })
        .where('provider', '=', provider)
        .where('event_id', '=', row.event_id)
        .execute();
    });
  }
  return done.size;
}
