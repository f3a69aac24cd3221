import { z } from 'zod';
import { cents, externalId } from '../shared/validation.js';

/** A sale's products, as POST /track/sales takes them (and the program example prices them). */
export const saleItemsSchema = z
  .array(
    z
      .object({
        productId: externalId(128),
        amount: cents('amount'),
        quantity: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'is too large').default(1),
      })
      .strict(),
  )
  .min(1, 'must have at least one item when sent')
  .max(100, 'must have at most 100 items');
