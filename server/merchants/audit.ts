import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import type { AuditActorType, AuditLogRow } from '../db/schema.js';
import { actorName, currentActor } from './actor.js';

/** What `audit()` is told about one change. */
export interface AuditEntry {
  /** `<target>.<verb>`, e.g. `program.update` */
  action: string;
  target: { type: string; id?: string | number | null };
  before?: unknown;
  after?: unknown;
}

/** Fields never stored in the log, at any depth: secrets, and payout details in full. */
const SECRET_FIELD = /^(password|passwordHash|password_hash|currentPassword|key|keyHash|key_hash|secret|token|embedToken|deviceToken|token_hash|payoutDetails|payout_details|bytes)$/;

/** A copy of `value` with every secret field replaced by `"[redacted]"` (so a change still shows). */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? (v === null || v === undefined ? v : '[redacted]') : withoutSecrets(v)]),
    );
  }
  return value;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(withoutSecrets(value)));

/**
 * Records one change by the current actor (see actor.ts). Called by the domain write functions,
 * inside their transaction when they have one (`db`), so a change and its entry commit together.
 * Work without an actor (tracking events, the demo seed, housekeeping) is not recorded.
 */
export async function audit(deps: Deps, entry: AuditEntry, db: Executor = deps.db.kysely): Promise<void> {
  const actor = currentActor();
  if (!actor) return;
  await db
    .insertInto('audit_log')
    .values({
      at: deps.clock(),
      actor_type: actor.type,
      actor: actorName(actor),
      action: entry.action,
      target_type: entry.target.type,
      target_id: entry.target.id === undefined || entry.target.id === null ? null : String(entry.target.id),
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

export interface AuditView {
  id: number;
  at: string;
  actorType: AuditActorType;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export const auditView = (row: AuditLogRow): AuditView => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actorType: row.actor_type,
  actor: row.actor,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  before: row.before === null ? null : JSON.parse(row.before),
  after: row.after === null ? null : JSON.parse(row.after),
});

export interface AuditQuery {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
  /** the id of the last entry of the previous page */
  cursor?: number;
  limit: number;
}

/** Entries newest first, one page at a time (keyset on id): `nextCursor` is null on the last page. */
export async function listAudit(deps: Deps, q: AuditQuery): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  let query = deps.db.kysely.selectFrom('audit_log').selectAll();
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<', q.to);
  if (q.cursor !== undefined) query = query.where('id', '<', q.cursor);
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { items: page.map(auditView), nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
