import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { PartnerAdminKeysElement, PartnerAdminSettingsElement, PartnerAdminUsersElement } from '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { AdminRole } from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, role: AdminRole = 'owner', signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminSettingsElement>(html`<partner-admin-settings .api=${api} .adminSession=${fakeAdminSession(signedIn, role)}></partner-admin-settings>`);
  return { el, api };
};
const loaded = (el: Element) => waitUntil(() => part(el, 'form') || part(el, 'error') || part(el, 'forbidden'), 'the section did not load', { timeout: 4000 });
const field = <T extends HTMLElement = HTMLInputElement>(el: Element, name: string) => shadow<T>(el, `[name="${name}"]`)!;
const toggle = (el: Element, name: string) => {
  const box = field(el, name);
  box.click();
};
const save = (el: Element) => shadow<HTMLButtonElement>(el, '[part~="form"] button[type="submit"]')!.click();
const keys = (el: Element) => part<PartnerAdminKeysElement>(el, 'keys')!;
const users = (el: Element) => part<PartnerAdminUsersElement>(el, 'users')!;

describe('<partner-admin-settings>', () => {
  it('shows every setting and the welcome message as partners see it, and passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(field(el, 'merchantName').value).to.equal('Northwind');
    expect(field(el, 'minimumPayout').value).to.equal('50.00');
    expect(field<HTMLTextAreaElement>(el, 'allowedLinkDomains').value).to.equal('northwind.example\n*.northwind.example');
    expect(field(el, 'menus.commissions').checked).to.equal(true);
    const preview = part(el, 'preview')!;
    expect(text(part(el, 'preview-title'))).to.equal('Welcome to Northwind');
    expect(text(preview.querySelector('h3'))).to.equal('Hello partners');
    expect(preview.querySelector('a')).to.have.attribute('href', 'mailto:partners@northwind.example');
    expect(preview.querySelector('a')).to.have.attribute('rel', 'noopener noreferrer nofollow');
    await waitUntil(() => part(keys(el), 'table') && part(users(el), 'table'));
    await expect(el).to.be.accessible();
  });

  it('previews the markdown as typed, with the partner side’s allow-list and the server’s address for root-relative images', async () => {
    const { el } = await render();
    await loaded(el);
    type(field(el, 'welcomeMessage') as unknown as HTMLInputElement, '## Tips\n\n![Logo](/uploads/3) <img src=x onerror="alert(1)"><script>alert(2)</script> *go*');
    await el.updateComplete;
    const preview = part(el, 'preview')!;
    expect(preview.querySelector('h4')!.textContent).to.equal('Tips');
    expect(preview.querySelector('img')).to.have.attribute('src', 'https://partners.example.com/uploads/3');
    expect(preview.querySelectorAll('img')).to.have.length(1);
    expect(preview.querySelector('script')).to.equal(null);
    expect(preview.innerHTML).not.to.contain('onerror');
    expect(text(preview.querySelector('em'))).to.equal('go');
  });

  it('saves only what changed and says so', async () => {
    const { el, api } = await render();
    await loaded(el);
    save(el);
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Nothing to save: no setting changed.');
    expect(api.calls.some((c) => c.method === 'updateSettings')).to.equal(false);

    type(field(el, 'merchantName'), 'Northwind Traders');
    type(field(el, 'minimumPayout'), '75');
    toggle(el, 'menus.commissions');
    toggle(el, 'signupProgramIds');
    const mode = field<HTMLSelectElement>(el, 'signupMode');
    mode.value = 'open';
    mode.dispatchEvent(new Event('change', { bubbles: true }));
    save(el);
    await waitUntil(() => text(part(el, 'announcement')).startsWith('Settings saved'));
    expect(api.calls.find((c) => c.method === 'updateSettings')!.args[0]).to.deep.equal({
      merchantName: 'Northwind Traders',
      signupMode: 'open',
      signupProgramIds: [1],
      minimumPayout: 7500,
      menus: { commissions: false },
    });
    expect(part(el, 'announcement')).to.have.attribute('role', 'status');
    expect(field(el, 'minimumPayout').value).to.equal('75.00');
  });

  it('shows our own checks and the server’s by the field, announced, with focus on the first', async () => {
    const refusal = new ApiError(400, 'invalid_request', 'allowedOrigins.1: is not an origin (like https://shop.example.com)', 'allowedOrigins.1');
    const { el } = await render({ fail: { updateSettings: refusal } });
    await loaded(el);
    type(field(el, 'currency'), 'dollars');
    type(field(el, 'holdDays'), '-1');
    save(el);
    await waitUntil(() => part(el, 'form-error'));
    expect(text(part(el, 'form-error'))).to.equal('2 fields need fixing: Enter a three-letter currency code, like USD or EUR');
    expect(part(el, 'form-error')).to.have.attribute('role', 'alert');
    expect(text(shadow(el, '#holdDays-error'))).to.equal('Enter whole days from 0 to 3650');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'currency'));
    await expect(el).to.be.accessible();

    type(field(el, 'currency'), 'USD');
    type(field(el, 'holdDays'), '14');
    type(field(el, 'allowedOrigins') as unknown as HTMLInputElement, 'https://shop.northwind.example\nshop.example');
    save(el);
    await waitUntil(() => shadow(el, '#allowedOrigins-error'));
    expect(text(shadow(el, '#allowedOrigins-error'))).to.equal('Is not an origin (like https://shop.example.com)');
    expect(field(el, 'allowedOrigins')).to.have.attribute('aria-invalid', 'true');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'allowedOrigins'));
  });

  it('shows staff the settings read-only, and neither keys nor users', async () => {
    const { el, api } = await render({}, 'staff');
    await loaded(el);
    expect(text(part(el, 'read-only'))).to.equal('Only an owner can change settings; you are signed in as staff.');
    expect(parts(el, 'form')[0]!.querySelectorAll('fieldset:disabled').length).to.be.greaterThan(5);
    expect(shadow(el, 'button[type="submit"]')).to.equal(null);
    expect(text(part(el, 'owner-only'))).to.contain('Only an owner can manage the Stripe and Shopify integrations, admin API keys and merchant users');
    expect(api.calls.map((c) => c.method)).not.to.include.members(['adminKeys', 'merchantUsers']);
    expect(api.calls.map((c) => c.method)).not.to.include('integrations');
    await expect(el).to.be.accessible();
  });

  it('lists admin keys with when each was last used, creates one showing its secret once, and revokes one after asking', async () => {
    const { el, api } = await render();
    await loaded(el);
    await waitUntil(() => part(keys(el), 'table'));
    const k = keys(el);
    expect(text(parts(k, 'row')[0])).to.contain('Shop backend').and.contain('pc_ak_3f9a…').and.contain('Active');
    expect(text(parts(k, 'row')[1])).to.contain('Never').and.contain('Revoked');
    shadow<HTMLButtonElement>(k, '[part~="create-form"] button')!.click();
    await k.updateComplete;
    expect(text(shadow(k, '#name-error'))).to.equal('Name the key, e.g. the system that will use it');
    type(shadow<HTMLInputElement>(k, '#key-name')!, 'Zapier');
    shadow<HTMLButtonElement>(k, '[part~="create-form"] button')!.click();
    await waitUntil(() => part(k, 'secret'));
    expect(text(part(k, 'secret-value'))).to.equal('pc_ak_0003_secret-shown-once');
    expect(k.shadowRoot!.activeElement).to.equal(part(k, 'secret'));
    expect(text(part(k, 'announcement'))).to.equal('Key “Zapier” created. Copy it now: it is shown only once.');
    await expect(k).to.be.accessible();

    shadow<HTMLButtonElement>(k, 'button[aria-label="Revoke Shop backend…"]')!.click();
    await k.updateComplete;
    expect(k.shadowRoot!.activeElement!.textContent).to.equal('Revoke now');
    (k.shadowRoot!.activeElement as HTMLButtonElement).click();
    await waitUntil(() => text(part(k, 'announcement')).includes('revoked'));
    expect(api.calls.find((c) => c.method === 'revokeAdminKey')!.args).to.deep.equal([1]);
    expect(text(parts(k, 'row')[0])).to.contain('Revoked');
  });

  it('adds a merchant user, changes a role, and says why the last owner stays', async () => {
    const { el, api } = await render();
    await loaded(el);
    await waitUntil(() => part(users(el), 'table'));
    const u = users(el);
    expect(parts(u, 'row').map((r) => text(r.querySelector('th')))).to.deep.equal(['owner@northwind.example (you)', 'sam@northwind.example']);
    const form = part<HTMLFormElement>(u, 'add-form')!;
    type(form.querySelector<HTMLInputElement>('[name="email"]')!, 'kim@');
    type(form.querySelector<HTMLInputElement>('[name="password"]')!, 'short');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => shadow(u, '#email-error'));
    expect(text(shadow(u, '#password-error'))).to.equal('Use at least 12 characters');
    expect(u.shadowRoot!.activeElement).to.equal(form.querySelector('[name="email"]'));
    type(form.querySelector<HTMLInputElement>('[name="email"]')!, 'sam@northwind.example');
    type(form.querySelector<HTMLInputElement>('[name="password"]')!, 'a-long-password');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(shadow(u, '#email-error')).startsWith('A merchant'));
    expect(text(shadow(u, '#email-error'))).to.equal('A merchant user with the email sam@northwind.example exists already');
    expect(u.shadowRoot!.activeElement).to.equal(form.querySelector('[name="email"]'));
    type(form.querySelector<HTMLInputElement>('[name="email"]')!, 'kim@northwind.example');
    type(form.querySelector<HTMLInputElement>('[name="password"]')!, 'a-long-password');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => parts(u, 'row').length === 3);
    expect(api.calls.filter((c) => c.method === 'createMerchantUser').at(-1)!.args[0]).to.deep.equal({ email: 'kim@northwind.example', role: 'staff', password: 'a-long-password' });
    expect(text(part(u, 'announcement'))).to.equal('kim@northwind.example is added as staff; they can sign in now.');

    const ownerRole = shadow<HTMLSelectElement>(u, 'select[aria-label="Role of owner@northwind.example"]')!;
    ownerRole.value = 'staff';
    ownerRole.dispatchEvent(new Event('change'));
    await waitUntil(() => part(u, 'error'));
    expect(text(part(u, 'error'))).to.equal('owner@northwind.example is the last active owner and cannot be made staff: make another user an owner first');
    expect(ownerRole.value).to.equal('owner');

    const samRole = shadow<HTMLSelectElement>(u, 'select[aria-label="Role of sam@northwind.example"]')!;
    samRole.value = 'owner';
    samRole.dispatchEvent(new Event('change'));
    await waitUntil(() => text(part(u, 'announcement')) === 'sam@northwind.example is now owner.');
    expect(api.calls.find((c) => c.method === 'updateMerchantUser')!.args).to.deep.equal([1, { role: 'staff' }]);
    await expect(u).to.be.accessible();
  });

  it('disables, sets a password and removes a merchant user', async () => {
    const { el, api } = await render();
    await loaded(el);
    await waitUntil(() => part(users(el), 'table'));
    const u = users(el);
    shadow<HTMLButtonElement>(u, 'button[aria-label="Disable sam@northwind.example"]')!.click();
    await waitUntil(() => text(part(u, 'announcement')).includes('disabled'));
    expect(text(parts(u, 'row')[1]!.querySelector('.status'))).to.equal('Disabled');

    shadow<HTMLButtonElement>(u, 'button[aria-label="Set password of sam@northwind.example…"]')!.click();
    await u.updateComplete;
    const password = shadow<HTMLInputElement>(u, '#user-password')!;
    expect(u.shadowRoot!.activeElement).to.equal(password);
    type(password, 'another-long-password');
    shadow<HTMLButtonElement>(u, '[part~="password-form"] button[type="submit"]')!.click();
    await waitUntil(() => text(part(u, 'announcement')).includes('password is set'));
    expect(api.calls.filter((c) => c.method === 'updateMerchantUser').at(-1)!.args).to.deep.equal([2, { password: 'another-long-password' }]);

    shadow<HTMLButtonElement>(u, 'button[aria-label="Remove sam@northwind.example…"]')!.click();
    await u.updateComplete;
    (u.shadowRoot!.activeElement as HTMLButtonElement).click();
    await waitUntil(() => parts(u, 'row').length === 1);
    expect(text(part(u, 'announcement'))).to.equal('sam@northwind.example is removed.');
  });

  it('says it is loading, a failure, a refusal and signed out', async () => {
    const pending = await render({ fail: { settings: 'pending' } });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading settings…');
    await expect(pending.el).to.be.accessible();
    const failed = await render({ fail: { settings: 'error' } });
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    const refused = await render({ fail: { adminKeys: 'forbidden' } });
    await waitUntil(() => part(keys(refused.el), 'forbidden'));
    expect(text(part(keys(refused.el), 'forbidden'))).to.contain('an owner can');
    const out = await render({}, 'owner', false);
    expect(part(out.el, 'signed-out')).to.exist;
    expect(out.api.calls).to.have.length(0);
  });
});
