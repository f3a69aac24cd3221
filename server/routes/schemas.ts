import { z } from '../http/openapi.js';

export const PartnerSchema = z
  .object({
    code: z.string().openapi({ example: 'demo' }),
    name: z.string().openapi({ example: 'Dana Demo' }),
    email: z.string().openapi({ example: 'dana@example.com' }),
    status: z.enum(['active', 'pending', 'disabled']),
    createdAt: z.string().openapi({ example: '2026-01-31T09:00:00.000Z' }),
  })
  .openapi('Partner');
