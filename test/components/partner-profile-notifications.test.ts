import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-profile/partner-profile.js';
import type { PartnerProfileElement } from '../../components/partner-profile/partner-profile.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, serverError, type FakeApiOptions } from '../helpers/fake-api.js';

const original = location.href;
const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  history.replaceState(null, '', original);
  sessionStore().end();
  sessionStorage.clear();
});

async function render(options: FakeApiOptions = {}, signedIn = true) {
  if (signedIn) signIn();
  const api = fakeApi(options);
  const el = await fixture<PartnerProfileElement>(html`<partner-profile .api=${api}></partner-profile>`);
  // a second profile in one test sits below the first: it reads once scrolled near
  el.scrollIntoView();
  if (signedIn) await waitUntil(() => part(el, 'details'), 'profile shown');
  return { el, api };
}

function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const calls = (api: ReturnType<typeof fakeApi>, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args[0]);

describe('<partner-profile> with an unconfirmed email address', () => {
  it('says so, and sends the confirmation again with this page as the link’s target', async () => {
    const { el, api } = await render({ emailConfirmed: false });
    const notice = part(el, 'email-unconfirmed')!;
    expect(text(notice)).to.contain(`Your email address ${demoPartner.email} is not confirmed yet.`);
    expect(text(notice)).to.contain('your payout details cannot change');
    expect(text(part(el, 'details'))).to.contain(`${demoPartner.email} (not confirmed)`);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'resend-button')!.click();
    await el.updateComplete;
    await waitUntil(() => notice.querySelector('[part~="status"]'));
    expect(calls(api, 'resendEmailConfirmation')[0]).to.deep.equal({ confirmUrl: `${location.origin}${location.pathname}` });
    expect(notice.querySelector('[part~="status"]')).to.have.attribute('role', 'status');
    expect(text(notice.querySelector('[part~="status"]'))).to.equal(`We have sent a new confirmation link to ${demoPartner.email}.`);
    await expect(el).to.be.accessible();
  });

  it('shows "Sending…", then a failure to resend as an alert with focus', async () => {
    const busy = await render({ emailConfirmed: false, fail: { resendEmailConfirmation: 'pending' } });
    part<HTMLButtonElement>(busy.el, 'resend-button')!.click();
    await busy.el.updateComplete;
    expect(text(part(busy.el, 'resend-button'))).to.equal('Sending…');
    expect(part(busy.el, 'resend-button')).to.have.attribute('aria-disabled', 'true');

    sessionStore().end();
    const limited = await render({
      emailConfirmed: false,
      fail: { resendEmailConfirmation: new ApiError(429, 'too_many_requests', 'You asked for a confirmation email a moment ago. Try again in 5 minutes.', undefined, 300) },
    });
    part<HTMLButtonElement>(limited.el, 'resend-button')!.click();
    await waitUntil(() => part(limited.el, 'email-unconfirmed')!.querySelector('[part~="error"]'));
    const error = part(limited.el, 'email-unconfirmed')!.querySelector('[part~="error"]')!;
    expect(error).to.have.attribute('role', 'alert');
    expect(text(error)).to.equal('You asked for a confirmation email a moment ago. Try again in 5 minutes.');
    expect(focused()).to.equal(error);
  });

  it('explains on the payout fields that a confirmed email is needed, and shows the server’s 403 with focus', async () => {
    const { el } = await render({ emailConfirmed: false });
    part<HTMLButtonElement>(el, 'edit-button')!.click();
    await el.updateComplete;
    const hint = shadow(el, '#profile-payout-unconfirmed')!;
    expect(text(hint)).to.contain('Confirm your email address before changing payout details');
    expect(shadow(el, '#profile-payoutMethod')!.getAttribute('aria-describedby')).to.contain('profile-payout-unconfirmed');
    expect(shadow(el, '#profile-payoutDetails')!.getAttribute('aria-describedby')).to.contain('profile-payout-unconfirmed');
    await expect(el).to.be.accessible();

    type(shadow<HTMLInputElement>(el, '#profile-payoutDetails')!, 'dana@paypal.example');
    await el.updateComplete;
    type(shadow<HTMLInputElement>(el, '#profile-currentPassword')!, 'demo-password');
    part<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => shadow(el, '[part~="form"] > [part~="error"]'));
    const error = shadow(el, '[part~="form"] > [part~="error"]')!;
    expect(text(error)).to.equal('Confirm your email address before changing payout details.');
    expect(error).to.have.attribute('role', 'alert');
    expect(focused()).to.equal(error);
    expect(part(el, 'form'), 'still editing').to.exist;
  });

  it('shows no notice when the address is confirmed', async () => {
    const { el } = await render();
    expect(part(el, 'email-unconfirmed')).to.equal(null);
    expect(text(part(el, 'details'))).to.not.contain('not confirmed');
  });
});

describe('<partner-profile> opened from an email confirmation link (?pc_confirm=)', () => {
  it('signed in: confirms, says so, and the notice goes away', async () => {
    const url = new URL(original);
    url.searchParams.set('pc_confirm', 'pc-confirm-demo');
    history.replaceState(null, '', url.href);
    const { el, api } = await render({ emailConfirmed: false });
    await waitUntil(() => text(part(el, 'email-confirmation')).startsWith('Your email address'));
    expect(part(el, 'email-confirmation')).to.have.attribute('role', 'status');
    expect(text(part(el, 'email-confirmation'))).to.equal(`Your email address ${demoPartner.email} is confirmed. Thank you!`);
    await waitUntil(() => !part(el, 'email-unconfirmed'), 'the profile is read again');
    expect(calls(api, 'confirmEmail')).to.deep.equal(['pc-confirm-demo']);
    expect(new URL(location.href).searchParams.has('pc_confirm')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('signed out: confirms too (no session needed), or says why not', async () => {
    const url = new URL(original);
    url.searchParams.set('pc_confirm', 'pc-confirm-expired');
    history.replaceState(null, '', url.href);
    const { el } = await render({}, false);
    await waitUntil(() => part(el, 'email-confirmation')?.getAttribute('role') === 'alert');
    expect(text(part(el, 'email-confirmation'))).to.contain('This confirmation link has expired.');
    expect(part(el, 'signed-out')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('<partner-profile> email notifications', () => {
  const open = async (el: PartnerProfileElement) => {
    const toggle = part<HTMLButtonElement>(el, 'notifications-toggle')!;
    expect(toggle).to.have.attribute('aria-expanded', 'false');
    toggle.click();
    await el.updateComplete;
    expect(toggle).to.have.attribute('aria-expanded', 'true');
  };
  const loaded = (el: PartnerProfileElement) => waitUntil(() => part(el, 'notifications-form') || part(el, 'notifications-unavailable'), 'choices shown');
  const radio = (el: PartnerProfileElement, value: string) => shadow<HTMLInputElement>(el, `#notify-commission-${value}`)!;
  const box = (el: PartnerProfileElement, name: string) => shadow<HTMLInputElement>(el, `#notify-${name}`)!;

  it('asks nothing of the server until opened (the first view’s requests stay few)', async () => {
    const { el, api } = await render();
    expect(calls(api, 'notifications')).to.have.length(0);
    expect(text(part(el, 'notifications'))).to.contain('Email notifications');
  });

  it('shows the loading state, then the choices, labelled and grouped, and passes axe', async () => {
    const loading = await render({ fail: { notifications: 'pending' } });
    await open(loading.el);
    expect(text(shadow(loading.el, '[part~="notifications"] [part~="spinner"]'))).to.equal('Loading your notification choices…');
    sessionStore().end();

    const { el } = await render({ notifications: { commission: 'daily', payment: true, statement: false } });
    await open(el);
    await loaded(el);
    expect(text(shadow(el, '[part~="notifications-form"] legend'))).to.equal('New commissions');
    expect(radio(el, 'daily').checked).to.equal(true);
    expect(radio(el, 'immediate').checked).to.equal(false);
    expect(text(shadow(el, 'label[for="notify-commission-daily"]'))).to.equal('Daily digest');
    expect(box(el, 'payment').checked).to.equal(true);
    expect(box(el, 'statement').checked).to.equal(false);
    expect(text(shadow(el, 'label[for="notify-statement"]'))).to.equal('Monthly statement');
    await expect(el).to.be.accessible();
  });

  it('saves the choices and says so', async () => {
    const { el, api } = await render();
    await open(el);
    await loaded(el);
    radio(el, 'off').click();
    box(el, 'payment').click();
    part<HTMLFormElement>(el, 'notifications-form')!.requestSubmit();
    await el.updateComplete;
    await waitUntil(() => part(el, 'notifications-form')!.querySelector('[part~="status"]'));
    expect(calls(api, 'updateNotifications')[0]).to.deep.equal({ commission: 'off', payment: false, statement: true });
    const status = part(el, 'notifications-form')!.querySelector('[part~="status"]')!;
    expect(status).to.have.attribute('role', 'status');
    expect(text(status)).to.equal('Your notification choices were saved.');
    expect(radio(el, 'off').checked).to.equal(true);
    expect(box(el, 'payment').checked).to.equal(false);
    await expect(el).to.be.accessible();

    // closed and opened again: read afresh from the server, as saved
    part<HTMLButtonElement>(el, 'notifications-toggle')!.click();
    await el.updateComplete;
    await open(el);
    await loaded(el);
    expect(radio(el, 'off').checked).to.equal(true);
  });

  it('shows "Saving…" while the server answers, and a failure as an alert with focus', async () => {
    const busy = await render({ fail: { updateNotifications: 'pending' } });
    await open(busy.el);
    await loaded(busy.el);
    part<HTMLFormElement>(busy.el, 'notifications-form')!.requestSubmit();
    await busy.el.updateComplete;
    expect(text(shadow(busy.el, '[part~="notifications-form"] button[type="submit"]'))).to.equal('Saving…');
    expect(part(busy.el, 'notifications-form')).to.have.attribute('aria-busy', 'true');
    sessionStore().end();

    const failing = await render({ fail: { updateNotifications: serverError() } });
    await open(failing.el);
    await loaded(failing.el);
    part<HTMLFormElement>(failing.el, 'notifications-form')!.requestSubmit();
    await waitUntil(() => part(failing.el, 'notifications-form')!.querySelector('[part~="error"]'));
    const error = part(failing.el, 'notifications-form')!.querySelector('[part~="error"]')!;
    expect(error).to.have.attribute('role', 'alert');
    expect(text(error)).to.equal('Something went wrong on the server');
    expect(focused()).to.equal(error);
  });

  it('shows a failed load with a retry', async () => {
    const { el } = await render({ fail: { notifications: serverError() } });
    await open(el);
    await waitUntil(() => shadow(el, '[part~="notifications"] [part~="error"]'));
    expect(text(shadow(el, '[part~="notifications"] [part~="error"]'))).to.contain('Something went wrong on the server');
    expect(shadow(el, '[part~="notifications"] [part~="error"] button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('leaves out the kinds the merchant switched off and names them; sends only the others', async () => {
    const { el, api } = await render({ notifications: { available: { commission: true, payment: false, statement: false } } });
    await open(el);
    await loaded(el);
    expect(box(el, 'payment')).to.equal(null);
    expect(box(el, 'statement')).to.equal(null);
    expect(text(part(el, 'notifications-unavailable'))).to.equal('The program does not send emails about payments sent and monthly statements.');
    part<HTMLFormElement>(el, 'notifications-form')!.requestSubmit();
    await waitUntil(() => part(el, 'notifications-form')!.querySelector('[part~="status"]'));
    expect(calls(api, 'updateNotifications')[0]).to.deep.equal({ commission: 'immediate' });
    await expect(el).to.be.accessible();
  });

  it('says so when the program sends no notification emails at all', async () => {
    const { el } = await render({ notifications: { available: { commission: false, payment: false, statement: false } } });
    await open(el);
    await loaded(el);
    expect(part(el, 'notifications-form')).to.equal(null);
    expect(text(part(el, 'notifications-unavailable'))).to.equal('The program sends no notification emails at the moment.');
  });
});
