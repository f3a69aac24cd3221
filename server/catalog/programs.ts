import type { z } from 'zod';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, keptRead, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { ProgramProductRatesTable, ProgramRow } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { forgetCookieWindow } from '../tracking/clicks.js';
import { notFound } from '../shared/errors.js';
import { getSettings } from './settings.js';
import { parseInput } from '../shared/validation.js';
import { newProgramSchema, programPatchSchema, type NewProgram, type ProductRate, type ProgramPatch } from './program.schemas.js';
import type { ProgramView, Rate } from './schemas.js';
import { audit } from '../merchants/audit.js';

export type { Rate } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function programView(row: ProgramRow, rates: ProductRate[]): ProgramView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    priority: row.priority,
    saleCommission: { type: row.sale_commission_type, value: row.sale_commission_value },
    leadCommission: row.lead_commission,
    recurring: { mode: row.recurring_mode, payments: row.recurring_payments },
    secondTier: row.second_tier_type && row.second_tier_value !== null ? { type: row.second_tier_type, value: row.second_tier_value } : null,
    attributionWindowDays: row.attribution_window_days,
    attributionModel: row.attribution_model,
    holdDays: row.hold_days,
    status: row.status,
    openToSignup: row.open_to_signup === 1,
    productRates: rates,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const productRate = (r: Selectable<ProgramProductRatesTable>): ProductRate => ({ productId: r.product_id, type: r.commission_type, value: r.commission_value });

async function ratesOf(db: Runner | Executor, ids: number[]): Promise<Map<number, ProductRate[]>> {
  const map = new Map<number, ProductRate[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const run = asRunner(db);
  const rows = await run.all(run.db.selectFrom('program_product_rates').selectAll().where('program_id', 'in', ids).orderBy('product_id'));
  for (const r of rows) map.get(r.program_id)?.push(productRate(r));
  return map;
}

type ProgramColumns = Partial<Omit<ProgramRow, 'id' | 'created_at'>>;

function columnsOf(input: z.output<typeof programPatchSchema>): ProgramColumns {
  const set: ProgramColumns = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description;
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.saleCommission) {
    set.sale_commission_type = input.saleCommission.type;
    set.sale_commission_value = input.saleCommission.value;
  }
  if (input.leadCommission !== undefined) set.lead_commission = input.leadCommission;
  if (input.recurring) {
    set.recurring_mode = input.recurring.mode;
    set.recurring_payments = input.recurring.payments ?? null;
  }
  if (input.secondTier !== undefined) {
    set.second_tier_type = input.secondTier?.type ?? null;
    set.second_tier_value = input.secondTier?.value ?? null;
  }
  if (input.attributionWindowDays !== undefined) set.attribution_window_days = input.attributionWindowDays;
  if (input.attributionModel !== undefined) set.attribution_model = input.attributionModel;
  if (input.holdDays !== undefined) set.hold_days = input.holdDays;
  if (input.status !== undefined) set.status = input.status;
  if (input.openToSignup !== undefined) set.open_to_signup = input.openToSignup ? 1 : 0;
  return set;
}

async function replaceRates(db: Executor, programId: number, rates: ProductRate[]) {
  await db.deleteFrom('program_product_rates').where('program_id', '=', programId).execute();
  if (rates.length) {
    await db
      .insertInto('program_product_rates')
      .values(rates.map((r) => ({ program_id: programId, product_id: r.productId, commission_type: r.type, commission_value: r.value })))
      .execute();
  }
}

/** The programs row of a create-program body (createProgram stores it; the live example plans with it unsaved). */
export function programRowOf(data: z.output<typeof newProgramSchema>, options: { openToSignup: boolean; now: number }) {
  return {
    name: data.name,
    description: data.description,
    priority: data.priority,
    sale_commission_type: data.saleCommission.type,
    sale_commission_value: data.saleCommission.value,
    lead_commission: data.leadCommission ?? null,
    recurring_mode: data.recurring?.mode ?? 'every',
    recurring_payments: data.recurring?.payments ?? null,
    second_tier_type: data.secondTier?.type ?? null,
    second_tier_value: data.secondTier?.value ?? null,
    attribution_window_days: data.attributionWindowDays ?? null,
    attribution_model: data.attributionModel,
    hold_days: data.holdDays ?? null,
    status: data.status,
    open_to_signup: options.openToSignup ? (1 as const) : (0 as const),
    created_at: options.now,
    updated_at: options.now,
  };
}

export async function createProgram(deps: Deps, input: NewProgram): Promise<ProgramView> {
  const data = parseInput(newProgramSchema, input);
  const now = deps.clock();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    // the first program takes partners who sign themselves up, unless told otherwise
    const first = !(await trx.selectFrom('programs').select('id').limit(1).executeTakeFirst());
    const row = await trx
      .insertInto('programs')
      .values(programRowOf(data, { openToSignup: data.openToSignup ?? first, now }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceRates(trx, row.id, data.productRates);
    return row.id;
  });
  forgetCookieWindow(await getSettings(deps));
  const view = await getProgram(deps, id);
  await audit(deps, { action: 'program.create', target: { type: 'program', id }, after: view });
  return view;
}

export async function updateProgram(deps: Deps, id: number, patch: ProgramPatch): Promise<ProgramView> {
  const data = parseInput(programPatchSchema, patch);
  const before = await getProgram(deps, id);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('programs')
      .set({ ...columnsOf(data), updated_at: deps.clock() })
      .where('id', '=', id)
      .execute();
    if (data.productRates) await replaceRates(trx, id, data.productRates);
  });
  forgetCookieWindow(await getSettings(deps));
  const after = await getProgram(deps, id);
  const archived = before.status !== 'archived' && after.status === 'archived';
  await audit(deps, { action: archived ? 'program.archive' : 'program.update', target: { type: 'program', id }, before, after });
  return after;
}

export async function getProgram(deps: Deps, id: number): Promise<ProgramView> {
  const row = await deps.db.kysely.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Program ${id}`, 'program_not_found');
  return programView(row, (await ratesOf(deps.db.kysely, [id])).get(id)!);
}

export async function listPrograms(deps: Deps, options: { status?: 'active' | 'archived' } = {}): Promise<ProgramView[]> {
  let query = deps.db.kysely.selectFrom('programs').selectAll().orderBy('priority', 'desc').orderBy('id');
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.execute();
  const rates = await ratesOf(deps.db.kysely, rows.map((r) => r.id));
  return rows.map((r) => programView(r, rates.get(r.id)!));
}

/**
 * What the commission engine needs of a program: the row and its product rates by product.
 */
export interface EngineProgram {
  row: ProgramRow;
  rates: Map<string, Rate>;
}

const activeProgram = prepare((db, p: { id: number }) => db.selectFrom('programs').selectAll().where('id', '=', p.id).where('status', '=', 'active'));
const ratesOfProgram = prepare((db, p: { id: number }) => db.selectFrom('program_product_rates').selectAll().where('program_id', '=', p.id).orderBy('product_id'));

/**
 * Active programs among `ids`, highest priority first (ties: the older program first). One
 * program (the usual partner: each sale asks) by statements compiled once.
 */
export async function loadActivePrograms(db: Runner | Executor, ids: number[]): Promise<EngineProgram[]> {
  if (!ids.length) return [];
  const run = asRunner(db);
  const rows =
    ids.length === 1
      ? await keptRead(run, `program.${ids[0]!}`, () => run.all(activeProgram(run.db, { id: ids[0]! })))
      : await run.all(run.db.selectFrom('programs').selectAll().where('id', 'in', ids).where('status', '=', 'active').orderBy('priority', 'desc').orderBy('id'));
  const rates =
    rows.length === 1
      ? new Map([[rows[0]!.id, (await keptRead(run, `program.${rows[0]!.id}.rates`, () => run.all(ratesOfProgram(run.db, { id: rows[0]!.id })))).map(productRate)]])
      : await ratesOf(
          run,
          rows.map((r) => r.id),
        );
  return rows.map((row) => ({ row, rates: new Map(rates.get(row.id)!.map((r) => [r.productId, { type: r.type, value: r.value }])) }));
}

/**
 * The rate a program pays on a product, or undefined when it does not cover it. A program
 * covers a product it has an override for, and every product when its default sale commission
 * is above zero (a default of 0 with overrides is a program for those products only).
 */
export function rateFor(program: EngineProgram, productId: string | null): (Rate & { source: 'override' | 'default' }) | undefined {
  const override = productId === null ? undefined : program.rates.get(productId);
  if (override) return { ...override, source: 'override' };
  if (program.row.sale_commission_value > 0) {
    return { type: program.row.sale_commission_type, value: program.row.sale_commission_value, source: 'default' };
  }
  return undefined;
}

/** Program ids that exist, to report unknown ones by name. */
export async function missingProgramIds(db: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const found = await db.selectFrom('programs').select('id').where('id', 'in', ids).execute();
  const have = new Set(found.map((r) => r.id));
  return ids.filter((id) => !have.has(id));
}
