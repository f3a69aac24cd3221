import { msg, str } from '@lit/localize';

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

/** The server could not be reached (in the page's language, at the time of the failure). */
export const networkErrorMessage = () => msg('The partner server could not be reached. Check your connection and try again.');

/** The server answers, but not to this page: its origin is not allowed (CORS). Nothing the partner can fix. */
export const originNotAllowedMessage = () => msg("This page can't reach the partner server.");

/** The server did not answer within the client's timeout. */
export const timeoutMessage = () => msg('The partner server took too long to answer. Please try again.');

/** Field → the label the partner reads on the form (`{ phone: 'Phone' }`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** `payoutDetails` → "Payout details", `items.0.amount` → "Items 0 amount": for fields no form labels. */
export const humanizeField = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A sentence for the user, whatever was thrown. A validation error about one field
 * (`invalid_request` with `field`) is named by the field's label on the form — "Phone: is at
 * most 40 characters" — never the bare fragment, nor the API's field name.
 */
export function messageOf(error: unknown, labels: FieldLabels = {}): string {
  if (error instanceof ApiError && error.code === 'invalid_request' && error.field) {
    const { field } = error;
    const fragment = error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
    const label = labels[field] ?? humanizeField(field);
    return msg(str`${label}: ${fragment}`);
  }
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return msg('The request was cancelled.');
  return msg('Something went wrong. Please try again.');
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
  const status = `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, 'http_error', msg(str`The partner server answered ${status}`), undefined, retryAfter);
}
