import type { Kysely } from 'kysely';
import type { Database, LedgerEntryType, RateType } from '../../server/db/schema.js';

/**
 * Consistent commission-engine data for tests, the e2e test and the benchmark, written through
 * kysely the way the engine writes it (until the engine lands, then e2e can switch to it):
 *
 * - a commission's ledger row (+amount) is written when the commission is recorded, pending
 *   ones included; approval only changes `commissions.status` (pending → approved → paid);
 * - a refund claws back in proportion: `commissions.clawed_back` grows, a `clawback` row (−);
 * - a payment pays the approved commissions: a `payments` row, a `payment` row (−), and those
 *   commissions become `paid`; an adjustment is a signed row;
 * - every ledger row carries the partner's running balance after it;
 * - `commissions.reason` is JSON { attribution, linkSlug, linkName, clickAt, sub, programId,
 *   programName, rateType, rateValue, tier, childCode? }.
 *
 * Rows must be added in time order per partner (as they happen); the fixture refuses otherwise.
 */

export const DAY = 86_400_000;

export interface FixtureProgram {
  id: number;
  name: string;
  rate: { type: RateType; value: number };
  holdDays: number;
  secondTier?: { type: RateType; value: number };
}

export interface FixtureLink {
  id: number;
  slug: string;
  name: string;
}

export interface FixtureClick {
  id: number;
  at: number;
  sub: string | null;
  link: FixtureLink;
}

export interface SaleInput {
  at: number;
  orderId: string;
  items: { product: string; amount: number; quantity?: number }[];
  program: FixtureProgram;
  click?: FixtureClick;
  leadId?: number;
  sub?: string;
  attribution?: 'last_click' | 'first_click' | 'partner_code' | 'lead_email';
  selfReferral?: boolean;
  customerEmail?: string;
}

export interface SaleResult {
  saleId: number;
  orderId: string;
  amount: number;
  /** The direct commission, when one was earned. */
  commissionId: number | null;
  commission: number;
  secondTierCommissionId: number | null;
}

const rateOf = (rate: { type: RateType; value: number }, base: number) =>
  rate.type === 'percent' ? Math.round((base * rate.value) / 10_000) : rate.value;

const rateLabel = (rate: { type: RateType; value: number }, currency: string) =>
  rate.type === 'percent'
    ? `${rate.value / 100}%`
    : new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(rate.value / 100) + ' flat';

export function ledgerFixture(db: Kysely<Database>, options: { currency?: string } = {}) {
  const currency = options.currency ?? 'USD';
  const last = new Map<number, { at: number; balance: number }>();

  async function position(partnerId: number) {
    let p = last.get(partnerId);
    if (!p) {
      const row = await db
        .selectFrom('ledger_entries')
        .select(['at', 'balance'])
        .where('partner_id', '=', partnerId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      p = row ?? { at: 0, balance: 0 };
      last.set(partnerId, p);
    }
    return p;
  }

  /** Appends one ledger row with the running balance after it. */
  async function entry(
    partnerId: number,
    e: { at: number; type: LedgerEntryType; amount: number; description: string; commissionId?: number; paymentId?: number },
  ) {
    const p = await position(partnerId);
    if (e.at < p.at) throw new Error(`ledger fixture: entries for partner ${partnerId} must be added in time order (${e.at} < ${p.at})`);
    const balance = p.balance + e.amount;
    const row = await db
      .insertInto('ledger_entries')
      .values({
        partner_id: partnerId,
        at: e.at,
        type: e.type,
        amount: e.amount,
        balance,
        currency,
        description: e.description,
        commission_id: e.commissionId ?? null,
        payment_id: e.paymentId ?? null,
        reverses_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('partner_balances')
      .values({ partner_id: partnerId, balance, at: e.at })
      .onConflict((oc) => oc.column('partner_id').doUpdateSet({ balance, at: e.at }))
      .execute();
    last.set(partnerId, { at: e.at, balance });
    return { id: row.id, balance };
  }

  const fixture = {
    currency,
    entry,

    async partner(code: string, opts: { name?: string; parentId?: number; at?: number } = {}) {
      const at = opts.at ?? Date.UTC(2025, 0, 1);
      const row = await db
        .insertInto('partners')
        .values({
          code,
          name: opts.name ?? `Partner ${code}`,
          email: `${code.toLowerCase()}@example.com`,
          status: 'active',
          password_hash: 'fixture:not-a-password',
          parent_id: opts.parentId ?? null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async program(p: { name: string; rate: { type: RateType; value: number }; holdDays?: number; secondTier?: { type: RateType; value: number }; leadCommission?: number }): Promise<FixtureProgram> {
      const at = Date.UTC(2024, 0, 1);
      const row = await db
        .insertInto('programs')
        .values({
          name: p.name,
          description: `${p.name} program`,
          priority: 0,
          sale_commission_type: p.rate.type,
          sale_commission_value: p.rate.value,
          lead_commission: p.leadCommission ?? null,
          recurring_mode: 'every',
          recurring_payments: null,
          second_tier_type: p.secondTier?.type ?? null,
          second_tier_value: p.secondTier?.value ?? null,
          attribution_window_days: null,
          attribution_model: 'last_click',
          hold_days: p.holdDays ?? 30,
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, name: p.name, rate: p.rate, holdDays: p.holdDays ?? 30, ...(p.secondTier ? { secondTier: p.secondTier } : {}) };
    },

    async enroll(partnerId: number, program: FixtureProgram) {
      await db.insertInto('enrollments').values({ partner_id: partnerId, program_id: program.id, created_at: Date.UTC(2024, 0, 1) }).execute();
    },

    async link(slug: string, name: string, partnerId: number | null = null): Promise<FixtureLink> {
      const at = Date.UTC(2024, 0, 1);
      const row = await db
        .insertInto('links')
        .values({ slug, name, destination: `https://shop.example.com/${slug}`, partner_id: partnerId, sub: null, status: 'active', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, slug, name };
    },

    async click(partnerId: number, c: { at: number; link: FixtureLink; sub?: string }): Promise<FixtureClick> {
      const row = await db
        .insertInto('clicks')
        .values({
          click_key: `k${partnerId}-${c.at}-${Math.random().toString(36).slice(2, 10)}`,
          link_id: c.link.id,
          partner_id: partnerId,
          at: c.at,
          ip_hash: 'fixture',
          user_agent: 'fixture',
          referrer: null,
          sub: c.sub ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, at: c.at, sub: c.sub ?? null, link: c.link };
    },

    /** Many clicks at once (for link statistics), no ids returned. */
    async clicks(partnerId: number, list: { at: number; link: FixtureLink; sub?: string }[]) {
      for (let i = 0; i < list.length; i += 500) {
        await db
          .insertInto('clicks')
          .values(
            list.slice(i, i + 500).map((c, j) => ({
              click_key: `b${partnerId}-${c.at}-${i + j}-${Math.random().toString(36).slice(2, 8)}`,
              link_id: c.link.id,
              partner_id: partnerId,
              at: c.at,
              ip_hash: 'fixture',
              user_agent: null,
              referrer: null,
              sub: c.sub ?? null,
            })),
          )
          .execute();
      }
    },

    async lead(
      partnerId: number,
      l: { at: number; email: string; name?: string; click?: FixtureClick; sub?: string; status?: 'lead' | 'customer'; commission?: { program: FixtureProgram; amount: number } },
    ) {
      const row = await db
        .insertInto('leads')
        .values({
          partner_id: partnerId,
          click_id: l.click?.id ?? null,
          email: l.email,
          name: l.name ?? null,
          sub: l.sub ?? l.click?.sub ?? null,
          status: l.status ?? 'lead',
          external_id: null,
          at: l.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let commissionId: number | null = null;
      if (l.commission) {
        const { program, amount } = l.commission;
        const reason = {
          attribution: l.click ? 'last_click' : 'lead_email',
          linkSlug: l.click?.link.slug ?? null,
          linkName: l.click?.link.name ?? null,
          clickAt: l.click ? new Date(l.click.at).toISOString() : null,
          sub: l.sub ?? l.click?.sub ?? null,
          programId: program.id,
          programName: program.name,
          rateType: 'flat',
          rateValue: amount,
          tier: 'direct',
        };
        const c = await db
          .insertInto('commissions')
          .values({
            partner_id: partnerId,
            program_id: program.id,
            sale_id: null,
            lead_id: row.id,
            kind: 'lead',
            tier: 'direct',
            base_amount: 0,
            rate_type: 'flat',
            rate_value: amount,
            amount,
            clawed_back: 0,
            status: 'pending',
            reason: JSON.stringify(reason),
            payable_at: l.at + program.holdDays * DAY,
            approved_at: null,
            created_at: l.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        commissionId = c.id;
        await entry(partnerId, { at: l.at, type: 'commission', amount, description: `Lead commission: new sign-up (${program.name})`, commissionId });
      }
      return { leadId: row.id, commissionId };
    },

    /** A sale attributed to the partner, its items, and the commission (+ second tier to the parent) with their ledger rows. */
    async sale(partnerId: number, s: SaleInput): Promise<SaleResult> {
      const amount = s.items.reduce((sum, i) => sum + i.amount, 0);
      const sub = s.sub ?? s.click?.sub ?? null;
      const sale = await db
        .insertInto('sales')
        .values({
          order_id: s.orderId,
          partner_id: partnerId,
          click_id: s.click?.id ?? null,
          lead_id: s.leadId ?? null,
          amount,
          currency,
          customer_email: s.customerEmail ?? `buyer-${s.orderId.toLowerCase()}@example.net`,
          customer_name: null,
          sub,
          subscription_id: null,
          self_referral: s.selfReferral ? 1 : 0,
          refunded_amount: 0,
          status: 'completed',
          request_hash: `fixture-${s.orderId}`,
          response: '{}',
          at: s.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('sale_items')
        .values(s.items.map((i) => ({ sale_id: sale.id, product_id: i.product, amount: i.amount, quantity: i.quantity ?? 1 })))
        .execute();
      const result: SaleResult = { saleId: sale.id, orderId: s.orderId, amount, commissionId: null, commission: 0, secondTierCommissionId: null };
      if (s.selfReferral) return result;

      const why = {
        attribution: s.attribution ?? (s.click ? 'last_click' : 'partner_code'),
        linkSlug: s.click?.link.slug ?? null,
        linkName: s.click?.link.name ?? null,
        clickAt: s.click ? new Date(s.click.at).toISOString() : null,
        sub,
        programId: s.program.id,
        programName: s.program.name,
      };
      const record = async (owner: number, tier: 'direct' | 'second', rate: { type: RateType; value: number }, childCode?: string) => {
        const commission = rateOf(rate, amount);
        const c = await db
          .insertInto('commissions')
          .values({
            partner_id: owner,
            program_id: s.program.id,
            sale_id: sale.id,
            lead_id: s.leadId ?? null,
            kind: 'sale',
            tier,
            base_amount: amount,
            rate_type: rate.type,
            rate_value: rate.value,
            amount: commission,
            clawed_back: 0,
            status: 'pending',
            reason: JSON.stringify({ ...why, rateType: rate.type, rateValue: rate.value, tier, ...(childCode ? { childCode } : {}) }),
            payable_at: s.at + s.program.holdDays * DAY,
            approved_at: null,
            created_at: s.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const description =
          tier === 'direct'
            ? `Commission on order ${s.orderId} (${s.program.name}, ${rateLabel(rate, currency)})`
            : `Second-tier commission on order ${s.orderId} by ${childCode} (${rateLabel(rate, currency)})`;
        await entry(owner, { at: s.at, type: 'commission', amount: commission, description, commissionId: c.id });
        return { id: c.id, commission };
      };
      const direct = await record(partnerId, 'direct', s.program.rate);
      result.commissionId = direct.id;
      result.commission = direct.commission;
      if (s.program.secondTier) {
        const me = await db.selectFrom('partners').select(['code', 'parent_id']).where('id', '=', partnerId).executeTakeFirstOrThrow();
        if (me.parent_id !== null) result.secondTierCommissionId = (await record(me.parent_id, 'second', s.program.secondTier, me.code)).id;
      }
      return result;
    },

    /** A refund of part or all of a sale: every commission on it is clawed back in proportion. */
    async refund(r: { at: number; sale: SaleResult; amount: number; reason?: string }) {
      const sale = await db.selectFrom('sales').select(['amount', 'refunded_amount', 'order_id']).where('id', '=', r.sale.saleId).executeTakeFirstOrThrow();
      const refunded = Math.min(sale.amount, sale.refunded_amount + r.amount);
      await db.insertInto('refunds').values({ sale_id: r.sale.saleId, amount: r.amount, reason: r.reason ?? null, external_id: null, at: r.at }).execute();
      await db
        .updateTable('sales')
        .set({ refunded_amount: refunded, status: refunded >= sale.amount ? 'refunded' : 'partially_refunded' })
        .where('id', '=', r.sale.saleId)
        .execute();
      const commissions = await db.selectFrom('commissions').selectAll().where('sale_id', '=', r.sale.saleId).orderBy('id').execute();
      const clawbacks: { commissionId: number; partnerId: number; amount: number }[] = [];
      for (const c of commissions) {
        const target = refunded >= sale.amount ? c.amount : Math.round((c.amount * refunded) / sale.amount);
        const take = Math.min(c.amount, target) - c.clawed_back;
        if (take <= 0) continue;
        const clawedBack = c.clawed_back + take;
        await db
          .updateTable('commissions')
          .set({ clawed_back: clawedBack, ...(clawedBack >= c.amount ? { status: 'clawed_back' as const } : {}) })
          .where('id', '=', c.id)
          .execute();
        await entry(c.partner_id, {
          at: r.at,
          type: 'clawback',
          amount: -take,
          description: `Clawback: refund on order ${sale.order_id}${r.reason ? ` (${r.reason})` : ''}`,
          commissionId: c.id,
        });
        clawbacks.push({ commissionId: c.id, partnerId: c.partner_id, amount: take });
      }
      return clawbacks;
    },

    async approve(commissionId: number, at: number) {
      await db.updateTable('commissions').set({ status: 'approved', approved_at: at }).where('id', '=', commissionId).where('status', '=', 'pending').execute();
    },

    /** Approves every pending commission of the partner whose hold has passed by `at`. */
    async approveDue(partnerId: number, at: number) {
      await db
        .updateTable('commissions')
        .set({ status: 'approved', approved_at: at })
        .where('partner_id', '=', partnerId)
        .where('status', '=', 'pending')
        .where('payable_at', '<=', at)
        .execute();
    },

    /** Pays the partner's approved commissions (net of clawbacks), or a given amount. */
    async pay(partnerId: number, p: { at: number; method?: string; reference?: string; amount?: number }) {
      const approved = await db
        .selectFrom('commissions')
        .select(['id', 'amount', 'clawed_back'])
        .where('partner_id', '=', partnerId)
        .where('status', '=', 'approved')
        .execute();
      const amount = p.amount ?? approved.reduce((sum, c) => sum + c.amount - c.clawed_back, 0);
      if (amount <= 0) return null;
      const payment = await db
        .insertInto('payments')
        .values({
          partner_id: partnerId,
          amount,
          currency,
          method: p.method ?? 'bank transfer',
          reference: p.reference ?? null,
          note: null,
          forced: 0,
          at: p.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (approved.length && p.amount === undefined) {
        await db.updateTable('commissions').set({ status: 'paid' }).where('id', 'in', approved.map((c) => c.id)).execute();
      }
      await entry(partnerId, {
        at: p.at,
        type: 'payment',
        amount: -amount,
        description: `Payment by ${p.method ?? 'bank transfer'}${p.reference ? ` (ref. ${p.reference})` : ''}`,
        paymentId: payment.id,
      });
      return { paymentId: payment.id, amount };
    },

    async adjust(partnerId: number, a: { at: number; amount: number; description: string }) {
      return entry(partnerId, { at: a.at, type: 'adjustment', amount: a.amount, description: a.description });
    },
  };
  return fixture;
}

export type LedgerFixture = ReturnType<typeof ledgerFixture>;

/** A small deterministic PRNG (mulberry32), so generated histories are the same every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const PRODUCTS = [
  { product: 'tent-2p', amount: 24_900 },
  { product: 'sleeping-bag', amount: 12_900 },
  { product: 'headlamp', amount: 3_450 },
  { product: 'trail-shoes', amount: 14_000 },
  { product: 'rain-jacket', amount: 18_999 },
  { product: 'water-filter', amount: 4_995 },
] as const;
const SUBS = ['newsletter', 'instagram', 'blog-review', null] as const;
const REFUND_REASONS = ['Damaged in transit', 'Wrong size', 'Changed their mind'] as const;

/**
 * A believable history for one partner, ending at `now`: `months` of clicks, leads, sales,
 * refunds, monthly payouts of approved commissions, and an adjustment or two. Deterministic
 * for a given seed. Returns what it made, for assertions.
 */
export async function partnerHistory(
  db: Kysely<Database>,
  partnerId: number,
  options: { now: number; months?: number; seed?: number; salesPerMonth?: number; currency?: string; prefix?: string },
) {
  const f = ledgerFixture(db, { currency: options.currency ?? 'USD' });
  const rand = prng(options.seed ?? 42);
  const months = options.months ?? 14;
  const prefix = options.prefix ?? `P${partnerId}`;
  const program = await f.program({ name: 'Outdoor Gear', rate: { type: 'percent', value: 1000 }, holdDays: 30 });
  const lead = await f.program({ name: 'Newsletter', rate: { type: 'flat', value: 500 }, holdDays: 14 });
  const links = [await f.link(`${prefix.toLowerCase()}-shop`, 'Shop home'), await f.link(`${prefix.toLowerCase()}-tents`, 'Tents and shelters')];

  const start = options.now - months * 30 * DAY;
  const events: { at: number; run: () => Promise<unknown> }[] = [];
  const sales: SaleResult[] = [];
  let order = 1000;
  let leads = 0;
  for (let m = 0; m < months; m++) {
    const monthStart = start + m * 30 * DAY;
    const count = options.salesPerMonth ?? rand.int(3, 7);
    for (let i = 0; i < count; i++) {
      const at = monthStart + rand.int(0, 29 * 24) * 3_600_000 + rand.int(0, 3_599) * 1000;
      if (at >= options.now) continue;
      const link = rand.pick(links);
      const sub = rand.pick(SUBS) ?? undefined;
      const items = Array.from({ length: rand.int(1, 3) }, () => rand.pick(PRODUCTS)).map((p) => ({ ...p, quantity: 1 }));
      const orderId = `${prefix}-${++order}`;
      events.push({
        at,
        run: async () => {
          const click = await f.click(partnerId, { at: at - rand.int(1, 48) * 3_600_000, link, ...(sub ? { sub } : {}) });
          const sale = await f.sale(partnerId, { at, orderId, items, program, click });
          sales.push(sale);
        },
      });
      if (rand.next() < 0.15) {
        const refundAt = at + rand.int(2, 20) * DAY;
        if (refundAt < options.now) {
          const partial = rand.next() < 0.5;
          events.push({
            at: refundAt,
            run: async () => {
              const sale = sales.find((s) => s.orderId === orderId);
              if (sale) await f.refund({ at: refundAt, sale, amount: partial ? Math.floor(sale.amount / 2) : sale.amount, reason: rand.pick(REFUND_REASONS) });
            },
          });
        }
      }
    }
    // browsing that did not buy: most clicks never convert
    const browsing = Array.from({ length: rand.int(20, 60) }, () => ({
      at: monthStart + rand.int(0, 29 * 24 * 60) * 60_000,
      link: rand.pick(links),
      sub: rand.pick(SUBS) ?? undefined,
    })).filter((c) => c.at < options.now);
    events.push({ at: monthStart, run: () => f.clicks(partnerId, browsing.map((c) => ({ at: c.at, link: c.link, ...(c.sub ? { sub: c.sub } : {}) }))) });
    if (rand.next() < 0.6) {
      const at = monthStart + rand.int(1, 28) * DAY;
      if (at < options.now) {
        const n = ++leads;
        events.push({
          at,
          run: () => f.lead(partnerId, { at, email: `lead${n}.${prefix.toLowerCase()}@example.org`, name: `Lead ${n}`, commission: { program: lead, amount: 500 } }),
        });
      }
    }
    const payAt = monthStart + 29 * DAY + 9 * 3_600_000;
    if (payAt < options.now) {
      events.push({
        at: payAt,
        run: async () => {
          await f.approveDue(partnerId, payAt);
          await f.pay(partnerId, { at: payAt, method: 'bank transfer', reference: `PAY-${prefix}-${m + 1}` });
        },
      });
    }
    if (m % 5 === 2) {
      const at = monthStart + 15 * DAY;
      events.push({ at, run: () => f.adjust(partnerId, { at, amount: m % 2 ? -750 : 1_000, description: m % 2 ? 'Correction: duplicate commission' : 'Bonus: top partner of the month' }) });
    }
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) await e.run();
  return { program, leadProgram: lead, links, sales };
}

/**
 * The benchmark's data set, fast: `partners` partners and `rows` ledger rows in one
 * transaction, the first partner holding `heavyRows` of them, the rest spread evenly. Rows are
 * commissions, clawbacks, payments and adjustments with correct running balances over the
 * `span` ms before `end`. Returns the heavy partner's id.
 */
export async function bulkLedger(
  db: Kysely<Database>,
  options: { partners: number; rows: number; heavyRows: number; end: number; span: number; currency?: string; batch?: number },
): Promise<{ heavyPartnerId: number; firstPartnerId: number }> {
  const currency = options.currency ?? 'USD';
  const batch = options.batch ?? 1000;
  return db.transaction().execute(async (trx) => {
    const created = options.end - options.span;
    let firstPartnerId = 0;
    for (let i = 0; i < options.partners; i += batch) {
      const rows = Array.from({ length: Math.min(batch, options.partners - i) }, (_, j) => ({
        code: `bench-${i + j + 1}`,
        name: `Bench Partner ${i + j + 1}`,
        email: `bench-${i + j + 1}@example.com`,
        status: 'active' as const,
        password_hash: 'bench:not-a-password',
        parent_id: null,
        created_at: created,
        updated_at: created,
      }));
      const inserted = await trx.insertInto('partners').values(rows).returning('id').execute();
      if (i === 0) firstPartnerId = inserted[0]!.id;
    }
    const rand = prng(7);
    const others = options.partners - 1;
    const rest = options.rows - options.heavyRows;
    const perOther = Math.floor(rest / others);
    const extra = rest - perOther * others;
    type Row = { partner_id: number; at: number; type: LedgerEntryType; amount: number; balance: number; currency: string; description: string };
    let buffer: Row[] = [];
    const balances: { partner_id: number; balance: number; at: number }[] = [];
    const flush = async () => {
      if (!buffer.length) return;
      await trx.insertInto('ledger_entries').values(buffer).execute();
      buffer = [];
    };
    for (let p = 0; p < options.partners; p++) {
      const partnerId = firstPartnerId + p;
      const count = p === 0 ? options.heavyRows : perOther + (p <= extra ? 1 : 0);
      const step = Math.floor(options.span / (count + 1));
      let balance = 0;
      let lastAt = 0;
      for (let i = 0; i < count; i++) {
        const at = created + step * (i + 1) + rand.int(0, Math.max(0, step - 1));
        const roll = rand.next();
        let type: LedgerEntryType;
        let amount: number;
        if (roll < 0.7 || balance <= 0) {
          type = 'commission';
          amount = rand.int(100, 25_000);
        } else if (roll < 0.8) {
          type = 'clawback';
          amount = -Math.min(balance, rand.int(100, 5_000));
        } else if (roll < 0.97) {
          type = 'payment';
          amount = -balance;
        } else {
          type = 'adjustment';
          amount = rand.int(-500, 1_000);
        }
        balance += amount;
        buffer.push({ partner_id: partnerId, at, type, amount, balance, currency, description: `${type} #${i + 1}` });
        lastAt = at;
        if (buffer.length >= batch) await flush();
      }
      if (count) balances.push({ partner_id: partnerId, balance, at: lastAt });
    }
    for (let i = 0; i < balances.length; i += batch) await trx.insertInto('partner_balances').values(balances.slice(i, i + batch)).execute();
    await flush();
    return { heavyPartnerId: firstPartnerId, firstPartnerId };
  });
}
