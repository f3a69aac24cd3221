import { z } from '../http/openapi.js';
import { newProgramSchema } from './program.schemas.js';
import { saleItemsSchema } from '../tracking/sale.schemas.js';
import { cents } from '../shared/validation.js';

export const ProgramExampleRequestSchema = z
  .object({
    /** the program as it stands in the form: the create-program body */
    program: newProgramSchema,
    /** the sale to price, in cents (default 10000); with `items`, at least their sum */
    saleAmount: cents('saleAmount').optional(),
    /** the sale's products, as POST /track/sales takes them (product rates apply per line) */
    items: saleItemsSchema.optional(),
    /** which payment of a subscription (1 = the first; the recurring rule decides the later ones) */
    payment: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
  })
  .strict();
export type ProgramExampleRequest = z.input<typeof ProgramExampleRequestSchema>;

const Cents = (description: string) => z.number().int().openapi({ description: `${description} (integer minor units, e.g. cents)` });

export const ProgramExampleSchema = z
  .object({
    currency: z.string(),
    saleAmount: Cents('the sale priced'),
    sale: z.object({
      partner: Cents('what the sale pays the partner who referred it'),
      parent: Cents('what it pays that partner’s parent (second tier); 0 without a second-tier rate'),
      commissions: z
        .array(
          z.object({
            tier: z.enum(['direct', 'second']),
            amount: Cents('the commission'),
            baseAmount: Cents('what the rate applied to'),
            rateType: z.enum(['percent', 'flat']),
            rateValue: z.number().int().openapi({ description: 'percent: basis points; flat: cents' }),
            productIds: z.array(z.string()).optional(),
          }),
        )
        .openapi({ description: 'each commission the engine would record, as recordSale plans it' }),
    }),
    lead: Cents('what a lead pays the partner; 0 without a lead commission'),
    holdDays: z.number().int().openapi({ description: 'days before the commissions are payable (the program’s, else settings.holdDays)' }),
  })
  .openapi('ProgramExample');
export type ProgramExample = z.infer<typeof ProgramExampleSchema>;
