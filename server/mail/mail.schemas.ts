import { z } from 'zod';

/**
 * Email: the kinds of message, and the request and answer shapes of the outbox and email
 * routes (zod only, so the console's types can read them).
 */

export const MAIL_KINDS = [
  'password_reset',
  'email_confirmation',
  'signup_received',
  'signup_waiting',
  'signup_approved',
  'signup_rejected',
  'security_change',
  'commission_earned',
  'commission_digest',
  'payment_sent',
  'monthly_statement',
  'test',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Kinds a partner may opt out of (they carry List-Unsubscribe). */
export const NOTIFICATION_KINDS = ['commission_earned', 'commission_digest', 'payment_sent', 'monthly_statement'] as const satisfies readonly MailKind[];

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'kept'] as const;
export type OutboxStatusName = (typeof OUTBOX_STATUSES)[number];

export const mailKindSchema = z.enum(MAIL_KINDS, { error: `must be one of ${MAIL_KINDS.join(', ')}` });

export const commissionNoticeSchema = z.enum(['immediate', 'daily', 'off'], { error: 'must be "immediate", "daily" or "off"' });

export const notificationPreferencesSchema = z.object({
  commission: commissionNoticeSchema,
  payment: z.boolean({ error: 'must be true or false' }),
  statement: z.boolean({ error: 'must be true or false' }),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const notificationPreferencesPatchSchema = notificationPreferencesSchema.partial().strict();
export type NotificationPreferencesPatch = z.infer<typeof notificationPreferencesPatchSchema>;
