/** An error answer of the API (`{ error: { code, message, field? } }`), or a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable machine-readable code, e.g. `invalid_credentials`, `too_many_attempts`. */
    readonly code: string,
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const NETWORK_ERROR_MESSAGE = 'The partner server could not be reached. Check your connection and try again.';

/** A sentence for the user, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return 'The request was cancelled.';
  return 'Something went wrong. Please try again.';
}

/** Reads an error envelope from a failed response. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
    const e = body?.error;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new ApiError(response.status, e.code, e.message, typeof e.field === 'string' ? e.field : undefined, retryAfter);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'http_error', `The partner server answered ${response.status} ${response.statusText}`.trim(), undefined, retryAfter);
}
