import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-profile/partner-profile.js';
import type { PartnerProfileElement } from '../../components/partner-profile/partner-profile.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, serverError, type FakeApiOptions } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

async function editing(options: FakeApiOptions = {}) {
  sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
  const api = fakeApi(options);
  const el = await fixture<PartnerProfileElement>(html`<partner-profile .api=${api}></partner-profile>`);
  await waitUntil(() => part(el, 'edit-button'), 'profile shown');
  part<HTMLButtonElement>(el, 'edit-button')!.click();
  await el.updateComplete;
  return { el, api };
}

const field = (el: Element, name: string) => shadow<HTMLInputElement>(el, `#profile-${name}`);
const submit = async (el: PartnerProfileElement) => {
  part<HTMLFormElement>(el, 'form')!.requestSubmit();
  await el.updateComplete;
};
/** Opens the password form behind its button, as a partner would. */
const openPassword = async (el: PartnerProfileElement) => {
  part<HTMLButtonElement>(el, 'password-button')!.click();
  await el.updateComplete;
  return part<HTMLFormElement>(el, 'password-form')!;
};
const patches = (api: ReturnType<typeof fakeApi>) => api.calls.filter((c) => c.method === 'updateProfile').map((c) => c.args[0]);

describe('<partner-profile> asks for the current password before a new email or payout details', () => {
  it('does not ask when only contact details change', async () => {
    const { el, api } = await editing();
    type(field(el, 'phone')!, '+1 555 0100');
    await el.updateComplete;
    expect(field(el, 'currentPassword')).to.equal(null);
    await submit(el);
    await waitUntil(() => part(el, 'status'));
    expect(text(part(el, 'status'))).to.equal('Your profile was saved.');
    expect(patches(api)[0]).to.not.have.property('currentPassword');
  });

  it('asks when the email changes, names the missing password without calling the server, then saves with it', async () => {
    const { el, api } = await editing();
    type(field(el, 'email')!, 'dana@new.example');
    await el.updateComplete;
    const password = field(el, 'currentPassword')!;
    expect(password, 'the current password field appears').to.exist;
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
    expect(text(shadow(el, 'label[for="profile-currentPassword"]'))).to.equal('Current password');
    expect(text(shadow(el, '#profile-currentPassword-hint'))).to.contain('Your other devices will be signed out');
    await expect(el).to.be.accessible();

    await submit(el);
    expect(text(shadow(el, '#profile-currentPassword-error'))).to.equal('Enter your current password to change your email or payout details.');
    expect(field(el, 'currentPassword')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'currentPassword'));
    expect(patches(api)).to.have.length(0);
    await expect(el).to.be.accessible();

    type(field(el, 'currentPassword')!, 'demo-password');
    await submit(el);
    await waitUntil(() => part(el, 'status'));
    expect(text(part(el, 'status'))).to.equal('Your profile was saved. Your other devices have been signed out.');
    expect(patches(api)[0]).to.include({ email: 'dana@new.example', currentPassword: 'demo-password' });
    expect(sessionStore().current!.partner.email).to.equal('dana@new.example');
  });

  it('shows a wrong current password from the server on the field and focuses it', async () => {
    const { el } = await editing();
    type(field(el, 'payoutDetails') as unknown as HTMLInputElement, 'dana@paypal.example');
    await el.updateComplete;
    type(field(el, 'currentPassword')!, 'not-it');
    await submit(el);
    await waitUntil(() => shadow(el, '#profile-currentPassword-error'));
    expect(text(shadow(el, '#profile-currentPassword-error'))).to.equal('The current password is not correct');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'currentPassword'));
    expect(part(el, 'form'), 'still editing').to.exist;
  });

  it('asks when the payout method is picked, and stops asking when it is put back', async () => {
    const { el } = await editing();
    const select = shadow<HTMLSelectElement>(el, '#profile-payoutMethod')!;
    select.value = 'check';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(field(el, 'currentPassword')).to.exist;
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(field(el, 'currentPassword')).to.equal(null);
  });

  it('says how long to wait after too many wrong passwords', async () => {
    const { el } = await editing({
      fail: { updateProfile: new ApiError(429, 'too_many_attempts', 'Too many wrong passwords. Try again in 2 minutes.', undefined, 120) },
    });
    type(field(el, 'email')!, 'dana@new.example');
    await el.updateComplete;
    type(field(el, 'currentPassword')!, 'demo-password');
    await submit(el);
    await waitUntil(() => part(el, 'error'));
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'error'))).to.equal('Too many wrong passwords. Try again in 2 minutes.');
  });
});

describe('<partner-profile>', () => {
  const render = async (options: FakeApiOptions = {}) => {
    signIn();
    const api = fakeApi(options);
    const el = await fixture<PartnerProfileElement>(html`<partner-profile .api=${api}></partner-profile>`);
    // a second profile in one test sits below the first: it reads once scrolled near
    el.scrollIntoView();
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
    const form = await openPassword(password.el);
    type(shadow<HTMLInputElement>(password.el, '#current-password')!, 'demo-password');
    type(shadow<HTMLInputElement>(password.el, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(password.el, '#confirm-password')!, 'a-new-secret');
    form.requestSubmit();
    await waitUntil(() => form.querySelector('[part~="error"]'));
    expect(text(form.querySelector('[part~="error"]'))).to.equal('New password: is at most 256 characters');
  });

  it('keeps the password form behind a "Change password" button: opening focuses the first field, Cancel and Escape close it', async () => {
    const { el } = await render();
    const button = part<HTMLButtonElement>(el, 'password-button')!;
    const form = part<HTMLFormElement>(el, 'password-form')!;
    expect(text(button)).to.equal('Change password');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal(form.id);
    expect(form.hidden, 'closed at first').to.equal(true);
    expect(form.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();

    button.click();
    await waitUntil(() => el.shadowRoot!.activeElement === shadow(el, '#current-password'), 'the first field has focus');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(form.hidden).to.equal(false);
    await expect(el).to.be.accessible();

    shadow<HTMLInputElement>(el, '#current-password')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.activeElement === button, 'Escape returns focus to the button');
    expect(form.hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    button.click();
    await waitUntil(() => el.shadowRoot!.activeElement === shadow(el, '#current-password'));
    type(shadow<HTMLInputElement>(el, '#current-password')!, 'half-typed');
    part<HTMLButtonElement>(el, 'password-cancel')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === button, 'Cancel returns focus to the button');
    expect(form.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(shadow<HTMLInputElement>(el, '#current-password')!.value, 'cancelled typing is gone').to.equal('');
  });

  it('changes the password and reports a wrong current password; success closes the form and announces it', async () => {
    const { el, api } = await render();
    const form = await openPassword(el);
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
    await waitUntil(() => text(part(el, 'password-status')).length > 0);
    expect(part(el, 'password-status')!.getAttribute('role')).to.equal('status');
    expect(text(part(el, 'password-status'))).to.equal('Your password was changed. Other devices have been signed out.');
    expect(form.hidden, 'closed after success').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-button'));
    expect(api.calls.filter((c) => c.method === 'changePassword')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('refuses mismatched new passwords before calling the server', async () => {
    const { el, api } = await render();
    const form = await openPassword(el);
    type(shadow<HTMLInputElement>(el, '#current-password')!, 'demo-password');
    type(shadow<HTMLInputElement>(el, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(el, '#confirm-password')!, 'another-one');
    form.requestSubmit();
    await el.updateComplete;
    expect(text(form.querySelector('[part~="error"]'))).to.equal('The two new passwords are not the same.');
    expect(api.calls.some((c) => c.method === 'changePassword')).to.equal(false);
  });

  it('shows the loading state until both the profile and the populated view’s code are here, then the profile', async () => {
    signIn();
    const el = document.createElement('partner-profile') as PartnerProfileElement;
    el.api = fakeApi();
    // what each update showed, as the partner saw it
    const seen: string[] = [];
    el.addController({ hostUpdated: () => void seen.push(part(el, 'details') ? 'profile' : part(el, 'spinner') ? `loading: ${text(part(el, 'spinner'))}` : 'other') });
    document.body.append(el);
    await el.updateComplete;
    expect(seen[0], 'the signed-in first render').to.equal('loading: Loading your profile…');
    await waitUntil(() => part(el, 'details'), 'profile shown');
    await el.updateComplete;
    const first = seen.indexOf('profile');
    expect(seen.slice(0, first).every((s) => s === 'loading: Loading your profile…'), seen.join(', ')).to.equal(true);
    expect(seen.slice(first).every((s) => s === 'profile'), seen.join(', ')).to.equal(true);
    expect(part(el, 'spinner')).to.equal(null);
    expect(part(el, 'password-button')).to.exist;
    expect(part(el, 'notifications')).to.exist;
    // the view's styles arrived with it
    expect(getComputedStyle(part(el, 'details')!).display).to.equal('grid');
    el.remove();
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
