import type { PartnerSection } from '../../src/events/partner-section-change.js';

/** Where `<partner-center>` is: a section and, inside it, an optional view (a report tab, a resource page). */
export interface Route {
  section: PartnerSection;
  view?: string;
}

export const SECTION_IDS: readonly PartnerSection[] = ['home', 'resources', 'reports', 'payouts'];

/** The views each section knows; `pages/<slug>` opens a resource page. */
const VIEWS: Record<PartnerSection, readonly string[]> = {
  home: ['overview', 'welcome', 'recruits', 'profile', 'programs', 'commissions'],
  resources: ['links', 'banners', 'email', 'pages'],
  reports: ['ledger', 'commissions', 'leads', 'sales', 'links'],
  payouts: [],
};

export const isSection = (v: unknown): v is PartnerSection => SECTION_IDS.includes(v as PartnerSection);

/** The route with an unknown view dropped (the section's default view). */
export function normalize(section: PartnerSection, view?: string): Route {
  if (!view) return { section };
  const [first, ...rest] = view.split('/');
  if (!VIEWS[section].includes(first!)) return { section };
  if (section === 'resources' && first === 'pages') return rest.length && rest[0] ? { section, view: `pages/${rest.join('/')}` } : { section, view: 'pages' };
  return { section, view: first };
}

/**
 * Reads a location hash: `#/reports/sales` → `{ section: 'reports', view: 'sales' }`.
 * `undefined` when the hash is not the portal's (no hash, or a host's own `#anchor`);
 * a `#/…` hash naming no section is Home.
 */
export function parseHash(hash: string): Route | undefined {
  if (!hash.startsWith('#/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(hash.slice(2));
  } catch {
    return { section: 'home' };
  }
  const [section, ...view] = path.split('/');
  if (!isSection(section)) return { section: 'home' };
  return normalize(section, view.join('/') || undefined);
}

/** The hash of a route: `#/home`, `#/reports/sales`, `#/resources/pages/getting-started`. */
export function hashOf(route: Route): string {
  const view = route.view ? `/${route.view.split('/').map(encodeURIComponent).join('/')}` : '';
  return `#/${route.section}${view}`;
}

export const sameRoute = (a: Route, b: Route) => a.section === b.section && (a.view ?? '') === (b.view ?? '');
