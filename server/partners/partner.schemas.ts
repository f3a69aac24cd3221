import { z } from 'zod';
import { email, idValue, text } from '../shared/validation.js';
import { partnerCode } from './schemas.js';

/** The merchant's partner requests (admin API, CLI, console): only zod here, so the console's types can read it. */

export const password = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

const programIds = z.array(idValue).max(100, 'must list at most 100 programs');
const status = z.enum(['active', 'pending', 'disabled'], { error: 'must be "active", "pending" or "disabled"' });

/** What the merchant may set of a partner, without create defaults (a patch is `.partial()` of it). */
const partnerFields = {
  name: text(120),
  email,
  status,
  /** null: no parent (a patch removes it) */
  parentCode: partnerCode.nullable(),
  /** the programs the partner is enrolled in (a patch replaces them) */
  programIds,
  password,
};

export const newPartnerSchema = z
  .object({
    code: partnerCode,
    ...partnerFields,
    programIds: programIds.default([]),
    parentCode: partnerFields.parentCode.optional(),
    status: status.default('active'),
  })
  .strict();
export type NewPartnerAccount = z.input<typeof newPartnerSchema>;

/** Only the fields sent change. */
export const partnerPatchSchema = z.object(partnerFields).partial().strict();
