import type { Deps } from '../deps.js';
import type { PartnerRow, ProgramRow } from '../db/schema.js';
import type { Credit } from '../tracking/attribution.js';
import { holdDaysOf, planLeadCommission, planSaleCommissions } from '../money/commissions.js';
import { getSettings } from './settings.js';
import { programRowOf, type EngineProgram } from './programs.js';
import { invalid } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { ProgramExampleRequestSchema, type ProgramExample, type ProgramExampleRequest } from './program-example.schemas.js';

export const DEFAULT_EXAMPLE_SALE = 10_000;

/** A stand-in partner for the planner: only its id, code and status are read. */
const standIn = (id: number, code: string): PartnerRow =>
  ({ id, code, name: code, email: `${code}@example.invalid`, status: 'active', parent_id: null }) as PartnerRow;

/**
 * What a program pays, before it is saved: the create-program body is turned into the row
 * createProgram would store (programRowOf) and priced by the engine's own planners
 * (planSaleCommissions, planLeadCommission) for a partner with a parent, exactly as recordSale
 * and recordLead plan a real sale and lead. Nothing is written.
 */
export async function programExample(deps: Deps, input: ProgramExampleRequest): Promise<ProgramExample> {
  const data = parseInput(ProgramExampleRequestSchema, input);
  const programData = data.program;
  const settings = await getSettings(deps);
  const itemsTotal = data.items?.reduce((t, i) => t + i.amount, 0) ?? 0;
  const saleAmount = data.saleAmount ?? Math.max(itemsTotal, data.items ? 0 : DEFAULT_EXAMPLE_SALE);
  if (itemsTotal > saleAmount) throw invalid('items', `items: they add up to ${itemsTotal} cents, more than the sale amount ${saleAmount}`);

  const row: ProgramRow = { id: 0, ...programRowOf(programData, { openToSignup: false, now: deps.clock() }) };
  const program: EngineProgram = { row, rates: new Map(programData.productRates.map((r) => [r.productId, { type: r.type, value: r.value }])) };
  const partner = { ...standIn(1, 'partner'), parent_id: 2 };
  const parent = standIn(2, 'parent');
  const credit: Credit = { partner, programs: [program], attribution: 'last_click', click: null, leadId: null, sub: null };
  const lines = data.items ? data.items.map((i) => ({ productId: i.productId, amount: i.amount, quantity: i.quantity })) : [{ productId: null, amount: saleAmount, quantity: 1 }];
  const payment = data.payment ?? null;
  const planned = planSaleCommissions(
    { orderId: 'example', amount: saleAmount, currency: settings.currency, lines, subscriptionId: payment === null ? null : 'example', payment },
    credit,
    parent,
  );
  const paid = (tier: 'direct' | 'second') => planned.filter((p) => p.tier === tier).reduce((t, p) => t + p.amount, 0);
  return {
    currency: settings.currency,
    saleAmount,
    sale: {
      partner: paid('direct'),
      parent: paid('second'),
      commissions: planned.map((p) => ({
        tier: p.tier,
        amount: p.amount,
        baseAmount: p.baseAmount,
        rateType: p.rateType,
        rateValue: p.rateValue,
        ...(p.reason.productIds && { productIds: p.reason.productIds }),
      })),
    },
    lead: planLeadCommission('lead@example.invalid', credit, settings.currency)?.amount ?? 0,
    holdDays: holdDaysOf(program, settings),
  };
}
