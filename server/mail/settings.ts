import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, keptRead, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import { settingsDefaults } from '../catalog/settings.schemas.js';
import { MAIL_KINDS, type MailKind } from './mail.schemas.js';

/**
 * The merchant's email settings. The environment (SMTP_URL, MAIL_FROM, MAIL_NOTIFY_TO) gives the
 * defaults; what the owner sets in the console wins over it (a cleared field falls back to the
 * environment again), so an owner can fix a broken SMTP server without a redeploy.
 */
export interface MailSettings {
  /** with its password: never send this to a client (see maskSmtpUrl) */
  smtpUrl: string | null;
  smtpUrlFrom: 'env' | 'settings' | null;
  /** the From header: an address or `Name <address>` */
  mailFrom: string;
  notifyAddress: string | null;
  kinds: Record<MailKind, boolean>;
}

interface Row {
  smtp_url: string | null;
  mail_from: string | null;
  notify_address: string | null;
  kinds_off: string;
  /** the unsubscribe links' secret (see signingKey): read with the rest, never shown */
  signing_key: string | null;
}

// one read of the row for both what a message needs to be queued and its unsubscribe link's key
const mailSettingsRow = prepare((db, _: object) =>
  db.selectFrom('mail_settings').select(['smtp_url', 'mail_from', 'notify_address', 'kinds_off', 'signing_key']).where('id', '=', 1),
);
const merchantNameRow = prepare((db, _: object) => db.selectFrom('settings').select('value').where('key', '=', 'merchantName'));

export async function storedMailSettings(deps: Deps, db: Executor | Runner = deps.db.kysely): Promise<Row | undefined> {
  const run = asRunner(db);
  return keptRead(run, 'mail.settings', () => run.first(mailSettingsRow(run.db, {})));
}

const kindsOff = (row: Row | undefined): Set<string> => {
  try {
    const list: unknown = JSON.parse(row?.kinds_off ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
};

/**
 * The merchant's name, read through `db` (inside an open transaction the settings cache's own
 * query would wait for the transaction's connection forever).
 */
export async function merchantName(db: Executor | Runner): Promise<string> {
  const run = asRunner(db);
  const row = await keptRead(run, 'settings.merchantName', () => run.first(merchantNameRow(run.db, {})));
  try {
    const name: unknown = row ? JSON.parse(row.value) : undefined;
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // a hand-edited bad value: the default
  }
  return settingsDefaults.merchantName;
}

/** A From for an installation that set none: the merchant's name at no-reply@ the public host. */
async function defaultFrom(deps: Deps, db: Executor): Promise<string> {
  const host = deps.config.publicUrl ? new URL(deps.config.publicUrl).hostname : 'localhost';
  const name = (await merchantName(db)).replace(/["<>\\]/g, '');
  return `"${name}" <no-reply@${host.includes('.') ? host : 'localhost.localdomain'}>`;
}

export async function getMailSettings(deps: Deps, db: Executor = deps.db.kysely): Promise<MailSettings> {
  const row = await storedMailSettings(deps, db);
  const off = kindsOff(row);
  const smtpUrl = row?.smtp_url ?? deps.config.smtpUrl ?? null;
  return {
    smtpUrl,
    smtpUrlFrom: row?.smtp_url ? 'settings' : deps.config.smtpUrl ? 'env' : null,
    mailFrom: row?.mail_from ?? deps.config.mailFrom ?? (await defaultFrom(deps, db)),
    notifyAddress: row?.notify_address ?? deps.config.mailNotifyTo ?? null,
    kinds: Object.fromEntries(MAIL_KINDS.map((kind) => [kind, !off.has(kind)])) as Record<MailKind, boolean>,
  };
}

/** Is the merchant sending this kind? (One indexed read; the test message is always sent.) */
export async function kindEnabled(deps: Deps, kind: MailKind, db: Executor | Runner = deps.db.kysely): Promise<boolean> {
  if (kind === 'test') return true;
  return !kindsOff(await storedMailSettings(deps, db)).has(kind);
}

/** The SMTP URL with its password replaced by "••••" (what clients and logs may see). */
export function maskSmtpUrl(smtpUrl: string | null): string | null {
  if (!smtpUrl) return null;
  try {
    const url = new URL(smtpUrl);
    if (!url.password) return smtpUrl;
    return smtpUrl.replace(`:${url.password}@`, ':••••@');
  } catch {
    return '••••';
  }
}

/** The secret that signs unsubscribe links, made and stored on first use. */
export async function signingKey(deps: Deps, executor: Executor | Runner = deps.db.kysely): Promise<string> {
  const run = asRunner(executor);
  const row = await storedMailSettings(deps, run);
  if (row?.signing_key) return row.signing_key;
  // the row kept without a key is read again after the key is made (a sale that made it may roll back)
  run.kept?.delete('mail.settings');
  const db = run.db;
  const key = randomBytes(32).toString('base64url');
  await db
    .insertInto('mail_settings')
    .values({ id: 1, signing_key: key, updated_at: deps.clock() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ signing_key: (eb) => eb.fn.coalesce('mail_settings.signing_key', eb.val(key)) }))
    .execute();
  const stored = await db.selectFrom('mail_settings').select('signing_key').where('id', '=', 1).executeTakeFirstOrThrow();
  return stored.signing_key!;
}
