import type { Deps } from '../deps.js';
import type { PartnerRow, PartnerStatus } from '../db/schema.js';
import { conflict } from './errors.js';
import { hashPassword } from './passwords.js';

/** What a partner (and the elements) may see of a partner record. */
export interface PartnerView {
  code: string;
  name: string;
  email: string;
  status: PartnerStatus;
  createdAt: string;
}

export const partnerView = (row: PartnerRow): PartnerView => ({
  code: row.code,
  name: row.name,
  email: row.email,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
});

export const PARTNER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;

export interface NewPartner {
  code: string;
  name: string;
  email: string;
  password: string;
  status?: PartnerStatus;
}

export async function createPartner(deps: Deps, input: NewPartner): Promise<PartnerRow> {
  const { kysely } = deps.db;
  const taken = await kysely.selectFrom('partners').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw conflict('code', `The partner code "${input.code}" is taken`, 'code_taken');
  const now = deps.clock();
  const password_hash = await hashPassword(input.password);
  return kysely
    .insertInto('partners')
    .values({
      code: input.code,
      name: input.name,
      email: input.email,
      status: input.status ?? 'active',
      password_hash,
      parent_id: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPartnerByCode(deps: Deps, code: string): Promise<PartnerRow | undefined> {
  return deps.db.kysely.selectFrom('partners').selectAll().where('code', '=', code).executeTakeFirst();
}
