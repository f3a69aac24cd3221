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
  'webhook_disabled',
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

// ── the merchant's outbox and email settings (admin API) ─────────────────────────────────────

export const OutboxMessageSchema = z.object({
  id: z.number().int(),
  kind: mailKindSchema,
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  partnerCode: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxMessageDetailSchema = OutboxMessageSchema.extend({
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
});
export type OutboxMessageDetail = z.infer<typeof OutboxMessageDetailSchema>;

export const OutboxPageSchema = z.object({ messages: z.array(OutboxMessageSchema), nextCursor: z.string().nullable() });
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const outboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES, { error: `must be one of ${OUTBOX_STATUSES.join(', ')}` }).optional(),
  kind: mailKindSchema.optional(),
  to: z.string().trim().max(254, 'must be at most 254 characters').optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().max(800, 'is not a cursor from this list').optional(),
});

const kindsRecord = z.object(Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean()])) as Record<MailKind, z.ZodBoolean>);

export const EmailSettingsSchema = z.object({
  smtpUrl: z.string().nullable(),
  smtpUrlFrom: z.enum(['env', 'settings']).nullable(),
  mailFrom: z.string(),
  notifyAddress: z.string().nullable(),
  kinds: kindsRecord,
});
export type EmailSettings = z.infer<typeof EmailSettingsSchema>;

export const emailSettingsPatchSchema = z
  .object({
    smtpUrl: z.string({ error: 'must be text or null' }).trim().max(2000, 'must be at most 2000 characters').nullable(),
    mailFrom: z.string({ error: 'must be text or null' }).trim().max(320, 'must be at most 320 characters').nullable(),
    notifyAddress: z.string({ error: 'must be text or null' }).trim().max(254, 'must be at most 254 characters').nullable(),
    kinds: z
      .object(Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean({ error: 'must be true or false' })])) as Record<MailKind, z.ZodBoolean>)
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type EmailSettingsPatch = z.infer<typeof emailSettingsPatchSchema>;

export const testMailSchema = z.object({ to: z.string({ error: 'is required' }).trim().max(254, 'must be at most 254 characters') }).strict();

export const templateInputSchema = z
  .object({
    subject: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(250, 'must be at most 250 characters'),
    body: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
  })
  .strict();
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const MailTemplateSchema = z.object({
  kind: mailKindSchema,
  title: z.string(),
  description: z.string(),
  subject: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  customized: z.boolean(),
});
export type MailTemplateView = z.infer<typeof MailTemplateSchema>;

export const TemplatePreviewSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type TemplatePreview = z.infer<typeof TemplatePreviewSchema>;
