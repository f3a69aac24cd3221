import type { Kysely, Transaction } from 'kysely';
import type { Deps } from '../deps.js';
import type { Database } from '../db/schema.js';
import { DomainError, notFound } from '../shared/errors.js';
import { audit } from '../merchants/audit.js';

/**
 * Which programs a link, banner, email or resource page is for (`resource_programs`). No rows:
 * for every partner. Rows: only for partners enrolled in at least one of those programs.
 */
export type ResourceKind = 'link' | 'banner' | 'email' | 'page';

type Db = Kysely<Database> | Transaction<Database>;

/** Refuses program ids that do not exist, naming them. Returns them de-duplicated. */
export async function checkProgramIds(db: Db, ids: number[], field = 'programIds'): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await db.selectFrom('programs').select('id').where('id', 'in', unique).execute();
  const known = new Set(found.map((r) => r.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) {
    throw new DomainError('invalid', 'unknown_program', `No program with id ${missing.join(', ')}`, field);
  }
  return unique.sort((a, b) => a - b);
}

/** Replaces the programs of one resource; an empty list makes it for every program. */
export async function setResourcePrograms(db: Db, kind: ResourceKind, resourceId: number, programIds: number[]) {
  await db.deleteFrom('resource_programs').where('kind', '=', kind).where('resource_id', '=', resourceId).execute();
  if (programIds.length) {
    await db
      .insertInto('resource_programs')
      .values(programIds.map((program_id) => ({ kind, resource_id: resourceId, program_id })))
      .execute();
  }
}

/** The program ids of each resource of a kind (resources for every program are absent). */
export async function programsByResource(db: Db, kind: ResourceKind): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('resource_programs')
    .select(['resource_id', 'program_id'])
    .where('kind', '=', kind)
    .orderBy('resource_id')
    .orderBy('program_id')
    .execute();
  const map = new Map<number, number[]>();
  for (const row of rows) {
    const list = map.get(row.resource_id);
    list ? list.push(row.program_id) : map.set(row.resource_id, [row.program_id]);
  }
  return map;
}

/** A test "may this partner see resource N of this kind?", from their enrollments. */
export async function visibilityFor(deps: Deps, kind: ResourceKind, partnerId: number): Promise<(resourceId: number) => boolean> {
  const [scoped, enrolled] = await Promise.all([
    programsByResource(deps.db.kysely, kind),
    deps.db.kysely.selectFrom('enrollments').select('program_id').where('partner_id', '=', partnerId).execute(),
  ]);
  const mine = new Set(enrolled.map((e) => e.program_id));
  return (resourceId) => {
    const programs = scoped.get(resourceId);
    return !programs || programs.some((p) => mine.has(p));
  };
}

const MATERIAL = {
  banner: { table: 'banners', what: 'Banner', target: 'banner' },
  email: { table: 'email_copy', what: 'Email copy', target: 'email_copy' },
  page: { table: 'resource_pages', what: 'Resource page', target: 'resource_page' },
} as const;

/** Deletes a banner, email or resource page with its program list (404 when there is none), audited. */
export async function deleteMaterial(deps: Deps, kind: keyof typeof MATERIAL, id: number): Promise<void> {
  const { table, what, target } = MATERIAL[kind];
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    const gone = await trx.deleteFrom(table).where('id', '=', id).executeTakeFirst();
    if (!gone.numDeletedRows) throw notFound(`${what} ${id}`);
    await setResourcePrograms(trx, kind, id, []);
    await audit(deps, { action: `${target}.delete`, target: { type: target, id }, before }, trx);
  });
}
