import type { MailKind, OutboxStatus } from '../api/types.js';

/** Every kind of message, in the order the console lists them, with the name a merchant reads. */
export const MAIL_KINDS: readonly { kind: MailKind; label: string }[] = [
  { kind: 'password_reset', label: 'Password reset' },
  { kind: 'email_confirmation', label: 'Email confirmation' },
  { kind: 'signup_received', label: 'Sign-up received' },
  { kind: 'signup_waiting', label: 'New sign-up waiting (to you)' },
  { kind: 'signup_approved', label: 'Application approved' },
  { kind: 'signup_rejected', label: 'Application rejected' },
  { kind: 'security_change', label: 'Account security change' },
  { kind: 'commission_earned', label: 'New commission' },
  { kind: 'commission_digest', label: 'Daily commission digest' },
  { kind: 'payment_sent', label: 'Payment sent' },
  { kind: 'monthly_statement', label: 'Monthly statement' },
  { kind: 'test', label: 'Test message' },
];

/** "password_reset" → "Password reset"; a kind this console does not know yet → its own name. */
export const kindLabel = (kind: string) => MAIL_KINDS.find((k) => k.kind === kind)?.label ?? kind;

export const isMailKind = (value: string | undefined): value is MailKind => MAIL_KINDS.some((k) => k.kind === value);

/** Each status as a badge says it (in words, not colour alone). */
export const STATUSES: readonly { status: OutboxStatus; label: string; hint: string }[] = [
  { status: 'queued', label: 'Queued', hint: 'waiting to be sent' },
  { status: 'sending', label: 'Sending', hint: 'being handed to the SMTP server' },
  { status: 'sent', label: 'Sent', hint: 'accepted by the SMTP server' },
  { status: 'failed', label: 'Failed', hint: 'gave up after retrying' },
  { status: 'kept', label: 'Kept', hint: 'no SMTP server configured: kept here only' },
];

export const statusLabel = (status: string) => STATUSES.find((s) => s.status === status)?.label ?? status;

export const isOutboxStatus = (value: string | undefined): value is OutboxStatus => STATUSES.some((s) => s.status === value);

/** A message that may be sent again. */
export const retryable = (status: OutboxStatus) => status === 'failed' || status === 'kept';
