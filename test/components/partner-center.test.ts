import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-center/partner-center.js';
import type { PartnerCenterElement } from '../../components/partner-center/partner-center.component.js';
import type { PartnerProgramsElement } from '../../components/partner-programs/partner-programs.component.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, fakeSession, serverError } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-center>', () => {
  it('signed out: shows the merchant’s name and the sign-in form', async () => {
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    await waitUntil(() => text(part(el, 'title')).startsWith('Northwind'));
    expect(text(part(el, 'title'))).to.equal('Northwind Outfitters Partner Center');
    expect(el.shadowRoot!.querySelector('partner-login')).to.exist;
    expect(part(el, 'nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('titles itself "Partner Center" while the merchant’s settings load or when they fail, never "Partner Partner Center"', async () => {
    const loading = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi({ fail: { portal: 'pending' } })}></partner-center>`);
    expect(text(part(loading, 'title'))).to.equal('Partner Center');
    const failed = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi({ fail: { portal: serverError() } })}></partner-center>`);
    await new Promise((r) => setTimeout(r, 50));
    await failed.updateComplete;
    expect(text(part(failed, 'title'))).to.equal('Partner Center');
    signIn();
    const signedIn = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi({ fail: { portal: serverError() } })}></partner-center>`);
    await new Promise((r) => setTimeout(r, 50));
    await signedIn.updateComplete;
    expect(text(part(signedIn, 'title'))).to.equal('Partner Center');
  });

  it('passes forgot-password-href and signup-href to its sign-in form', async () => {
    const el = await fixture<PartnerCenterElement>(
      html`<partner-center .api=${fakeApi()} forgot-password-href="/partners/reset" signup-href="/partners/join"></partner-center>`,
    );
    const login = el.shadowRoot!.querySelector('partner-login')!;
    await login.updateComplete;
    expect(part(login, 'forgot-link')).to.have.attribute('href', '/partners/reset');
    expect(part(login, 'signup-link')).to.have.attribute('href', '/partners/join');
    expect(text(part(login, 'forgot-link'))).to.equal('Forgot your password?');
    expect(text(part(login, 'signup-link'))).to.equal('Become a partner');
    await expect(el).to.be.accessible();
  });

  it('signing in inside it shows Home with the widgets the merchant enabled, fed by its client', async () => {
    const api = fakeApi({ portal: { menus: { welcome: true, profile: true, programs: false, commissions: true } } });
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${api}></partner-center>`);
    const login = el.shadowRoot!.querySelector('partner-login')!;
    await login.updateComplete;
    type(login.shadowRoot!.querySelector<HTMLInputElement>('#code')!, 'demo');
    type(login.shadowRoot!.querySelector<HTMLInputElement>('#password')!, 'demo-password');
    login.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await waitUntil(() => part(el, 'nav'), 'signed in');
    const section = part(el, 'section')!;
    expect(section.querySelector('partner-profile')).to.exist;
    expect(section.querySelector('partner-programs')).to.equal(null, 'hidden by the merchant');
    const commissions = section.querySelector('partner-commissions')!;
    await waitUntil(() => commissions.shadowRoot!.querySelectorAll('[part~="program"]').length === 2, 'children use the provided client');
    expect(api.calls.some((c) => c.method === 'programs')).to.equal(true);
    expect(text(part(el, 'header'))).to.contain('Signed in as Dana Demo (demo)');
  });

  it('Home says plainly, once and first, when the partner is in no program', async () => {
    signIn();
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi({ programs: [] })}></partner-center>`);
    await waitUntil(() => part(el, 'no-program'), 'the no-program message');
    expect(text(part(el, 'no-program'))).to.equal("You're not in a program yet, so links don't earn commission. Once the program owner adds you to a program, your links will earn.");
    const section = part(el, 'section')!;
    expect(section.firstElementChild!.localName, 'the overview first').to.equal('partner-overview');
    expect(section.children[1]).to.equal(part(el, 'no-program'));
    expect(section.querySelector('partner-programs')).to.equal(null, 'no second, empty programs list');
    expect(section.querySelector('partner-commissions')).to.equal(null);
    expect(section.querySelector('partner-welcome')).to.exist;
    await expect(el).to.be.accessible();

    const enrolled = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    await waitUntil(() => part(enrolled, 'section')!.querySelector('partner-programs'));
    expect(part(enrolled, 'no-program')).to.equal(null);
  });

  it('navigates Home / Resources / Reports / Payouts with aria-current and an event', async () => {
    signIn();
    const el = await fixture<PartnerCenterElement>(html`<partner-center routing="none" .api=${fakeApi()}></partner-center>`);
    const items = parts<HTMLAnchorElement>(el, 'nav-item');
    expect(items.map((b) => text(b))).to.deep.equal(['Home', 'Resources', 'Reports', 'Payouts']);
    expect(items[0]!.getAttribute('aria-current')).to.equal('page');
    setTimeout(() => items[2]!.click());
    const event = await oneEvent(el, 'partner-section-change');
    expect(event.detail.section).to.equal('reports');
    await el.updateComplete;
    expect(el.getAttribute('section')).to.equal('reports');
    expect(items[2]!.getAttribute('aria-current')).to.equal('page');
    expect(part(el, 'section')!.querySelector('partner-ledger')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('signs out from the header', async () => {
    signIn();
    const api = fakeApi();
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${api}></partner-center>`);
    setTimeout(() => part<HTMLButtonElement>(el, 'sign-out-button')!.click());
    const event = await oneEvent(el, 'partner-logout');
    expect(event.detail.code).to.equal('demo');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('partner-login')).to.exist;
    expect(api.calls.some((c) => c.method === 'logout')).to.equal(true);
  });
});

describe('sessionStore: elements given a session of their own', () => {
  it('show and end only that session, and <partner-center> shares its own with the widgets inside', async () => {
    const mine = fakeSession();
    const theirs = fakeSession();
    const a = await fixture<PartnerProgramsElement>(html`<partner-programs .api=${fakeApi()} .sessionStore=${mine}></partner-programs>`);
    const b = await fixture<PartnerProgramsElement>(html`<partner-programs .api=${fakeApi()} .sessionStore=${theirs}></partner-programs>`);
    await waitUntil(() => part(a, 'list') && part(b, 'list'));
    expect(sessionStore().current, 'the page session is untouched').to.equal(null);
    theirs.end();
    await waitUntil(() => part(b, 'signed-out'));
    expect(part(a, 'list'), 'another session is not signed out').to.exist;

    const center = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()} .sessionStore=${mine}></partner-center>`);
    await waitUntil(() => part(center, 'section')?.querySelector('partner-programs'));
    const inner = part(center, 'section')!.querySelector('partner-programs')!;
    await waitUntil(() => part(inner, 'list'), 'the widget inside is signed in through the portal’s session');
    part<HTMLButtonElement>(center, 'sign-out-button')!.click();
    await waitUntil(() => center.shadowRoot!.querySelector('partner-login'));
    await waitUntil(() => part(a, 'signed-out'), 'the same session, shared');
    expect(part(b, 'signed-out')).to.exist;
  });
});
