import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/partner-center/partner-center.js';
import type { PartnerCenterElement } from '../../components/partner-center/partner-center.component.js';
import '../../components/partner-login/partner-login.js';
import type { PartnerLoginElement } from '../../components/partner-login/partner-login.component.js';
import type { PartnerPasswordResetElement } from '../../components/partner-password-reset/partner-password-reset.component.js';
import { ApiError } from '../../src/api/errors.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, RESET_SENT_MESSAGE, type FakeApiOptions } from '../helpers/fake-api.js';

const original = location.href;
/** Opens this page as if from an emailed link: its address gains `?name=value` (and keeps the rest). */
function arriveWith(query: string, hash = '') {
  const url = new URL(original);
  for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v);
  url.hash = hash;
  history.replaceState(null, '', url.href);
}

afterEach(() => {
  history.replaceState(null, '', original);
  sessionStore().end();
  sessionStorage.clear();
});

const render = async (options: FakeApiOptions = {}, attrs: { resetHref?: string } = {}) => {
  const api = fakeApi({ login: 'server', ...options });
  const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${api} reset-href=${ifDefined(attrs.resetHref)}></partner-login>`);
  return { el, api };
};

/** The reset forms inside <partner-login>, rendered. */
async function resetForms(el: PartnerLoginElement) {
  await waitUntil(() => shadow(el, 'partner-password-reset'), 'the reset forms show');
  const forms = shadow<PartnerPasswordResetElement>(el, 'partner-password-reset')!;
  await forms.updateComplete;
  return forms;
}

/** The element focused, through the shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const calls = (api: ReturnType<typeof fakeApi>, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args[0]);

async function openRequestForm(el: PartnerLoginElement) {
  part<HTMLButtonElement>(el, 'forgot-link')!.click();
  const forms = await resetForms(el);
  await waitUntil(() => shadow(forms, '#login'));
  return forms;
}

async function requestLink(forms: PartnerPasswordResetElement, login: string) {
  type(shadow<HTMLInputElement>(forms, '#login')!, login);
  part<HTMLFormElement>(forms, 'form')!.requestSubmit();
  await forms.updateComplete;
}

async function setPassword(forms: PartnerPasswordResetElement, password: string, confirm = password) {
  type(shadow<HTMLInputElement>(forms, '#new-password')!, password);
  type(shadow<HTMLInputElement>(forms, '#confirm-password')!, confirm);
  part<HTMLFormElement>(forms, 'form')!.requestSubmit();
  await forms.updateComplete;
}

describe('<partner-login> "Forgot your password?"', () => {
  it('is a button that opens the request form in the element, focus on its field, the typed code carried over', async () => {
    const { el } = await render();
    type(shadow<HTMLInputElement>(el, '#code')!, 'demo');
    const forgot = part<HTMLButtonElement>(el, 'forgot-link')!;
    expect(forgot.localName).to.equal('button');
    expect(text(forgot)).to.equal('Forgot your password?');
    forgot.click();
    const forms = await resetForms(el);
    expect(text(part(forms, 'title'))).to.equal('Reset your password');
    expect(text(shadow(forms, 'label[for="login"]'))).to.equal('Partner code or email');
    const login = shadow<HTMLInputElement>(forms, '#login')!;
    expect(login.value).to.equal('demo');
    expect(login.autocomplete).to.equal('username');
    expect(focused()).to.equal(login);
    expect(part(el, 'form'), 'the sign-in form is gone').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('stays a link to the merchant’s own flow when forgot-password-href is set', async () => {
    const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${fakeApi()} forgot-password-href="/partners/reset"></partner-login>`);
    const forgot = part(el, 'forgot-link')!;
    expect(forgot.localName).to.equal('a');
    expect(forgot).to.have.attribute('href', '/partners/reset');
    expect(shadow(el, 'partner-password-reset')).to.equal(null);
  });

  it('names an empty field without asking the server', async () => {
    const { el, api } = await render();
    const forms = await openRequestForm(el);
    await requestLink(forms, '   ');
    await forms.updateComplete;
    expect(text(shadow(forms, '#login-error'))).to.equal('Enter your partner code or email address.');
    expect(shadow(forms, '#login')!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(forms, '#login')!.getAttribute('aria-describedby')).to.equal('login-error');
    expect(calls(api, 'requestPasswordReset')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends the login and this page (without query or hash) as resetUrl, shows the server’s words and goes back to sign-in', async () => {
    arriveWith('utm_source=x', 'partners');
    const { el, api } = await render();
    const forms = await openRequestForm(el);
    await requestLink(forms, ' dana.demo@example.com ');
    await waitUntil(() => part(forms, 'status'));
    expect(calls(api, 'requestPasswordReset')[0]).to.deep.equal({ login: 'dana.demo@example.com', resetUrl: `${location.origin}${location.pathname}` });
    expect(text(part(forms, 'title'))).to.equal('Check your email');
    expect(part(forms, 'status')).to.have.attribute('role', 'status');
    expect(text(part(forms, 'status'))).to.equal(RESET_SENT_MESSAGE);
    expect(focused()).to.equal(part(forms, 'title'));
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(forms, 'back-button')!.click();
    await waitUntil(() => part(el, 'form'));
    expect(focused()).to.equal(shadow(el, '#code'));
  });

  it('"Send the link again" opens the request form with what was typed', async () => {
    const { el } = await render();
    const forms = await openRequestForm(el);
    await requestLink(forms, 'demo');
    await waitUntil(() => part(forms, 'status'));
    shadow<HTMLButtonElement>(forms, '[part~="button"]')!.click();
    await waitUntil(() => shadow(forms, '#login'));
    expect(shadow<HTMLInputElement>(forms, '#login')!.value).to.equal('demo');
    expect(focused()).to.equal(shadow(forms, '#login'));
  });

  it('sends reset-href, made absolute, as the page the link opens', async () => {
    const { el, api } = await render({}, { resetHref: '/partners/new-password' });
    const forms = await openRequestForm(el);
    await requestLink(forms, 'demo');
    await waitUntil(() => part(forms, 'status'));
    expect(calls(api, 'requestPasswordReset')[0]).to.deep.equal({ login: 'demo', resetUrl: `${location.origin}/partners/new-password` });
  });

  it('shows the busy state while the server answers', async () => {
    const { el } = await render({ passwordReset: 'pending' });
    const forms = await openRequestForm(el);
    await requestLink(forms, 'demo');
    expect(text(part(forms, 'button'))).to.equal('Sending…');
    expect(part(forms, 'form')).to.have.attribute('aria-busy', 'true');
  });

  for (const [answer, words] of [
    ['limited', 'Too many reset requests. Try again in 15 minutes.'],
    ['network', 'The partner server could not be reached. Check your connection and try again.'],
  ] as const) {
    it(`says clearly when the server answers ${answer}, focus on the message, the form kept`, async () => {
      const { el } = await render({ passwordReset: answer });
      const forms = await openRequestForm(el);
      await requestLink(forms, 'demo');
      await waitUntil(() => part(forms, 'error'));
      expect(part(forms, 'error')).to.have.attribute('role', 'alert');
      expect(text(part(forms, 'error'))).to.equal(words);
      expect(focused()).to.equal(part(forms, 'error'));
      expect(shadow<HTMLInputElement>(forms, '#login')!.value).to.equal('demo');
      await expect(el).to.be.accessible();
    });
  }

  it('shows a 400 about the field under the field', async () => {
    const { el } = await render({ fail: { requestPasswordReset: new ApiError(400, 'invalid_request', 'login: is at most 254 characters', 'login') } });
    const forms = await openRequestForm(el);
    await requestLink(forms, 'demo');
    await waitUntil(() => shadow(forms, '#login-error'));
    expect(text(shadow(forms, '#login-error'))).to.equal('Partner code or email: is at most 254 characters');
    expect(focused()).to.equal(shadow(forms, '#login'));
  });
});

describe('<partner-login> opened from a reset link (?pc_reset=)', () => {
  it('shows "Choose a new password", refuses short and different passwords, then sets it: the token leaves the address, sign-in says so and takes focus', async () => {
    arriveWith('pc_reset=pc-reset-demo&ref=mail', 'top');
    const { el, api } = await render();
    const forms = await resetForms(el);
    expect(text(part(forms, 'title'))).to.equal('Choose a new password');
    expect(text(shadow(forms, '#new-password-hint'))).to.equal('At least 8 characters.');
    expect(shadow<HTMLInputElement>(forms, '#new-password')!.autocomplete).to.equal('new-password');
    await expect(el).to.be.accessible();

    await setPassword(forms, 'short');
    expect(text(shadow(forms, '#new-password-error'))).to.equal('Use at least 8 characters for the new password.');
    expect(focused()).to.equal(shadow(forms, '#new-password'));
    await setPassword(forms, 'a-new-secret', 'a-new-secreT');
    expect(text(shadow(forms, '#confirm-password-error'))).to.equal('The two new passwords are not the same.');
    expect(focused()).to.equal(shadow(forms, '#confirm-password'));
    expect(calls(api, 'confirmPasswordReset')).to.have.length(0);
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'partner-password-reset');
    await setPassword(forms, 'a-new-secret');
    await changed;
    await waitUntil(() => part(el, 'status'));
    expect(calls(api, 'confirmPasswordReset')[0]).to.deep.equal({ token: 'pc-reset-demo', newPassword: 'a-new-secret' });
    expect(text(part(el, 'status'))).to.equal('Password changed — sign in with your new password.');
    expect(part(el, 'status')).to.have.attribute('role', 'status');
    expect(focused()).to.equal(shadow(el, '#code'));
    const url = new URL(location.href);
    expect(url.searchParams.has('pc_reset')).to.equal(false);
    expect(url.searchParams.get('ref')).to.equal('mail');
    expect(url.hash).to.equal('#top');
    await expect(el).to.be.accessible();

    // the new password signs in; the old one no longer does
    type(shadow<HTMLInputElement>(el, '#code')!, 'demo');
    type(shadow<HTMLInputElement>(el, '#password')!, 'demo-password');
    part<HTMLButtonElement>(el, 'button')!.click();
    await waitUntil(() => part(el, 'error'));
    expect(text(part(el, 'error'))).to.equal('The partner code or password is incorrect');
    type(shadow<HTMLInputElement>(el, '#password')!, 'a-new-secret');
    part<HTMLButtonElement>(el, 'button')!.click();
    await waitUntil(() => part(el, 'signed-in'));
  });

  for (const [token, words] of [
    ['pc-reset-expired', 'This reset link has expired. Ask for a new one.'],
    ['pc-reset-used', 'This reset link was already used. Ask for a new one.'],
    ['forged-token', 'This reset link is not valid. Ask for a new one.'],
  ] as const) {
    it(`shows the server’s words for ${token} and offers a new link`, async () => {
      arriveWith(`pc_reset=${token}`);
      const { el, api } = await render();
      const forms = await resetForms(el);
      await setPassword(forms, 'a-new-secret');
      await waitUntil(() => part(forms, 'error'));
      expect(part(forms, 'error')).to.have.attribute('role', 'alert');
      expect(text(part(forms, 'error'))).to.contain(words);
      expect(focused()).to.equal(part(forms, 'error'));
      expect(part(forms, 'button')).to.have.attribute('aria-disabled', 'true');
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(forms, 'new-link-button')!.click();
      await waitUntil(() => shadow(forms, '#login'));
      expect(text(part(forms, 'title'))).to.equal('Reset your password');
      expect(focused()).to.equal(shadow(forms, '#login'));
      expect(new URL(location.href).searchParams.has('pc_reset')).to.equal(false);
      await requestLink(forms, 'demo');
      await waitUntil(() => part(forms, 'status'));
      expect(calls(api, 'requestPasswordReset')).to.have.length(1);
    });
  }

  it('shows the server’s password rule under the field', async () => {
    arriveWith('pc_reset=pc-reset-demo');
    const { el } = await render({ fail: { confirmPasswordReset: new ApiError(400, 'invalid_request', 'newPassword: is one of the most common passwords', 'newPassword') } });
    const forms = await resetForms(el);
    await setPassword(forms, 'password123');
    await waitUntil(() => shadow(forms, '#new-password-error'));
    expect(text(shadow(forms, '#new-password-error'))).to.equal('New password: is one of the most common passwords');
    expect(focused()).to.equal(shadow(forms, '#new-password'));
  });

  it('shows "Changing…" while the server answers, and a network failure without losing the form', async () => {
    arriveWith('pc_reset=pc-reset-demo');
    const busy = await render({ fail: { confirmPasswordReset: 'pending' } });
    const forms = await resetForms(busy.el);
    await setPassword(forms, 'a-new-secret');
    expect(text(part(forms, 'button'))).to.equal('Changing…');
    expect(part(forms, 'form')).to.have.attribute('aria-busy', 'true');

    const offline = await render({ fail: { confirmPasswordReset: new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.') } });
    const again = await resetForms(offline.el);
    await setPassword(again, 'a-new-secret');
    await waitUntil(() => part(again, 'error'));
    expect(text(part(again, 'error'))).to.equal('The partner server could not be reached. Check your connection and try again.');
    expect(part(again, 'new-link-button'), 'the link may still be good').to.equal(null);
    expect(new URL(location.href).searchParams.get('pc_reset')).to.equal('pc-reset-demo');
  });

  it('"Back to sign-in" leaves the link’s form and drops the token from the address', async () => {
    arriveWith('pc_reset=pc-reset-demo');
    const { el } = await render();
    const forms = await resetForms(el);
    part<HTMLButtonElement>(forms, 'back-button')!.click();
    await waitUntil(() => part(el, 'form'));
    expect(focused()).to.equal(shadow(el, '#code'));
    expect(new URL(location.href).searchParams.has('pc_reset')).to.equal(false);
  });

  it('ends this page’s session when a signed-in partner resets (the server ended them all)', async () => {
    sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
    arriveWith('pc_reset=pc-reset-demo');
    const { el } = await render();
    const forms = await resetForms(el);
    await setPassword(forms, 'a-new-secret');
    await waitUntil(() => part(el, 'status'));
    expect(sessionStore().current).to.equal(null);
    expect(part(el, 'form')).to.exist;
  });

  it('survives a hostile page: its CSS hides nothing inside, and a broken history API does not stop the reset', async () => {
    arriveWith('pc_reset=pc-reset-demo');
    const style = document.createElement('style');
    style.textContent = 'form, input, button, h2, label, p { display: none !important; } #login, #new-password { visibility: hidden !important; }';
    document.head.append(style);
    const replaceState = history.replaceState;
    history.replaceState = () => {
      throw new Error('the page broke history');
    };
    try {
      const { el } = await render();
      const forms = await resetForms(el);
      expect(getComputedStyle(shadow(forms, '#new-password')!).display).to.not.equal('none');
      expect(getComputedStyle(shadow(forms, '#new-password')!).visibility).to.equal('visible');
      await setPassword(forms, 'a-new-secret');
      await waitUntil(() => part(el, 'status'));
      expect(text(part(el, 'status'))).to.equal('Password changed — sign in with your new password.');
    } finally {
      history.replaceState = replaceState;
      style.remove();
    }
  });
});

describe('<partner-center> signed out gets the same reset', () => {
  const login = (center: PartnerCenterElement) => shadow<PartnerLoginElement>(center, 'partner-login')!;

  it('opens the request form from its sign-in and passes reset-href on', async () => {
    const api = fakeApi();
    const center = await fixture<PartnerCenterElement>(html`<partner-center .api=${api} reset-href="https://shop.example.com/partners"></partner-center>`);
    await waitUntil(() => login(center) && part(login(center), 'forgot-link'));
    const forms = await openRequestForm(login(center));
    await requestLink(forms, 'demo');
    await waitUntil(() => part(forms, 'status'));
    expect(calls(api, 'requestPasswordReset')[0]).to.deep.equal({ login: 'demo', resetUrl: 'https://shop.example.com/partners' });
    await expect(center).to.be.accessible();
  });

  it('shows "Choose a new password" when opened from the link', async () => {
    arriveWith('pc_reset=pc-reset-demo');
    const center = await fixture<PartnerCenterElement>(html`<partner-center .api=${fakeApi()}></partner-center>`);
    await waitUntil(() => login(center));
    const forms = await resetForms(login(center));
    expect(text(part(forms, 'title'))).to.equal('Choose a new password');
    await setPassword(forms, 'a-new-secret');
    await waitUntil(() => part(login(center), 'status'));
    expect(text(part(login(center), 'status'))).to.equal('Password changed — sign in with your new password.');
  });
});

describe('<partner-login> opened from an email confirmation link (?pc_confirm=)', () => {
  it('confirms the address once, says so, and drops the token from the address', async () => {
    arriveWith('pc_confirm=pc-confirm-demo&ref=mail');
    const { el, api } = await render();
    await waitUntil(() => part(el, 'email-confirmation') && !text(part(el, 'email-confirmation')).startsWith('Confirming'));
    expect(part(el, 'email-confirmation')).to.have.attribute('role', 'status');
    expect(text(part(el, 'email-confirmation'))).to.equal(`Your email address ${demoPartner.email} is confirmed. Thank you!`);
    expect(calls(api, 'confirmEmail')).to.deep.equal(['pc-confirm-demo']);
    const url = new URL(location.href);
    expect(url.searchParams.has('pc_confirm')).to.equal(false);
    expect(url.searchParams.get('ref')).to.equal('mail');
    expect(part(el, 'form'), 'the sign-in stays').to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows "Confirming…" while the server answers', async () => {
    arriveWith('pc_confirm=pc-confirm-slow');
    const { el } = await render({ fail: { confirmEmail: 'pending' } });
    expect(text(part(el, 'email-confirmation'))).to.equal('Confirming your email address…');
    expect(part(el, 'email-confirmation')).to.have.attribute('role', 'status');
  });

  it('says the confirmation could not be made when the code that confirms cannot be loaded (not "Confirming…" for ever)', async () => {
    arriveWith('pc_confirm=pc-confirm-demo');
    const api = fakeApi();
    const el = document.createElement('partner-login');
    el.api = api;
    // the actions' chunk is gone (a 404 after an upgrade): both attempts fail
    (el as unknown as { actions: LazyPart<unknown> }).actions = new LazyPart(el, () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: /chunks/partner-login.actions-old.js')),
    );
    (await fixture(html`<div></div>`)).append(el);
    await waitUntil(() => part(el, 'email-confirmation')?.getAttribute('role') === 'alert', 'the confirmation says it failed');
    expect(text(part(el, 'email-confirmation'))).to.equal('Something went wrong. Please try again.');
    expect(calls(api, 'confirmEmail')).to.deep.equal([]);
    expect(new URL(location.href).searchParams.get('pc_confirm'), 'the unused token stays for a reload').to.equal('pc-confirm-demo');
    expect(part(el, 'form'), 'the sign-in stays').to.exist;
    await expect(el).to.be.accessible();
  });

  for (const [token, words] of [
    ['pc-confirm-expired', 'This confirmation link has expired.'],
    ['pc-confirm-used', 'This confirmation link was already used.'],
    ['not-a-token', 'This confirmation link is not valid.'],
  ] as const) {
    it(`says what is wrong with ${token}`, async () => {
      arriveWith(`pc_confirm=${token}`);
      const { el } = await render();
      await waitUntil(() => part(el, 'email-confirmation')?.getAttribute('role') === 'alert');
      expect(text(part(el, 'email-confirmation'))).to.contain(words);
      expect(new URL(location.href).searchParams.has('pc_confirm')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
