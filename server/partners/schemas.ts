import { z } from '../http/openapi.js';

export const PartnerSchema = z
  .object({
    code: z.string().openapi({ example: 'demo' }),
    name: z.string().openapi({ example: 'Dana Demo' }),
    email: z.string().openapi({ example: 'dana@example.com' }),
    status: z.enum(['active', 'pending', 'disabled']),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    payoutMethod: z.enum(['paypal', 'bank_transfer', 'check', 'other']).nullable(),
    payoutDetails: z.string().nullable().openapi({ description: 'PayPal email, bank details… shown only to the partner and the merchant' }),
    createdAt: z.string().openapi({ example: '2026-01-31T09:00:00.000Z' }),
  })
  .openapi('Partner');
