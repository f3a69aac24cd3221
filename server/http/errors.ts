import { firstMessage, firstPath } from '../shared/validation.js';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError, type ErrorKind } from '../shared/errors.js';

/** The one error shape of the API: `{ "error": { "code", "message", "field"? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export const errorBody = (code: string, message: string, field?: string): ErrorBody => ({
  error: field === undefined ? { code, message } : { code, message, field },
});

const statusOfKind: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

const codeOfStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

export function validationError(c: Context, error: ZodError) {
  return c.json(errorBody('invalid_request', firstMessage(error), firstPath(error)), 400);
}

/** The root app's onError: every thrown error becomes the JSON envelope; unknown ones a 500. */
export function toErrorResponse(err: Error, c: Context) {
  if (err instanceof DomainError) {
    if (err.retryAfter !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(err.retryAfter))));
    return c.json(errorBody(err.code, err.message, err.field), statusOfKind[err.kind]);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400 && /json/i.test(err.message)) {
      return c.json(errorBody('invalid_json', 'The request body is not valid JSON'), 400);
    }
    return c.json(errorBody(codeOfStatus[status] ?? 'error', err.message || 'Request failed'), status);
  }
  console.error(`[partner-center] ${c.req.method} ${c.req.path} failed:`, err);
  return c.json(errorBody('internal_error', 'Something went wrong on the server'), 500);
}
