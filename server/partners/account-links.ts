import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { getSettings } from '../catalog/settings.js';

/**
 * The pages links in account emails open. A partner's browser says which page it is on
 * (`resetUrl`, `confirmUrl`); the server puts a secret token in a link to it, so the page must be
 * one the merchant stands behind, or anyone could have a partner mailed a link that hands their
 * token to a stranger's site. Allowed: the origins in ALLOWED_ORIGINS and settings.allowedOrigins
 * (named one by one: `*` lets any page call the API but names no page to trust with a token),
 * PUBLIC_URL, and this server itself. Anything else falls back to this server's /portal.
 */

/** This server's origin as partners reach it: PUBLIC_URL, else the origin the request came to. */
export const serverOrigin = (deps: Deps, c: Context): string => deps.config.publicUrl ?? new URL(c.req.url).origin;

const originOf = (url: string): string | null => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/** `page` (without its #fragment) when its origin is allowed; otherwise this server's /portal. */
export async function linkPage(deps: Deps, page: string | undefined | null, server: string): Promise<string> {
  const fallback = `${server}/portal`;
  const origin = page ? originOf(page) : null;
  if (!page || !origin) return fallback;
  const allowed = new Set([...deps.config.allowedOrigins, ...(await getSettings(deps)).allowedOrigins, server]);
  if (deps.config.publicUrl) allowed.add(deps.config.publicUrl);
  allowed.delete('*');
  if (!allowed.has(origin)) return fallback;
  const url = new URL(page);
  url.hash = '';
  return url.toString();
}

/** `page` with `name=value` set in its query (its other parameters kept). */
export function withParam(page: string, name: string, value: string): string {
  const url = new URL(page);
  url.searchParams.set(name, value);
  return url.toString();
}

/** The merchant console's page of a partner: `<origin>/admin#/partners/<code>`. */
export const consolePartnerLink = (origin: string, code: string) => `${origin}/admin#/partners/${encodeURIComponent(code)}`;
