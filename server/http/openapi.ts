import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationError } from './errors.js';

export { z };

/** A sub-app whose validation failures use the API's error envelope. Every route module starts here. */
export const router = <E extends Env = Env>() =>
  new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success) return validationError(c, result.error);
    },
  });

/** The error envelope, for response documentation. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'code: is required' }),
      field: z.string().optional().openapi({ example: 'code' }),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** Standard error responses to spread into a route's `responses`. */
export const errors = {
  400: errorResponse('The request is invalid; `field` names the problem'),
  401: errorResponse('Missing, unknown or expired credentials'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with existing data'),
  413: errorResponse('The body is larger than 100 KB'),
  415: errorResponse('The body is not JSON'),
  422: errorResponse('Well-formed but not possible'),
  429: errorResponse('Too many attempts; see Retry-After'),
} as const;

/** A JSON request body, required (so a missing or non-JSON body is refused, not treated as `{}`). */
export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  body: { content: { 'application/json': { schema } }, required: true, ...(description ? { description } : {}) },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
