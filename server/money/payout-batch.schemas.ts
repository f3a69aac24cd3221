import { z } from '../http/openapi.js';
import { partnerCode } from '../partners/schemas.js';
import { positiveCents, text } from '../shared/validation.js';
import { PaymentSchema } from './schemas.js';

/** The most payments one batch records (a PayPal Payouts file takes 5,000; a Wise batch 1,000). */
export const MAX_BATCH = 1000;

export const PaymentBatchRequestSchema = z
  .object({
    payments: z
      .array(
        z
          .object({
            partner: partnerCode,
            amount: positiveCents('amount').optional(),
          })
          .strict(),
        { error: 'must be a list of payments' },
      )
      .min(1, 'must name at least one payment')
      .max(MAX_BATCH, `must name at most ${MAX_BATCH} payments`),
    /** how it was paid: "PayPal", "bank transfer"… (every payment of the batch) */
    method: text(60).optional(),
    /** the transfer's reference (every payment of the batch) */
    reference: text(120).optional(),
    note: text(500).optional(),
  })
  .strict()
  .openapi('PaymentBatchRequest');
export type PaymentBatchRequest = z.input<typeof PaymentBatchRequestSchema>;

export const PaymentBatchSchema = z
  .object({
    batchId: z.number().int().openapi({ description: 'filter GET /payments?batch= by it' }),
    at: z.string(),
    count: z.number().int(),
    total: z.number().int().openapi({ description: 'the sum of the batch’s payments (cents)' }),
    currency: z.string(),
    payments: z.array(PaymentSchema).openapi({ description: 'in the order they were sent' }),
  })
  .openapi('PaymentBatch');
export type PaymentBatch = z.infer<typeof PaymentBatchSchema>;
