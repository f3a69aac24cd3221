import type { PartnerApi } from '../api/types.js';

export { CONFIRM_PARAM, RESET_PARAM, urlToken } from './url-token.js';
import { CONFIRM_PARAM } from './url-token.js';

/**
 * Takes a token parameter out of the page's address (history.replaceState), keeping the page's
 * other parameters, its hash and its history state, so a reload or a shared address does not
 * carry a used token. A page that forbids it (a sandbox, a replaced history) keeps its address.
 */
export function dropUrlParam(name: string) {
  try {
    const url = new URL(globalThis.location.href);
    if (!url.searchParams.has(name)) return;
    url.searchParams.delete(name);
    globalThis.history.replaceState(globalThis.history.state, '', url.href);
  } catch {
    // the address stays as it is; the token is single-use anyway
  }
}

/** This page's address without query or hash: where an emailed link brings the partner back to. */
export function pageUrl(): string | undefined {
  try {
    const url = new URL(globalThis.location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** An address given in an attribute (possibly relative), made absolute against the page; undefined when it is not http(s). */
export function absoluteUrl(href: string | undefined): string | undefined {
  if (!href) return pageUrl();
  try {
    const url = new URL(href, globalThis.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : pageUrl();
  } catch {
    return pageUrl();
  }
}

const confirmations = new Map<string, Promise<{ email: string }>>();

/**
 * Confirms the email address of a `?pc_confirm=` link once per page, however many elements
 * show the answer (a confirmation token works once: a second request would say "already used").
 * The token leaves the address once the server has answered it (not on a network failure).
 */
export function confirmEmailOnce(api: PartnerApi, token: string): Promise<{ email: string }> {
  let answer = confirmations.get(token);
  if (!answer) {
    answer = api.confirmEmail(token);
    confirmations.set(token, answer);
    answer.then(
      () => dropUrlParam(CONFIRM_PARAM),
      (error: unknown) => {
        if ((error as { status?: number }).status === 0) confirmations.delete(token); // may be tried again
        else dropUrlParam(CONFIRM_PARAM);
      },
    );
  }
  return answer;
}
