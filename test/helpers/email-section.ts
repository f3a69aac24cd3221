/** Harness for the console's Email section tests: the section with a route, and its open view. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-email/partner-admin-email.js';
import type { PartnerAdminEmailElement } from '../../admin/partner-admin-email/partner-admin-email.js';
import type { AdminRole } from '../../admin/api/types.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { part } from './dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from './fake-admin-api.js';

export async function renderEmail(path: string[] = [], options: FakeAdminOptions = {}, { role = 'owner' as AdminRole, signedIn = true, params = {} as Record<string, string> } = {}) {
  const api = fakeAdminApi({ role, ...options });
  const route: SectionRoute = { path, params };
  const el = await fixture<PartnerAdminEmailElement>(
    html`<partner-admin-email .api=${api} .adminSession=${fakeAdminSession(signedIn, role)} .route=${route}></partner-admin-email>`,
  );
  return { el, api };
}

/** The open view's element (outbox, templates or settings). */
export const viewOf = (el: Element) => part(el, 'view')!;

/** Waits until the view shows one of `parts` and answers the view. */
export async function settled(el: Element, ...parts: string[]) {
  await waitUntil(() => {
    const view = part(el, 'view');
    return view && [...parts, 'error', 'forbidden'].some((p) => part(view, p));
  }, `none of ${parts.join(', ')} appeared`);
  return viewOf(el);
}

export const buttonNamed = (root: Element, label: string) =>
  [...root.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === label || b.getAttribute('aria-label') === label);
