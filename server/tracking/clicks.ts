import { DAY_MS } from '../shared/time.js';
import { hash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { hotPath } from '../db/hot-path.js';
import { checkDestination } from './destinations.js';
import { DomainError } from '../shared/errors.js';
import { cachedSettings, getSettings, type Settings } from '../catalog/settings.js';
import { SUB_PATTERN } from '../shared/validation.js';

/** What the redirect saw. */
export interface ClickInput {
  code: string;
  slug: string;
  ip: string;
  userAgent?: string | null;
  referrer?: string | null;
  /** the partner's ad code from `?sub=`; kept when valid, ignored otherwise */
  sub?: string | null;
  /** a deep link target from `?to=`: must be on the merchant's allowed link domains */
  to?: string | null;
  /** the request's Cookie header: the attribution cookie (`<clickParam>_first`) is read from it */
  cookieHeader?: string | null;
}

export type ClickOutcome =
  /** no such link, or a merchant link that is disabled: a plain 404 page */
  | { kind: 'not_found' }
  /** redirect; `click` when recorded (an active partner), `cookie` when a new attribution cookie starts */
  | {
      kind: 'redirect';
      location: string;
      click?: { id: number; key: string };
      cookie?: { name: string; value: string; maxAgeSeconds: number } | undefined;
    };

const windowCache = new WeakMap<Settings, { days: number; at: number }>();

/**
 * How long the attribution cookie lives: the longest window of the settings and any active
 * program. Cached for a minute (per settings version), so the redirect does not ask each time.
 */
export async function cookieWindowDays(deps: Deps, settings: Settings): Promise<number> {
  const cached = freshWindowDays(settings);
  if (cached !== undefined) return cached;
  const now = Date.now();
  const row = await deps.db.kysely
    .selectFrom('programs')
    .select(sql<number | null>`max(attribution_window_days)`.as('days'))
    .where('status', '=', 'active')
    .executeTakeFirst();
  const days = Math.max(settings.attributionWindowDays, row?.days ?? 0);
  windowCache.set(settings, { days, at: now });
  return days;
}

/** The cookie window when it was asked within the minute (no await on the redirect's path). */
function freshWindowDays(settings: Settings): number | undefined {
  const cached = windowCache.get(settings);
  return cached && Date.now() - cached.at < 60_000 ? cached.days : undefined;
}

/** Forget the cached cookie window (after a program changes). */
export const forgetCookieWindow = (settings: Settings) => windowCache.delete(settings);

const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

/** `destination` with `name=value` added to its query string (before any #fragment). */
export function appendParam(destination: string, name: string, value: string): string {
  const hashAt = destination.indexOf('#');
  const base = hashAt < 0 ? destination : destination.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : destination.slice(hashAt);
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${name}=${encodeURIComponent(value)}${hash}`;
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The salted hash a click keeps instead of the visitor's address. */
export const hashIp = (salt: string, ip: string) => hash('sha256', salt + ip, 'base64url').slice(0, 22);

export const CLICK_KEY_PATTERN = /^[a-f0-9]{32}$/;

/**
 * A click id: 32 hex characters, the time in milliseconds (12) then 80 random bits (20). Keys
 * that grow with time are appended to the end of the unique index instead of scattered over it,
 * so a batch of clicks writes a few pages rather than one per click.
 */
export function newClickKey(now: number): string {
  if (entropyAt + 10 > entropy.length) {
    entropy = randomBytes(4096);
    entropyAt = 0;
  }
  const random = entropy.toString('hex', entropyAt, entropyAt + 10);
  entropyAt += 10;
  return Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12) + random;
}
// random bytes drawn 4 KB at a time: one system call per 409 click ids
let entropy = Buffer.alloc(0);
let entropyAt = 0;

const NOT_FOUND = { kind: 'not_found' } as const;

/**
 * The redirect: records a click for `/r/<code>/<slug>` and says where to send the visitor.
 * Unknown or disabled partner, another partner's deep link, or a deep link its partner
 * disabled: redirect without recording.
 * A `to` off the allowed domains throws `destination_not_allowed` — never an open redirect.
 * The look-ups and the insert run in the hot path's group-committed batch; the answer comes
 * once the click is committed.
 */
export async function recordClick(deps: Deps, input: ClickInput): Promise<ClickOutcome> {
  // each await costs a turn of the microtask queue: taken only when there is something to wait for
  const settings = cachedSettings(deps) ?? (await getSettings(deps));
  const windowDays = freshWindowDays(settings) ?? (await cookieWindowDays(deps, settings));
  const deepTarget = input.to ? await checkDestination(deps, input.to, 'to') : undefined;
  const now = deps.clock();
  const windowMs = windowDays * DAY_MS;
  const param = settings.clickParam;
  // not named like the parameter itself: track.js keeps that one on the merchant's site, which
  // may be this very host, and an HttpOnly cookie of the same name would hide it from the script
  const cookieName = `${param}_first`;
  const cookie = input.cookieHeader ? cookieValue(input.cookieHeader, cookieName) : undefined;
  const q = hotPath(deps.db);
  const hashSalt = q.salt();
  const salt = typeof hashSalt === 'string' ? hashSalt : await hashSalt;

  // the answer is the outcome itself: built once, its click's id filled in once it is stored
  const { answer, id } = await q.click<ClickOutcome>(
    { slug: input.slug.slice(0, 64), code: input.code.slice(0, 64), earlierKey: cookie && CLICK_KEY_PATTERN.test(cookie) ? cookie : undefined },
    ({ link, partner, earlier }) => {
      if (!link) return { answer: NOT_FOUND };
      const target = deepTarget ?? link.destination;
      // a partner's own link they turned off: the visitor still gets to the page, nothing is recorded
      // (no click, no cookie, so no sale is attributed through it); a merchant's disabled link is gone
      if (link.status !== 'active') return { answer: link.partner_id === null ? NOT_FOUND : { kind: 'redirect', location: target } };
      if (!partner || partner.status !== 'active' || (link.partner_id !== null && link.partner_id !== partner.id)) {
        return { answer: { kind: 'redirect', location: target } };
      }
      const firstClickId = earlier && earlier.at >= now - windowMs && earlier.at <= now ? (earlier.first_click_id ?? earlier.id) : null;
      const key = newClickKey(now);
      const row = {
        click_key: key,
        link_id: link.id,
        partner_id: partner.id,
        at: now,
        ip_hash: hashIp(salt, input.ip),
        user_agent: clip(input.userAgent, 512),
        referrer: clip(input.referrer, 2048),
        sub: input.sub && SUB_PATTERN.test(input.sub) ? input.sub : link.sub,
        first_click_id: firstClickId,
      };
      return {
        row,
        answer: {
          kind: 'redirect',
          location: appendParam(target, param, key),
          click: { id: 0, key },
          // a new visitor (or one whose window ran out) starts a chain; later clicks keep its head
          cookie: firstClickId === null ? { name: cookieName, value: key, maxAgeSeconds: windowDays * 86_400 } : undefined,
        },
      };
    },
  );
  if (answer.kind === 'redirect' && answer.click) {
    if (id === undefined) delete answer.click; // not stored: no click to name
    else answer.click.id = id;
  }
  return answer;
}

/** Thrown for a `to` the merchant does not allow; the redirect answers it with a 400 page. */
export const isRefusedTarget = (err: unknown): err is DomainError => err instanceof DomainError && err.field === 'to';
