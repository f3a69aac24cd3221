import { z } from '../http/openapi.js';
import { idValue } from '../shared/validation.js';
import { CommissionSchema } from './schemas.js';
import { NextCursor } from '../http/paging.schemas.js';

/** The admin API's commission shapes beyond the engine's (server/money/commissions.ts builds them). */

const Iso = z.string().openapi({ description: 'ISO 8601', example: '2026-01-31T09:00:00.000Z' });

/** Why a commission exists, in the words of the partner's commission report (reports/commissions.ts parseWhy). */
export const CommissionWhySchema = z
  .object({
    attribution: z.enum(['last_click', 'first_click', 'partner_code', 'lead_email']).nullable(),
    link: z.object({ slug: z.string(), name: z.string().nullable() }).nullable(),
    sub: z.string().nullable(),
    clickAt: Iso.nullable(),
    program: z.object({ id: z.number().int().nullable(), name: z.string().nullable() }),
    childCode: z.string().nullable().openapi({ description: 'second tier: the partner whose sale it was' }),
  })
  .openapi('CommissionWhy');

export const ClawbackSchema = z
  .object({
    amount: z.number().int().openapi({ description: 'taken back in all (cents)' }),
    date: Iso.openapi({ description: 'the latest clawback' }),
    reason: z.string().openapi({ description: 'the refunds’ reasons, else the reversal notes' }),
  })
  .openapi('Clawback');

export const AdminCommissionSchema = CommissionSchema.extend({ why: CommissionWhySchema, clawback: ClawbackSchema.nullable() }).openapi('AdminCommission');
export type AdminCommission = z.infer<typeof AdminCommissionSchema>;

export const CommissionListSchema = z.object({ commissions: z.array(AdminCommissionSchema), nextCursor: NextCursor }).openapi('CommissionList');
export type CommissionList = z.infer<typeof CommissionListSchema>;

export const BatchApprovalSchema = z
  .object({ ids: z.array(idValue).min(1, 'must name at least one commission').max(500, 'must name at most 500 commissions') })
  .strict()
  .openapi('BatchApproval');

export const BatchApprovalResultSchema = z
  .object({
    approved: z.array(AdminCommissionSchema).openapi({ description: 'the commissions this call approved (payments may already cover them: then `paid`)' }),
    skipped: z.array(
      z.object({
        id: z.number().int(),
        reason: z.enum(['not_found', 'already_approved', 'already_paid', 'clawed_back']),
        message: z.string(),
      }),
    ),
  })
  .openapi('BatchApprovalResult');
export type BatchApprovalResult = z.infer<typeof BatchApprovalResultSchema>;
