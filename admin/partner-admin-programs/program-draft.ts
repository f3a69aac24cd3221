import type { AttributionModel, NewProgram, Program, ProgramPatch, RecurringMode } from '../api/types.js';
import { amountText, parseAmount, parsePercent, parseWhole, percentText, type FieldErrors } from '../internal/form-fields.js';

type RateType = 'percent' | 'flat';

/** A program as it stands in the form: what the merchant typed (amounts in major units, percents in %). */
export interface ProgramDraft {
  name: string;
  description: string;
  priority: string;
  saleType: RateType;
  saleValue: string;
  /** '' = no lead commission */
  lead: string;
  recurringMode: RecurringMode;
  recurringPayments: string;
  secondType: RateType | 'none';
  secondValue: string;
  /** '' = the settings' default */
  windowDays: string;
  attributionModel: AttributionModel;
  /** '' = the settings' default */
  holdDays: string;
  openToSignup: boolean;
  productRates: { productId: string; type: RateType; value: string }[];
}

export const emptyDraft = (): ProgramDraft => ({
  name: '',
  description: '',
  priority: '0',
  saleType: 'percent',
  saleValue: '10',
  lead: '',
  recurringMode: 'every',
  recurringPayments: '',
  secondType: 'none',
  secondValue: '',
  windowDays: '',
  attributionModel: 'last_click',
  holdDays: '',
  openToSignup: false,
  productRates: [],
});

const rateText = (type: RateType, value: number, currency: string) => (type === 'percent' ? percentText(value) : amountText(value, currency));

export function draftOf(p: Program, currency: string): ProgramDraft {
  return {
    name: p.name,
    description: p.description,
    priority: String(p.priority),
    saleType: p.saleCommission.type,
    saleValue: rateText(p.saleCommission.type, p.saleCommission.value, currency),
    lead: p.leadCommission === null ? '' : amountText(p.leadCommission, currency),
    recurringMode: p.recurring.mode,
    recurringPayments: p.recurring.payments === null ? '' : String(p.recurring.payments),
    secondType: p.secondTier?.type ?? 'none',
    secondValue: p.secondTier ? rateText(p.secondTier.type, p.secondTier.value, currency) : '',
    windowDays: p.attributionWindowDays === null ? '' : String(p.attributionWindowDays),
    attributionModel: p.attributionModel,
    holdDays: p.holdDays === null ? '' : String(p.holdDays),
    openToSignup: p.openToSignup,
    productRates: p.productRates.map((r) => ({ productId: r.productId, type: r.type, value: rateText(r.type, r.value, currency) })),
  };
}

const AMOUNT = 'Enter an amount like 19.90';
const PERCENT = 'Enter a percent from 0 to 100, like 10 or 12.5';

/**
 * The create-program body of a draft, or the errors by field. The same checks as the server's
 * schema, said in the form's words; the server still has the last word.
 */
export function bodyOf(d: ProgramDraft, currency: string): { body?: NewProgram; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rate = (type: RateType, text: string, field: string) => {
    const value = type === 'percent' ? parsePercent(text) : parseAmount(text, currency);
    if (value === undefined) errors[field] = type === 'percent' ? PERCENT : AMOUNT;
    return { type, value: value ?? 0 };
  };
  const optionalDays = (text: string, field: string, min: number) => {
    if (!text.trim()) return null;
    const n = parseWhole(text, min, 3650);
    if (n === undefined) errors[field] = `Enter whole days from ${min} to 3650, or leave it empty for the settings' default`;
    return n ?? null;
  };
  const name = d.name.trim();
  if (!name) errors.name = 'Name the program (partners see it)';
  else if (name.length > 120) errors.name = 'Use at most 120 characters';
  if (d.description.length > 5000) errors.description = 'Use at most 5000 characters';
  const priority = parseWhole(d.priority || '0', -1000, 1000);
  if (priority === undefined) errors.priority = 'Enter a whole number from -1000 to 1000';
  const saleCommission = rate(d.saleType, d.saleValue, 'saleValue');
  let leadCommission: number | null = null;
  if (d.lead.trim()) {
    leadCommission = parseAmount(d.lead, currency) ?? null;
    if (leadCommission === null) errors.lead = `${AMOUNT}, or leave it empty for none`;
  }
  let payments: number | null = null;
  if (d.recurringMode === 'first_n') {
    payments = parseWhole(d.recurringPayments, 1, 1000) ?? null;
    if (payments === null) errors.recurringPayments = 'Enter how many payments earn commission, from 1 to 1000';
  }
  const secondTier = d.secondType === 'none' ? null : rate(d.secondType, d.secondValue, 'secondValue');
  const attributionWindowDays = optionalDays(d.windowDays, 'windowDays', 1);
  const holdDays = optionalDays(d.holdDays, 'holdDays', 0);
  const seen = new Set<string>();
  const productRates = d.productRates.map((r, i) => {
    const productId = r.productId.trim();
    if (!productId) errors[`rate-${i}-productId`] = 'Enter the product id your shop sends with sales';
    else if (seen.has(productId)) errors[`rate-${i}-productId`] = `"${productId}" is listed twice`;
    seen.add(productId);
    return { productId, ...rate(r.type, r.value, `rate-${i}-value`) };
  });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      name,
      description: d.description,
      priority: priority!,
      saleCommission,
      leadCommission,
      recurring: { mode: d.recurringMode, payments },
      secondTier,
      attributionWindowDays,
      attributionModel: d.attributionModel,
      holdDays,
      openToSignup: d.openToSignup,
      productRates,
    },
  };
}

/** Only the rules that differ from the program as saved (what PATCH sends). */
export function patchOf(body: NewProgram, saved: Program, currency: string): ProgramPatch {
  const before: Partial<NewProgram> = bodyOf(draftOf(saved, currency), currency).body ?? {};
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof NewProgram]))) as ProgramPatch;
}

/** The API's field (`saleCommission.value`, `program.productRates.2.productId`) → the form's. */
export function draftField(field: string): string | undefined {
  const path = field.replace(/^program\./, '').split('.');
  const [head, second, third] = path;
  if (head === 'productRates' && second !== undefined) return `rate-${second}-${third === 'productId' ? 'productId' : 'value'}`;
  return (
    {
      name: 'name',
      description: 'description',
      priority: 'priority',
      saleCommission: 'saleValue',
      leadCommission: 'lead',
      recurring: 'recurringPayments',
      secondTier: 'secondValue',
      attributionWindowDays: 'windowDays',
      holdDays: 'holdDays',
    } as Record<string, string>
  )[head ?? ''];
}
