import { apiFor } from './api/client.js';
import type { PartnerApi } from './api/types.js';
import { resolveApiBase } from './config.js';
import { PartnerLoginEvent } from './events/partner-login.js';
import { sessionStore } from './session.js';

const USED_KEY = 'partner-center:embed-used';

/**
 * Signs the page in with an embed token minted by the merchant's backend
 * (`POST /api/v1/admin/embed-tokens`): no second login for partners already signed in on the
 * merchant's site. Fires `partner-login` on the document.
 */
export async function signInWithEmbedToken(embedToken: string, api: PartnerApi = apiFor(resolveApiBase())) {
  const result = await api.exchangeEmbedToken(embedToken);
  sessionStore().start(result);
  document.dispatchEvent(new PartnerLoginEvent({ partner: result.partner }));
  return result.partner;
}

/**
 * On load: a `<meta name="partner-center:embed-token" content="…">` in the page signs the partner
 * in, once per token (a reload does not spend it twice). While the token is exchanged, the page's
 * session is `signingIn`: the elements show "Signing you in…" instead of the login form.
 */
export function signInFromMetaTag(api?: PartnerApi): Promise<unknown> | undefined {
  const token = document.querySelector<HTMLMetaElement>('meta[name="partner-center:embed-token"]')?.content?.trim();
  if (!token) return undefined;
  try {
    if (sessionStorage.getItem(USED_KEY) === token && sessionStore().current) return undefined;
    sessionStorage.setItem(USED_KEY, token);
  } catch {
    // no sessionStorage: try it once per page load
  }
  // until the exchange settles, elements show "Signing you in…", never a flash of the login form
  return sessionStore().waitFor(
    signInWithEmbedToken(token, api).catch((error: unknown) => {
      console.warn('[partner-center] the embed token could not be used:', error instanceof Error ? error.message : error);
    }),
  );
}
