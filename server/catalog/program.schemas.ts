import { z } from 'zod';
import { FULL_RATE_BPS, MAX_AMOUNT } from '../shared/money.js';
import { cents, externalId, longText, text } from '../shared/validation.js';
import type { ProgramView } from './schemas.js';

/** What the admin API takes to create or change a program (the answer is ProgramSchema in schemas.ts). */

/** A program's own rate for one product. */
export type ProductRate = ProgramView['productRates'][number];

const rate = z
  .object({
    type: z.enum(['percent', 'flat'], { error: 'must be "percent" or "flat"' }),
    value: z
      .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a whole number (basis points or cents)') })
      .int('must be a whole number (basis points or cents)')
      .min(0, 'must not be negative')
      .max(MAX_AMOUNT, 'is too large'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.type === 'percent' && r.value > FULL_RATE_BPS) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percent is given in basis points and must be at most 10000 (100%)' });
    }
  });

const recurring = z
  .object({
    mode: z.enum(['every', 'first_n', 'none'], { error: 'must be "every", "first_n" or "none"' }),
    payments: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').nullable().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.mode === 'first_n' && !r.payments) ctx.addIssue({ code: 'custom', path: ['payments'], message: 'is required for "first_n": how many payments earn commission' });
    if (r.mode !== 'first_n' && r.payments) ctx.addIssue({ code: 'custom', path: ['payments'], message: 'is only used with mode "first_n"' });
  });

const productRates = z
  .array(z.object({ productId: externalId(), type: rate.shape.type, value: rate.shape.value }).strict())
  .max(500, 'must have at most 500 entries')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (r.type === 'percent' && r.value > FULL_RATE_BPS) {
        ctx.addIssue({ code: 'custom', path: [i, 'value'], message: 'a percent is given in basis points and must be at most 10000 (100%)' });
      }
      if (seen.has(r.productId)) ctx.addIssue({ code: 'custom', path: [i, 'productId'], message: `"${r.productId}" is listed twice` });
      seen.add(r.productId);
    });
  });

const programFields = {
  name: text(120),
  description: longText(5000),
  priority: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(-1000, 'must be at least -1000').max(1000, 'must be at most 1000'),
  saleCommission: rate,
  leadCommission: cents('leadCommission').nullable(),
  recurring,
  secondTier: rate.nullable(),
  attributionWindowDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullable(),
  attributionModel: z.enum(['first_click', 'last_click'], { error: 'must be "first_click" or "last_click"' }),
  holdDays: z.number().int('must be a whole number of days').min(0, 'must not be negative').max(3650, 'must be at most 3650 days').nullable(),
  status: z.enum(['active', 'archived'], { error: 'must be "active" or "archived"' }),
  openToSignup: z.boolean({ error: 'must be true or false' }),
  productRates,
};

export const rateSchema = rate;
export const newProgramSchema = z
  .object({
    ...programFields,
    description: programFields.description.default(''),
    priority: programFields.priority.default(0),
    leadCommission: programFields.leadCommission.optional(),
    recurring: programFields.recurring.optional(),
    secondTier: programFields.secondTier.optional(),
    attributionWindowDays: programFields.attributionWindowDays.optional(),
    attributionModel: programFields.attributionModel.default('last_click'),
    holdDays: programFields.holdDays.optional(),
    status: programFields.status.default('active'),
    /** default: true for the merchant's first program, false after */
    openToSignup: programFields.openToSignup.optional(),
    productRates: programFields.productRates.default([]),
  })
  .strict();
export type NewProgram = z.input<typeof newProgramSchema>;

/** Only the fields sent change: `.partial()` of the rules without the create defaults. */
export const programPatchSchema = z.object(programFields).partial().strict();
export type ProgramPatch = z.input<typeof programPatchSchema>;
