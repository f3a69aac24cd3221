import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin.js';
import type { PartnerAdminElement } from '../../admin/partner-admin/partner-admin.component.js';
import type { PartnerAdminPartnersElement } from '../../admin/partner-admin-partners/partner-admin-partners.component.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, signedIn = false) => {
  const api = fakeAdminApi(options);
  const session = fakeAdminSession(signedIn);
  const el = await fixture<PartnerAdminElement>(html`<partner-admin .api=${api} .adminSession=${session}></partner-admin>`);
  return { el, api, session };
};

async function signIn(el: PartnerAdminElement, email = 'owner@northwind.example', password = 'demo-owner-password') {
  type(shadow<HTMLInputElement>(el, '#email')!, email);
  type(shadow<HTMLInputElement>(el, '#password')!, password);
  part<HTMLButtonElement>(el, 'button')!.click();
  await el.updateComplete;
}

const section = (el: PartnerAdminElement) => part<PartnerAdminPartnersElement>(el, 'section');
/** the element focused inside the shell, through nested shadow roots */
function deepActive(root: Document | ShadowRoot = document): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot?.activeElement ? deepActive(active.shadowRoot) : active;
}

beforeEach(() => history.replaceState(null, '', location.pathname));
afterEach(() => history.replaceState(null, '', location.pathname));

describe('<partner-admin> signed out', () => {
  it('shows a labelled email and password form and passes axe', async () => {
    const { el } = await render();
    expect(text(part(el, 'title'))).to.equal('Console sign-in');
    expect(shadow(el, 'label[for="email"]')).to.have.text('Email');
    expect(shadow<HTMLInputElement>(el, '#password')!.type).to.equal('password');
    expect(part(el, 'nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the empty fields without calling the server', async () => {
    const { el, api } = await render();
    part<HTMLButtonElement>(el, 'button')!.click();
    await el.updateComplete;
    expect(text(shadow(el, '#email-error'))).to.equal('Enter your email.');
    expect(text(shadow(el, '#password-error'))).to.equal('Enter your password.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('announces wrong credentials and focuses the message', async () => {
    const { el } = await render({ login: 'invalid' });
    await signIn(el, 'owner@northwind.example', 'nope');
    await waitUntil(() => part(el, 'error'));
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.equal('Wrong email or password.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    expect(shadow<HTMLInputElement>(el, '#password')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says how long a lockout lasts and refuses to submit meanwhile', async () => {
    const { el, api } = await render({ login: 'locked', retryAfter: 900 });
    await signIn(el);
    await waitUntil(() => part(el, 'error'));
    expect(text(part(el, 'error'))).to.equal('Too many attempts. Try again in 15:00.');
    await signIn(el);
    expect(api.calls.filter((c) => c.method === 'login')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-admin> signed in', () => {
  it('signs in, fires partner-admin-login, shows the sections defined on the page and focuses the view heading', async () => {
    const { el } = await render();
    const fired = oneEvent(el, 'partner-admin-login');
    await signIn(el);
    expect((await fired).detail).to.deep.equal({ email: 'owner@northwind.example', role: 'owner' });
    await waitUntil(() => part(el, 'nav'));
    const links = [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => text(a));
    // the sections whose elements the console bundle defines
    expect(links).to.deep.equal(['Dashboard', 'Partners', 'Programs', 'Resources', 'Commissions', 'Payouts', 'Email', 'Webhooks', 'Settings', 'Audit log']);
    expect(shadow(el, 'nav a[aria-current="page"]')).to.have.text('Dashboard');
    expect(text(part(el, 'user'))).to.equal('Signed in as owner@northwind.example (owner)');
    await waitUntil(() => deepActive()?.tagName === 'H2');
    expect(text(deepActive())).to.equal('Dashboard');
    await expect(el).to.be.accessible();
  });

  it('follows the URL hash: a section link, a partner page, back and forward', async () => {
    history.replaceState(null, '', '#/partners');
    const { el } = await render({}, true);
    await waitUntil(() => section(el)?.shadowRoot?.querySelector('[part~="row"]'));
    shadow<HTMLAnchorElement>(el, 'nav a[href="#/commissions"]')!.click();
    await waitUntil(() => section(el)?.localName === 'partner-admin-commissions');
    expect(location.hash).to.equal('#/commissions');
    expect(shadow(el, 'nav a[aria-current="page"]')).to.have.text('Commissions');

    location.hash = '#/partners/ann';
    await waitUntil(() => section(el)?.shadowRoot?.querySelector('partner-admin-partner')?.shadowRoot?.querySelector('[part~="profile"]'));
    const detail = section(el)!.shadowRoot!.querySelector('partner-admin-partner')!;
    expect(text(detail.shadowRoot!.querySelector('h2'))).to.equal('Ann Archer (ann)');

    history.back();
    await waitUntil(() => section(el)?.localName === 'partner-admin-commissions');
    history.forward();
    await waitUntil(() => section(el)?.localName === 'partner-admin-partners');
  });

  it('a section link inside a section writes the URL (a history entry) and focuses the new heading', async () => {
    history.replaceState(null, '', '#/partners');
    const { el } = await render({}, true);
    await waitUntil(() => section(el)?.shadowRoot?.querySelector('[part~="row"] a'));
    section(el)!.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="row"] a[href="#/partners/bob"]')!.click();
    await waitUntil(() => location.hash === '#/partners/bob');
    await waitUntil(() => deepActive()?.tagName === 'H2' && text(deepActive()).startsWith('Bob Baker'));
  });

  it('signs out everywhere and returns to the form', async () => {
    const { el, api, session } = await render({}, true);
    const fired = oneEvent(el, 'partner-admin-logout');
    part<HTMLButtonElement>(el, 'sign-out-button')!.click();
    expect((await fired).detail.email).to.equal('owner@northwind.example');
    await el.updateComplete;
    expect(session.current).to.equal(null);
    expect(api.calls.map((c) => c.method)).to.include('logout');
    expect(shadow(el, '#email')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#email'));
  });

  it('opens the section the reloaded URL names', async () => {
    history.replaceState(null, '', '#/commissions?status=pending');
    const { el } = await render({}, true);
    await waitUntil(() => section(el)?.shadowRoot?.querySelector('[part~="row"]'));
    expect(section(el)!.localName).to.equal('partner-admin-commissions');
    expect(section(el)!.shadowRoot!.querySelector<HTMLSelectElement>('select[name="status"]')!.value).to.equal('pending');
  });
});
