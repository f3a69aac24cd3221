import type { Deps } from '../deps.js';
import { startSession, type Session } from './auth.js';
import { DomainError, notFound } from '../shared/errors.js';
import { findPartnerByCode } from './partners.js';
import { hashToken, newToken } from './tokens.js';
import { audit } from '../merchants/audit.js';

export const EMBED_TTL_DEFAULT_SECONDS = 300;

/**
 * Mints a short-lived, single-use embed token for a partner, for a merchant whose partners are
 * already signed in on the merchant's own site. The merchant's backend hands it to the page;
 * the elements exchange it once for a normal session (`exchangeEmbedToken`). It is stored
 * hashed as a session of kind 'embed', which no partner route accepts directly.
 */
export async function mintEmbedToken(deps: Deps, partnerCode: string, ttlSeconds = EMBED_TTL_DEFAULT_SECONDS) {
  const partner = await findPartnerByCode(deps, partnerCode);
  if (!partner) throw notFound(`Partner "${partnerCode}"`, 'unknown_partner');
  if (partner.status !== 'active') {
    throw new DomainError('unprocessable', 'partner_not_active', `Partner "${partner.code}" is ${partner.status}; only active partners can be signed in`, 'partnerCode');
  }
  const token = newToken('pce');
  const now = deps.clock();
  const expiresAt = now + ttlSeconds * 1000;
  await deps.db.kysely
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), partner_id: partner.id, kind: 'embed', created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  // "view as partner" and embedding sign a partner in: who did it is kept (the token never is)
  await audit(deps, { action: 'embed_token.create', target: { type: 'partner', id: partner.code }, after: { partnerCode: partner.code, expiresAt: new Date(expiresAt).toISOString() } });
  return { embedToken: token, expiresAt, partner };
}

/** Trades an unused, unexpired embed token for a partner session; the embed token is spent. */
export async function exchangeEmbedToken(deps: Deps, embedToken: string): Promise<Session> {
  const now = deps.clock();
  const row = await deps.db.kysely
    .selectFrom('sessions')
    .innerJoin('partners', 'partners.id', 'sessions.partner_id')
    .selectAll('partners')
    .select(['sessions.id as session_id'])
    .where('sessions.token_hash', '=', hashToken(embedToken))
    .where('sessions.kind', '=', 'embed')
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) throw new DomainError('unauthorized', 'invalid_embed_token', 'This sign-in link has expired or was used already. Reload the page to get a new one.');
  const spent = await deps.db.kysely
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', row.session_id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw new DomainError('unauthorized', 'invalid_embed_token', 'This sign-in link was used already.');
  if (row.status !== 'active') throw new DomainError('forbidden', 'account_disabled', 'This partner account is not active. Please contact the program manager.');
  const { session_id: _id, ...partner } = row;
  return startSession(deps, partner, 'password', deps.config.sessionTtlHours * 3_600_000);
}
