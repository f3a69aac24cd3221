import { z } from './openapi.js';

/** The query parameter and answer field of every keyset-paged admin list (server/shared/keyset.ts). */
export const CursorQuery = {
  cursor: z
    .string()
    .max(800, 'must be at most 800 characters')
    .optional()
    .openapi({ description: 'the `nextCursor` of the previous page (opaque); not with `offset`' }),
};

export const NextCursor = z.string().nullable().openapi({ description: 'pass as `cursor` for the next page; null on the last page' });
