import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { resourceFields } from './resource-fields.js';
import { DomainError, notFound } from '../shared/errors.js';
import { partnerLinkUrl, resolveMerchantLink } from './partner-links.js';
import { checkProgramIds, programsByResource, setResourcePrograms, visibilityFor, deleteMaterial } from './resource-programs.js';
import { parseInput } from '../shared/validation.js';
import type { EmailView, PartnerEmail } from './schemas.js';
import { audit } from '../merchants/audit.js';

/** The placeholders email copy may use, filled in for each partner. */
export const PLACEHOLDERS = ['link', 'partner.name', 'partner.code'] as const;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const fields = {
  name: resourceFields.name,
  subject: z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters'),
  body: z.string().trim().min(1, 'is required').max(20_000, 'is at most 20000 characters'),
  linkId: resourceFields.linkId,
  linkSlug: resourceFields.linkSlug,
};

export const newEmailSchema = z
  .object({
    name: fields.name,
    subject: fields.subject,
    body: fields.body,
    linkId: fields.linkId.optional(),
    linkSlug: fields.linkSlug.optional(),
    sortOrder: resourceFields.sortOrder.optional(),
    status: resourceFields.status.optional(),
    programIds: resourceFields.programIds.optional(),
  })
  .strict();
export type NewEmail = z.infer<typeof newEmailSchema>;

/** Only the fields sent change: `.partial()` of the rules, which carry no defaults. */
export const emailPatchSchema = z
  .object({
    ...fields,
    /** null: no link of its own ({{link}} then needs one — refused) */
    linkId: fields.linkId.nullable(),
    sortOrder: resourceFields.sortOrder,
    status: resourceFields.status,
    programIds: resourceFields.programIds,
  })
  .partial()
  .strict();
export type EmailPatch = z.infer<typeof emailPatchSchema>;

const usesLink = (text: string) => [...text.matchAll(PLACEHOLDER)].some((m) => m[1] === 'link');

/** Refuses unknown placeholders (a typo would reach partners' readers verbatim). */
function checkPlaceholders(text: string, field: 'subject' | 'body') {
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
      throw new DomainError(
        'invalid',
        'unknown_placeholder',
        `${field}: unknown placeholder ${match[0]}; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
        field,
      );
    }
  }
}

/** Fills the placeholders of one text. */
export function fillPlaceholders(text: string, values: { link: string; partner: { name: string; code: string } }): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'link') return values.link;
    if (name === 'partner.name') return values.partner.name;
    if (name === 'partner.code') return values.partner.code;
    return whole;
  });
}

const emailQuery = (deps: Deps) =>
  deps.db.kysely
    .selectFrom('email_copy')
    .leftJoin('links', 'links.id', 'email_copy.link_id')
    .selectAll('email_copy')
    .select(['links.slug as link_slug', 'links.status as link_status']);

type EmailJoined = Awaited<ReturnType<ReturnType<typeof emailQuery>['executeTakeFirstOrThrow']>>;

const adminView = (row: EmailJoined, programs: number[]): EmailView => ({
  id: row.id,
  name: row.name,
  subject: row.subject,
  body: row.body,
  linkId: row.link_id,
  linkSlug: row.link_slug,
  sortOrder: row.sort_order,
  status: row.status,
  programIds: programs,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function getEmail(deps: Deps, id: number): Promise<EmailView> {
  const row = await emailQuery(deps).where('email_copy.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Email copy ${id}`);
  const programs = await programsByResource(deps.db.kysely, 'email');
  return adminView(row, programs.get(id) ?? []);
}

export async function listEmails(deps: Deps): Promise<EmailView[]> {
  const [rows, programs] = await Promise.all([
    emailQuery(deps).orderBy('email_copy.sort_order').orderBy('email_copy.id').execute(),
    programsByResource(deps.db.kysely, 'email'),
  ]);
  return rows.map((row) => adminView(row, programs.get(row.id) ?? []));
}

const needsLink = () =>
  new DomainError('invalid', 'link_required', 'linkId: the text uses {{link}}, so say which link it is (linkId or linkSlug)', 'linkId');

export async function createEmail(deps: Deps, input: NewEmail): Promise<EmailView> {
  const data = parseInput(newEmailSchema, input);
  checkPlaceholders(data.subject, 'subject');
  checkPlaceholders(data.body, 'body');
  const hasLink = data.linkId !== undefined || data.linkSlug !== undefined;
  if (!hasLink && (usesLink(data.subject) || usesLink(data.body))) throw needsLink();
  const link = hasLink ? await resolveMerchantLink(deps.db.kysely, data) : undefined;
  const programs = await checkProgramIds(deps.db.kysely, data.programIds ?? []);
  const now = deps.clock();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('email_copy')
      .values({
        name: data.name,
        subject: data.subject,
        body: data.body,
        link_id: link?.id ?? null,
        sort_order: data.sortOrder ?? 0,
        status: data.status ?? 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setResourcePrograms(trx, 'email', row.id, programs);
    return row.id;
  });
  const view = await getEmail(deps, id);
  await audit(deps, { action: 'email_copy.create', target: { type: 'email_copy', id }, after: view });
  return view;
}

export async function updateEmail(deps: Deps, id: number, patch: EmailPatch): Promise<EmailView> {
  const data = parseInput(emailPatchSchema, patch);
  const current = await deps.db.kysely.selectFrom('email_copy').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound(`Email copy ${id}`);
  const before = await getEmail(deps, id);
  if (data.subject !== undefined) checkPlaceholders(data.subject, 'subject');
  if (data.body !== undefined) checkPlaceholders(data.body, 'body');
  let linkId = current.link_id;
  if (data.linkSlug !== undefined || (data.linkId !== undefined && data.linkId !== null)) {
    linkId = (await resolveMerchantLink(deps.db.kysely, { linkId: data.linkId ?? undefined, linkSlug: data.linkSlug })).id;
  } else if (data.linkId === null) linkId = null;
  const subject = data.subject ?? current.subject;
  const body = data.body ?? current.body;
  if (linkId === null && (usesLink(subject) || usesLink(body))) throw needsLink();
  const programs = data.programIds === undefined ? undefined : await checkProgramIds(deps.db.kysely, data.programIds);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('email_copy')
      .set({
        name: data.name ?? current.name,
        subject,
        body,
        link_id: linkId,
        sort_order: data.sortOrder ?? current.sort_order,
        status: data.status ?? current.status,
        updated_at: deps.clock(),
      })
      .where('id', '=', id)
      .execute();
    if (programs) await setResourcePrograms(trx, 'email', id, programs);
  });
  const after = await getEmail(deps, id);
  await audit(deps, { action: 'email_copy.update', target: { type: 'email_copy', id }, before, after });
  return after;
}

export const deleteEmail = (deps: Deps, id: number): Promise<void> => deleteMaterial(deps, 'email', id);

/**
 * The active emails for the partner's programs with every placeholder filled in. When an
 * email's own link was removed or disabled, {{link}} becomes the partner's first available
 * merchant link.
 */
export async function partnerEmails(deps: Deps, partner: PartnerRow, base: string): Promise<PartnerEmail[]> {
  const [rows, visible, linkVisible] = await Promise.all([
    emailQuery(deps).where('email_copy.status', '=', 'active').orderBy('email_copy.sort_order').orderBy('email_copy.id').execute(),
    visibilityFor(deps, 'email', partner.id),
    visibilityFor(deps, 'link', partner.id),
  ]);
  let fallback: string | null | undefined;
  const fallbackLink = async () => {
    if (fallback !== undefined) return fallback;
    const links = await deps.db.kysely
      .selectFrom('links')
      .select(['id', 'slug'])
      .where('partner_id', 'is', null)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    const first = links.find((l) => linkVisible(l.id));
    return (fallback = first ? partnerLinkUrl(base, partner.code, first.slug) : null);
  };
  const out: PartnerEmail[] = [];
  for (const row of rows.filter((r) => visible(r.id))) {
    const linkUrl = row.link_slug && row.link_status === 'active' ? partnerLinkUrl(base, partner.code, row.link_slug) : await fallbackLink();
    const values = { link: linkUrl ?? '', partner: { name: partner.name, code: partner.code } };
    out.push({
      id: row.id,
      name: row.name,
      subject: fillPlaceholders(row.subject, values),
      body: fillPlaceholders(row.body, values),
      linkUrl,
    });
  }
  return out;
}
