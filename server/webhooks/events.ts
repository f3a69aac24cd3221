import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, keptRead, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { CommissionRow, PaymentsTable } from '../db/schema.js';
import { commissionViews } from '../money/commissions.js';
import { moneyNow } from '../money/money-terms.js';
import { paymentView } from '../money/payments.js';
import { listSales } from '../tracking/sales.js';
import { TEST_EVENT, type WebhookEventType, type WebhookPayload } from './webhooks.schemas.js';

/**
 * Events out: `emitEvent` is called by the domain code inside the transaction of the change,
 * and writes the event and one delivery per enabled endpoint subscribed to its type, in that
 * same transaction (a change rolled back sends nothing; a committed one is in the table for the
 * worker, whatever happens to the process next). It never sends.
 */

/** Wakes the webhook worker(s) of a database: set by worker.ts. */
const wakers = new WeakMap<Deps['db'], Set<() => void>>();
export function onWebhookQueued(deps: Deps, wake: () => void): () => void {
  let set = wakers.get(deps.db);
  if (!set) wakers.set(deps.db, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}
export function wakeWebhookWorkers(deps: Deps, delayMs = 0): void {
  for (const wake of wakers.get(deps.db) ?? []) setTimeout(wake, delayMs).unref();
}

/** `data` of the event: a value, or a function reading it (run only when an endpoint wants the event). */
export type EventData = unknown | ((db: Executor) => Promise<unknown>);

const enabledEndpoints = prepare((db, _: object) => db.selectFrom('webhook_endpoints').select(['id', 'events']).where('status', '=', 'enabled').orderBy('id'));
/** The enabled endpoints and the events each subscribes to (kept for a batch of sales). */
const enabled = (run: Runner) =>
  keptRead(run, 'webhooks.enabled', async () => (await run.all(enabledEndpoints(run.db, {}))).map((e) => ({ id: e.id, events: JSON.parse(e.events) as string[] })));

/**
 * Writes the event `type` and its deliveries inside `db` (the change's transaction). Returns the
 * delivery ids (none when no enabled endpoint subscribes: then nothing is read or written).
 * `only`: these endpoints, whatever they subscribe to (the test event).
 */
export async function emitEvent(deps: Deps, to: Executor | Runner, type: WebhookEventType | typeof TEST_EVENT, data: EventData, only?: number[]): Promise<number[]> {
  const run = asRunner(to);
  const db = run.db;
  const endpoints = only
    ? await run.all(db.selectFrom('webhook_endpoints').select(['id', 'events']).where('id', 'in', only.length ? only : [-1]).orderBy('id'))
    : (await enabled(run)).filter((e) => e.events.includes(type));
  if (!endpoints.length) return [];
  const now = deps.clock();
  const payload: WebhookPayload = {
    type,
    timestamp: new Date(now).toISOString(),
    data: typeof data === 'function' ? await (data as (db: Executor) => Promise<unknown>)(db) : data,
  };
  const event = await db
    .insertInto('webhook_events')
    .values({ msg_id: `msg_${randomUUID().replace(/-/g, '')}`, type, payload: JSON.stringify(payload), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('webhook_deliveries')
    .values(endpoints.map((e) => ({ event_id: event.id, endpoint_id: e.id, status: 'pending' as const, next_attempt_at: now, created_at: now })))
    .returning('id')
    .execute();
  // inside a transaction the worker's claim waits for it to commit (one connection); its poll catches the rest
  wakeWebhookWorkers(deps, 50);
  wakeWebhookWorkers(deps, 1000);
  return rows.map((r) => r.id);
}

// ── the admin API's view of each object, read inside the transaction ─────────────────────────

/**
 * Deps whose database is `db` (the open transaction), for view functions that read `deps.db.kysely`.
 * The rest of the Db is inherited, not copied: spreading it would read `sqlite`, which throws on PostgreSQL.
 */
const within = (deps: Deps, db: Executor): Deps => ({ ...deps, db: Object.assign(Object.create(deps.db) as Deps['db'], { kysely: db }) });

/** A partner as the admin API lists them (no balance, no payout details: those stay in the console). */
export const partnerData = (partnerId: number) => async (db: Executor) => {
  const row = await db.selectFrom('partners').selectAll().where('id', '=', partnerId).executeTakeFirstOrThrow();
  const parent = row.parent_id ? await db.selectFrom('partners').select('code').where('id', '=', row.parent_id).executeTakeFirst() : undefined;
  const programs = await db.selectFrom('enrollments').select('program_id').where('partner_id', '=', partnerId).orderBy('program_id').execute();
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    email: row.email,
    status: row.status,
    parentCode: parent?.code ?? null,
    programIds: programs.map((p) => p.program_id),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
};

export const saleData = (deps: Deps, orderId: string) => async (db: Executor) => (await listSales(within(deps, db), { orderId }))[0];

export const leadData = (leadId: number) => async (db: Executor) => {
  const row = await db
    .selectFrom('leads')
    .innerJoin('partners', 'partners.id', 'leads.partner_id')
    .select(['leads.id', 'leads.email', 'leads.name', 'leads.status', 'leads.sub', 'leads.external_id', 'leads.at', 'partners.code'])
    .where('leads.id', '=', leadId)
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, name: row.name, partnerCode: row.code, status: row.status, sub: row.sub, externalId: row.external_id, at: new Date(row.at).toISOString() };
};

type PaymentRow = { [K in keyof PaymentsTable]: K extends 'id' ? number : PaymentsTable[K] };

export const paymentData = (deps: Deps, payment: PaymentRow) => async (db: Executor) => {
  const partner = await db.selectFrom('partners').select('code').where('id', '=', payment.partner_id).executeTakeFirstOrThrow();
  return paymentView(within(deps, db), payment, partner.code, await moneyNow(db, payment.partner_id, { currency: payment.currency, now: deps.clock() }));
};

/** Whether an enabled endpoint wants any of `types` (one read: bulk approvals emit nothing for nobody). */
async function anySubscriber(db: Executor | Runner, ...types: string[]): Promise<boolean> {
  const run = asRunner(db);
  return (await enabled(run)).some((e) => e.events.some((t) => types.includes(t)));
}

/** One event per commission (`commission.created`, `commission.approved`, `commission.clawed_back`), each with the commission as it stands. */
export async function emitCommissionEvents(
  deps: Deps,
  db: Executor | Runner,
  type: 'commission.created' | 'commission.approved' | 'commission.clawed_back',
  commissions: readonly (number | Pick<CommissionRow, 'id' | 'status'>)[],
): Promise<void> {
  if (!commissions.length || !(await anySubscriber(db, type, 'commission.approved'))) return;
  for (const c of commissions) {
    const id = typeof c === 'number' ? c : c.id;
    await emitEvent(deps, db, type, async (trx: Executor) => (await commissionViews(trx, { id }))[0]);
    // a commission with no hold days is approved as it is recorded: its approval is news too
    if (type === 'commission.created' && typeof c !== 'number' && c.status === 'approved') {
      await emitEvent(deps, db, 'commission.approved', async (trx: Executor) => (await commissionViews(trx, { id }))[0]);
    }
  }
}
