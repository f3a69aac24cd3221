/**
 * Where the API lives, for an element: its own `api-base` attribute, else the page-level
 * default (`<meta name="partner-center:api-base" content="…">` or
 * `window.PartnerCenter.apiBase`), else the origin this script was loaded from — so a plain
 * script tag from the Partner Center server needs no configuration.
 */
export function resolveApiBase(attribute?: string | null): string {
  const fromAttribute = attribute?.trim();
  if (fromAttribute) return trimSlash(fromAttribute);
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="partner-center:api-base"]')?.content?.trim();
  if (meta) return trimSlash(meta);
  const global = (globalThis as { PartnerCenter?: { apiBase?: string } }).PartnerCenter?.apiBase?.trim();
  if (global) return trimSlash(global);
  return new URL(import.meta.url).origin;
}

const trimSlash = (url: string) => {
  // relative values are taken against the page
  const absolute = new URL(url, globalThis.location?.href).href;
  return absolute.replace(/\/+$/, '');
};
