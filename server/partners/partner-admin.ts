import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { approveDueCommissions } from '../money/approvals.js';
import { conflict, DomainError, notFound } from '../shared/errors.js';
import { moneyNow, moneyNowOf } from '../money/money-terms.js';
import type { PartnerAccountDetailView, PartnerAccountView } from './schemas.js';
import { maskPayoutDetails } from '../money/payout-details.js';
import { hashPassword } from './passwords.js';
import { missingProgramIds } from '../catalog/programs.js';
import { type Executor } from '../db/executor.js';
import { getSettings } from '../catalog/settings.js';
import { parseInput } from '../shared/validation.js';
import { keysetPage } from '../shared/keyset.js';
import { partnerKeyShape, partnerListName, partnersMatching, partnersPageQuery, type PartnerListOptions } from './partner-list.js';
import { audit } from '../merchants/audit.js';

import { newPartnerSchema, partnerPatchSchema, password, type NewPartnerAccount } from './partner.schemas.js';
import { emitEvent, partnerData } from '../webhooks/events.js';

export { newPartnerSchema, partnerPatchSchema, password, type NewPartnerAccount };
export type PartnerPatch = z.input<typeof partnerPatchSchema>;

export async function enrolledProgramIds(db: Executor, partnerId: number): Promise<number[]> {
  const rows = await db.selectFrom('enrollments').select('program_id').where('partner_id', '=', partnerId).orderBy('program_id').execute();
  return rows.map((r) => r.program_id);
}

export async function partnerAccountView(deps: Deps, row: PartnerRow): Promise<PartnerAccountDetailView> {
  const db = deps.db.kysely;
  const parent = row.parent_id ? await db.selectFrom('partners').select('code').where('id', '=', row.parent_id).executeTakeFirst() : undefined;
  await approveDueCommissions(deps, { partnerId: row.id });
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    email: row.email,
    status: row.status,
    parentCode: parent?.code ?? null,
    programIds: await enrolledProgramIds(db, row.id),
    balance: await moneyNow(db, row.id, { currency: (await getSettings(deps)).currency, now: deps.clock() }),
    payoutMethod: row.payout_method ?? null,
    payoutDetailsMasked: maskPayoutDetails(row.payout_details ?? null),
    payoutDetails: row.payout_details ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The partner with this code, or a 404 naming it. */
export async function partnerByCode(deps: Deps, code: string): Promise<PartnerRow> {
  const row = await deps.db.kysely.selectFrom('partners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(`Partner "${code}"`, 'partner_not_found');
  return row;
}

async function checkPrograms(db: Executor, ids: number[]) {
  const missing = await missingProgramIds(db, ids);
  if (missing.length) {
    const index = ids.indexOf(missing[0]!);
    throw new DomainError('unprocessable', 'unknown_program', `There is no program ${missing[0]}`, `programIds.${index}`);
  }
}

/** The parent's id, after checking it exists and would not make a cycle. */
async function checkParent(db: Executor, parentCode: string, childId: number | null): Promise<number> {
  const parent = await db.selectFrom('partners').select(['id', 'parent_id']).where('code', '=', parentCode).executeTakeFirst();
  if (!parent) throw new DomainError('unprocessable', 'unknown_parent', `There is no partner "${parentCode}" to be the parent`, 'parentCode');
  if (childId !== null) {
    let cursor: { id: number; parent_id: number | null } | undefined = parent;
    for (let depth = 0; cursor && depth < 1000; depth++) {
      if (cursor.id === childId) throw conflict('parentCode', 'A partner cannot be their own parent, directly or through others', 'parent_cycle');
      if (cursor.parent_id === null) break;
      cursor = await db.selectFrom('partners').select(['id', 'parent_id']).where('id', '=', cursor.parent_id).executeTakeFirst();
    }
  }
  return parent.id;
}

async function enroll(db: Executor, partnerId: number, ids: number[], now: number) {
  await db.deleteFrom('enrollments').where('partner_id', '=', partnerId).execute();
  const unique = [...new Set(ids)];
  if (unique.length) {
    await db
      .insertInto('enrollments')
      .values(unique.map((program_id) => ({ partner_id: partnerId, program_id, created_at: now })))
      .execute();
  }
}

/** Creates a partner with their programs and parent, in one transaction. */
export async function createPartnerAccount(deps: Deps, input: NewPartnerAccount): Promise<PartnerAccountDetailView> {
  const data = parseInput(newPartnerSchema, input);
  const db = deps.db.kysely;
  if (await db.selectFrom('partners').select('id').where('code', '=', data.code).executeTakeFirst()) {
    throw conflict('code', `The partner code "${data.code}" is taken`, 'code_taken');
  }
  await checkPrograms(db, data.programIds);
  const parentId = data.parentCode ? await checkParent(db, data.parentCode, null) : null;
  const password_hash = await hashPassword(data.password);
  const now = deps.clock();
  const id = await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('partners').select('id').where('code', '=', data.code).executeTakeFirst()) {
      throw conflict('code', `The partner code "${data.code}" is taken`, 'code_taken');
    }
    const row = await trx
      .insertInto('partners')
      .values({
        code: data.code,
        name: data.name,
        email: data.email,
        status: data.status,
        password_hash,
        parent_id: parentId,
        // the merchant vouches for the address of a partner they create (no confirmation email)
        email_confirmed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enroll(trx, row.id, data.programIds, now);
    await emitEvent(deps, trx, 'partner.created', partnerData(row.id));
    return row.id;
  });
  const row = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const view = await partnerAccountView(deps, row);
  await audit(deps, { action: 'partner.create', target: { type: 'partner', id: view.code }, after: { ...forAudit(view), password: 'set' } });
  return view;
}

/** What the audit log keeps of a partner: the account, not its moving balance (secrets go in audit()). */
const forAudit = ({ balance: _balance, ...account }: PartnerAccountDetailView) => account;

const partnerAction = (data: PartnerPatch) => {
  const fields = Object.keys(data);
  if (fields.length === 1 && fields[0] === 'password') return 'partner.set_password';
  if (fields.length === 1 && fields[0] === 'status') return 'partner.status';
  return 'partner.update';
};

/** Changes name, email, status, parent, programs or password. A new password or a disabled account ends the partner's sessions. */
export async function updatePartnerAccount(deps: Deps, code: string, patch: PartnerPatch): Promise<PartnerAccountDetailView> {
  const data = parseInput(partnerPatchSchema, patch);
  const db = deps.db.kysely;
  const partner = await partnerByCode(deps, code);
  const before = forAudit(await partnerAccountView(deps, partner));
  if (data.programIds) await checkPrograms(db, data.programIds);
  const parentId = data.parentCode ? await checkParent(db, data.parentCode, partner.id) : data.parentCode === null ? null : undefined;
  const password_hash = data.password ? await hashPassword(data.password) : undefined;
  const now = deps.clock();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('partners')
      .set({
        ...(data.name !== undefined && { name: data.name }),
        // an address the merchant sets counts as confirmed, as when they create the partner
        ...(data.email !== undefined && data.email !== partner.email && { email: data.email, email_confirmed_at: now }),
        ...(data.status !== undefined && { status: data.status }),
        // a rejected sign-up the merchant lets in after all stops showing the rejection
        ...(data.status !== undefined && data.status !== 'disabled' && { rejection_reason: null, rejected_at: null }),
        ...(parentId !== undefined && { parent_id: parentId }),
        ...(password_hash !== undefined && { password_hash }),
        updated_at: now,
      })
      .where('id', '=', partner.id)
      .execute();
    if (data.programIds) await enroll(trx, partner.id, data.programIds, now);
    if (partner.status === 'pending' && data.status === 'active') await emitEvent(deps, trx, 'partner.approved', partnerData(partner.id));
    if (password_hash || (data.status && data.status !== 'active')) {
      await trx.updateTable('sessions').set({ revoked_at: now }).where('partner_id', '=', partner.id).where('revoked_at', 'is', null).execute();
    }
  });
  const after = await partnerAccountView(deps, await partnerByCode(deps, partner.code));
  const changedPassword = password_hash !== undefined && { password: 'changed' };
  await audit(deps, { action: partnerAction(data), target: { type: 'partner', id: partner.code }, before: { ...before, ...changedPassword }, after: { ...forAudit(after), ...changedPassword } });
  return after;
}

export async function setPartnerPassword(deps: Deps, code: string, newPassword: string): Promise<PartnerAccountDetailView> {
  return updatePartnerAccount(deps, code, { password: newPassword });
}

export async function getPartnerAccount(deps: Deps, code: string): Promise<PartnerAccountDetailView> {
  return partnerAccountView(deps, await partnerByCode(deps, code));
}

export type { PartnerListOptions } from './partner-list.js';

/** A page of partners (see partner-list.ts): `total` matches the filters, `nextCursor` continues the sort. */
export async function listPartnerAccounts(
  deps: Deps,
  options: PartnerListOptions = {},
): Promise<{ partners: PartnerAccountView[]; total: number; nextCursor: string | null }> {
  const db = deps.db.kysely;
  const total = Number((await partnersMatching(db, options).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const { rows, nextCursor } = await keysetPage(
    partnerListName(options),
    partnerKeyShape(options.sort),
    options,
    (after, limit, offset) => partnersPageQuery(db, { ...options, after, limit, offset }).execute(),
    (row) => [row.sort_key, row.id],
  );
  await approveDueCommissions(deps);
  const currency = (await getSettings(deps)).currency;
  const balances = await moneyNowOf(db, rows.map((r) => r.id), { currency, now: deps.clock() });
  const parentIds = [...new Set(rows.map((r) => r.parent_id).filter((id): id is number => id !== null))];
  const parents = parentIds.length ? await db.selectFrom('partners').select(['id', 'code']).where('id', 'in', parentIds).execute() : [];
  const parentCode = new Map(parents.map((p) => [p.id, p.code]));
  const enrollments = rows.length
    ? await db.selectFrom('enrollments').select(['partner_id', 'program_id']).where('partner_id', 'in', rows.map((r) => r.id)).orderBy('program_id').execute()
    : [];
  return {
    total,
    nextCursor,
    partners: rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      email: row.email,
      status: row.status,
      parentCode: row.parent_id ? (parentCode.get(row.parent_id) ?? null) : null,
      programIds: enrollments.filter((e) => e.partner_id === row.id).map((e) => e.program_id),
      balance: balances.get(row.id)!,
      payoutMethod: row.payout_method ?? null,
      payoutDetailsMasked: maskPayoutDetails(row.payout_details ?? null),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
  };
}

/**
 * Deletes a partner who has no history (no clicks, leads, sales, commissions or ledger entries).
 * Anyone with history is kept for the books: disable them instead.
 */
export async function deletePartnerAccount(deps: Deps, code: string): Promise<void> {
  const db = deps.db.kysely;
  const partner = await partnerByCode(deps, code);
  for (const table of ['ledger_entries', 'commissions', 'sales', 'leads', 'clicks'] as const) {
    const used = await db.selectFrom(table).select('id').where('partner_id', '=', partner.id).limit(1).executeTakeFirst();
    if (used) {
      throw new DomainError('conflict', 'partner_has_history', `Partner "${partner.code}" has ${table.replace('_entries', ' entries')} and is kept for the books; set status "disabled" instead`);
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('partners').set({ parent_id: null }).where('parent_id', '=', partner.id).execute();
    await trx.deleteFrom('partners').where('id', '=', partner.id).execute();
  });
  await audit(deps, { action: 'partner.delete', target: { type: 'partner', id: partner.code }, before: partner });
}
