import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A query builder or an open transaction. */
export type Executor = Kysely<Database>;
