import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-center/partner-center.js';
import type { PartnerCenterElement } from '../../components/partner-center/partner-center.component.js';
import type { PartnerReportsElement } from '../../components/partner-reports/partner-reports.component.js';
import type { PartnerResourcesElement } from '../../components/partner-resources/partner-resources.component.js';
import { PartnerNavigateEvent } from '../../src/events/partner-navigate.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
const start = location.pathname + location.search;
const setHash = (hash: string) => history.replaceState(null, '', `${start}${hash}`);

const navLink = (el: PartnerCenterElement, label: string) => parts<HTMLAnchorElement>(el, 'nav-item').find((a) => text(a) === label)!;
const widget = <T extends Element = Element>(el: PartnerCenterElement, tag: string) => part(el, 'section')!.querySelector(tag) as T | null;
/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const waitForHistory = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

async function portal(extra = html``) {
  signIn();
  const el = await fixture<PartnerCenterElement>(html`<div><partner-center .api=${fakeApi()}></partner-center>${extra}</div>`);
  const center = el.querySelector('partner-center')!;
  await center.updateComplete;
  return center;
}

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
  setHash('');
});

describe('<partner-center> addresses', () => {
  it('the hash follows the nav, and the nav is a list of links with aria-current', async () => {
    const el = await portal();
    expect(parts(el, 'nav-item').map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
      ['Home', '#/home'],
      ['Resources', '#/resources'],
      ['Reports', '#/reports'],
      ['Payouts', '#/payouts'],
    ]);
    expect(location.hash, 'the first load does not write an address').to.equal('');
    setTimeout(() => navLink(el, 'Reports').click());
    const event = await oneEvent(el, 'partner-section-change');
    expect(event.detail).to.deep.equal({ section: 'reports' });
    expect(location.hash).to.equal('#/reports');
    await el.updateComplete;
    expect(navLink(el, 'Reports').getAttribute('aria-current')).to.equal('page');
    expect(navLink(el, 'Home').getAttribute('aria-current')).to.equal('false');

    // a report tab is a view of Reports: the address names it
    const reports = widget<PartnerReportsElement>(el, 'partner-reports')!;
    await reports.updateComplete;
    reports.shadowRoot!.querySelector<HTMLButtonElement>('#tab-sales')!.click();
    await waitUntil(() => location.hash === '#/reports/sales', 'the tab is in the address');
    expect(el.view).to.equal('sales');

    navLink(el, 'Payouts').click();
    await el.updateComplete;
    expect(location.hash).to.equal('#/payouts');
    expect(widget(el, 'partner-payouts'), 'the payouts section renders <partner-payouts>').to.exist;
    await expect(el).to.be.accessible();
  });

  it('back and forward move between the sections, focus goes to the new view’s heading', async () => {
    const el = await portal();
    navLink(el, 'Resources').click();
    await el.updateComplete;
    navLink(el, 'Reports').click();
    await el.updateComplete;
    expect(location.hash).to.equal('#/reports');

    history.back();
    await waitForHistory();
    await waitUntil(() => el.section === 'resources', 'back to Resources');
    expect(location.hash).to.equal('#/resources');
    await waitUntil(() => deepActive()?.localName === 'h2', 'focus on a heading');
    expect(text(deepActive())).to.equal(text(widget(el, 'partner-links')!.shadowRoot!.querySelector('h2')));
    expect(navLink(el, 'Resources').getAttribute('aria-current')).to.equal('page');

    history.forward();
    await waitForHistory();
    await waitUntil(() => el.section === 'reports', 'forward to Reports');
    await waitUntil(() => deepActive() === widget(el, 'partner-ledger')!.shadowRoot!.querySelector('h2'), 'the ledger’s heading has focus');
  });

  it('clicking a section moves focus to its first heading', async () => {
    const el = await portal();
    navLink(el, 'Reports').focus();
    navLink(el, 'Reports').click();
    await waitUntil(() => deepActive()?.localName === 'h2');
    const heading = deepActive() as HTMLElement;
    expect(heading.getRootNode()).to.equal(widget(el, 'partner-ledger')!.shadowRoot);
    expect(heading.getAttribute('tabindex')).to.equal('-1');
  });

  it('a reload (or a shared link) with a hash opens that view, without moving focus', async () => {
    setHash('#/reports/sales');
    const el = await portal();
    expect(el.section).to.equal('reports');
    const reports = widget<PartnerReportsElement>(el, 'partner-reports')!;
    await reports.updateComplete;
    expect(reports.tab).to.equal('sales');
    expect(reports.shadowRoot!.querySelector('#tab-sales')!.getAttribute('aria-selected')).to.equal('true');
    expect(navLink(el, 'Reports').getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.body, 'no focus move on the first load');

    setHash('#/resources/pages/brand-guidelines');
    const other = await portal();
    const resources = widget<PartnerResourcesElement>(other, 'partner-resources')!;
    expect(resources.page).to.equal('brand-guidelines');
  });

  it('an unknown #/… address falls back to Home; a host’s own #anchor is left alone', async () => {
    setHash('#/nowhere/at-all');
    const el = await portal();
    expect(el.section).to.equal('home');
    expect(location.hash, 'rewritten to the address it shows').to.equal('#/home');

    navLink(el, 'Reports').click();
    await el.updateComplete;
    location.hash = '#faq'; // the host page's own anchor
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    await el.updateComplete;
    expect(el.section, 'the host’s anchor does not move the portal').to.equal('reports');
    expect(location.hash).to.equal('#faq');

    location.hash = '#/reports/no-such-tab';
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    await el.updateComplete;
    expect(el.section).to.equal('reports');
    expect(el.view, 'an unknown view is the section’s start').to.equal(undefined);
    expect(location.hash).to.equal('#/reports');
  });

  it('routing="none" never reads or changes the address; the host sets section and view', async () => {
    setHash('#/payouts');
    signIn();
    const length = history.length;
    const el = await fixture<PartnerCenterElement>(html`<partner-center routing="none" .api=${fakeApi()}></partner-center>`);
    expect(el.section, 'the address is not read').to.equal('home');
    setTimeout(() => navLink(el, 'Resources').click());
    const event = await oneEvent(el, 'partner-section-change');
    expect(event.detail.section).to.equal('resources');
    await el.updateComplete;
    expect(location.hash).to.equal('#/payouts');
    expect(history.length).to.equal(length);
    expect(widget(el, 'partner-links')).to.exist;

    el.section = 'reports';
    el.view = 'leads';
    await el.updateComplete;
    const reports = widget<PartnerReportsElement>(el, 'partner-reports')!;
    await reports.updateComplete;
    expect(reports.tab).to.equal('leads');
    location.hash = '#/home';
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    await el.updateComplete;
    expect(el.section, 'hash changes are ignored').to.equal('reports');
  });

  it('routes a partner-navigate event from a widget inside, and focuses the named widget’s heading', async () => {
    const el = await portal();
    const welcome = widget(el, 'partner-welcome')!;
    const event = new PartnerNavigateEvent({ section: 'resources', view: 'banners' });
    let reachedPage = false;
    const seen = () => (reachedPage = true);
    document.addEventListener('partner-navigate', seen);
    welcome.shadowRoot!.firstElementChild!.dispatchEvent(event);
    document.removeEventListener('partner-navigate', seen);
    expect(reachedPage, 'handled by the portal').to.equal(false);
    await el.updateComplete;
    expect(location.hash).to.equal('#/resources/banners');
    const banners = widget(el, 'partner-banners')!;
    await waitUntil(() => deepActive()?.getRootNode() === banners.shadowRoot, 'the banners’ heading has focus');
    expect(deepActive()!.localName).to.equal('h2');

    // "fill in your payout details": Home, at the profile
    banners.shadowRoot!.firstElementChild!.dispatchEvent(new PartnerNavigateEvent({ section: 'home', view: 'profile' }));
    await el.updateComplete;
    expect(location.hash).to.equal('#/home/profile');
    const profile = widget(el, 'partner-profile')!;
    await waitUntil(() => deepActive()?.getRootNode() === profile.shadowRoot, 'the profile’s heading has focus');
  });

  it('after signing in inside it, focus lands on the portal’s heading; Home starts with the overview', async () => {
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    const login = el.shadowRoot!.querySelector('partner-login')!;
    await login.updateComplete;
    type(login.shadowRoot!.querySelector<HTMLInputElement>('#code')!, 'demo');
    type(login.shadowRoot!.querySelector<HTMLInputElement>('#password')!, 'demo-password');
    login.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await waitUntil(() => part(el, 'nav'), 'signed in');
    await waitUntil(() => deepActive() === part(el, 'title'), 'the portal’s heading has focus');
    const order = [...part(el, 'section')!.children].map((c) => c.localName);
    expect(order.slice(0, 4)).to.deep.equal(['partner-overview', 'partner-welcome', 'partner-recruits', 'partner-profile']);
  });
});
