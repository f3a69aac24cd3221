import { z } from '@hono/zod-openapi';
import { RateSchema } from '../catalog/schemas.js';
import type { RecruitsAnswer as ClientRecruitsAnswer } from '../../src/api/types.js';

/** A partner this partner brought in: their name and join date only (never email or code). */
export const RecruitSchema = z
  .object({
    name: z.string(),
    joinedAt: z.string().openapi({ example: '2026-02-14T09:30:00.000Z' }),
    earned: z.number().int().openapi({ description: "What this recruit's sales earned you: second-tier commissions, net of clawbacks (cents)" }),
  })
  .openapi('Recruit');

/** `GET /api/v1/partner/recruits`. */
export const RecruitsAnswerSchema = z
  .object({
    enabled: z.boolean().openapi({ description: 'Some active program of the partner pays a second tier' }),
    currency: z.string(),
    referralCode: z.string().openapi({ description: 'The code a recruit signs up with (`?ref=<code>` on the sign-up page, `referrerCode` in the sign-up request)' }),
    rates: z.array(z.object({ programName: z.string(), rate: RateSchema })).openapi({ description: 'The second tier each of the partner’s programs pays' }),
    recruits: z.array(RecruitSchema).openapi({ description: 'Oldest first' }),
    earnedTotal: z.number().int().openapi({ description: 'Σ recruits’ `earned`' }),
  })
  .openapi('RecruitsAnswer');
export type RecruitsAnswer = z.infer<typeof RecruitsAnswerSchema>;

// compile-time: the server's answer fits the client's type, and the other way round
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fits: Same<RecruitsAnswer, ClientRecruitsAnswer> = true;
void fits;
