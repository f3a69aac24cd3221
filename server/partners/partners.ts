import type { Deps } from '../deps.js';
import type { PartnerRow, PartnerStatus, PayoutMethod } from '../db/schema.js';
import { conflict } from '../shared/errors.js';
import { hashPassword } from './passwords.js';

/** What a partner (and the elements) may see of a partner record. */
export interface PartnerView {
  code: string;
  name: string;
  email: string;
  status: PartnerStatus;
  phone: string | null;
  company: string | null;
  website: string | null;
  address: string | null;
  payoutMethod: PayoutMethod | null;
  payoutDetails: string | null;
  createdAt: string;
}

export const partnerView = (row: PartnerRow): PartnerView => ({
  code: row.code,
  name: row.name,
  email: row.email,
  status: row.status,
  phone: row.phone ?? null,
  company: row.company ?? null,
  website: row.website ?? null,
  address: row.address ?? null,
  payoutMethod: row.payout_method ?? null,
  payoutDetails: row.payout_details ?? null,
  createdAt: new Date(row.created_at).toISOString(),
});

/** What a partner may change of their own record. `null` clears an optional field. */
export interface ProfilePatch {
  name?: string;
  email?: string;
  phone?: string | null;
  company?: string | null;
  website?: string | null;
  address?: string | null;
  payoutMethod?: PayoutMethod | null;
  payoutDetails?: string | null;
}

export async function updateProfile(deps: Deps, partnerId: number, patch: ProfilePatch): Promise<PartnerRow> {
  const columns = {
    name: patch.name,
    email: patch.email,
    phone: patch.phone,
    company: patch.company,
    website: patch.website,
    address: patch.address,
    payout_method: patch.payoutMethod,
    payout_details: patch.payoutDetails,
  };
  const set = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
  return deps.db.kysely
    .updateTable('partners')
    .set({ ...set, updated_at: deps.clock() })
    .where('id', '=', partnerId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

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
