import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { findCredit, leadByEmail, programsOf, subscriptionCredit, type Credit, type NotAttributed } from './attribution.js';
import { notifyCommissionsEarned } from '../partners/notifications.js';
import { mailContext } from '../mail/outbox.js';
import { actorContext } from '../merchants/actor.js';
import { insertCommissions, noCommissionReason, planSaleCommissions, type NoCommissionReason, type SaleFacts, type SaleLine } from '../money/commissions.js';
import { DomainError } from '../shared/errors.js';
import { getSettings, type Settings } from '../catalog/settings.js';
import { cents, email, externalId, parseInput, text } from '../shared/validation.js';
import { onePage } from '../db/paging.js';
import { transaction } from '../db/dialect.js';
import { transactionRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { SalesTable } from '../db/schema.js';
import { saleItemsSchema } from './sale.schemas.js';
import type { SaleResult, SaleView } from './schemas.js';
import { afterKey, type Key } from '../shared/keyset.js';
import { emitCommissionEvents, emitEvent, saleData } from '../webhooks/events.js';

// ── input ───────────────────────────────────────────────────────────────────────────────────

const currency = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code like USD')
  .transform((s) => s.toUpperCase());

/** A click id as the merchant's site has it ('' or null: none). */
export const clickIdInput = z
  .string({ error: 'must be text' })
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]*$/, 'must be the pc_click value from the landing URL (letters and digits)')
  .nullable()
  .optional();

export const partnerCodeInput = z
  .string({ error: 'must be text' })
  .trim()
  .max(64, 'must be at most 64 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
  .nullable()
  .optional();

export const saleSchema = z
  .object({
    orderId: externalId(128),
    amount: cents('amount'),
    currency,
    clickId: clickIdInput,
    partnerCode: partnerCodeInput,
    /** a coupon / promotion code the merchant gave a partner (after clickId and partnerCode) */
    couponCode: partnerCodeInput,
    customer: z.object({ email, name: text(120).optional() }).strict().optional(),
    items: saleItemsSchema.optional(),
    /** the same id on every payment of a subscription: later payments earn per the program's recurring terms */
    subscriptionId: externalId(128).optional(),
  })
  .strict()
  .superRefine((sale, ctx) => {
    if (!sale.items) return;
    const total = sale.items.reduce((t, i) => t + i.amount, 0);
    if (total > sale.amount) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `the items add up to ${total} cents, more than the sale amount ${sale.amount}` });
    }
  });
export type SaleInput = z.input<typeof saleSchema>;
export type SaleData = z.output<typeof saleSchema>;

/** JSON with sorted keys, so the same request hashes the same however its keys are ordered. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
const requestHash = (value: unknown) => createHash('sha256').update(stable(value)).digest('hex');

const sameEmail = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

// ── sales ───────────────────────────────────────────────────────────────────────────────────

/**
 * Records a sale once per order id and pays its commissions (see planSaleCommissions and
 * findCredit for the rules). The same request again answers `created: false` with the first
 * answer; the same order id with different details is a 409. A sale whose customer is the
 * credited partner (same email) is a self-referral: recorded, flagged, earns nothing.
 */
export async function recordSale(deps: Deps, input: SaleInput): Promise<{ created: boolean; result: SaleResult }> {
  return recordCheckedSale(deps, parseInput(saleSchema, input));
}

/** recordSale for a body saleSchema has parsed already (the track route's validator did). */
export async function recordCheckedSale(deps: Deps, data: SaleData): Promise<{ created: boolean; result: SaleResult }> {
  const hash = requestHash(data);
  if (deps.db.dialect === 'sqlite') return batchOf(deps.db).record(deps, data, hash);
  const settings = await getSettings(deps);
  // one transaction reads and writes the sale, reading the settings, templates and endpoints it
  // needs once (keptRead); two instances recording the same order at once: the second's INSERT
  // meets the first's order_id and its transaction runs again, finding the sale and answering
  // as a repeat
  return transaction(deps.db.kysely, (trx) => recordSaleIn(deps, transactionRunner(deps.db, trx, { keepReads: true }), settings, data, hash));
}

interface PendingSale {
  deps: Deps;
  data: SaleData;
  hash: string;
  /** runs its work in the caller's context (withoutMail, the actor), not the batch's: AsyncLocalStorage.snapshot() costs ~20 µs on Node 20 */
  inContext: <T>(work: () => T) => T;
  done: (outcome: { ok: { created: boolean; result: SaleResult } } | { error: unknown }) => void;
}

/**
 * Group commit on SQLite: sales that arrive while a batch is being written (or in the same turn
 * of the event loop) are written together in the next transaction, and answered when that
 * transaction has committed. A commit writes every page the sales
 * touched to the WAL; sales of one batch share those pages (the same index leaves), so a
 * commit per batch costs a fraction of a commit per sale. Each sale is decided exactly as alone,
 * in arrival order, and sees the sales before it in the batch; one that fails fails alone: the
 * batch is written again with a savepoint per sale, and the failing one rolls back to its own.
 */
class SaleBatch {
  #queue: PendingSale[] = [];
  #busy = false;

  constructor(private readonly db: Deps['db']) {}

  record(deps: Deps, data: SaleData, hash: string): Promise<{ created: boolean; result: SaleResult }> {
    return new Promise((resolve, reject) => {
      const mail = mailContext();
      const actor = actorContext();
      this.#queue.push({ deps, data, hash, inContext: (work) => actor(() => mail(work)), done: (o) => ('ok' in o ? resolve(o.ok) : reject(o.error)) });
      if (!this.#busy) {
        this.#busy = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue.splice(0, MAX_BATCH);
    try {
      const settings = await getSettings(batch[0]!.deps);
      // most batches have no failing sale: written without savepoints (each costs a copy of every
      // page the sale touches, about a tenth of a sale's time); a failure rolls that attempt back
      // whole, and the batch is written again with a savepoint per sale
      const outcomes = (await this.#write(batch, settings, false)) ?? (await this.#write(batch, settings, true))!;
      for (const sale of batch) sale.done(outcomes.get(sale)!);
    } catch (error) {
      // the transaction itself failed (e.g. the commit): none of the batch was written
      for (const sale of batch) sale.done({ error });
    } finally {
      if (this.#queue.length) setImmediate(() => void this.#flush());
      else this.#busy = false;
    }
  }

  /**
   * Writes `batch` in one transaction and answers each sale's outcome once it has committed.
   * Without savepoints, a sale that fails rolls back the whole attempt and the answer is
   * undefined (nothing was written: write the batch again with savepoints).
   */
  async #write(batch: PendingSale[], settings: Settings, savepoints: boolean): Promise<Map<PendingSale, Outcome> | undefined> {
    const sqlite = this.db.sqlite;
    const outcomes = new Map<PendingSale, Outcome>();
    let saleFailed = false;
    try {
      await transaction(this.db.kysely, async (trx) => {
        // the batch's sales read the settings, templates, endpoints and programs once between them
        const run = transactionRunner(this.db, trx, { keepReads: true });
        for (const sale of batch) {
          if (savepoints) sqlite.exec('SAVEPOINT sale');
          try {
            outcomes.set(sale, { ok: await sale.inContext(() => recordSaleIn(sale.deps, run, settings, sale.data, sale.hash)) });
            if (savepoints) sqlite.exec('RELEASE sale');
          } catch (error) {
            if (!savepoints) {
              saleFailed = true;
              throw error;
            }
            try {
              sqlite.exec('ROLLBACK TO sale');
              sqlite.exec('RELEASE sale');
            } catch {
              // SQLite ended the whole transaction (disk full, an I/O error): nothing of the batch
              // is written, and every sale of it is answered with this sale's error
              throw error;
            }
            outcomes.set(sale, { error });
          }
        }
      });
    } catch (error) {
      if (!saleFailed) throw error;
      return undefined;
    }
    return outcomes;
  }
}

type Outcome = Parameters<PendingSale['done']>[0];

/** At most this many sales in one transaction (a burst is written in several). */
const MAX_BATCH = 64;
const batches = new WeakMap<Deps['db'], SaleBatch>();
const batchOf = (db: Deps['db']) => {
  let batch = batches.get(db);
  if (!batch) batches.set(db, (batch = new SaleBatch(db)));
  return batch;
};

/** A sale for a backfill: as the track API takes it, and when it happened (ms). */
export interface HistoricalSale {
  input: SaleInput;
  at: number;
}

export type SaleOutcome = { created: boolean; result: SaleResult } | { error: DomainError };

/**
 * Records sales in one transaction — a backfill's batch: one commit for all of them, not one
 * per sale — each exactly as recordSale would at its own time `at` (attribution windows, hold
 * days and ledger times run from it). A sale the rules refuse (bad input, an order id recorded
 * with other details, another currency) is answered with its error and the others go on: those
 * are refused before the sale writes anything. Any other error rolls the whole batch back.
 */
export async function recordSales(deps: Deps, sales: HistoricalSale[]): Promise<SaleOutcome[]> {
  if (!sales.length) return [];
  const settings = await getSettings(deps);
  return transaction(deps.db.kysely, async (trx) => {
    const run = transactionRunner(deps.db, trx, { keepReads: true });
    const outcomes: SaleOutcome[] = [];
    for (const sale of sales) {
      try {
        const data = parseInput(saleSchema, sale.input);
        outcomes.push(await recordSaleIn({ ...deps, clock: () => sale.at }, run, settings, data, requestHash(data)));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ error });
      }
    }
    return outcomes;
  });
}

// the statements every sale runs, compiled once
const saleByOrder = prepare((db, p: { orderId: string }) => db.selectFrom('sales').select(['request_hash', 'response']).where('order_id', '=', p.orderId));
const insertSale = prepare((db, p: Omit<SalesTable, 'id'>) =>
  db
    .insertInto('sales')
    .values({
      order_id: p.order_id,
      partner_id: p.partner_id,
      click_id: p.click_id,
      lead_id: p.lead_id,
      amount: p.amount,
      currency: p.currency,
      customer_email: p.customer_email,
      customer_name: p.customer_name,
      sub: p.sub,
      subscription_id: p.subscription_id,
      self_referral: p.self_referral,
      refunded_amount: p.refunded_amount,
      status: p.status,
      request_hash: p.request_hash,
      response: p.response,
      at: p.at,
    })
    .returning('id'),
);
const saleResponse = prepare((db, p: { id: number; response: string }) => db.updateTable('sales').set({ response: p.response }).where('id', '=', p.id));

async function recordSaleIn(deps: Deps, run: Runner, settings: Settings, data: SaleData, hash: string): Promise<{ created: boolean; result: SaleResult }> {
  const existing = await run.first(saleByOrder(run.db, { orderId: data.orderId }));
  if (existing) {
    if (existing.request_hash !== hash) {
      throw new DomainError('conflict', 'order_conflict', `Order ${data.orderId} was already recorded with different details`, 'orderId');
    }
    return { created: false, result: JSON.parse(existing.response) as SaleResult };
  }
  if (data.currency !== settings.currency) {
    throw new DomainError('unprocessable', 'currency_mismatch', `Sales are recorded in ${settings.currency}; this one is in ${data.currency}`, 'currency');
  }
  const now = deps.clock();
  const customerEmail = data.customer?.email ?? null;

  let credit: Credit | null = null;
  let reason: NotAttributed | null = null;
  let payment: number | null = null;
  if (data.subscriptionId) {
    const earlier = await run.one(
      run.db
        .selectFrom('sales')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('subscription_id', '=', data.subscriptionId),
    );
    payment = Number(earlier.n) + 1;
    if (payment > 1) credit = (await subscriptionCredit(deps, data.subscriptionId, run)) ?? null;
  }
  if (!credit) {
    const found = await findCredit(deps, settings, { clickId: data.clickId, partnerCode: data.partnerCode, couponCode: data.couponCode, email: customerEmail, now }, run);
    credit = found.credit;
    reason = found.credit ? null : found.reason;
  }
  const selfReferral = !!credit && sameEmail(customerEmail, credit.partner.email);
  let parent: PartnerRow | undefined;
  if (credit && !selfReferral && credit.partner.parent_id !== null) {
    parent = await run.first(run.db.selectFrom('partners').selectAll().where('id', '=', credit.partner.parent_id));
    if (parent && sameEmail(customerEmail, parent.email)) parent = undefined;
  }
  const lines: SaleLine[] = data.items
    ? data.items.map((i) => ({ productId: i.productId, amount: i.amount, quantity: i.quantity }))
    : [{ productId: null, amount: data.amount, quantity: 1 }];
  const facts: SaleFacts = { orderId: data.orderId, amount: data.amount, currency: settings.currency, lines, subscriptionId: data.subscriptionId ?? null, payment };
  const planned = credit && !selfReferral ? planSaleCommissions(facts, credit, parent) : [];
  let unpaid: NoCommissionReason | null = null;
  if (credit && !planned.some((p) => p.tier === 'direct' && p.amount > 0)) {
    const enrolled = await programsOf(run, credit.partner.id, null);
    const viaLink = credit.click ? await programsOf(run, credit.partner.id, credit.click.linkId) : enrolled;
    unpaid = noCommissionReason(facts, credit, { selfReferral, planned, enrolled, viaLink });
  }
  const lead = customerEmail ? await run.first(leadByEmail(run.db, { email: customerEmail })) : undefined;

  const sale = await run.one(
    insertSale(run.db, {
      order_id: data.orderId,
      partner_id: credit?.partner.id ?? null,
      click_id: credit?.click?.id ?? null,
      lead_id: credit?.leadId ?? lead?.id ?? null,
      amount: data.amount,
      currency: data.currency,
      customer_email: customerEmail,
      customer_name: data.customer?.name ?? null,
      sub: credit?.sub ?? null,
      subscription_id: data.subscriptionId ?? null,
      self_referral: selfReferral ? 1 : 0,
      refunded_amount: 0,
      status: 'completed',
      request_hash: hash,
      response: '{}',
      at: now,
    }),
  );
  if (data.items?.length) {
    await run.all(
      run.db.insertInto('sale_items').values(data.items.map((i) => ({ sale_id: sale.id, product_id: i.productId, amount: i.amount, quantity: i.quantity }))),
    );
  }
  const rows = await insertCommissions(run, now, settings, planned, { saleId: sale.id });
  // the partner's commission_earned email, queued with the sale (never failing it)
  await notifyCommissionsEarned(
    deps,
    run,
    rows.map((row, i) => ({ ...row, known: { programName: planned[i]!.program.row.name, saleAmount: data.amount, partner: planned[i]!.partner } })),
    settings.currency,
  );
  await emitEvent(deps, run, 'sale.created', saleData(deps, data.orderId));
  await emitCommissionEvents(deps, run, 'commission.created', rows);
  if (lead && lead.status !== 'customer') await run.all(run.db.updateTable('leads').set({ status: 'customer' }).where('id', '=', lead.id));

  const result: SaleResult = {
    saleId: sale.id,
    orderId: data.orderId,
    amount: data.amount,
    currency: data.currency,
    recordedAt: new Date(now).toISOString(),
    attributed: !!credit,
    partnerCode: credit?.partner.code ?? null,
    attribution: credit?.attribution ?? null,
    notAttributedReason: selfReferral ? 'self_referral' : reason,
    clickId: credit?.click?.key ?? null,
    sub: credit?.sub ?? null,
    subscriptionId: data.subscriptionId ?? null,
    selfReferral,
    noCommissionReason: unpaid,
    commissions: rows.map((row, i) => ({
      id: row.id,
      partnerCode: planned[i]!.partner.code,
      tier: row.tier,
      programId: planned[i]!.program.row.id,
      programName: planned[i]!.program.row.name,
      baseAmount: row.base_amount,
      rateType: row.rate_type,
      rateValue: row.rate_value,
      amount: row.amount,
      status: row.status,
      payableAt: new Date(row.payable_at).toISOString(),
    })),
  };
  await run.all(saleResponse(run.db, { id: sale.id, response: JSON.stringify(result) }));
  return { created: true, result };
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────

/** Sales for the merchant, newest first (by partner when given). */
export async function listSales(
  deps: Deps,
  options: { partnerId?: number; orderId?: string; limit?: number; offset?: number; after?: Key } = {},
): Promise<SaleView[]> {
  const db = deps.db.kysely;
  let query = db.selectFrom('sales').leftJoin('partners', 'partners.id', 'sales.partner_id').selectAll('sales').select('partners.code');
  if (options.partnerId !== undefined) query = query.where('sales.partner_id', '=', options.partnerId);
  if (options.orderId !== undefined) query = query.where('sales.order_id', '=', options.orderId);
  if (options.after) query = query.where((eb) => afterKey(eb, ['sales.at', 'sales.id'], options.after!, 'desc'));
  const rows = await query
    .orderBy('sales.at', 'desc')
    .orderBy('sales.id', 'desc')
    .$call(onePage(options))
    .execute();
  const items = rows.length
    ? await db.selectFrom('sale_items').selectAll().where('sale_id', 'in', rows.map((r) => r.id)).orderBy('id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    partnerCode: r.code,
    amount: r.amount,
    refundedAmount: r.refunded_amount,
    currency: r.currency,
    status: r.status,
    selfReferral: r.self_referral === 1,
    customerEmail: r.customer_email,
    sub: r.sub,
    subscriptionId: r.subscription_id,
    at: new Date(r.at).toISOString(),
    items: items.filter((i) => i.sale_id === r.id).map((i) => ({ productId: i.product_id, amount: i.amount, quantity: i.quantity })),
  }));
}

export async function getSale(deps: Deps, orderId: string): Promise<SaleView> {
  const [sale] = await listSales(deps, { orderId });
  if (!sale) throw new DomainError('not_found', 'order_not_found', `No sale with order id ${orderId} was recorded`);
  return sale;
}
