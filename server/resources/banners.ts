import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { DomainError, notFound } from '../shared/errors.js';
import { partnerLinkUrl, resolveMerchantLink } from './partner-links.js';
import { checkProgramIds, programsByResource, setResourcePrograms, visibilityFor, deleteMaterial } from './resource-programs.js';
import { detectImage, uploadUrl } from './uploads.js';
import { parseInput } from '../shared/validation.js';
import { resourceFields } from './resource-fields.js';
import type { BannerView, PartnerBanner } from './schemas.js';
import { audit } from '../merchants/audit.js';

const httpUrl = z
  .string()
  .trim()
  .max(2048, 'is at most 2048 characters')
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'is not an http or https address');
const dimension = z.number().int('is not a whole number').min(1, 'is at least 1').max(4000, 'is at most 4000');

export const bannerFields = {
  name: resourceFields.name,
  imageUrl: httpUrl,
  uploadId: z.number().int().positive('is not an upload id'),
  width: dimension,
  height: dimension,
  alt: z.string().trim().min(1, 'is required: describe the image for people who cannot see it').max(300, 'is at most 300 characters'),
  linkId: resourceFields.linkId,
  linkSlug: resourceFields.linkSlug,
  sortOrder: resourceFields.sortOrder,
  status: resourceFields.status,
  programIds: resourceFields.programIds,
};

export const newBannerSchema = z
  .object({
    name: bannerFields.name,
    imageUrl: bannerFields.imageUrl.optional(),
    uploadId: bannerFields.uploadId.optional(),
    width: bannerFields.width.optional(),
    height: bannerFields.height.optional(),
    alt: bannerFields.alt,
    linkId: bannerFields.linkId.optional(),
    linkSlug: bannerFields.linkSlug.optional(),
    sortOrder: resourceFields.sortOrder.optional(),
    status: resourceFields.status.optional(),
    programIds: resourceFields.programIds.optional(),
  })
  .strict();
export type NewBanner = z.infer<typeof newBannerSchema>;

/** Only the fields sent change: `.partial()` of the rules, which carry no defaults. */
export const bannerPatchSchema = z.object(bannerFields).partial().strict();
export type BannerPatch = z.infer<typeof bannerPatchSchema>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The snippet a partner pastes into their site. */
export const bannerHtml = (b: { linkUrl: string; imageUrl: string; width: number; height: number; alt: string }) =>
  `<a href="${escapeHtml(b.linkUrl)}" rel="sponsored"><img src="${escapeHtml(b.imageUrl)}" width="${b.width}" height="${b.height}" alt="${escapeHtml(b.alt)}"></a>`;

const bannerQuery = (deps: Deps) =>
  deps.db.kysely
    .selectFrom('banners')
    .innerJoin('links', 'links.id', 'banners.link_id')
    .selectAll('banners')
    .select(['links.slug as link_slug', 'links.status as link_status']);

type BannerJoined = Awaited<ReturnType<ReturnType<typeof bannerQuery>['executeTakeFirstOrThrow']>>;

const imageSrcOf = (row: { image_url: string | null; upload_id: number | null }, base: string) =>
  row.image_url ?? uploadUrl(base, row.upload_id!);

const adminView = (row: BannerJoined, base: string, programs: number[]): BannerView => ({
  id: row.id,
  name: row.name,
  imageUrl: row.image_url,
  uploadId: row.upload_id,
  imageSrc: imageSrcOf(row, base),
  width: row.width,
  height: row.height,
  alt: row.alt,
  linkId: row.link_id,
  linkSlug: row.link_slug,
  sortOrder: row.sort_order,
  status: row.status,
  programIds: programs,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

async function uploadSize(deps: Deps, uploadId: number) {
  const upload = await deps.db.kysely.selectFrom('uploads').select(['id', 'bytes']).where('id', '=', uploadId).executeTakeFirst();
  if (!upload) throw new DomainError('invalid', 'unknown_upload', `No upload with id ${uploadId}; upload the image first (POST /api/v1/admin/uploads)`, 'uploadId');
  return detectImage(upload.bytes) ?? ({} as { width?: number; height?: number });
}

export async function getBanner(deps: Deps, id: number, base: string): Promise<BannerView> {
  const row = await bannerQuery(deps).where('banners.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Banner ${id}`);
  const programs = await programsByResource(deps.db.kysely, 'banner');
  return adminView(row, base, programs.get(id) ?? []);
}

export async function listBanners(deps: Deps, base: string): Promise<BannerView[]> {
  const [rows, programs] = await Promise.all([
    bannerQuery(deps).orderBy('banners.sort_order').orderBy('banners.id').execute(),
    programsByResource(deps.db.kysely, 'banner'),
  ]);
  return rows.map((row) => adminView(row, base, programs.get(row.id) ?? []));
}

export async function createBanner(deps: Deps, input: NewBanner, base: string): Promise<BannerView> {
  const data = parseInput(newBannerSchema, input);
  if ((data.imageUrl === undefined) === (data.uploadId === undefined)) {
    throw new DomainError('invalid', 'invalid_request', 'imageUrl: give either imageUrl or uploadId (one of them)', 'imageUrl');
  }
  let { width, height } = data;
  if (data.uploadId !== undefined) {
    const size = await uploadSize(deps, data.uploadId);
    width ??= size.width;
    height ??= size.height;
  }
  if (width === undefined) throw new DomainError('invalid', 'invalid_request', 'width: is required', 'width');
  if (height === undefined) throw new DomainError('invalid', 'invalid_request', 'height: is required', 'height');
  const link = await resolveMerchantLink(deps.db.kysely, data);
  const programs = await checkProgramIds(deps.db.kysely, data.programIds ?? []);
  const now = deps.clock();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('banners')
      .values({
        name: data.name,
        image_url: data.imageUrl ?? null,
        upload_id: data.uploadId ?? null,
        width,
        height,
        alt: data.alt,
        link_id: link.id,
        sort_order: data.sortOrder ?? 0,
        status: data.status ?? 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setResourcePrograms(trx, 'banner', row.id, programs);
    return row.id;
  });
  const view = await getBanner(deps, id, base);
  await audit(deps, { action: 'banner.create', target: { type: 'banner', id }, after: view });
  return view;
}

export async function updateBanner(deps: Deps, id: number, patch: BannerPatch, base: string): Promise<BannerView> {
  const data = parseInput(bannerPatchSchema, patch);
  const current = await deps.db.kysely.selectFrom('banners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound(`Banner ${id}`);
  const before = await getBanner(deps, id, base);
  if (data.imageUrl !== undefined && data.uploadId !== undefined) {
    throw new DomainError('invalid', 'invalid_request', 'imageUrl: give either imageUrl or uploadId, not both', 'imageUrl');
  }
  const set: Record<string, unknown> = {};
  if (data.name !== undefined) set.name = data.name;
  if (data.alt !== undefined) set.alt = data.alt;
  if (data.width !== undefined) set.width = data.width;
  if (data.height !== undefined) set.height = data.height;
  if (data.sortOrder !== undefined) set.sort_order = data.sortOrder;
  if (data.status !== undefined) set.status = data.status;
  if (data.imageUrl !== undefined) Object.assign(set, { image_url: data.imageUrl, upload_id: null });
  if (data.uploadId !== undefined) {
    await uploadSize(deps, data.uploadId);
    Object.assign(set, { upload_id: data.uploadId, image_url: null });
  }
  if (data.linkId !== undefined || data.linkSlug !== undefined) set.link_id = (await resolveMerchantLink(deps.db.kysely, data)).id;
  const programs = data.programIds === undefined ? undefined : await checkProgramIds(deps.db.kysely, data.programIds);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('banners')
      .set({ ...set, updated_at: deps.clock() })
      .where('id', '=', id)
      .execute();
    if (programs) await setResourcePrograms(trx, 'banner', id, programs);
  });
  const after = await getBanner(deps, id, base);
  await audit(deps, { action: 'banner.update', target: { type: 'banner', id }, before, after });
  return after;
}

export const deleteBanner = (deps: Deps, id: number): Promise<void> => deleteMaterial(deps, 'banner', id);

/** The active banners for the partner's programs, each carrying the partner's own link. */
export async function partnerBanners(deps: Deps, partner: PartnerRow, base: string): Promise<PartnerBanner[]> {
  const [rows, visible] = await Promise.all([
    bannerQuery(deps)
      .where('banners.status', '=', 'active')
      .where('links.status', '=', 'active')
      .orderBy('banners.sort_order')
      .orderBy('banners.id')
      .execute(),
    visibilityFor(deps, 'banner', partner.id),
  ]);
  return rows
    .filter((row) => visible(row.id))
    .map((row) => {
      const item = {
        id: row.id,
        name: row.name,
        imageUrl: imageSrcOf(row, base),
        width: row.width,
        height: row.height,
        alt: row.alt,
        linkUrl: partnerLinkUrl(base, partner.code, row.link_slug),
      };
      return { ...item, html: bannerHtml(item) };
    });
}
