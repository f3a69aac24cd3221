import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-signup/partner-signup.js';
import type { PartnerSignupElement } from '../../components/partner-signup/partner-signup.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { demoPartner, fakeApi, type FakeApiOptions } from '../helpers/fake-api.js';

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

const render = async (options: FakeApiOptions = {}, attrs = '') => {
  const api = fakeApi(options);
  const el = await fixture<PartnerSignupElement>(
    attrs ? html`<partner-signup .api=${api} terms-href="/terms" referrer-code="mentor"></partner-signup>` : html`<partner-signup .api=${api}></partner-signup>`,
  );
  return { el, api };
};

function fill(el: PartnerSignupElement, values: Partial<Record<'name' | 'email' | 'code' | 'password', string>> & { terms?: boolean }) {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'terms') continue;
    type(shadow<HTMLInputElement>(el, `#${name}`)!, value as string);
  }
  shadow<HTMLInputElement>(el, '#acceptTerms')!.checked = values.terms ?? true;
}
const submit = (el: PartnerSignupElement) => part<HTMLButtonElement>(el, 'button')!.click();
const good = { name: 'Nia New', email: 'nia@example.com', code: 'nia', password: 'nia-password-1' };

describe('<partner-signup>', () => {
  it('shows a labelled form and passes axe', async () => {
    const { el } = await render({}, 'links');
    for (const label of ['Name', 'Email', 'Partner code', 'Password']) {
      expect([...el.shadowRoot!.querySelectorAll('label')].map((l) => text(l))).to.include(label);
    }
    expect(shadow(el, 'label[for="acceptTerms"] a')).to.have.attribute('href', '/terms');
    await expect(el).to.be.accessible();
  });

  it('names every invalid field and focuses the first, without calling the server', async () => {
    const { el, api } = await render();
    fill(el, { name: '', email: 'x', code: 'a b', password: 'short', terms: false });
    submit(el);
    await el.updateComplete;
    expect(text(shadow(el, '#email-error'))).to.equal('Enter a valid email address.');
    expect(text(shadow(el, '#code-error'))).to.contain('2 to 32 letters');
    expect(text(shadow(el, '#password-error'))).to.equal('Use at least 8 characters.');
    expect(text(shadow(el, '#acceptTerms-error'))).to.equal('Accept the program terms to sign up.');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#name'));
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('signs up pending approval: confirms, fires partner-signup, carries the referrer', async () => {
    const { el, api } = await render({}, 'links');
    fill(el, good);
    setTimeout(() => submit(el));
    const event = await oneEvent(el, 'partner-signup');
    expect(event.detail.status).to.equal('pending');
    await el.updateComplete;
    expect(part(el, 'success')).to.have.attribute('role', 'status');
    // says what happens next, and promises no email (the server sends none), whatever the server's words
    expect(text(part(el, 'success'))).to.equal('Thanks for signing up! The program owner will review your application; sign in once approved.');
    expect(api.calls[0]!.args[0]).to.deep.equal({ ...good, acceptTerms: true, referrerCode: 'mentor' });
    expect(sessionStore().current).to.equal(null);
  });

  it("names the field in the server's validation fragments by the form's label", async () => {
    const { el } = await render({ fail: { signup: new ApiError(400, 'invalid_request', 'name: must be at most 120 characters', 'name') } });
    fill(el, good);
    submit(el);
    await waitUntil(() => shadow(el, '#name-error'));
    expect(text(shadow(el, '#name-error'))).to.equal('Name: must be at most 120 characters');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#name'));

    const referrer = await render({ fail: { signup: new ApiError(400, 'invalid_request', 'referrerCode: must be at most 32 characters', 'referrerCode') } });
    fill(referrer.el, good);
    submit(referrer.el);
    await waitUntil(() => part(referrer.el, 'error'));
    expect(text(part(referrer.el, 'error'))).to.equal('Referred by: must be at most 32 characters');
  });

  it('open programs sign the new partner in at once', async () => {
    const { el } = await render({ signup: 'active' });
    fill(el, good);
    setTimeout(() => submit(el));
    const login = await oneEvent(el, 'partner-login');
    expect(login.detail.partner.code).to.equal('nia');
    expect(sessionStore().current?.token).to.equal('pc_new');
  });

  it('puts a taken code next to the code field', async () => {
    const { el } = await render({ fail: { signup: new ApiError(409, 'code_taken', 'The partner code "nia" is taken', 'code') } });
    fill(el, good);
    submit(el);
    await waitUntil(() => shadow(el, '#code-error'));
    expect(text(shadow(el, '#code-error'))).to.equal('The partner code "nia" is taken');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#code'));
  });

  it('shows a closed program as an alert', async () => {
    const { el } = await render({ fail: { signup: new ApiError(403, 'signup_closed', 'The partner program is not taking sign-ups right now.') } });
    fill(el, good);
    submit(el);
    await waitUntil(() => part(el, 'error'));
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    await expect(el).to.be.accessible();
  });

  it('busy while the server answers', async () => {
    const { el } = await render({ fail: { signup: 'pending' } });
    fill(el, good);
    submit(el);
    await el.updateComplete;
    expect(text(part(el, 'button'))).to.equal('Signing up…');
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
  });

  it('tells a signed-in partner they are one already', async () => {
    sessionStore().start({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    const { el } = await render();
    expect(text(part(el, 'signed-in'))).to.contain('you are a partner already');
    expect(part(el, 'form')).to.equal(null);
  });
});
