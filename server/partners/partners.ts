import type { Deps } from '../deps.js';
import type { z } from 'zod';
import type { PartnerRow, PartnerStatus } from '../db/schema.js';
import type { Partner, ProfilePatchSchema } from './schemas.js';
import { conflict } from '../shared/errors.js';
import { hashPassword } from './passwords.js';

/** What a partner (and the elements) may see of a partner record. */
export const partnerView = (row: PartnerRow): Partner => ({
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
  emailConfirmed: row.email_confirmed_at != null,
  createdAt: new Date(row.created_at).toISOString(),
});

/** What a partner may change of their own record (the checked PATCH /me body). `null` clears an optional field. */
export type ProfilePatch = Partial<Omit<z.output<typeof ProfilePatchSchema>, 'currentPassword' | 'confirmUrl'>>;

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

export interface NewPartner {
  code: string;
  name: string;
  email: string;
  password: string;
  status?: PartnerStatus;
  /** false: the partner still has to confirm the address (sign-up); otherwise it counts as confirmed */
  emailConfirmed?: boolean;
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
      email_confirmed_at: input.emailConfirmed === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPartnerByCode(deps: Deps, code: string): Promise<PartnerRow | undefined> {
  return deps.db.kysely.selectFrom('partners').selectAll().where('code', '=', code).executeTakeFirst();
}
