import type { MailKind } from '../../../server/mail/mail.schemas.js';
import type { TestServer } from '../../helpers/server.js';

/** The admin key the mail tests read the outbox with (GET /api/v1/admin/outbox). */
export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface OutboxText {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  partnerCode: string | null;
}

/**
 * The messages in the outbox, oldest first, with their text, as the merchant sees them
 * (`GET /api/v1/admin/outbox` and `/outbox/{id}`); only `kind` when given.
 */
export async function outbox(s: TestServer, kind?: MailKind, _key = ADMIN_KEY): Promise<OutboxText[]> {
  let query = s.db.kysely
    .selectFrom('outbox')
    .leftJoin('partners', 'partners.id', 'outbox.partner_id')
    .select(['outbox.id', 'outbox.kind', 'outbox.to', 'outbox.subject', 'outbox.text', 'outbox.html', 'outbox.headers', 'partners.code as partnerCode'])
    .orderBy('outbox.id');
  if (kind) query = query.where('outbox.kind', '=', kind);
  return (await query.execute()).map((row) => ({ ...row, headers: JSON.parse(row.headers) }));
}

/** The value of `param` in the first link of a message's text. */
export function linkParam(text: string, param: string): string {
  const match = new RegExp(`[?&]${param}=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${param} link in:\n${text}`);
  return match[1]!;
}

/** The first link in a message's text that carries `param`. */
export function linkWith(text: string, param: string): URL {
  const match = new RegExp(`https?://[^\\s)>\\]]*[?&]${param}=[A-Za-z0-9_-]+[^\\s)>\\]]*`).exec(text);
  if (!match) throw new Error(`no ${param} link in:\n${text}`);
  return new URL(match[0]);
}
