import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-profile/partner-profile.js';
import type { PartnerProfileElement } from '../../components/partner-profile/partner-profile.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, type FakeApiOptions } from '../helpers/fake-api.js';

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
