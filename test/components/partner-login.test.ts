import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-login/partner-login.js';
import type { PartnerLoginElement } from '../../components/partner-login/partner-login.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, type FakeApiOptions } from '../helpers/fake-api.js';

const render = (options: FakeApiOptions = {}) => {
  const api = fakeApi(options);
  return fixture<PartnerLoginElement>(html`<partner-login .api=${api}></partner-login>`).then((el) => ({ el, api }));
};

const codeInput = (el: Element) => shadow<HTMLInputElement>(el, '#code')!;
const passwordInput = (el: Element) => shadow<HTMLInputElement>(el, '#password')!;
const submitButton = (el: Element) => part<HTMLButtonElement>(el, 'button')!;

async function signIn(el: PartnerLoginElement, code = 'demo', password = 'demo-password') {
  type(codeInput(el), code);
  type(passwordInput(el), password);
  submitButton(el).click();
  await el.updateComplete;
}

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-login> signed out', () => {
  it('shows a labelled code and password form and passes axe', async () => {
    const { el } = await render();
    expect(text(part(el, 'title'))).to.equal('Partner sign-in');
    expect(shadow(el, 'label[for="code"]')).to.have.text('Partner code');
    expect(shadow(el, 'label[for="password"]')).to.have.text('Password');
    expect(passwordInput(el).type).to.equal('password');
    expect(codeInput(el).autocomplete).to.equal('username');
    expect(part(el, 'error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the empty fields and does not call the server', async () => {
    const { el, api } = await render();
    submitButton(el).click();
    await el.updateComplete;
    expect(text(shadow(el, '#code-error'))).to.equal('Enter your partner code.');
    expect(text(shadow(el, '#password-error'))).to.equal('Enter your password.');
    expect(codeInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(codeInput(el).getAttribute('aria-describedby')).to.equal('code-error');
    expect(el.shadowRoot!.activeElement).to.equal(codeInput(el));
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows and hides the password with an announced toggle', async () => {
    const { el } = await render();
    const toggle = shadow<HTMLButtonElement>(el, 'button[aria-controls="password"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(passwordInput(el).type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('links to the merchant pages for a forgotten password and for signing up when given', async () => {
    const el = await fixture<PartnerLoginElement>(
      html`<partner-login .api=${fakeApi()} forgot-password-href="/reset" signup-href="/join"></partner-login>`,
    );
    expect(part(el, 'forgot-link')).to.have.attribute('href', '/reset');
    expect(part(el, 'signup-link')).to.have.attribute('href', '/join');
  });
});

describe('<partner-login> signing in', () => {
  it('signs in, fires partner-login, stores the session and shows who is signed in', async () => {
    const { el, api } = await render();
    type(codeInput(el), 'demo');
    type(passwordInput(el), 'demo-password');
    setTimeout(() => submitButton(el).click());
    const event = await oneEvent(el, 'partner-login');
    expect(event.detail.partner.name).to.equal('Dana Demo');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(api.calls[0]).to.deep.equal({ method: 'login', args: [{ code: 'demo', password: 'demo-password' }] });
    await el.updateComplete;
    expect(text(part(el, 'signed-in'))).to.contain('Signed in as Dana Demo (demo)');
    expect(sessionStore().current?.partner.code).to.equal('demo');
    expect(JSON.parse(sessionStorage.getItem('partner-center:session')!).token).to.equal('pc_fake-token');
    await expect(el).to.be.accessible();
  });

  it('submits with Enter from the password field', async () => {
    const { el, api } = await render();
    codeInput(el).focus();
    await sendKeys({ type: 'demo' });
    passwordInput(el).focus();
    await sendKeys({ type: 'demo-password' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'signed-in'), 'signed in after Enter');
    expect(api.calls.map((c) => c.method)).to.deep.equal(['login']);
  });

  it('is busy while the server answers and ignores a second submit', async () => {
    const { el, api } = await render({ login: 'pending' });
    await signIn(el);
    expect(text(submitButton(el))).to.equal('Signing in…');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    submitButton(el).click();
    expect(api.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a wrong password as an alert, stays on the form and clears the password', async () => {
    const { el } = await render({ login: 'invalid' });
    await signIn(el, 'demo', 'nope');
    await waitUntil(() => part(el, 'error'));
    const error = part(el, 'error')!;
    expect(error).to.have.attribute('role', 'alert');
    expect(text(error)).to.equal('The partner code or password is incorrect');
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect(passwordInput(el).value).to.equal('');
    expect(codeInput(el).value).to.equal('demo');
    expect(sessionStore().current).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the lockout once, with the wait counting down, and refuses to submit that code until it passes', async () => {
    const { el, api } = await render({ login: 'locked', retryAfter: 600 });
    await signIn(el);
    await waitUntil(() => part(el, 'error'));
    expect(text(part(el, 'error'))).to.match(/^Too many attempts for this code\. Try again in (9:5\d|10:00)\.$/);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    expect(text(submitButton(el))).to.equal('Sign in');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    await signIn(el);
    expect(api.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('locks only the code that earned it: another code signs in, the locked one (any case) still waits', async () => {
    const { el, api } = await render({ login: 'server', retryAfter: 900 });
    for (let i = 0; i < 5; i++) {
      await signIn(el, 'demx', 'demo-password');
      await waitUntil(() => text(part(el, 'error')) === 'The partner code or password is incorrect' && text(submitButton(el)) === 'Sign in');
    }
    await signIn(el, 'demx', 'demo-password');
    await waitUntil(() => text(part(el, 'error')).startsWith('Too many attempts'), 'locked for demx');
    const lockMessage = /^Too many attempts for this code\. Try again in 1[45]:\d\d\.$/;
    expect(text(part(el, 'error'))).to.match(lockMessage);
    const shadowText = () => text(el.shadowRoot as unknown as Element);
    expect(shadowText().split('Too many attempts').length - 1).to.equal(1);

    type(codeInput(el), 'demo');
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    type(passwordInput(el), 'demo-password');
    submitButton(el).click();
    await waitUntil(() => part(el, 'signed-in'), 'demo signs in although demx is locked');
    expect(sessionStore().current?.partner.code).to.equal('demo');

    part<HTMLButtonElement>(el, 'sign-out-button')!.click();
    await waitUntil(() => part(el, 'form'));
    type(codeInput(el), 'DEMX');
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.match(lockMessage);
    expect(shadowText().split('Too many attempts').length - 1).to.equal(1);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    const calls = api.calls.length;
    type(passwordInput(el), 'demo-password');
    submitButton(el).click();
    await el.updateComplete;
    expect(api.calls.length).to.equal(calls);
    await expect(el).to.be.accessible();
  });

  it("names the field of the server's validation fragment, once, on that field", async () => {
    const api = fakeApi({ fail: {} });
    api.login = () => Promise.reject(new ApiError(400, 'invalid_request', 'code: must be at most 64 characters', 'code'));
    const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${api}></partner-login>`);
    await signIn(el, 'x'.repeat(64), 'pw');
    await waitUntil(() => shadow(el, '#code-error'));
    expect(text(shadow(el, '#code-error'))).to.equal('Partner code: must be at most 64 characters');
    expect(text(el.shadowRoot as unknown as Element).split('must be at most 64').length - 1).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(codeInput(el));
  });

  it('explains a disabled account and an unreachable server', async () => {
    const disabled = await render({ login: 'disabled' });
    await signIn(disabled.el);
    await waitUntil(() => part(disabled.el, 'error'));
    expect(text(part(disabled.el, 'error'))).to.contain('disabled');
    const offline = await render({ login: 'network' });
    await signIn(offline.el);
    await waitUntil(() => part(offline.el, 'error'));
    expect(text(part(offline.el, 'error'))).to.contain('could not be reached');
  });
});

describe('<partner-login> signed in', () => {
  const start = () =>
    sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });

  it('every element on the page sees a sign-in made in another', async () => {
    // (no wrapper <div> fixture: fixture() waits a frame for plain elements, and a background tab gets none)
    const a = await fixture<PartnerLoginElement>(html`<partner-login .api=${fakeApi()}></partner-login>`);
    const b = document.createElement('partner-login');
    b.api = fakeApi();
    a.after(b);
    await b.updateComplete;
    await signIn(a);
    await waitUntil(() => part(b, 'signed-in'), 'the other element updates');
    expect(text(part(b, 'signed-in'))).to.contain('Dana Demo');
    b.remove();
  });

  it('renders signed in from a session kept over a reload', async () => {
    start();
    const { el } = await render();
    expect(part(el, 'form')).to.equal(null);
    expect(text(part(el, 'signed-in'))).to.contain('Signed in as Dana Demo');
    await expect(el).to.be.accessible();
  });

  it('signs out: calls the server, fires partner-logout and shows the form again', async () => {
    start();
    const { el, api } = await render();
    setTimeout(() => part<HTMLButtonElement>(el, 'sign-out-button')!.click());
    const event = await oneEvent(el, 'partner-logout');
    expect(event.detail).to.deep.equal({ code: 'demo', reason: 'logout' });
    expect(api.calls.map((c) => c.method)).to.deep.equal(['logout']);
    await el.updateComplete;
    expect(part(el, 'form')).to.exist;
    expect(sessionStore().current).to.equal(null);
    expect(sessionStorage.getItem('partner-center:session')).to.equal(null);
  });

  it('drops an expired session on load', async () => {
    sessionStorage.setItem(
      'partner-center:session',
      JSON.stringify({ token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString(), partner: demoPartner }),
    );
    const { SessionStore } = await import('../../src/session.js');
    expect(new SessionStore(sessionStorage).current).to.equal(null);
  });
});
