import { AsyncLocalStorage } from 'node:async_hooks';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { OutboxTable } from '../db/schema.js';
import { MAIL_KINDS, NOTIFICATION_KINDS, type MailKind } from './mail.schemas.js';
import { getMailSettings, kindEnabled, merchantName } from './settings.js';
import { getNotificationPreferences, preferenceOf, wants } from './preferences.js';
import { renderTemplate, templateOf } from './templates.js';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.js';

export { MAIL_KINDS, type MailKind } from './mail.schemas.js';

/** A file attached to a message (`content`: the file's text, e.g. a CSV). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailToQueue {
  kind: MailKind;
  to: string;
  partnerId?: number | null;
  /** the partner's name, code and email when the caller has them already (not read again) */
  partner?: { name: string; code: string; email: string };
  /** the kind's placeholders (see templates.ts), already formatted ("$19.90") */
  data: Record<string, string>;
  attachments?: MailAttachment[];
}

const isNotification = (kind: MailKind) => (NOTIFICATION_KINDS as readonly MailKind[]).includes(kind);

/** Wakes the mail worker(s) of a database: set by worker.ts, called after each message is queued. */
const wakers = new WeakMap<Deps['db'], Set<() => void>>();
export function onMailQueued(deps: Deps, wake: () => void): () => void {
  let set = wakers.get(deps.db);
  if (!set) wakers.set(deps.db, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}

/** Wake-ups asked for after a delay, per database and delay: one timer at a time. */
const delayed = new WeakMap<Deps['db'], Map<number, { again: boolean }>>();

/**
 * Tells this process's mail worker that something is due (after `delayMs`). Delayed wake-ups
 * share one timer per delay: a busy server queues a message with each sale, thousands a second,
 * and a timer each would start the worker's pass (its reads and its claim) as often. A wake-up
 * asked while the timer runs makes it run once more when it fires, so each request is still
 * followed by a wake-up at least `delayMs` after it (and at most twice that).
 */
export function wakeMailWorkers(deps: Deps, delayMs = 0): void {
  const set = wakers.get(deps.db);
  if (!set?.size) return;
  if (delayMs <= 0) {
    for (const wake of set) setTimeout(wake, 0);
    return;
  }
  let timers = delayed.get(deps.db);
  if (!timers) delayed.set(deps.db, (timers = new Map()));
  const pending = timers.get(delayMs);
  if (pending) {
    pending.again = true;
    return;
  }
  const state = { again: false };
  timers.set(delayMs, state);
  const fire = () => {
    for (const wake of set) wake();
    if (!state.again) return void timers.delete(delayMs);
    state.again = false;
    setTimeout(fire, delayMs);
  };
  setTimeout(fire, delayMs);
}

const quiet = new AsyncLocalStorage<true>();

/** Runs `work` queuing no mail: the demo's generated history is news to nobody. */
export const withoutMail = <T>(work: () => Promise<T>): Promise<T> => quiet.run(true, work);

/** The caller's choice (mail or none), to run later work under: cheaper than a whole AsyncLocalStorage.snapshot(). */
export function mailContext(): <T>(work: () => T) => T {
  const store = quiet.getStore();
  return (work) => quiet.run(store as true, work);
}

const partnerOf = prepare((db, p: { id: number }) => db.selectFrom('partners').select(['name', 'code', 'email']).where('id', '=', p.id));
const insertMail = prepare(
  (db, p: Pick<OutboxTable, 'kind' | 'to' | 'partner_id' | 'subject' | 'text' | 'html' | 'created_at'> & { headers: string; attachments: string; next_attempt_at: number }) =>
    db
      .insertInto('outbox')
      .values({
        kind: p.kind,
        to: p.to,
        partner_id: p.partner_id,
        subject: p.subject,
        text: p.text,
        html: p.html,
        headers: p.headers,
        attachments: p.attachments,
        status: 'queued',
        next_attempt_at: p.next_attempt_at,
        created_at: p.created_at,
      })
      .returning('id'),
);

/**
 * Queues one message (rendered now from the kind's template; kept in `outbox`). Returns the
 * outbox id, or null when the merchant switched the kind off or the partner opted out
 * (notification kinds only). Runs inside `trx` when given. Never sends: one insert (and the
 * reads the template needs), then the worker is woken.
 */
export async function enqueueMail(deps: Deps, mail: MailToQueue, trx?: Executor | Runner): Promise<number | null> {
  if (quiet.getStore()) return null;
  const db = asRunner(trx ?? deps.db.kysely);
  if (!(MAIL_KINDS as readonly string[]).includes(mail.kind)) throw new Error(`enqueueMail: unknown kind ${mail.kind}`);
  if (!(await kindEnabled(deps, mail.kind, db))) return null;
  const partnerId = mail.partnerId ?? null;
  const partner = partnerId === null ? undefined : (mail.partner ?? (await db.first(partnerOf(db.db, { id: partnerId }))));
  let listUnsubscribe: string | null = null;
  if (isNotification(mail.kind) && partner) {
    if (!wants(await getNotificationPreferences(deps, partnerId!, db), mail.kind)) return null;
    listUnsubscribe = unsubscribeUrl(deps, await unsubscribeToken(deps, partnerId!, preferenceOf(mail.kind)!, db));
  }
  const name = await merchantName(db);
  const values: Record<string, string> = {
    ...mail.data,
    'merchant.name': name,
    'partner.name': partner?.name ?? '',
    'partner.code': partner?.code ?? '',
    'partner.email': partner?.email ?? '',
  };
  const rendered = renderTemplate(await templateOf(deps, mail.kind, db), values, { merchantName: name, unsubscribeUrl: listUnsubscribe });
  const headers: Record<string, string> = listUnsubscribe
    ? { 'List-Unsubscribe': `<${listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    : {};
  const now = deps.clock();
  const row = await db.one(
    insertMail(db.db, {
      kind: mail.kind,
      to: mail.to.trim(),
      partner_id: partner ? partnerId : null,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: JSON.stringify(headers),
      attachments: JSON.stringify(mail.attachments ?? []),
      next_attempt_at: now,
      created_at: now,
    }),
  );
  // inside a transaction the worker's claim waits for it to commit (one connection); its poll catches the rest
  if (trx) {
    wakeMailWorkers(deps, 50);
    wakeMailWorkers(deps, 1000);
  } else wakeMailWorkers(deps);
  return row.id;
}

/** The merchant's notification address (settings, else MAIL_NOTIFY_TO, else null). */
export async function merchantNotifyAddress(deps: Deps): Promise<string | null> {
  return (await getMailSettings(deps)).notifyAddress;
}
