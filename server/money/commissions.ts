import { maskEmail } from '../shared/privacy.js';
import type { Deps } from '../deps.js';
import type { CommissionRow, CommissionStatus, PartnerRow, RateType } from '../db/schema.js';
import { approveDueCommissions, settleApproved, settlePaid } from './approvals.js';
import type { Credit } from '../tracking/attribution.js';
import { DAY_MS } from '../shared/time.js';
import { DomainError, notFound } from '../shared/errors.js';
import { appendLedgerEntry } from './ledger.js';
import { formatMoney, formatRate, percentOf } from '../shared/money.js';
import { rateFor, type EngineProgram } from '../catalog/programs.js';
import { type Executor } from '../db/executor.js';
import { asRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { NoCommissionReason } from './no-commission-reasons.js';
import type { CommissionReason } from './schemas.js';
import type { Settings } from '../catalog/settings.js';
import { onePage } from '../db/paging.js';
import { clawbacksOf, parseWhy } from './reports/commissions.js';
import { pageWhere, type Range } from './reports/range.js';
import { afterKey, type Key } from '../shared/keyset.js';
import { audit } from '../merchants/audit.js';

export { NO_COMMISSION_REASONS, type NoCommissionReason } from './no-commission-reasons.js';

export interface SaleLine {
  productId: string | null;
  amount: number;
  quantity: number;
}

/** One commission to record, before it has an id. */
export interface PlannedCommission {
  partner: PartnerRow;
  program: EngineProgram;
  kind: 'sale' | 'lead';
  tier: 'direct' | 'second';
  baseAmount: number;
  rateType: RateType;
  rateValue: number;
  amount: number;
  description: string;
  reason: CommissionReason;
}

/** Does the program pay on this payment of a subscription? (null: not a subscription) */
export function paysRecurring(program: EngineProgram, payment: number | null): boolean {
  if (payment === null || payment === 1) return true;
  if (program.row.recurring_mode === 'none') return false;
  if (program.row.recurring_mode === 'first_n') return payment <= (program.row.recurring_payments ?? 1);
  return true;
}

function reasonBase(credit: Credit, program: EngineProgram): Omit<CommissionReason, 'rateType' | 'rateValue' | 'tier'> {
  return {
    attribution: credit.attribution,
    linkSlug: credit.click?.linkSlug ?? null,
    linkName: credit.click?.linkName ?? null,
    clickAt: credit.click ? new Date(credit.click.at).toISOString() : null,
    sub: credit.sub,
    programId: program.row.id,
    programName: program.row.name,
  };
}

export interface SaleFacts {
  orderId: string;
  amount: number;
  currency: string;
  /** null: the sale had no items; the whole amount is one line of no product */
  lines: SaleLine[];
  subscriptionId: string | null;
  /** 1 for the first payment of a subscription, 2 for the next…; null when not a subscription */
  payment: number | null;
}

/**
 * The commissions a sale earns. Each line is paid by the highest-priority program of the
 * partner that covers its product (an override for the product, else a default above zero) —
 * one program per line, never two. Lines of one program and one rate make one commission:
 * percent rates take their share of the lines' total (rounded half up once, on the total);
 * flat overrides pay per unit; a flat default pays once per sale. A program that does not pay
 * this subscription payment pays nothing for its lines. Second tier: each program with a
 * second-tier rate pays the partner's parent that rate on the same lines (flat: once per sale).
 */
export function planSaleCommissions(sale: SaleFacts, credit: Credit, parent: PartnerRow | undefined): PlannedCommission[] {
  type Group = { program: EngineProgram; type: RateType; value: number; source: 'override' | 'default'; base: number; quantity: number; products: string[] };
  const groups = new Map<string, Group>();
  for (const line of sale.lines) {
    for (const program of credit.programs) {
      const rate = rateFor(program, line.productId);
      if (!rate) continue;
      const key = `${program.row.id}:${rate.source}:${rate.type}:${rate.value}`;
      const group = groups.get(key) ?? { program, type: rate.type, value: rate.value, source: rate.source, base: 0, quantity: 0, products: [] };
      group.base += line.amount;
      group.quantity += line.quantity;
      if (line.productId !== null && !group.products.includes(line.productId)) group.products.push(line.productId);
      groups.set(key, group);
      break; // the highest-priority covering program decides
    }
  }

  const money = (cents: number) => formatMoney(cents, sale.currency);
  const order = `order ${sale.orderId}${sale.payment && sale.payment > 1 ? `, subscription payment ${sale.payment}` : ''}`;
  const planned: PlannedCommission[] = [];
  const paidPrograms = new Map<number, { program: EngineProgram; base: number; products: string[] }>();

  for (const g of groups.values()) {
    if (!paysRecurring(g.program, sale.payment)) continue;
    let amount: number;
    let how: string;
    if (g.type === 'percent') {
      amount = percentOf(g.base, g.value);
      how = `${formatRate(g.value)} of ${money(g.base)}`;
    } else if (g.source === 'override') {
      amount = g.value * g.quantity;
      how = `${money(g.value)} × ${g.quantity}${g.products.length ? ` ${g.products.join(', ')}` : ''}`;
    } else {
      amount = g.value;
      how = `${money(g.value)} flat`;
    }
    if (g.value > 0) {
      // lines a program excludes (an override of 0) earn the parent nothing either
      const paid = paidPrograms.get(g.program.row.id) ?? { program: g.program, base: 0, products: [] };
      paid.base += g.base;
      paid.products.push(...g.products.filter((p) => !paid.products.includes(p)));
      paidPrograms.set(g.program.row.id, paid);
    }
    if (amount <= 0) continue;
    planned.push({
      partner: credit.partner,
      program: g.program,
      kind: 'sale',
      tier: 'direct',
      baseAmount: g.base,
      rateType: g.type,
      rateValue: g.value,
      amount,
      description: `Commission on ${order} (${how})`,
      reason: {
        ...reasonBase(credit, g.program),
        rateType: g.type,
        rateValue: g.value,
        tier: 'direct',
        orderId: sale.orderId,
        rateSource: g.source,
        ...(g.products.length && { productIds: g.products }),
        ...(g.type === 'flat' && g.source === 'override' && { quantity: g.quantity }),
        ...(sale.subscriptionId && { subscriptionId: sale.subscriptionId }),
        ...(sale.payment && { payment: sale.payment }),
      },
    });
  }

  if (parent && parent.status === 'active' && parent.id !== credit.partner.id) {
    for (const { program, base, products } of paidPrograms.values()) {
      const type = program.row.second_tier_type;
      const value = program.row.second_tier_value;
      if (!type || !value) continue;
      const amount = type === 'percent' ? percentOf(base, value) : value;
      if (amount <= 0) continue;
      const how = type === 'percent' ? `${formatRate(value)} of ${money(base)}` : `${money(value)} flat`;
      planned.push({
        partner: parent,
        program,
        kind: 'sale',
        tier: 'second',
        baseAmount: base,
        rateType: type,
        rateValue: value,
        amount,
        description: `Second-tier commission on ${order} via ${credit.partner.code} (${how})`,
        reason: {
          ...reasonBase(credit, program),
          rateType: type,
          rateValue: value,
          tier: 'second',
          childCode: credit.partner.code,
          orderId: sale.orderId,
          ...(products.length && { productIds: products }),
          ...(sale.subscriptionId && { subscriptionId: sale.subscriptionId }),
          ...(sale.payment && { payment: sale.payment }),
        },
      });
    }
  }
  return planned;
}

/**
 * Why an attributed sale earns its partner no direct commission (the codes: no-commission-reasons.ts),
 * or null when it earns one. `enrolled` are the partner's active programs; `viaLink` the same
 * limited to the click's link.
 */

export function noCommissionReason(
  sale: SaleFacts,
  credit: Credit,
  facts: { selfReferral: boolean; planned: PlannedCommission[]; enrolled: EngineProgram[]; viaLink: EngineProgram[] },
): NoCommissionReason | null {
  if (facts.selfReferral) return 'self_referral';
  if (facts.planned.some((p) => p.tier === 'direct' && p.partner.id === credit.partner.id && p.amount > 0)) return null;
  if (!facts.enrolled.length) return 'no_program';
  const covers = (programs: EngineProgram[]) => sale.lines.some((line) => programs.some((p) => rateFor(p, line.productId)));
  if (!covers(credit.programs)) {
    if (covers(facts.viaLink)) return 'outside_window';
    return covers(facts.enrolled) ? 'link_programs' : 'product_not_covered';
  }
  const deciding = sale.lines.flatMap((line) => {
    for (const program of credit.programs) {
      const rate = rateFor(program, line.productId);
      if (rate) return [{ program, rate }];
    }
    return [];
  });
  const paying = deciding.filter((d) => d.rate.value > 0);
  if (!paying.length) return 'product_excluded';
  if (!paying.some((d) => paysRecurring(d.program, sale.payment))) return 'recurring_ended';
  return 'zero_amount';
}

/** The lead commission: the highest-priority program of the partner with a per-lead commission. */
export function planLeadCommission(email: string, credit: Credit, currency: string): PlannedCommission | undefined {
  const program = credit.programs.find((p) => (p.row.lead_commission ?? 0) > 0);
  if (!program) return undefined;
  const value = program.row.lead_commission!;
  return {
    partner: credit.partner,
    program,
    kind: 'lead',
    tier: 'direct',
    baseAmount: 0,
    rateType: 'flat',
    rateValue: value,
    amount: value,
    description: `Commission on lead ${maskEmail(email)} (${formatMoney(value, currency)} per lead)`,
    reason: { ...reasonBase(credit, program), rateType: 'flat', rateValue: value, tier: 'direct', leadEmail: maskEmail(email), rateSource: 'lead' },
  };
}

export const holdDaysOf = (program: EngineProgram, settings: Settings) => program.row.hold_days ?? settings.holdDays;

const insertCommission = prepare((db, p: Omit<CommissionRow, 'id'>) =>
  db
    .insertInto('commissions')
    .returningAll()
    .values({
      partner_id: p.partner_id,
      program_id: p.program_id,
      sale_id: p.sale_id,
      lead_id: p.lead_id,
      kind: p.kind,
      tier: p.tier,
      base_amount: p.base_amount,
      rate_type: p.rate_type,
      rate_value: p.rate_value,
      amount: p.amount,
      clawed_back: p.clawed_back,
      status: p.status,
      reason: p.reason,
      payable_at: p.payable_at,
      approved_at: p.approved_at,
      created_at: p.created_at,
    }),
);

/**
 * Records planned commissions with their ledger entries, inside the caller's transaction.
 * A commission with no hold days is approved at once. Returns the stored rows in plan order.
 */
export async function insertCommissions(
  trx: Runner | Executor,
  now: number,
  settings: Settings,
  planned: PlannedCommission[],
  refs: { saleId?: number; leadId?: number },
): Promise<CommissionRow[]> {
  const run = asRunner(trx);
  const rows: CommissionRow[] = [];
  // per partner, the first commission approved at once (no hold days)
  const approvedFirst = new Map<number, number>();
  for (const p of planned) {
    const hold = holdDaysOf(p.program, settings);
    const approved = hold === 0;
    const row = await run.one(
      insertCommission(run.db, {
        partner_id: p.partner.id,
        program_id: p.program.row.id,
        sale_id: refs.saleId ?? null,
        lead_id: refs.leadId ?? null,
        kind: p.kind,
        tier: p.tier,
        base_amount: p.baseAmount,
        rate_type: p.rateType,
        rate_value: p.rateValue,
        amount: p.amount,
        clawed_back: 0,
        status: approved ? 'approved' : 'pending',
        reason: JSON.stringify(p.reason),
        payable_at: now + hold * DAY_MS,
        approved_at: approved ? now : null,
        created_at: now,
      }),
    );
    await appendLedgerEntry(run, now, {
      partnerId: p.partner.id,
      type: 'commission',
      amount: p.amount,
      currency: settings.currency,
      description: p.description,
      commissionId: row.id,
    });
    if (approved && !approvedFirst.has(p.partner.id)) approvedFirst.set(p.partner.id, row.id);
    rows.push(row);
  }
  for (const [partnerId, id] of approvedFirst) await settleApproved(run, partnerId, { at: now, id });
  return rows;
}

// ── reading and reversing ───────────────────────────────────────────────────────────────────

import type { AdminCommission as CommissionView } from './commission.schemas.js';
import { emitCommissionEvents } from '../webhooks/events.js';
export type { CommissionView };
const iso = (ms: number) => new Date(ms).toISOString();

export interface CommissionListOptions {
  partnerId?: number;
  programId?: number;
  status?: CommissionStatus;
  id?: number;
  ids?: number[];
  /** recorded within (created_at) */
  range?: Pick<Range, 'from' | 'until'>;
  /** keyset: after this (created_at, id), newest first */
  after?: Key;
  limit?: number;
  offset?: number;
}

/** The merchant's commission list, newest first: by partner, status or program each from its own index. */
export function commissionsQuery(db: Executor, options: CommissionListOptions) {
  let query = db
    .selectFrom('commissions as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('programs as g', 'g.id', 'c.program_id')
    .leftJoin('sales as s', 's.id', 'c.sale_id')
    .selectAll('c')
    .select(['p.code as partner_code', 'g.name as program_name', 's.order_id']);
  if (options.partnerId !== undefined) query = query.where('c.partner_id', '=', options.partnerId);
  if (options.status) query = query.where('c.status', '=', options.status);
  if (options.id !== undefined) query = query.where('c.id', '=', options.id);
  if (options.ids) query = query.where('c.id', 'in', options.ids);
  if (options.programId !== undefined) query = query.where('c.program_id', '=', options.programId);
  if (options.range) query = query.where((eb) => pageWhere(eb, { at: 'c.created_at', id: 'c.id' }, options.range!));
  if (options.after) query = query.where((eb) => afterKey(eb, ['c.created_at', 'c.id'], options.after!, 'desc'));
  return query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .$call(onePage(options));
}

export async function listCommissions(deps: Deps, options: CommissionListOptions = {}): Promise<CommissionView[]> {
  await approveDueCommissions(deps, options.partnerId !== undefined ? { partnerId: options.partnerId } : {});
  return commissionViews(deps.db.kysely, options);
}

/** The admin API's view of commissions as they stand in `db` (inside a transaction too: approves nothing). */
export async function commissionViews(db: Executor, options: CommissionListOptions): Promise<CommissionView[]> {
  const rows = await commissionsQuery(db, options).execute();
  const clawbacks = await clawbacksOf(db, rows);
  return rows.map((r) => ({
    id: r.id,
    partnerCode: r.partner_code,
    kind: r.kind,
    tier: r.tier,
    programId: r.program_id,
    programName: r.program_name,
    orderId: r.order_id,
    baseAmount: r.base_amount,
    rateType: r.rate_type,
    rateValue: r.rate_value,
    amount: r.amount,
    clawedBack: r.clawed_back,
    status: r.status,
    payableAt: iso(r.payable_at),
    approvedAt: r.approved_at === null ? null : iso(r.approved_at),
    createdAt: iso(r.created_at),
    reason: JSON.parse(r.reason) as CommissionReason,
    why: parseWhy(r.reason, r.program_id),
    clawback: clawbacks.get(r.id) ?? null,
  }));
}

export async function getCommission(deps: Deps, id: number): Promise<CommissionView> {
  const [view] = await listCommissions(deps, { id });
  if (!view) throw notFound(`Commission ${id}`, 'commission_not_found');
  return view;
}

/**
 * Takes back what is left of a commission (fraud, a cancelled deal): a clawback entry that
 * reverses the commission's entry, and the commission ends `clawed_back`. A paid commission
 * can be reversed too; the partner's balance then goes below zero until new commissions cover it.
 */
export async function reverseCommission(deps: Deps, id: number, note: string, settings: Settings): Promise<CommissionView> {
  const db = deps.db.kysely;
  const row = await db.selectFrom('commissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Commission ${id}`, 'commission_not_found');
  if (row.clawed_back >= row.amount) throw new DomainError('conflict', 'already_reversed', `Commission ${id} has nothing left to reverse`);
  const before = await getCommission(deps, id);
  const now = deps.clock();
  await db.transaction().execute(async (trx) => {
    const fresh = await trx.selectFrom('commissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const left = fresh.amount - fresh.clawed_back;
    if (left <= 0) throw new DomainError('conflict', 'already_reversed', `Commission ${id} has nothing left to reverse`);
    const original = await trx.selectFrom('ledger_entries').select('id').where('commission_id', '=', id).where('type', '=', 'commission').executeTakeFirst();
    await appendLedgerEntry(trx, now, {
      partnerId: fresh.partner_id,
      type: 'clawback',
      amount: -left,
      currency: settings.currency,
      description: `Commission ${id} reversed: ${note}`,
      commissionId: id,
      reversesId: original?.id ?? null,
    });
    await trx.updateTable('commissions').set({ clawed_back: fresh.amount, status: 'clawed_back' }).where('id', '=', id).execute();
    await settlePaid(trx, fresh.partner_id);
    await emitCommissionEvents(deps, trx, 'commission.clawed_back', [id]);
  });
  const after = await getCommission(deps, id);
  await audit(deps, { action: 'commission.reverse', target: { type: 'commission', id }, before, after: { ...after, note } });
  return after;
}
