/* A page opened from an emailed link: its token, read where the element first renders (page-url.ts has the rest, loaded with what uses it). */

/** The query parameter an emailed reset link carries its token in (`?pc_reset=<token>`). */
export const RESET_PARAM = 'pc_reset';
/** The query parameter an emailed confirmation link carries its token in (`?pc_confirm=<token>`). */
export const CONFIRM_PARAM = 'pc_confirm';

/** A token from the page's address, or undefined. Never throws (sandboxed or odd pages). */
export function urlToken(name: string): string | undefined {
  try {
    const value = new URL(globalThis.location.href).searchParams.get(name)?.trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}
