import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Deps } from '../deps.js';
import type { Database, LinkRow, PartnerRow } from '../db/schema.js';
import { checkDestination, allowedHosts } from '../tracking/destinations.js';
import { DomainError } from '../shared/errors.js';
import { visibilityFor } from './resource-programs.js';
import type { LinkPatch, NewDeepLinkSchema, PartnerLink, PartnerLinks } from './schemas.js';
import { SUB_PATTERN, SUB_RULE } from '../shared/validation.js';
import type { z } from 'zod';

/** How many custom deep links one partner may keep. */
export const MAX_DEEP_LINKS = 500;

/** `<base>/r/<code>/<slug>`, with `?sub=` when there is one. */
export function partnerLinkUrl(base: string, code: string, slug: string, sub?: string | null): string {
  const url = `${base}/r/${encodeURIComponent(code)}/${encodeURIComponent(slug)}`;
  return sub ? `${url}?sub=${encodeURIComponent(sub)}` : url;
}

type Db = Kysely<Database> | Transaction<Database>;

/** The merchant link named by id or slug (exactly one of them), else a 400 naming the field. */
export async function resolveMerchantLink(db: Db, ref: { linkId?: number | null; linkSlug?: string | null }): Promise<LinkRow> {
  const field = ref.linkSlug != null ? 'linkSlug' : 'linkId';
  let query = db.selectFrom('links').selectAll().where('partner_id', 'is', null);
  if (ref.linkSlug != null) query = query.where('slug', '=', ref.linkSlug);
  else if (ref.linkId != null) query = query.where('id', '=', ref.linkId);
  else throw new DomainError('invalid', 'invalid_request', 'linkId: is required (or give linkSlug)', 'linkId');
  const link = await query.executeTakeFirst();
  if (!link) {
    const what = ref.linkSlug != null ? `slug "${ref.linkSlug}"` : `id ${ref.linkId}`;
    throw new DomainError('invalid', 'unknown_link', `No merchant link with ${what}`, field);
  }
  return link;
}

const view = (link: LinkRow, partner: PartnerRow, base: string, clicks: number): PartnerLink => ({
  id: link.id,
  kind: link.partner_id === null ? 'merchant' : 'custom',
  name: link.name,
  slug: link.slug,
  destination: link.destination,
  sub: link.sub,
  url: partnerLinkUrl(base, partner.code, link.slug, link.sub),
  clicks,
  createdAt: new Date(link.created_at).toISOString(),
  disabled: link.partner_id !== null && link.status === 'disabled',
});

/**
 * The partner's links: the merchant's active links for their programs, then their own deep
 * links (newest first; the ones they disabled last), each with its full URL and the clicks
 * this partner got on it.
 */
export async function listPartnerLinks(deps: Deps, partner: PartnerRow, base: string): Promise<PartnerLinks> {
  const { kysely } = deps.db;
  const [merchant, own, counts, visible, allowedDomains] = await Promise.all([
    kysely.selectFrom('links').selectAll().where('partner_id', 'is', null).where('status', '=', 'active').orderBy('id').execute(),
    kysely
      .selectFrom('links')
      .selectAll()
      .where('partner_id', '=', partner.id)
      .orderBy(sql`status = 'active'`, 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    kysely
      .selectFrom('clicks')
      .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('partner_id', '=', partner.id)
      .groupBy('link_id')
      .execute(),
    visibilityFor(deps, 'link', partner.id),
    allowedHosts(deps),
  ]);
  const clicks = new Map(counts.map((c) => [c.link_id, Number(c.n)]));
  const links = [...merchant.filter((l) => visible(l.id)), ...own].map((l) => view(l, partner, base, clicks.get(l.id) ?? 0));
  return { links, allowedDomains };
}

/** A deep link to make: what the partner sent, or a chosen slug (the demo seed and tests); partners always get a random one. */
export type NewDeepLink = z.output<typeof NewDeepLinkSchema> & { slug?: string };

function defaultName(href: string) {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.host}${path}`.slice(0, 120);
}

const newSlug = () => {
  const alphabet = 'abcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
};

/**
 * A partner's own deep link to a page on the merchant's allowed domains (checked here, on the
 * server; anything else is refused with `destination_not_allowed`). The same destination and
 * sub again returns the existing link (`created: false`). The one way to make a deep link: the
 * partner API's link generator and the demo seed both come here.
 */
export async function createDeepLink(deps: Deps, partner: PartnerRow, input: NewDeepLink, base: string): Promise<{ link: PartnerLink; created: boolean }> {
  const destination = await checkDestination(deps, input.destination, 'destination');
  const sub = input.sub?.trim() || null;
  if (sub !== null && !SUB_PATTERN.test(sub)) throw new DomainError('invalid', 'invalid_sub', `The sub-id ${SUB_RULE}`, 'sub');
  const { kysely } = deps.db;
  let existingQuery = kysely.selectFrom('links').selectAll().where('partner_id', '=', partner.id).where('destination', '=', destination).where('status', '=', 'active');
  existingQuery = sub === null ? existingQuery.where('sub', 'is', null) : existingQuery.where('sub', '=', sub);
  const existing = await existingQuery.executeTakeFirst();
  if (existing) {
    const clicks = await kysely
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partner_id', '=', partner.id)
      .where('link_id', '=', existing.id)
      .executeTakeFirstOrThrow();
    return { link: view(existing, partner, base, Number(clicks.n)), created: false };
  }
  const count = await kysely
    .selectFrom('links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_id', '=', partner.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_DEEP_LINKS) {
    throw new DomainError('unprocessable', 'too_many_links', `You can keep at most ${MAX_DEEP_LINKS} custom links`, 'destination');
  }
  const now = deps.clock();
  const name = input.name?.trim() || defaultName(destination);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await kysely
        .insertInto('links')
        .values({ slug: input.slug ?? newSlug(), name, destination, partner_id: partner.id, sub, status: 'active', created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { link: view(row, partner, base, 0), created: true };
    } catch (error) {
      // a slug collision (1 in 33^10) is retried; anything else is a real failure
      if (input.slug || attempt >= 3 || !/UNIQUE/i.test(String((error as Error).message))) throw error;
    }
  }
}

/**
 * Renames the partner's own deep link, or disables / enables it. Another partner's link and a
 * merchant link answer 404 alike (whether the id exists is nobody else's business).
 */
export async function updatePartnerLink(deps: Deps, partner: PartnerRow, id: number, patch: LinkPatch, base: string): Promise<PartnerLink> {
  const { kysely } = deps.db;
  const changes: { name?: string; status?: 'active' | 'disabled' } = {};
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.disabled !== undefined) changes.status = patch.disabled ? 'disabled' : 'active';
  const row = await kysely
    .updateTable('links')
    .set({ ...changes, updated_at: deps.clock() })
    .where('id', '=', id)
    .where('partner_id', '=', partner.id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'not_found', `You have no custom link ${id}`);
  const clicks = await kysely
    .selectFrom('clicks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_id', '=', partner.id)
    .where('link_id', '=', row.id)
    .executeTakeFirstOrThrow();
  return view(row, partner, base, Number(clicks.n));
}

/**
 * Reads one of this server's own partner links (`<base>/r/<code>/<slug>[?sub=…]`), or throws:
 * the QR code endpoint draws nothing else, so it is no open QR service.
 */
export async function checkOwnPartnerLink(deps: Deps, base: string, raw: string, field = 'url'): Promise<string> {
  const refuse = (why: string) =>
    new DomainError('invalid', 'not_a_partner_link', `Only this server's partner links (${base}/r/<code>/<link>) get a QR code: ${why}`, field);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('that is not a web address');
  }
  if (url.origin !== new URL(base).origin) throw refuse(`${url.origin} is another server`);
  const match = /^\/r\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!match || url.hash || url.username || url.password) throw refuse('the address is not a partner link');
  const keys = [...url.searchParams.keys()];
  if (keys.some((k) => k !== 'sub') || keys.length > 1 || (keys.length === 1 && !SUB_PATTERN.test(url.searchParams.get('sub') ?? ''))) {
    throw refuse('only a "sub" parameter may follow the link');
  }
  let code: string;
  let slug: string;
  try {
    code = decodeURIComponent(match[1]!);
    slug = decodeURIComponent(match[2]!);
  } catch {
    throw refuse('the address is not a partner link');
  }
  const { kysely } = deps.db;
  const [partner, link] = await Promise.all([
    kysely.selectFrom('partners').select('id').where('code', '=', code).executeTakeFirst(),
    kysely.selectFrom('links').select(['id', 'partner_id', 'status']).where('slug', '=', slug).executeTakeFirst(),
  ]);
  // a partner's own disabled link still leads to its page, so its QR code still draws; a disabled merchant link is gone
  const gone = !link || (link.status !== 'active' && link.partner_id === null);
  if (!partner || gone || (link.partner_id !== null && link.partner_id !== partner.id)) throw refuse('no such partner link');
  return url.href;
}
