import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Deps } from '../deps.js';
import { isEmailAddress, isMailbox, isSmtpUrl } from '../config.js';
import { audit } from '../merchants/audit.js';
import { DomainError, invalid, notFound } from '../shared/errors.js';
import { afterKey, keysetPage } from '../shared/keyset.js';
import { parseInput } from '../shared/validation.js';
import {
  emailSettingsPatchSchema,
  MAIL_KINDS,
  NOTIFICATION_KINDS,
  templateInputSchema,
  type EmailSettings,
  type EmailSettingsPatch,
  type MailKind,
  type MailTemplateView,
  type OutboxMessage,
  type OutboxMessageDetail,
  type OutboxPage,
  type OutboxStatusName,
  type TemplateInput,
} from './mail.schemas.js';
import { enqueueMail, wakeMailWorkers } from './outbox.js';
import { getMailSettings, maskSmtpUrl, merchantName, storedMailSettings } from './settings.js';
import { checkTemplate, placeholdersOf, renderTemplate, TEMPLATES, templateOf } from './templates.js';
import { forgetTransports } from './transport.js';

/** The merchant's side of email: the outbox, the email settings and the templates. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const outboxColumns = [
  'outbox.id',
  'outbox.kind',
  'outbox.to',
  'outbox.subject',
  'outbox.status',
  'outbox.attempts',
  'outbox.last_error',
  'outbox.created_at',
  'outbox.next_attempt_at',
  'outbox.sent_at',
  'partners.code as partner_code',
] as const;

interface OutboxListRow {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatusName;
  attempts: number;
  last_error: string | null;
  created_at: number;
  next_attempt_at: number | null;
  sent_at: number | null;
  partner_code: string | null;
}

const messageView = (row: OutboxListRow): OutboxMessage => ({
  id: row.id,
  // written only by enqueueMail, from MAIL_KINDS
  kind: row.kind as MailKind,
  to: row.to,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: iso(row.created_at)!,
  nextAttemptAt: row.status === 'queued' || row.status === 'sending' ? iso(row.next_attempt_at) : null,
  sentAt: iso(row.sent_at),
  partnerCode: row.partner_code,
});

export interface OutboxQuery {
  status?: OutboxStatusName | undefined;
  kind?: MailKind | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** The outbox, newest first, a page at a time (keyset cursor on the id). */
export async function listOutbox(deps: Deps, query: OutboxQuery): Promise<OutboxPage> {
  const page = await keysetPage<OutboxListRow>(
    'outbox:id:desc',
    ['number'],
    { cursor: query.cursor, limit: query.limit },
    (after, limit) => {
      let q = deps.db.kysely.selectFrom('outbox').leftJoin('partners', 'partners.id', 'outbox.partner_id').select(outboxColumns);
      if (query.status) q = q.where('outbox.status', '=', query.status);
      if (query.kind) q = q.where('outbox.kind', '=', query.kind);
      if (query.to) q = q.where(sql<boolean>`${sql.raw(dialectOf(deps.db.kysely) === 'sqlite' ? 'instr' : 'strpos')}(lower(outbox."to"), lower(${query.to})) > 0`);
      if (after) q = q.where((eb) => afterKey(eb, ['outbox.id'], after, 'desc'));
      return q.orderBy('outbox.id', 'desc').limit(limit).execute() as Promise<OutboxListRow[]>;
    },
    (row) => [row.id],
    50,
  );
  return { messages: page.rows.map(messageView), nextCursor: page.nextCursor };
}

export async function outboxMessage(deps: Deps, id: number): Promise<OutboxMessageDetail> {
  const row = await deps.db.kysely
    .selectFrom('outbox')
    .leftJoin('partners', 'partners.id', 'outbox.partner_id')
    .select([...outboxColumns, 'outbox.text', 'outbox.html', 'outbox.headers'])
    .where('outbox.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Message', 'message_not_found');
  let headers: Record<string, string> = {};
  try {
    headers = JSON.parse(row.headers);
  } catch {
    // a hand edit: no headers
  }
  return { ...messageView(row as OutboxListRow), text: row.text, html: row.html, headers };
}

/** Queues a failed or kept message again (a new round of tries); 409 for any other status. */
export async function retryMessage(deps: Deps, id: number): Promise<OutboxMessage> {
  const current = await outboxMessage(deps, id);
  const result = await deps.db.kysely
    .updateTable('outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: deps.clock(), locked_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'kept'])
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) {
    throw new DomainError('conflict', 'not_retryable', `This message is ${current.status}: only a failed or kept message can be sent again`, 'status');
  }
  await audit(deps, { action: 'outbox.retry', target: { type: 'outbox', id } });
  wakeMailWorkers(deps);
  const { text: _t, html: _h, headers: _hd, ...view } = await outboxMessage(deps, id);
  return view;
}

// ── settings ───────────────────────────────────────────────────────────────────────────────

export async function emailSettingsView(deps: Deps): Promise<EmailSettings> {
  const settings = await getMailSettings(deps);
  return { ...settings, smtpUrl: maskSmtpUrl(settings.smtpUrl) };
}

/**
 * Changes exactly the fields named; null clears a field back to the environment's value.
 * A URL sent back with its password still masked ("••••") keeps the stored password.
 */
export async function changeEmailSettings(deps: Deps, patch: EmailSettingsPatch): Promise<EmailSettings> {
  const data = parseInput(emailSettingsPatchSchema, patch);
  const stored = await storedMailSettings(deps);
  const before = await emailSettingsView(deps);
  let smtpUrl = data.smtpUrl;
  if (smtpUrl) {
    if (smtpUrl.includes(':••••@')) {
      const previous = (await getMailSettings(deps)).smtpUrl;
      const password = previous ? (() => { try { return new URL(previous).password; } catch { return ''; } })() : '';
      if (!password) throw invalid('smtpUrl', 'smtpUrl: type the SMTP password (the masked one "••••" is not stored here)');
      smtpUrl = smtpUrl.replace(':••••@', `:${password}@`);
    }
    if (!isSmtpUrl(smtpUrl)) throw invalid('smtpUrl', 'smtpUrl: is not an SMTP URL like smtps://user:pass@smtp.example.com:465');
  }
  if (data.mailFrom && !isMailbox(data.mailFrom)) throw invalid('mailFrom', 'mailFrom: is not an email address, or "Name <address>"');
  if (data.notifyAddress && !isEmailAddress(data.notifyAddress)) throw invalid('notifyAddress', 'notifyAddress: is not an email address');
  let kindsOff: string[] = (() => {
    try {
      return JSON.parse(stored?.kinds_off ?? '[]') as string[];
    } catch {
      return [];
    }
  })();
  if (data.kinds) {
    const off = new Set(kindsOff);
    for (const [kind, on] of Object.entries(data.kinds)) (on ? off.delete(kind) : off.add(kind));
    kindsOff = MAIL_KINDS.filter((k) => off.has(k));
  }
  const values = {
    smtp_url: smtpUrl === undefined ? (stored?.smtp_url ?? null) : smtpUrl || null,
    mail_from: data.mailFrom === undefined ? (stored?.mail_from ?? null) : data.mailFrom || null,
    notify_address: data.notifyAddress === undefined ? (stored?.notify_address ?? null) : data.notifyAddress || null,
    kinds_off: JSON.stringify(kindsOff),
    updated_at: deps.clock(),
  };
  await deps.db.kysely
    .insertInto('mail_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  const after = await emailSettingsView(deps);
  forgetTransports((await getMailSettings(deps)).smtpUrl);
  const changed = Object.keys(data) as (keyof EmailSettings)[];
  await audit(deps, {
    action: 'email_settings.update',
    target: { type: 'email_settings' },
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
  return after;
}

/** Queues a test message to `to`. */
export async function queueTestMail(deps: Deps, to: string): Promise<number> {
  if (!isEmailAddress(to)) throw invalid('to', 'to: is not an email address');
  const id = await enqueueMail(deps, { kind: 'test', to, data: {} });
  await audit(deps, { action: 'email.test', target: { type: 'outbox', id }, after: { to } });
  return id!;
}

// ── templates ──────────────────────────────────────────────────────────────────────────────

export const parseKind = (value: string): MailKind => {
  if ((MAIL_KINDS as readonly string[]).includes(value)) return value as MailKind;
  throw notFound(`Message kind ${value}`, 'kind_not_found');
};

async function templateView(deps: Deps, kind: MailKind): Promise<MailTemplateView> {
  const t = await templateOf(deps, kind);
  const def = TEMPLATES[kind];
  return { kind, title: def.title, description: def.description, subject: t.subject, body: t.body, placeholders: placeholdersOf(kind), customized: t.customized };
}

export async function listTemplates(deps: Deps): Promise<MailTemplateView[]> {
  return Promise.all(MAIL_KINDS.map((kind) => templateView(deps, kind)));
}

export async function saveTemplate(deps: Deps, kind: MailKind, input: TemplateInput): Promise<MailTemplateView> {
  const data = parseInput(templateInputSchema, input);
  checkTemplate(kind, data);
  const before = await templateOf(deps, kind);
  const now = deps.clock();
  await deps.db.kysely
    .insertInto('mail_templates')
    .values({ kind, subject: data.subject, body: data.body, updated_at: now })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ subject: data.subject, body: data.body, updated_at: now }))
    .execute();
  await audit(deps, { action: 'email_template.update', target: { type: 'email_template', id: kind }, before: { subject: before.subject, body: before.body }, after: data });
  return templateView(deps, kind);
}

export async function resetTemplate(deps: Deps, kind: MailKind): Promise<MailTemplateView> {
  const before = await templateOf(deps, kind);
  await deps.db.kysely.deleteFrom('mail_templates').where('kind', '=', kind).execute();
  if (before.customized) {
    await audit(deps, { action: 'email_template.reset', target: { type: 'email_template', id: kind }, before: { subject: before.subject, body: before.body } });
  }
  return templateView(deps, kind);
}

const SAMPLE_PARTNER = { 'partner.name': 'Alex Partner', 'partner.code': 'ALEX', 'partner.email': 'alex@example.com' };

/** The template rendered with sample values, as a partner would get it (same checks as saving). */
export async function previewTemplate(deps: Deps, kind: MailKind, input: TemplateInput) {
  const data = parseInput(templateInputSchema, input);
  checkTemplate(kind, data);
  const name = await merchantName(deps.db.kysely);
  const notification = (NOTIFICATION_KINDS as readonly string[]).includes(kind);
  const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return renderTemplate(data, { ...TEMPLATES[kind].sample, ...SAMPLE_PARTNER, 'merchant.name': name }, {
    merchantName: name,
    unsubscribeUrl: notification ? `${origin}/api/v1/email/unsubscribe?token=sample` : null,
  });
}
