import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-center/partner-center.js';
import type { PartnerCenterElement } from '../../components/partner-center/partner-center.component.js';
import type { PartnerCommissionsElement } from '../../components/partner-commissions/partner-commissions.component.js';
import type { PartnerProfileElement } from '../../components/partner-profile/partner-profile.component.js';
import type { PartnerProgramsElement } from '../../components/partner-programs/partner-programs.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, fakeSession, serverError, type FakeApiOptions } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-programs>', () => {
  const render = (options: FakeApiOptions = {}) => {
    const api = fakeApi(options);
    return fixture<PartnerProgramsElement>(html`<partner-programs .api=${api}></partner-programs>`).then((el) => ({ el, api }));
  };

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render();
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see your programs.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('lists the programs with their descriptions', async () => {
    signIn();
    const { el } = await render();
    await waitUntil(() => part(el, 'list'));
    const items = parts(el, 'program');
    expect(items.map((li) => text(li.querySelector('h3')))).to.deep.equal(['Outdoor Pro', 'Friends of Northwind']);
    expect(text(items[1])).to.contain('Our everyday referral program');
    await expect(el).to.be.accessible();
  });

  it('loading, empty and error states', async () => {
    signIn();
    const loading = await render({ fail: { programs: 'pending' } });
    expect(part(loading.el, 'spinner')).to.have.attribute('role', 'status');
    const empty = await render({ programs: [] });
    await waitUntil(() => part(empty.el, 'empty'));
    expect(text(part(empty.el, 'empty'))).to.equal("You're not in a program yet, so links don't earn commission. Once the program owner adds you to a program, your links will earn.");
    const failed = await render({ fail: { programs: serverError() } });
    await waitUntil(() => part(failed.el, 'error'));
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(failed.el, 'error'))).to.contain('Something went wrong on the server');
    await expect(failed.el).to.be.accessible();
  });

  it('retries after an error', async () => {
    signIn();
    const options: FakeApiOptions = { fail: { programs: serverError() } };
    const { el, api } = await render(options);
    await waitUntil(() => part(el, 'error'));
    delete options.fail!.programs;
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => part(el, 'list'));
    expect(api.calls.filter((c) => c.method === 'programs')).to.have.length(2);
  });

  it('loads when the partner signs in elsewhere on the page', async () => {
    const { el } = await render();
    expect(part(el, 'signed-out')).to.exist;
    signIn();
    await waitUntil(() => part(el, 'list'), 'loads after sign-in');
  });
});

describe('<partner-commissions>', () => {
  it('explains each program’s rates, tiers, attribution and hold days', async () => {
    signIn();
    const el = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi()}></partner-commissions>`);
    await waitUntil(() => parts(el, 'program').length === 2);
    const [pro, friends] = parts(el, 'program');
    expect(text(pro)).to.contain('12% of each sale');
    expect(text(pro)).to.contain('$1.50 per new lead');
    expect(text(pro)).to.contain('On the first 3 subscription payments');
    expect(text(pro)).to.contain('2% of each sale made by partners you referred');
    expect(text(pro)).to.contain('Last click within 60 days');
    expect(text(pro)).to.contain('30 days after the sale');
    const rows = [...pro!.querySelectorAll('tbody tr')].map((tr) => text(tr));
    expect(rows).to.deep.equal(['TENT-2P 15% of the sale', 'GIFT-CARD $2.00 each']);
    expect(text(friends)).to.contain('$10.00 per sale');
    expect(text(friends)).to.contain('First click within 30 days');
    expect(friends!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('formats money for the page’s locale and the program’s currency', async () => {
    signIn();
    document.documentElement.lang = 'de-DE';
    try {
      const programs = [{ ...(await fakeApi().programs())[1]!, currency: 'EUR' }];
      const el = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi({ programs })}></partner-commissions>`);
      await waitUntil(() => part(el, 'program'));
      expect(text(part(el, 'program'))).to.contain('10,00 € per sale');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('signed out and empty', async () => {
    const out = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi()}></partner-commissions>`);
    expect(text(part(out, 'signed-out'))).to.contain('Sign in');
    signIn();
    const empty = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi({ programs: [] })}></partner-commissions>`);
    await waitUntil(() => part(empty, 'empty'));
    await expect(empty).to.be.accessible();
  });
});

describe('<partner-profile>', () => {
  const render = async (options: FakeApiOptions = {}) => {
    signIn();
    const api = fakeApi(options);
    const el = await fixture<PartnerProfileElement>(html`<partner-profile .api=${api}></partner-profile>`);
    await waitUntil(() => part(el, 'details'), 'profile shown');
    return { el, api };
  };
  const input = (el: Element, name: string) => shadow<HTMLInputElement>(el, `#profile-${name}`)!;
  const submit = (el: Element) => shadow<HTMLButtonElement>(el, '[part~="form"] button[type="submit"]')!.click();

  it('shows the details and passes axe', async () => {
    const { el } = await render();
    const details = text(part(el, 'details'));
    expect(details).to.contain('Partner code demo');
    expect(details).to.contain('Email dana.demo@example.com');
    expect(details).to.contain('Phone Not given');
    await expect(el).to.be.accessible();
  });

  it('edits and saves by keyboard-reachable form, announces success and updates the page session', async () => {
    const { el, api } = await render();
    part<HTMLButtonElement>(el, 'edit-button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
    await expect(el).to.be.accessible();
    type(input(el, 'name'), 'Dana Q. Demo');
    type(input(el, 'phone'), '+1 555 0100');
    const saved = oneEvent(el, 'partner-profile-saved');
    submit(el);
    expect((await saved).detail.partner.name).to.equal('Dana Q. Demo');
    await waitUntil(() => part(el, 'status'));
    expect(text(part(el, 'status'))).to.equal('Your profile was saved.');
    expect(api.calls.find((c) => c.method === 'updateProfile')!.args[0]).to.include({ name: 'Dana Q. Demo', phone: '+1 555 0100', company: null });
    expect(sessionStore().current!.partner.name).to.equal('Dana Q. Demo');
    await waitUntil(() => text(part(el, 'details')).includes('+1 555 0100'));
  });

  it('names invalid fields without calling the server', async () => {
    const { el, api } = await render();
    part<HTMLButtonElement>(el, 'edit-button')!.click();
    await el.updateComplete;
    type(input(el, 'email'), 'nope');
    type(input(el, 'website'), 'ftp://x');
    submit(el);
    await el.updateComplete;
    expect(text(shadow(el, '#profile-email-error'))).to.equal('Enter a valid email address.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'email'));
    expect(api.calls.some((c) => c.method === 'updateProfile')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s field error next to the field', async () => {
    const { el } = await render({ fail: { updateProfile: new ApiError(400, 'invalid_request', 'phone: Enter a phone number', 'phone') } });
    part<HTMLButtonElement>(el, 'edit-button')!.click();
    await el.updateComplete;
    submit(el);
    await waitUntil(() => shadow(el, '#profile-phone-error'));
    expect(text(shadow(el, '#profile-phone-error'))).to.equal('Phone: Enter a phone number');
  });

  it('names the field in the server’s validation fragments by its label, on the field or in the alert', async () => {
    const long = await render({ fail: { updateProfile: new ApiError(400, 'invalid_request', 'phone: is at most 40 characters', 'phone') } });
    part<HTMLButtonElement>(long.el, 'edit-button')!.click();
    await long.el.updateComplete;
    submit(long.el);
    await waitUntil(() => shadow(long.el, '#profile-phone-error'));
    expect(text(shadow(long.el, '#profile-phone-error'))).to.equal('Phone: is at most 40 characters');

    // a field with no error line of its own: the form's alert names it
    const method = await render({ fail: { updateProfile: new ApiError(400, 'invalid_request', 'payoutMethod: Invalid option', 'payoutMethod') } });
    part<HTMLButtonElement>(method.el, 'edit-button')!.click();
    await method.el.updateComplete;
    submit(method.el);
    await waitUntil(() => part(method.el, 'form')?.querySelector('[part~="error"]'));
    expect(text(part(method.el, 'form')!.querySelector('[part~="error"]'))).to.equal('Payout method: Invalid option');

    const password = await render({ fail: { changePassword: new ApiError(400, 'invalid_request', 'newPassword: is at most 256 characters', 'newPassword') } });
    const form = part<HTMLFormElement>(password.el, 'password-form')!;
    type(shadow<HTMLInputElement>(password.el, '#current-password')!, 'demo-password');
    type(shadow<HTMLInputElement>(password.el, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(password.el, '#confirm-password')!, 'a-new-secret');
    form.requestSubmit();
    await waitUntil(() => form.querySelector('[part~="error"]'));
    expect(text(form.querySelector('[part~="error"]'))).to.equal('New password: is at most 256 characters');
  });

  it('changes the password and reports a wrong current password', async () => {
    const { el, api } = await render();
    const form = part<HTMLFormElement>(el, 'password-form')!;
    const set = (id: string, v: string) => type(shadow<HTMLInputElement>(el, `#${id}`)!, v);
    set('current-password', 'wrong');
    set('new-password', 'a-new-secret');
    set('confirm-password', 'a-new-secret');
    form.requestSubmit();
    await waitUntil(() => form.querySelector('[part~="error"]'));
    expect(text(form.querySelector('[part~="error"]'))).to.equal('The current password is not correct');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#current-password'));
    set('current-password', 'demo-password');
    set('new-password', 'a-new-secret');
    set('confirm-password', 'a-new-secret');
    form.requestSubmit();
    await waitUntil(() => form.querySelector('[part~="status"]'));
    expect(text(form.querySelector('[part~="status"]'))).to.contain('Your password was changed');
    expect(api.calls.filter((c) => c.method === 'changePassword')).to.have.length(2);
  });

  it('refuses mismatched new passwords before calling the server', async () => {
    const { el, api } = await render();
    const form = part<HTMLFormElement>(el, 'password-form')!;
    type(shadow<HTMLInputElement>(el, '#current-password')!, 'demo-password');
    type(shadow<HTMLInputElement>(el, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(el, '#confirm-password')!, 'another-one');
    form.requestSubmit();
    await el.updateComplete;
    expect(text(form.querySelector('[part~="error"]'))).to.equal('The two new passwords are not the same.');
    expect(api.calls.some((c) => c.method === 'changePassword')).to.equal(false);
  });

  it('signed out, loading and error states', async () => {
    const out = await fixture<PartnerProfileElement>(html`<partner-profile .api=${fakeApi()}></partner-profile>`);
    expect(text(part(out, 'signed-out'))).to.equal('Sign in to see your profile.');
    signIn();
    const loading = await fixture<PartnerProfileElement>(html`<partner-profile .api=${fakeApi({ fail: { me: 'pending' } })}></partner-profile>`);
    expect(part(loading, 'spinner')).to.exist;
    const failed = await fixture<PartnerProfileElement>(html`<partner-profile .api=${fakeApi({ fail: { me: serverError() } })}></partner-profile>`);
    await waitUntil(() => part(failed, 'error'));
    await expect(failed).to.be.accessible();
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
    expect(section.firstElementChild).to.equal(part(el, 'no-program'));
    expect(section.querySelector('partner-programs')).to.equal(null, 'no second, empty programs list');
    expect(section.querySelector('partner-commissions')).to.equal(null);
    expect(section.querySelector('partner-welcome')).to.exist;
    await expect(el).to.be.accessible();

    const enrolled = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    await waitUntil(() => part(enrolled, 'section')!.querySelector('partner-programs'));
    expect(part(enrolled, 'no-program')).to.equal(null);
  });

  it('navigates Home / Resources / Reports with aria-current and an event', async () => {
    signIn();
    const el = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    const items = parts<HTMLButtonElement>(el, 'nav-item');
    expect(items.map((b) => text(b))).to.deep.equal(['Home', 'Resources', 'Reports']);
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
