import { ApiError, networkErrorMessage, originNotAllowedMessage } from './errors.js';

/**
 * Why a request to the API at `baseUrl` never got an answer (loaded by the client only then).
 * fetch says only "TypeError: Failed to fetch", both when the server is down and when it
 * refuses this page's origin (CORS). When the API is on another origin, a `no-cors` request
 * (which CORS does not block) tells them apart: if the server answers that, it is up and the
 * origin is the problem — which the partner cannot fix, so they are told the page cannot reach
 * it, and the site's developer is told in the console which origin to allow.
 */
export async function unreachable(baseUrl: string): Promise<ApiError> {
  const api = new URL(baseUrl).origin;
  const page = globalThis.location?.origin;
  if (page && page !== api && globalThis.navigator?.onLine !== false) {
    const answers = await fetch(`${baseUrl}/api/v1/health`, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (answers) {
      reportRefusedOrigin(api, page);
      return new ApiError(0, 'origin_not_allowed', originNotAllowedMessage());
    }
  }
  return new ApiError(0, 'network_error', networkErrorMessage());
}

const reported = new Set<string>();

/** Tells the site's developer, once per page and server, which origin the server must allow. */
function reportRefusedOrigin(api: string, page: string) {
  if (reported.has(`${api} ${page}`)) return;
  reported.add(`${api} ${page}`);
  console.error(`[partner-center] ${api} does not allow requests from ${page} (CORS): add ${page} to the server's ALLOWED_ORIGINS (ALLOWED_ORIGINS=${page}) or to its allowedOrigins setting.`);
}
