/**
 * The Webhooks part of the fake admin API (the contract of issue 13, HOOKS-CONTRACT.md): endpoints
 * with their `whsec_` secret given once on creation, `url` refused unless https to a public host
 * (400 naming `url`), unknown event names refused (400 naming `events`), a test event and a
 * resend each queueing a pending delivery, and every endpoint's deliveries newest first on a
 * keyset cursor. Owner only: staff get 403 as from the server.
 */
import type {
  AdminRole,
  AdminWebhooksApi,
  DeliveryStatus,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointPatch,
  WebhookId,
} from '../../admin/api/types.js';
import { WEBHOOK_EVENTS } from '../../admin/partner-admin-webhooks/webhook-events.js';
import { ApiError } from '../../src/api/errors.js';

export interface FakeWebhooksOptions {
  role?: AdminRole;
  /** the endpoints (default: {@link webhookEndpoints}); `[]` for none */
  webhooks?: WebhookEndpoint[];
  /** each endpoint's deliveries by its id, any order (default: {@link webhookDeliveries}) */
  deliveries?: Record<string, WebhookDelivery[]>;
  /** the page size of the delivery log whatever is asked (to show "Load more") */
  deliveryPageSize?: number;
  /** the server runs with ALLOW_PRIVATE_WEBHOOK_URLS=1: http and private addresses accepted */
  allowPrivateWebhookUrls?: boolean;
}

type Answer = <T>(method: keyof AdminWebhooksApi, args: unknown[], produce: () => T) => Promise<T>;

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const at = (day: number, hour = 9, minute = 0) => new Date(Date.UTC(2026, 2, day, hour, minute)).toISOString();

export const webhookEndpoints: WebhookEndpoint[] = [
  {
    id: 1,
    url: 'https://hooks.northwind.example/partner-center',
    description: 'Order system: commissions and payments',
    events: ['commission.created', 'commission.approved', 'commission.clawed_back', 'payment.created'],
    status: 'enabled',
    disabledReason: null,
    createdAt: at(1),
    lastDelivery: { at: at(2, 10, 30), status: 'delivered', responseCode: 200 },
  },
  {
    id: 2,
    url: 'https://crm.example.com/webhooks/partners',
    description: null,
    events: ['partner.created', 'partner.approved'],
    status: 'disabled',
    disabledReason: 'Every delivery failed for 3 days (last answer: 500). Fix the endpoint, then enable it again.',
    createdAt: at(1, 11),
    lastDelivery: { at: at(2, 8), status: 'failed', responseCode: 500 },
  },
];

export function delivery(id: number, eventType: string, status: DeliveryStatus, extra: Partial<WebhookDelivery> = {}): WebhookDelivery {
  const createdAt = at(2, 9, id);
  return {
    id,
    eventType,
    eventId: `evt_${String(id).padStart(6, '0')}`,
    status,
    attempts: status === 'pending' ? 0 : 1,
    responseCode: status === 'delivered' ? 200 : null,
    durationMs: status === 'pending' ? null : 120 + id,
    lastError: null,
    createdAt,
    nextAttemptAt: status === 'pending' ? createdAt : null,
    deliveredAt: status === 'delivered' ? createdAt : null,
    ...extra,
  };
}

/** Endpoint 1: delivered, failed then retried, pending; endpoint 2: failing for days. */
export const webhookDeliveries: Record<string, WebhookDelivery[]> = {
  '1': [
    delivery(1, 'commission.created', 'delivered'),
    delivery(2, 'commission.created', 'delivered', { attempts: 3, durationMs: 2_480 }),
    delivery(3, 'payment.created', 'failed', { attempts: 12, responseCode: 503, lastError: 'The endpoint answered 503 Service Unavailable', deliveredAt: null }),
    delivery(4, 'commission.approved', 'pending', { attempts: 2, responseCode: 500, durationMs: 340, lastError: 'The endpoint answered 500', nextAttemptAt: at(2, 11) }),
    delivery(5, 'commission.created', 'delivered'),
  ],
  '2': [delivery(6, 'partner.created', 'failed', { attempts: 20, responseCode: 500, lastError: 'The endpoint answered 500 Internal Server Error' })],
};

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$|0\.0\.0\.0)/i;
const invalidField = (field: string, message: string) => new ApiError(400, 'invalid_request', `${field}: ${message}`, field);
const KNOWN = new Set<string>(WEBHOOK_EVENTS.map((e) => e.type));

export function fakeWebhooksApi(options: FakeWebhooksOptions, answer: Answer): AdminWebhooksApi {
  const endpoints = (options.webhooks ?? webhookEndpoints).map((e) => structuredClone(e));
  const deliveries = new Map<string, WebhookDelivery[]>(Object.entries(options.deliveries ?? webhookDeliveries).map(([id, list]) => [id, list.map((d) => ({ ...d }))]));
  const pageSize = options.deliveryPageSize ?? 50;
  let nextId = 100;

  const ownerAnswer: Answer = (method, args, produce) =>
    answer(method, args, () => {
      if (options.role === 'staff') throw new ApiError(403, 'forbidden', 'Only an owner can manage webhooks.');
      return produce();
    });
  const find = (id: WebhookId) => {
    const e = endpoints.find((x) => String(x.id) === String(id));
    if (!e) throw new ApiError(404, 'not_found', `Webhook endpoint ${id} not found`);
    return e;
  };
  const checkUrl = (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalidField('url', 'is not a URL (like https://example.com/webhooks)');
    }
    const relaxed = options.allowPrivateWebhookUrls;
    if (parsed.protocol !== 'https:' && !(relaxed && parsed.protocol === 'http:')) throw invalidField('url', 'must start with https://');
    if (!relaxed && PRIVATE_HOST.test(parsed.hostname)) throw invalidField('url', `${parsed.hostname} is a private or loopback address; use a public one`);
  };
  const checkEvents = (events: string[]) => {
    if (!events.length) throw invalidField('events', 'choose at least one event');
    const unknown = events.find((e) => !KNOWN.has(e));
    if (unknown) throw invalidField('events', `"${unknown}" is not an event`);
  };
  const queue = (endpointId: WebhookId, eventType: string) => {
    const d = delivery(++nextId, eventType, 'pending', { createdAt: new Date().toISOString(), nextAttemptAt: new Date().toISOString() });
    const list = deliveries.get(String(endpointId)) ?? [];
    list.push(d);
    deliveries.set(String(endpointId), list);
    return d;
  };

  return {
    webhooks: () => ownerAnswer('webhooks', [], () => endpoints.map((e) => structuredClone(e))),
    createWebhook: (input: WebhookEndpointInput) =>
      ownerAnswer('createWebhook', [input], () => {
        checkUrl(input.url);
        checkEvents(input.events);
        const endpoint: WebhookEndpoint = {
          id: ++nextId,
          url: input.url,
          description: input.description || null,
          events: [...input.events],
          status: 'enabled',
          disabledReason: null,
          createdAt: new Date().toISOString(),
          lastDelivery: null,
        };
        endpoints.push(endpoint);
        return { ...structuredClone(endpoint), secret: WEBHOOK_SECRET };
      }),
    updateWebhook: (id, patch: WebhookEndpointPatch) =>
      ownerAnswer('updateWebhook', [id, patch], () => {
        const e = find(id);
        if (patch.url !== undefined) checkUrl(patch.url);
        if (patch.events !== undefined) checkEvents(patch.events);
        if (patch.url !== undefined) e.url = patch.url;
        if (patch.events !== undefined) e.events = [...patch.events];
        if (patch.description !== undefined) e.description = patch.description || null;
        if (patch.status !== undefined) {
          e.status = patch.status;
          e.disabledReason = patch.status === 'disabled' ? 'Disabled by owner@northwind.example' : null;
        }
        return structuredClone(e);
      }),
    deleteWebhook: (id) =>
      ownerAnswer('deleteWebhook', [id], () => {
        endpoints.splice(endpoints.indexOf(find(id)), 1);
      }),
    testWebhook: (id) =>
      ownerAnswer('testWebhook', [id], () => {
        find(id);
        return { deliveryId: queue(id, 'webhook.test').id };
      }),
    webhookDeliveries: (id, query) =>
      ownerAnswer('webhookDeliveries', [id, query], () => {
        find(id);
        const rows = [...(deliveries.get(String(id)) ?? [])].sort((a, b) => Number(b.id) - Number(a.id));
        // keyset: the cursor is the last id seen
        const after = query.cursor ? Number(query.cursor) : Infinity;
        const limit = Math.min(query.limit ?? 50, pageSize);
        const rest = rows.filter((d) => Number(d.id) < after);
        const slice = rest.slice(0, limit);
        return { deliveries: slice.map((d) => ({ ...d })), nextCursor: rest.length > limit ? String(slice.at(-1)!.id) : null };
      }),
    resendDelivery: (deliveryId) =>
      ownerAnswer('resendDelivery', [deliveryId], () => {
        for (const [endpointId, list] of deliveries) {
          const d = list.find((x) => String(x.id) === String(deliveryId));
          if (d) return { ...queue(endpointId, d.eventType), eventId: d.eventId };
        }
        throw new ApiError(404, 'not_found', `Delivery ${deliveryId} not found`);
      }),
  };
}
