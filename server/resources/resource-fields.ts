import { z } from 'zod';

/**
 * The request fields every kind of promotional material shares (banners, email copy, resource
 * pages): its name, the merchant link it carries, its place in the list, whether it is shown,
 * and the programs it is for (empty: every program).
 */
export const resourceFields = {
  name: z.string().trim().min(1, 'is required').max(120, 'is at most 120 characters'),
  linkId: z.number().int().positive('is not a link id'),
  linkSlug: z.string().trim().min(1).max(100),
  sortOrder: z.number().int('is not a whole number').min(-1_000_000).max(1_000_000),
  status: z.enum(['active', 'archived']),
  programIds: z.array(z.number().int().positive('is not a program id')).max(100, 'lists at most 100 programs'),
};
