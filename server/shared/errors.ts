/**
 * Errors the domain raises, free of HTTP. `kind` says what sort of failure it is (the HTTP
 * layer maps it to a status); `code` is the stable machine-readable name clients see.
 */
export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unprocessable';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds to wait before trying again (rate limits). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string, code = 'invalid_request') => new DomainError('invalid', code, message, field);
export const notFound = (what: string, code = 'not_found') => new DomainError('not_found', code, `${what} not found`);
export const conflict = (field: string, message: string, code = 'conflict') => new DomainError('conflict', code, message, field);
