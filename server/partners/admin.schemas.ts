import { z } from '../http/openapi.js';
import { PartnerAccountDetailSchema, PartnerAccountSchema } from './schemas.js';
import { NextCursor } from '../http/paging.schemas.js';
import { text } from '../shared/validation.js';

/** The admin API's partner shapes beyond the engine's: list sorting, the console's detail, sign-up decisions. */

export const PARTNER_SORTS = ['created', 'name', 'code'] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

export const PartnerSortQuery = {
  sort: z
    .enum(PARTNER_SORTS, { error: 'must be "created", "name" or "code"' })
    .optional()
    .openapi({ description: 'created, name (case-insensitive) or code (the default)' }),
  order: z.enum(['asc', 'desc'], { error: 'must be "asc" or "desc"' }).optional().openapi({ description: 'asc (the default) or desc' }),
};

/** `GET /api/v1/admin/partners` */
export const PartnerListSchema = z.object({ partners: z.array(PartnerAccountSchema), total: z.number().int(), nextCursor: NextCursor });
export type PartnerList = z.infer<typeof PartnerListSchema>;

const Iso = z.string().openapi({ description: 'ISO 8601', example: '2026-01-31T09:00:00.000Z' });
const PartnerRef = z.object({ code: z.string(), name: z.string() }).openapi('PartnerRef');
const money = (description: string) => z.number().int().openapi({ description: `${description} (cents)` });

export const PartnerDetailSchema = PartnerAccountDetailSchema.extend({
  phone: z.string().nullable(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  programs: z.array(z.object({ id: z.number().int(), name: z.string(), status: z.enum(['active', 'archived']) })).openapi({ description: 'the programs of programIds, with their names' }),
  parent: PartnerRef.nullable().openapi({ description: 'the partner who referred this one' }),
  children: z.array(PartnerRef).openapi({ description: 'partners this one referred, by code (at most 100; childrenCount says how many)' }),
  childrenCount: z.number().int(),
  allTime: z
    .object({
      earned: money('commissions recorded, before clawbacks'),
      clawedBack: money('what refunds and reversals took back'),
      paid: money('payments, net of reversed payments'),
      adjustments: money('manual changes'),
      currency: z.string(),
    })
    .openapi({ description: 'the partner’s ledger over all time, in the words of My Ledger; `balance` holds balance, pending and payable now' }),
  rejection: z
    .object({ reason: z.string(), at: Iso })
    .nullable()
    .openapi({ description: 'a rejected sign-up: the reason the partner was told (the account is disabled)' }),
}).openapi('PartnerDetail');
export type PartnerDetail = z.infer<typeof PartnerDetailSchema>;

export const RejectionSchema = z.object({ reason: text(500) }).strict().openapi('SignupRejection');
export type RejectionInput = z.input<typeof RejectionSchema>;
