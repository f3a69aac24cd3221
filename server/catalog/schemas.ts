import { z } from '@hono/zod-openapi';

/** The catalog's answers: programs and links (admin API), a partner's programs and the portal settings (partner API). */

export const RateSchema = z.object({ type: z.enum(['percent', 'flat']), value: z.number().int().openapi({ description: 'basis points (1000 = 10%) or cents' }) }).openapi('Rate');
export type Rate = z.infer<typeof RateSchema>;

export const ProgramSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    priority: z.number().int(),
    saleCommission: RateSchema,
    leadCommission: z.number().int().nullable(),
    recurring: z.object({ mode: z.enum(['every', 'first_n', 'none']), payments: z.number().int().nullable() }),
    secondTier: RateSchema.nullable(),
    attributionWindowDays: z.number().int().nullable(),
    attributionModel: z.enum(['first_click', 'last_click']),
    holdDays: z.number().int().nullable(),
    status: z.enum(['active', 'archived']),
    openToSignup: z.boolean().openapi({ description: 'partners who sign themselves up join it (unless settings.signupProgramIds names programs); default true for the first program' }),
    productRates: z.array(z.object({ productId: z.string(), type: z.enum(['percent', 'flat']), value: z.number().int() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Program');

export type ProgramView = z.infer<typeof ProgramSchema>;

export const LinkSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    destination: z.string(),
    status: z.enum(['active', 'disabled']),
    partnerCode: z.string().nullable(),
    sub: z.string().nullable(),
    programIds: z.array(z.number().int()),
    url: z.string().openapi({ example: 'https://partners.example.com/r/{code}/spring-sale' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Link');

export type LinkView = z.infer<typeof LinkSchema>;

/** A program as its partner sees it: what it is and how it pays. */
export const PartnerProgramSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    priority: z.number().int(),
    currency: z.string(),
    saleCommission: RateSchema,
    productRates: z.array(RateSchema.extend({ productId: z.string() })),
    leadCommission: z.number().int().nullable().openapi({ description: 'cents per lead' }),
    recurring: z.object({ mode: z.enum(['every', 'first_n', 'none']), payments: z.number().int().nullable() }),
    secondTier: RateSchema.nullable(),
    attributionWindowDays: z.number().int(),
    attributionModel: z.enum(['first_click', 'last_click']),
    holdDays: z.number().int(),
    enrolledAt: z.string(),
  })
  .openapi('PartnerProgram');
export type PartnerProgram = z.infer<typeof PartnerProgramSchema>;

export const PortalSchema = z
  .object({
    merchantName: z.string(),
    currency: z.string(),
    minimumPayout: z.number().int(),
    menus: z.object({ welcome: z.boolean(), profile: z.boolean(), programs: z.boolean(), commissions: z.boolean() }),
  })
  .openapi('Portal');
export type Portal = z.infer<typeof PortalSchema>;

export const WelcomeSchema = z
  .object({
    merchantName: z.string(),
    html: z.string().openapi({ description: "The merchant's welcome message, markdown rendered to sanitized HTML" }),
  })
  .openapi('Welcome');
export type Welcome = z.infer<typeof WelcomeSchema>;
