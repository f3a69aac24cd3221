import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import { parseInput } from '../shared/validation.js';
import { notificationPreferencesPatchSchema, type MailKind, type NotificationPreferences, type NotificationPreferencesPatch } from './mail.schemas.js';

export type { NotificationPreferences, NotificationPreferencesPatch } from './mail.schemas.js';

/** Everything on, commissions at once: what a partner who never chose gets. */
export const DEFAULT_PREFERENCES: NotificationPreferences = { commission: 'immediate', payment: true, statement: true };

const preferencesRow = prepare((db, p: { partnerId: number }) =>
  db.selectFrom('notification_preferences').select(['commission', 'payment', 'statement']).where('partner_id', '=', p.partnerId),
);

/** What the partner chose to receive. */
export async function getNotificationPreferences(deps: Deps, partnerId: number, db: Executor | Runner = deps.db.kysely): Promise<NotificationPreferences> {
  const run = asRunner(db);
  const row = await run.first(preferencesRow(run.db, { partnerId }));
  return row ? { commission: row.commission, payment: row.payment === 1, statement: row.statement === 1 } : { ...DEFAULT_PREFERENCES };
}

/** Changes exactly the fields named (bad input: a DomainError naming the field). Returns the new choice. */
export async function setNotificationPreferences(deps: Deps, partnerId: number, patch: NotificationPreferencesPatch): Promise<NotificationPreferences> {
  const data = parseInput(notificationPreferencesPatchSchema, patch);
  const next = { ...(await getNotificationPreferences(deps, partnerId)), ...data };
  const values = { commission: next.commission, payment: next.payment ? 1 : 0, statement: next.statement ? 1 : 0 } as const;
  await deps.db.kysely
    .insertInto('notification_preferences')
    .values({ partner_id: partnerId, ...values, updated_at: deps.clock() })
    .onConflict((oc) => oc.column('partner_id').doUpdateSet({ ...values, updated_at: deps.clock() }))
    .execute();
  return next;
}

/** The preference that governs a kind, or null when the partner cannot opt out of it. */
export function preferenceOf(kind: MailKind): keyof NotificationPreferences | null {
  switch (kind) {
    case 'commission_earned':
    case 'commission_digest':
      return 'commission';
    case 'payment_sent':
      return 'payment';
    case 'monthly_statement':
      return 'statement';
    default:
      return null;
  }
}

/** Does the partner want this kind? commission_earned only with "immediate", the digest only with "daily". */
export function wants(preferences: NotificationPreferences, kind: MailKind): boolean {
  switch (kind) {
    case 'commission_earned':
      return preferences.commission === 'immediate';
    case 'commission_digest':
      return preferences.commission === 'daily';
    case 'payment_sent':
      return preferences.payment;
    case 'monthly_statement':
      return preferences.statement;
    default:
      return true;
  }
}
