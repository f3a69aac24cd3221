import { z, type ZodError, type ZodType } from 'zod';
import { DomainError } from './errors.js';
import { MAX_AMOUNT } from './money.js';

/**
 * Input checks shared by the admin API, the tracking API and the CLI: the routes validate the
 * same schemas first (so the OpenAPI document shows them); domain functions parse again so the
 * CLI and the demo seed get the same rules.
 */
export function parseInput<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toDomainError(result.error);
}

export function toDomainError(error: ZodError): DomainError {
  return new DomainError('invalid', 'invalid_request', firstMessage(error), firstPath(error));
}

/** The path of the first problem, dotted (`items.0.amount`); undefined for the body as a whole. */
export function firstPath(error: ZodError): string | undefined {
  const path = error.issues[0]?.path ?? [];
  return path.length ? path.map(String).join('.') : undefined;
}

/** A sentence naming the first problem, readable by a merchant's developer or a partner. */
export function firstMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is invalid';
  const field = firstPath(error);
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  else if (issue.code === 'unrecognized_keys') message = `has unknown field(s): ${issue.keys.join(', ')}`;
  return field ? `${field}: ${message}` : message;
}

/** Printable text without control characters, trimmed. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

/** Longer free text (descriptions, notes): newlines and tabs allowed. */
export const longText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');

export const cents = (what = 'amount') =>
  z
    .number({ error: (i) => (i.input === undefined ? 'is required' : `${what} must be a whole number of cents`) })
    .int(`${what} must be a whole number of cents`)
    .min(0, `${what} must not be negative`)
    .max(MAX_AMOUNT, `${what} is too large`);

export const positiveCents = (what = 'amount') => cents(what).min(1, `${what} must be at least 1 cent`);

/** Identifiers chosen by the merchant's systems: order ids, product ids, refund ids. */
export const externalId = (max = 128) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

/** A partner's own ad code (sub-id): short letters, digits, dot, dash, underscore. */
export const SUB_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
export const SUB_RULE = 'may use letters, digits, dot, dash and underscore (at most 40)';
export const sub = z.string().regex(SUB_PATTERN, 'must be 1–40 letters, digits, dots, dashes or underscores');

export const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('is not an email address'));

/** An id in a JSON body: a positive whole number. */
export const idValue = z
  .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a numeric id') })
  .int('must be a whole number')
  .positive('must be a positive id')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** An id in a URL path or query string. */
export const idParam = z.coerce
  .number({ error: 'must be a numeric id' })
  .int('must be a whole number')
  .positive('must be a positive id')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** `limit` and `offset` of a paged list (query string). */
export const Pagination = {
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').optional(),
  offset: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(10_000_000).optional(),
};
