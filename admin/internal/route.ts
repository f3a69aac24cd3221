/**
 * The console's URL state, kept in the location hash so back/forward and reload work on any
 * page that hosts `<partner-admin>`: `#/partners?q=ann&sort=name`, `#/partners/ann`.
 */
export interface SectionRoute {
  /** below the section: `['ann']` for `#/partners/ann` */
  path: string[];
  params: Record<string, string>;
}

export interface AdminRoute extends SectionRoute {
  /** the section's name (`partners`), '' for none */
  section: string;
}

export const EMPTY_ROUTE: SectionRoute = { path: [], params: {} };

export function parseHash(hash: string): AdminRoute {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const [section = '', ...path] = pathPart.split('/').filter(Boolean).map(safeDecode);
  return { section, path, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function toHash({ section, path, params }: AdminRoute): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined)).toString();
  return `#/${[section, ...path].map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** A section moved to another view (or changed its filters): the shell writes it to the URL. */
export class PartnerAdminNavigateEvent extends Event {
  constructor(readonly detail: SectionRoute & { replace: boolean }) {
    super('partner-admin-navigate', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-admin-navigate': PartnerAdminNavigateEvent;
  }
}
