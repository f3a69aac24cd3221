/**
 * The Email part of the fake admin API (the contract of issue 12): the outbox newest first with
 * keyset cursors and filters, retry of failed or kept messages only (409 else), the sending
 * settings with the SMTP password never given back ("••••"), a test message, and the templates
 * — an unknown placeholder refused (400 `unknown_placeholder` naming `subject` or `body`), a
 * preview rendered with sample data. Owner only: staff get 403 as from the server.
 */
import type {
  AdminEmailApi,
  AdminRole,
  EmailSettings,
  EmailTemplate,
  EmailTemplateInput,
  MailKind,
  OutboxMessage,
  OutboxMessageDetail,
  OutboxStatus,
} from '../../admin/api/types.js';
import { previewMarkdown } from '../../admin/internal/markdown-preview.js';
import { kindLabel, MAIL_KINDS } from '../../admin/partner-admin-email/mail-kinds.js';
import { ApiError } from '../../src/api/errors.js';

export interface FakeEmailOptions {
  role?: AdminRole;
  /** the outbox, any order (default: {@link outboxMessages}); `[]` for an empty one */
  outbox?: OutboxMessageDetail[];
  /** the SMTP URL saved in the settings, password in clear (default: one on smtp.northwind.example); `null` for none */
  smtpUrl?: string | null;
  /** the server's SMTP_URL environment variable (default: none) */
  envSmtpUrl?: string | null;
  /** template overrides by kind */
  templates?: Partial<Record<MailKind, Partial<EmailTemplate>>>;
  pageSize?: number;
}

type Answer = <T>(method: keyof AdminEmailApi, args: unknown[], produce: () => T) => Promise<T>;

const M = 'merchant.name';
const P = ['partner.name', 'partner.code', 'partner.email'];
const tpl = (kind: MailKind, description: string, subject: string, body: string, extra: string[] = []): EmailTemplate => ({
  kind,
  title: kindLabel(kind),
  description,
  subject,
  body,
  placeholders: [M, ...(kind === 'signup_waiting' || kind === 'test' ? [] : P), ...extra],
  customized: false,
});

/** The default template of each kind, with the placeholders the contract gives it. */
export const defaultTemplates: EmailTemplate[] = [
  tpl('password_reset', 'Sent when a partner asks to reset their password. The link works once, for 1 hour.', 'Reset your {{merchant.name}} partner password', 'Hi {{partner.name}},\n\nSomeone asked to reset the password of your partner account. [Choose a new password]({{link}}) — the link works for {{expiresIn}}.\n\nIf it was not you, ignore this email.', ['link', 'expiresIn']),
  tpl('email_confirmation', 'Sent when a partner signs up or changes their email address.', 'Confirm your email address', 'Hi {{partner.name}},\n\n[Confirm your email address]({{link}}) to receive payouts from {{merchant.name}}.', ['link']),
  tpl('signup_received', 'Sent to a partner who just applied.', 'We received your application', 'Hi {{partner.name}},\n\nThank you for applying to the {{merchant.name}} partner program. We will write again once we have looked at it.'),
  tpl('signup_waiting', 'Sent to your notification address when someone applies.', 'New partner application: {{applicant.name}}', '**{{applicant.name}}** ({{applicant.email}}, code {{applicant.code}}) applied.\n\n[Review the application]({{link}})', ['link', 'applicant.name', 'applicant.email', 'applicant.code']),
  tpl('signup_approved', 'Sent when you approve an application.', 'Welcome to the {{merchant.name}} partner program', 'Hi {{partner.name}},\n\nYour application is approved. [Sign in]({{link}}) with your partner code **{{partner.code}}**.', ['link']),
  tpl('signup_rejected', 'Sent when you reject an application, with your reason.', 'Your {{merchant.name}} partner application', 'Hi {{partner.name}},\n\nWe cannot accept your application: {{reason}}', ['reason']),
  tpl('security_change', 'Sent when a partner’s password or payout details change.', 'Your partner account changed', 'Hi {{partner.name}},\n\nThese changed on your account: {{changes}}. If it was not you, write to us at once.', ['changes']),
  tpl('commission_earned', 'Sent for each new commission to partners who chose “immediately”.', 'You earned {{amount}}', 'Hi {{partner.name}},\n\nA {{sale.amount}} sale in {{program}} earned you **{{amount}}**, payable on {{payableOn}}.', ['amount', 'program', 'sale.amount', 'payableOn']),
  tpl('commission_digest', 'Sent once a day to partners who chose the daily digest.', '{{count}} new commissions: {{amount}}', 'Hi {{partner.name}},\n\nYesterday you earned **{{amount}}**:\n\n{{list}}', ['count', 'amount', 'list']),
  tpl('payment_sent', 'Sent when you record a payment to a partner.', 'We paid you {{amount}}', 'Hi {{partner.name}},\n\nWe sent you **{{amount}}** by {{method}} (reference {{reference}}).', ['amount', 'method', 'reference']),
  tpl('monthly_statement', 'Sent at the start of each month with the month’s statement as a CSV file.', 'Your {{month}} statement', 'Hi {{partner.name}},\n\nIn {{month}} you earned {{earned}} and were paid {{paid}}. Balance: {{balance}}, payable now: {{payableNow}}.', ['month', 'earned', 'paid', 'balance', 'payableNow']),
  tpl('test', 'Sent by “Send a test email” in the console.', 'Test message from {{merchant.name}}', 'This is a test message from your partner program. If you read this, sending works.'),
];

/** Sample values the preview fills in (as the server's sample data would). */
const SAMPLE: Record<string, string> = {
  'merchant.name': 'Northwind',
  'partner.name': 'Ann Archer',
  'partner.code': 'ann',
  'partner.email': 'ann@example.com',
  link: 'https://shop.northwind.example/partners?pc_reset=sample-token',
  expiresIn: '1 hour',
  'applicant.name': 'Cleo Cho',
  'applicant.email': 'cleo@example.com',
  'applicant.code': 'cleo',
  reason: 'our program is for shops in the EU.',
  changes: 'password, payout details',
  amount: '$19.90',
  program: 'Friends of Northwind',
  'sale.amount': '$199.00',
  payableOn: 'March 31, 2026',
  count: '2',
  list: '- $19.90 (order A-101)\n- $5.00 (order A-102)',
  method: 'PayPal',
  reference: 'PP-0228',
  month: 'February 2026',
  earned: '$24.90',
  paid: '$50.00',
  balance: '$125.00',
  payableNow: '$100.00',
};

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fill = (text: string, values: Record<string, string>, escape = (s: string) => s) => text.replace(PLACEHOLDER, (_, name: string) => escape(values[name] ?? ''));

/** A message's text and HTML parts as the server renders them: markdown, merchant text escaped in HTML. */
export function renderMail(subject: string, body: string, values: Record<string, string>) {
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#1d2433"><h1 style="font-size:18px">${escapeHtml(values['merchant.name'] ?? 'Northwind')}</h1>${previewMarkdown(fill(body, values, escapeHtml), { base: 'https://partners.example.com' })}</body></html>`;
  return { subject: fill(subject, values), text: fill(body, values), html };
}

const NOTIFICATIONS: MailKind[] = ['commission_earned', 'commission_digest', 'payment_sent', 'monthly_statement'];

/** One outbox message with its parts and headers. */
export function outboxMessage(id: number, kind: MailKind, to: string, status: OutboxStatus, extra: Partial<OutboxMessageDetail> = {}): OutboxMessageDetail {
  const template = defaultTemplates.find((t) => t.kind === kind)!;
  const values = { ...SAMPLE, 'partner.email': to, 'partner.name': extra.partnerCode ? SAMPLE['partner.name']! : '' };
  const { subject, text, html } = renderMail(template.subject, template.body, values);
  const createdAt = new Date(Date.UTC(2026, 2, 1, 9, id * 5)).toISOString();
  const headers: Record<string, string> = {
    From: 'Northwind Partners <partners@northwind.example>',
    To: to,
    Subject: extra.subject ?? subject,
    'Message-ID': `<outbox-${id}@partners.northwind.example>`,
  };
  if (NOTIFICATIONS.includes(kind)) headers['List-Unsubscribe'] = `<https://partners.example.com/api/v1/email/unsubscribe?token=unsub-${id}>`;
  return {
    id,
    kind,
    to,
    subject,
    status,
    attempts: status === 'sent' ? 1 : 0,
    lastError: null,
    createdAt,
    nextAttemptAt: status === 'queued' ? createdAt : null,
    sentAt: status === 'sent' ? new Date(Date.parse(createdAt) + 4_000).toISOString() : null,
    partnerCode: null,
    text,
    html,
    headers,
    ...extra,
  };
}

/** An outbox with every status: sent, queued, sending, failed after retries, kept (no SMTP then). */
export const outboxMessages: OutboxMessageDetail[] = [
  outboxMessage(1, 'signup_approved', 'bob@example.com', 'sent', { partnerCode: 'bob' }),
  outboxMessage(2, 'email_confirmation', 'eve@example.com', 'kept', { partnerCode: 'eve' }),
  outboxMessage(3, 'monthly_statement', 'ann@example.com', 'sent', { partnerCode: 'ann' }),
  outboxMessage(4, 'payment_sent', 'ann@example.com', 'sent', { partnerCode: 'ann' }),
  outboxMessage(5, 'signup_received', 'cleo@example.com', 'sent', { partnerCode: 'cleo' }),
  outboxMessage(6, 'signup_waiting', 'partners@northwind.example', 'sent'),
  outboxMessage(7, 'password_reset', 'bob@example.com', 'failed', { partnerCode: 'bob', attempts: 5, lastError: '535 5.7.8 Authentication credentials invalid' }),
  outboxMessage(8, 'commission_earned', 'ann@example.com', 'sending', { partnerCode: 'ann', attempts: 1 }),
  outboxMessage(9, 'test', 'owner@northwind.example', 'queued', { attempts: 2, lastError: 'connect ETIMEDOUT 203.0.113.5:465', nextAttemptAt: '2026-03-01T10:00:00.000Z' }),
];

export const SETTINGS_SMTP_URL = 'smtps://mailer:s3cret-pass@smtp.northwind.example:465';

/** "smtps://user:pass@host" → "smtps://user:••••@host", as the server gives it back. */
export const maskSmtpUrl = (url: string) => url.replace(/^(smtps?:\/\/[^:@/]*:)[^@]*@/, '$1••••@');

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** "Name <a@b.example>" or "a@b.example" */
const isAddress = (value: string) => EMAIL.test(value) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(value.trim());
const isSmtpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
};
const invalidField = (field: string, message: string) => new ApiError(400, 'invalid_request', `${field}: ${message}`, field);

export function fakeEmailApi(options: FakeEmailOptions, answer: Answer): AdminEmailApi {
  const pageSize = options.pageSize ?? 50;
  const messages = (options.outbox ?? outboxMessages).map((m) => structuredClone(m));
  let savedUrl = options.smtpUrl === undefined ? SETTINGS_SMTP_URL : options.smtpUrl;
  const envUrl = options.envSmtpUrl ?? null;
  let mailFrom = 'Northwind Partners <partners@northwind.example>';
  let notifyAddress: string | null = 'partners@northwind.example';
  const kinds = Object.fromEntries(MAIL_KINDS.map(({ kind }) => [kind, kind !== 'monthly_statement'])) as Record<MailKind, boolean>;
  const templates = new Map<MailKind, EmailTemplate>(defaultTemplates.map((t) => [t.kind, structuredClone({ ...t, ...options.templates?.[t.kind] })]));

  const owner = () => {
    if (options.role === 'staff') throw new ApiError(403, 'forbidden', 'Only an owner can see the outbox and change how email is sent.');
  };
  const ownerAnswer: Answer = (method, args, produce) =>
    answer(method, args, () => {
      owner();
      return produce();
    });
  const summary = ({ text: _t, html: _h, headers: _x, ...m }: OutboxMessageDetail): OutboxMessage => ({ ...m });
  const find = (id: number) => {
    const m = messages.find((x) => x.id === id);
    if (!m) throw new ApiError(404, 'not_found', `Outbox message ${id} not found`);
    return m;
  };
  const settings = (): EmailSettings => {
    const url = savedUrl ?? envUrl;
    return {
      smtpUrl: url ? maskSmtpUrl(url) : null,
      smtpUrlFrom: savedUrl ? 'settings' : envUrl ? 'env' : null,
      mailFrom,
      notifyAddress,
      kinds: { ...kinds },
    };
  };
  const template = (kind: MailKind) => {
    const t = templates.get(kind);
    if (!t) throw new ApiError(404, 'not_found', `No email template "${kind}"`);
    return t;
  };
  /** the server's checks: a subject, and only the kind's placeholders */
  const check = (t: EmailTemplate, input: EmailTemplateInput) => {
    if (!input.subject.trim()) throw invalidField('subject', 'is required');
    if (!input.body.trim()) throw invalidField('body', 'is required');
    for (const field of ['subject', 'body'] as const) {
      for (const [, name] of input[field].matchAll(PLACEHOLDER)) {
        if (!t.placeholders.includes(name!)) {
          throw new ApiError(400, 'unknown_placeholder', `${field}: {{${name}}} is not a placeholder of this message; it has ${t.placeholders.map((p) => `{{${p}}}`).join(', ')}`, field);
        }
      }
    }
  };

  return {
    outbox: (query) =>
      ownerAnswer('outbox', [query], () => {
        const to = query.to?.toLowerCase();
        const rows = messages
          .filter((m) => (!query.status || m.status === query.status) && (!query.kind || m.kind === query.kind) && (!to || m.to.toLowerCase().includes(to)))
          .sort((a, b) => b.id - a.id);
        // keyset: the cursor is the last id seen
        const after = query.cursor ? Number(query.cursor) : Infinity;
        const limit = Math.min(query.limit ?? 50, pageSize);
        const rest = rows.filter((m) => m.id < after);
        const slice = rest.slice(0, limit);
        return { messages: slice.map(summary), nextCursor: rest.length > limit ? String(slice.at(-1)!.id) : null };
      }),
    outboxMessage: (id) => ownerAnswer('outboxMessage', [id], () => structuredClone(find(id))),
    retryOutboxMessage: (id) =>
      ownerAnswer('retryOutboxMessage', [id], () => {
        const m = find(id);
        if (m.status !== 'failed' && m.status !== 'kept') throw new ApiError(409, 'not_retryable', `This message is ${m.status}; only failed or kept messages can be sent again.`);
        Object.assign(m, { status: 'queued' as const, nextAttemptAt: new Date().toISOString() });
        return summary(m);
      }),
    emailSettings: () => ownerAnswer('emailSettings', [], settings),
    updateEmailSettings: (patch) =>
      ownerAnswer('updateEmailSettings', [patch], () => {
        if (typeof patch.smtpUrl === 'string' && !isSmtpUrl(patch.smtpUrl.trim())) {
          throw invalidField('smtpUrl', 'is not an SMTP URL (like smtps://user:password@smtp.example.com:465)');
        }
        if (patch.mailFrom !== undefined && !isAddress(patch.mailFrom)) throw invalidField('mailFrom', 'is not an email address (like Northwind <partners@northwind.example>)');
        if (patch.notifyAddress && !EMAIL.test(patch.notifyAddress)) throw invalidField('notifyAddress', 'is not an email address');
        for (const kind of Object.keys(patch.kinds ?? {})) if (!(kind in kinds)) throw invalidField(`kinds.${kind}`, 'is not a kind of message');
        if (patch.smtpUrl !== undefined) savedUrl = patch.smtpUrl?.trim() || null;
        if (patch.mailFrom !== undefined) mailFrom = patch.mailFrom.trim();
        if (patch.notifyAddress !== undefined) notifyAddress = patch.notifyAddress || null;
        Object.assign(kinds, patch.kinds);
        return settings();
      }),
    sendTestEmail: (to) =>
      ownerAnswer('sendTestEmail', [to], () => {
        if (!EMAIL.test(to)) throw invalidField('to', 'is not an email address');
        const id = Math.max(0, ...messages.map((m) => m.id)) + 1;
        const smtp = savedUrl ?? envUrl;
        messages.push(outboxMessage(id, 'test', to, smtp ? 'queued' : 'kept', { createdAt: new Date().toISOString(), nextAttemptAt: smtp ? new Date().toISOString() : null }));
        return { id };
      }),
    emailTemplates: () => ownerAnswer('emailTemplates', [], () => [...templates.values()].map((t) => structuredClone(t))),
    saveEmailTemplate: (kind, input) =>
      ownerAnswer('saveEmailTemplate', [kind, input], () => {
        const t = template(kind);
        check(t, input);
        Object.assign(t, { subject: input.subject, body: input.body, customized: true });
        return structuredClone(t);
      }),
    resetEmailTemplate: (kind) =>
      ownerAnswer('resetEmailTemplate', [kind], () => {
        const fresh = structuredClone(defaultTemplates.find((t) => t.kind === kind));
        if (!fresh) throw new ApiError(404, 'not_found', `No email template "${kind}"`);
        templates.set(kind, { ...fresh, customized: false });
        return structuredClone(templates.get(kind)!);
      }),
    previewEmailTemplate: (kind, input) =>
      ownerAnswer('previewEmailTemplate', [kind, input], () => {
        check(template(kind), input);
        return renderMail(input.subject, input.body, SAMPLE);
      }),
  };
}
