import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { LinkRow } from '../db/schema.js';
import { checkDestination } from '../tracking/destinations.js';
import { conflict, DomainError, notFound } from '../shared/errors.js';
import { missingProgramIds } from './programs.js';
import { type Executor } from '../db/executor.js';
import { idValue, parseInput, text } from '../shared/validation.js';
import { onePage } from '../db/paging.js';
import type { LinkView } from './schemas.js';
import { afterKey, type Key } from '../shared/keyset.js';
import { audit } from '../merchants/audit.js';

/**
 * Redirect links. A merchant link (partner_id null) is a slug and a destination every partner
 * shares as `<origin>/r/<their code>/<slug>`; a partner's own deep link (partner_id set) points
 * anywhere on the merchant's allowed domains and only carries that partner's code.
 */

export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const slug = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .regex(SLUG_PATTERN, 'must be 1–64 letters, digits, dashes or underscores, starting with a letter or digit');

/** An absolute http(s) address without credentials (merchant links may point anywhere the merchant likes). */
export const destination = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a full web address starting with https://' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'must be an http or https address' });
    else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not contain a user name or password' });
  })
  .transform((value) => new URL(value).href);

const programIds = z.array(idValue).max(100, 'must list at most 100 programs');
const status = z.enum(['active', 'disabled'], { error: 'must be "active" or "disabled"' });

/** What may change of a link, without create defaults (the slug is fixed once partners share it). */
const linkFields = { name: text(120), destination, status, programIds };

export const newLinkSchema = z
  .object({ slug, ...linkFields, status: status.default('active'), programIds: programIds.default([]) })
  .strict();
export type NewLink = z.input<typeof newLinkSchema>;

/** Only the fields sent change. */
export const linkPatchSchema = z.object(linkFields).partial().strict();
export type LinkPatch = z.input<typeof linkPatchSchema>;

/** `<origin>/r/<code>/<slug>`, with `?sub=` when given. */
export function partnerLinkUrl(origin: string, code: string, linkSlug: string, subId?: string | null): string {
  const url = `${origin}/r/${encodeURIComponent(code)}/${encodeURIComponent(linkSlug)}`;
  return subId ? `${url}?sub=${encodeURIComponent(subId)}` : url;
}

async function programIdsOf(db: Executor, linkIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>(linkIds.map((id) => [id, []]));
  if (!linkIds.length) return map;
  const rows = await db
    .selectFrom('resource_programs')
    .select(['resource_id', 'program_id'])
    .where('kind', '=', 'link')
    .where('resource_id', 'in', linkIds)
    .orderBy('program_id')
    .execute();
  for (const r of rows) map.get(r.resource_id)?.push(r.program_id);
  return map;
}

async function views(deps: Deps, rows: LinkRow[], origin: string): Promise<LinkView[]> {
  const db = deps.db.kysely;
  const programs = await programIdsOf(db, rows.map((r) => r.id));
  const ownerIds = [...new Set(rows.map((r) => r.partner_id).filter((id): id is number => id !== null))];
  const owners = ownerIds.length ? await db.selectFrom('partners').select(['id', 'code']).where('id', 'in', ownerIds).execute() : [];
  const codeOf = new Map(owners.map((o) => [o.id, o.code]));
  return rows.map((row) => {
    const owner = row.partner_id === null ? null : (codeOf.get(row.partner_id) ?? null);
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      destination: row.destination,
      status: row.status,
      partnerCode: owner,
      sub: row.sub,
      programIds: programs.get(row.id) ?? [],
      url: owner ? partnerLinkUrl(origin, owner, row.slug, row.sub) : `${origin}/r/{code}/${encodeURIComponent(row.slug)}`,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  });
}

async function checkPrograms(db: Executor, ids: number[]) {
  const missing = await missingProgramIds(db, ids);
  if (missing.length) {
    throw new DomainError('unprocessable', 'unknown_program', `There is no program ${missing[0]}`, `programIds.${ids.indexOf(missing[0]!)}`);
  }
}

async function setPrograms(db: Executor, linkId: number, ids: number[]) {
  await db.deleteFrom('resource_programs').where('kind', '=', 'link').where('resource_id', '=', linkId).execute();
  const unique = [...new Set(ids)];
  if (unique.length) {
    await db
      .insertInto('resource_programs')
      .values(unique.map((program_id) => ({ kind: 'link' as const, resource_id: linkId, program_id })))
      .execute();
  }
}

/** The link row with this id, or a 404. */
export async function linkRow(deps: Deps, id: number): Promise<LinkRow> {
  const row = await deps.db.kysely.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Link ${id}`, 'link_not_found');
  return row;
}

export async function getLink(deps: Deps, id: number, origin: string): Promise<LinkView> {
  return (await views(deps, [await linkRow(deps, id)], origin))[0]!;
}

/** A merchant link every partner can share. */
export async function createLink(deps: Deps, input: NewLink, origin: string): Promise<LinkView> {
  const data = parseInput(newLinkSchema, input);
  return insertLink(deps, { ...data, partnerId: null, sub: null }, origin);
}

async function insertLink(
  deps: Deps,
  data: { slug: string; name: string; destination: string; status: 'active' | 'disabled'; programIds: number[]; partnerId: number | null; sub: string | null },
  origin: string,
): Promise<LinkView> {
  const db = deps.db.kysely;
  const taken = () => conflict('slug', `The link slug "${data.slug}" is taken`, 'slug_taken');
  if (await db.selectFrom('links').select('id').where('slug', '=', data.slug).executeTakeFirst()) throw taken();
  await checkPrograms(db, data.programIds);
  const now = deps.clock();
  const id = await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('links').select('id').where('slug', '=', data.slug).executeTakeFirst()) throw taken();
    const row = await trx
      .insertInto('links')
      .values({
        slug: data.slug,
        name: data.name,
        destination: data.destination,
        partner_id: data.partnerId,
        sub: data.sub,
        status: data.status,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setPrograms(trx, row.id, data.programIds);
    return row.id;
  });
  const view = await getLink(deps, id, origin);
  await audit(deps, { action: 'link.create', target: { type: 'link', id }, after: view });
  return view;
}

/** Changes a link's name, destination, status or programs. The slug is fixed: partners have shared it. */
export async function updateLink(deps: Deps, id: number, patch: LinkPatch, origin: string): Promise<LinkView> {
  const data = parseInput(linkPatchSchema, patch);
  const row = await linkRow(deps, id);
  const before = await getLink(deps, id, origin);
  if (data.programIds) await checkPrograms(deps.db.kysely, data.programIds);
  const destinationValue = data.destination !== undefined && row.partner_id !== null ? await checkDestination(deps, data.destination) : data.destination;
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('links')
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(destinationValue !== undefined && { destination: destinationValue }),
        ...(data.status !== undefined && { status: data.status }),
        updated_at: deps.clock(),
      })
      .where('id', '=', id)
      .execute();
    if (data.programIds) await setPrograms(trx, id, data.programIds);
  });
  const after = await getLink(deps, id, origin);
  await audit(deps, { action: 'link.update', target: { type: 'link', id }, before, after });
  return after;
}

/** Deletes a link nobody has clicked and no banner or email uses; anything else should be disabled instead. */
export async function deleteLink(deps: Deps, id: number): Promise<void> {
  const db = deps.db.kysely;
  const row = await linkRow(deps, id);
  const inUse = async (table: 'clicks' | 'banners' | 'email_copy') =>
    db.selectFrom(table).select('id').where('link_id', '=', id).limit(1).executeTakeFirst();
  // a partner's own link: a search of that partner's clicks (clicks_partner_at carries the link)
  const clicked = async () =>
    row.partner_id === null
      ? inUse('clicks')
      : db.selectFrom('clicks').select('id').where('partner_id', '=', row.partner_id).where('link_id', '=', id).limit(1).executeTakeFirst();
  if (await clicked()) throw new DomainError('conflict', 'link_in_use', `Link ${id} has clicks and is kept for the reports; set status "disabled" instead`);
  if ((await inUse('banners')) || (await inUse('email_copy'))) {
    throw new DomainError('conflict', 'link_in_use', `Link ${id} is used by a banner or an email; change those first`);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('resource_programs').where('kind', '=', 'link').where('resource_id', '=', id).execute();
    await trx.deleteFrom('links').where('id', '=', id).execute();
    await audit(deps, { action: 'link.delete', target: { type: 'link', id }, before: row }, trx);
  });
}

export async function listLinks(
  deps: Deps,
  origin: string,
  options: { partnerId?: number | null; status?: 'active' | 'disabled'; limit?: number; offset?: number; after?: Key } = {},
): Promise<LinkView[]> {
  let query = deps.db.kysely.selectFrom('links').selectAll();
  if (options.partnerId === null) query = query.where('partner_id', 'is', null);
  else if (options.partnerId !== undefined) query = query.where('partner_id', '=', options.partnerId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.after) query = query.where((eb) => afterKey(eb, ['created_at', 'id'], options.after!, 'asc'));
  const rows = await query
    .orderBy('created_at')
    .orderBy('id')
    .$call(onePage(options))
    .execute();
  return views(deps, rows, origin);
}
