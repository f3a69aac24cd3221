import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { resourceFields } from './resource-fields.js';
import { conflict, notFound } from '../shared/errors.js';
import { renderMarkdown } from './markdown.js';
import { PAGE_HEADING_OFFSET } from '../../src/internal/markdown-options.js';
import { checkProgramIds, programsByResource, setResourcePrograms, visibilityFor, deleteMaterial } from './resource-programs.js';
import { parseInput } from '../shared/validation.js';
import type { PageView, ResourcePage } from './schemas.js';
import { audit } from '../merchants/audit.js';

export const PAGE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const fields = {
  title: z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters'),
  slug: z.string().trim().toLowerCase().regex(PAGE_SLUG, 'may use lowercase letters, digits and dashes (at most 64, no dash at either end)'),
  body: z.string().max(50_000, 'is at most 50000 characters'),
};

export const newPageSchema = z
  .object({
    title: fields.title,
    slug: fields.slug.optional(),
    body: fields.body,
    sortOrder: resourceFields.sortOrder.optional(),
    status: resourceFields.status.optional(),
    programIds: resourceFields.programIds.optional(),
  })
  .strict();
export type NewPage = z.infer<typeof newPageSchema>;

export const pagePatchSchema = newPageSchema.partial().strict();
export type PagePatch = z.infer<typeof pagePatchSchema>;

/** `Brand guidelines & logos` → `brand-guidelines-logos`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'page';
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['executeTakeFirstOrThrow']>>;
const pageQuery = (deps: Deps) => deps.db.kysely.selectFrom('resource_pages').selectAll();

const adminView = (row: PageRow, programs: number[]): PageView => ({
  id: row.id,
  title: row.title,
  slug: row.slug,
  body: row.body,
  sortOrder: row.sort_order,
  status: row.status,
  programIds: programs,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

async function checkSlugFree(deps: Deps, slug: string, exceptId?: number) {
  let query = deps.db.kysely.selectFrom('resource_pages').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw conflict('slug', `A resource page with the slug "${slug}" exists already`, 'slug_taken');
}

export async function getPage(deps: Deps, id: number): Promise<PageView> {
  const row = await pageQuery(deps).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Resource page ${id}`);
  const programs = await programsByResource(deps.db.kysely, 'page');
  return adminView(row, programs.get(id) ?? []);
}

export async function listPages(deps: Deps): Promise<PageView[]> {
  const [rows, programs] = await Promise.all([
    pageQuery(deps).orderBy('sort_order').orderBy('id').execute(),
    programsByResource(deps.db.kysely, 'page'),
  ]);
  return rows.map((row) => adminView(row, programs.get(row.id) ?? []));
}

export async function createPage(deps: Deps, input: NewPage): Promise<PageView> {
  const data = parseInput(newPageSchema, input);
  const slug = data.slug ?? slugify(data.title);
  await checkSlugFree(deps, slug);
  const programs = await checkProgramIds(deps.db.kysely, data.programIds ?? []);
  const now = deps.clock();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('resource_pages')
      .values({ title: data.title, slug, body: data.body, sort_order: data.sortOrder ?? 0, status: data.status ?? 'active', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setResourcePrograms(trx, 'page', row.id, programs);
    return row.id;
  });
  const view = await getPage(deps, id);
  await audit(deps, { action: 'resource_page.create', target: { type: 'resource_page', id }, after: view });
  return view;
}

export async function updatePage(deps: Deps, id: number, patch: PagePatch): Promise<PageView> {
  const data = parseInput(pagePatchSchema, patch);
  const current = await pageQuery(deps).where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound(`Resource page ${id}`);
  const before = await getPage(deps, id);
  if (data.slug !== undefined) await checkSlugFree(deps, data.slug, id);
  const programs = data.programIds === undefined ? undefined : await checkProgramIds(deps.db.kysely, data.programIds);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('resource_pages')
      .set({
        title: data.title ?? current.title,
        slug: data.slug ?? current.slug,
        body: data.body ?? current.body,
        sort_order: data.sortOrder ?? current.sort_order,
        status: data.status ?? current.status,
        updated_at: deps.clock(),
      })
      .where('id', '=', id)
      .execute();
    if (programs) await setResourcePrograms(trx, 'page', id, programs);
  });
  const after = await getPage(deps, id);
  await audit(deps, { action: 'resource_page.update', target: { type: 'resource_page', id }, before, after });
  return after;
}

export const deletePage = (deps: Deps, id: number): Promise<void> => deleteMaterial(deps, 'page', id);

/** The active pages for the partner's programs, in order, rendered to sanitized HTML. */
export async function partnerPages(deps: Deps, partner: PartnerRow, base: string): Promise<ResourcePage[]> {
  const [rows, visible] = await Promise.all([
    pageQuery(deps).where('status', '=', 'active').orderBy('sort_order').orderBy('id').execute(),
    visibilityFor(deps, 'page', partner.id),
  ]);
  return rows
    .filter((row) => visible(row.id))
    .map((row) => ({ id: row.id, title: row.title, slug: row.slug, html: renderMarkdown(row.body, { base, headingOffset: PAGE_HEADING_OFFSET }) }));
}
