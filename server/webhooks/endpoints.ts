import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../db/schema.js';
import { audit } from '../merchants/audit.js';
import { DomainError, notFound } from '../shared/errors.js';
import { afterKey, keysetPage } from '../shared/keyset.js';
import { parseInput } from '../shared/validation.js';
import { emitEvent, wakeWebhookWorkers } from './events.js';
import { checkEndpointUrl } from './ssrf.js';
import {
  newWebhookEndpointSchema,
  TEST_EVENT,
  webhookEndpointPatchSchema,
  type DeliveriesQuery,
  type NewWebhookEndpoint,
  type NewWebhookEndpointAnswer,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookEndpoint,
  type WebhookEndpointPatch,
} from './webhooks.schemas.js';

/** The merchant's side of webhooks: endpoints, their delivery log, resend and the test event. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const publicStatus = (status: WebhookDeliveryRow['status']) => (status === 'sending' ? 'pending' : status);

async function endpointView(deps: Deps, row: WebhookEndpointRow): Promise<WebhookEndpoint> {
  const last = await deps.db.kysely
    .selectFrom('webhook_deliveries')
    .select(['status', 'response_code', 'created_at', 'last_attempt_at'])
    .where('endpoint_id', '=', row.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as string[],
    status: row.status,
    disabledReason: row.disabled_reason,
    createdAt: iso(row.created_at)!,
    lastDelivery: last ? { at: iso(last.last_attempt_at ?? last.created_at)!, status: publicStatus(last.status), responseCode: last.response_code } : null,
  };
}

async function endpointRow(deps: Deps, id: number): Promise<WebhookEndpointRow> {
  const row = await deps.db.kysely.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Webhook endpoint ${id}`, 'webhook_endpoint_not_found');
  return row;
}

export async function listEndpoints(deps: Deps): Promise<WebhookEndpoint[]> {
  const rows = await deps.db.kysely.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
  return Promise.all(rows.map((row) => endpointView(deps, row)));
}

/** A new endpoint with a new secret (`whsec_` + 32 random bytes, base64): the only answer that shows it. */
export async function createEndpoint(deps: Deps, input: NewWebhookEndpoint): Promise<NewWebhookEndpointAnswer> {
  const data = parseInput(newWebhookEndpointSchema, input);
  const url = await checkEndpointUrl(deps, data.url);
  const now = deps.clock();
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const row = await deps.db.kysely
    .insertInto('webhook_endpoints')
    .values({ url, description: data.description ?? '', events: JSON.stringify(data.events), secret, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = await endpointView(deps, row);
  await audit(deps, { action: 'webhook_endpoint.create', target: { type: 'webhook_endpoint', id: row.id }, after: view });
  return { ...view, secret };
}

/** Changes url, events, description or status; turning an endpoint back on forgets its failures. */
export async function updateEndpoint(deps: Deps, id: number, patch: WebhookEndpointPatch): Promise<WebhookEndpoint> {
  const data = parseInput(webhookEndpointPatchSchema, patch);
  const row = await endpointRow(deps, id);
  const before = await endpointView(deps, row);
  const url = data.url === undefined ? undefined : await checkEndpointUrl(deps, data.url);
  const enabling = data.status === 'enabled' && row.status === 'disabled';
  await deps.db.kysely
    .updateTable('webhook_endpoints')
    .set({
      ...(url !== undefined && { url }),
      ...(data.events !== undefined && { events: JSON.stringify(data.events) }),
      ...(data.description !== undefined && { description: data.description }),
      ...(data.status !== undefined && { status: data.status }),
      ...(data.status === 'disabled' && row.status === 'enabled' && { disabled_reason: 'Turned off by the merchant.' }),
      ...(enabling && { disabled_reason: null, failing_since: null, failure_streak: 0 }),
      updated_at: deps.clock(),
    })
    .where('id', '=', id)
    .execute();
  const after = await endpointView(deps, await endpointRow(deps, id));
  await audit(deps, { action: 'webhook_endpoint.update', target: { type: 'webhook_endpoint', id }, before, after });
  return after;
}

export async function deleteEndpoint(deps: Deps, id: number): Promise<void> {
  const before = await endpointView(deps, await endpointRow(deps, id));
  await deps.db.kysely.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
  await audit(deps, { action: 'webhook_endpoint.delete', target: { type: 'webhook_endpoint', id }, before });
}

/** Queues a `webhook.test` event to this endpoint alone. */
export async function sendTestEvent(deps: Deps, id: number): Promise<{ deliveryId: number }> {
  const row = await endpointRow(deps, id);
  if (row.status === 'disabled') throw new DomainError('conflict', 'webhook_endpoint_disabled', `Webhook endpoint ${id} is disabled; turn it on first`);
  const [deliveryId] = await deps.db.kysely
    .transaction()
    .execute((trx) => emitEvent(deps, trx, TEST_EVENT, { message: 'A test event from Partner Center', endpointId: id }, [id]));
  await audit(deps, { action: 'webhook_endpoint.test', target: { type: 'webhook_endpoint', id }, after: { deliveryId } });
  return { deliveryId: deliveryId! };
}

type DeliveryListRow = WebhookDeliveryRow & { type: string; msg_id: string };

const deliveryView = (row: DeliveryListRow): WebhookDelivery => ({
  id: row.id,
  eventType: row.type,
  eventId: row.msg_id,
  status: publicStatus(row.status),
  attempts: row.attempts,
  responseCode: row.response_code,
  durationMs: row.duration_ms,
  lastError: row.last_error,
  createdAt: iso(row.created_at)!,
  nextAttemptAt: iso(row.next_attempt_at),
  deliveredAt: iso(row.delivered_at),
});

const deliveries = (deps: Deps) =>
  deps.db.kysely.selectFrom('webhook_deliveries as d').innerJoin('webhook_events as e', 'e.id', 'd.event_id').selectAll('d').select(['e.type', 'e.msg_id']);

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(deps: Deps, endpointId: number, query: DeliveriesQuery): Promise<WebhookDeliveryPage> {
  await endpointRow(deps, endpointId);
  const page = await keysetPage<DeliveryListRow>(
    `webhook_deliveries:${endpointId}:id:desc`,
    ['number'],
    { cursor: query.cursor, limit: query.limit },
    (after, limit) => {
      let q = deliveries(deps).where('d.endpoint_id', '=', endpointId);
      if (after) q = q.where((eb) => afterKey(eb, ['d.id'], after, 'desc'));
      return q.orderBy('d.id', 'desc').limit(limit).execute() as Promise<DeliveryListRow[]>;
    },
    (row) => [row.id],
    50,
  );
  return { deliveries: page.rows.map(deliveryView), nextCursor: page.nextCursor };
}

/** Sends a delivery's event to its endpoint again, as a new delivery (the same webhook-id: receivers dedupe on it). */
export async function resendDelivery(deps: Deps, id: number): Promise<WebhookDelivery> {
  const old = await deps.db.kysely.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!old) throw notFound(`Webhook delivery ${id}`, 'webhook_delivery_not_found');
  const endpoint = await endpointRow(deps, old.endpoint_id);
  if (endpoint.status === 'disabled') throw new DomainError('conflict', 'webhook_endpoint_disabled', `Webhook endpoint ${endpoint.id} is disabled; turn it on first`);
  const now = deps.clock();
  const row = await deps.db.kysely
    .insertInto('webhook_deliveries')
    .values({ event_id: old.event_id, endpoint_id: old.endpoint_id, status: 'pending', next_attempt_at: now, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  wakeWebhookWorkers(deps);
  const view = deliveryView((await deliveries(deps).where('d.id', '=', row.id).executeTakeFirstOrThrow()) as DeliveryListRow);
  await audit(deps, { action: 'webhook_delivery.resend', target: { type: 'webhook_delivery', id }, after: view });
  return view;
}
