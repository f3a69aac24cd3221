import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-password-reset/partner-password-reset.js';
import type { PartnerPasswordResetElement } from '../../components/partner-password-reset/partner-password-reset.component.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { fakeApi, RESET_SENT_MESSAGE } from '../helpers/fake-api.js';

/** The element focused, through the shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the submit code (partner-password-reset.actions.ts) has arrived. */
const actionsHere = (el: PartnerPasswordResetElement) => (el as unknown as { actions: { value?: unknown } }).actions.value !== undefined;

describe('<partner-password-reset> on a page of its own', () => {
  afterEach(() => document.querySelectorAll('partner-password-reset').forEach((el) => el.remove()));

  it('renders its form in the first download, and a submit before the submit code arrived waits for it', async () => {
    const el = document.createElement('partner-password-reset');
    el.api = fakeApi();
    document.body.append(el);
    const firstRender = new Promise<{ title: string; field: boolean; actions: boolean }>((resolve) => {
      // the first render's DOM, seen before anything else runs (the import it starts is still on its way)
      new MutationObserver((_, observer) => {
        observer.disconnect();
        resolve({ title: text(part(el, 'title')), field: !!shadow(el, '#login'), actions: actionsHere(el) });
        part<HTMLFormElement>(el, 'form')!.requestSubmit();
      }).observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    const seen = await firstRender;
    expect(seen).to.deep.equal({ title: 'Reset your password', field: true, actions: false });
    await waitUntil(() => shadow(el, '#login-error'), 'the empty field is named once the code is here');
    expect(text(shadow(el, '#login-error'))).to.equal('Enter your partner code or email address.');
    expect(focused()).to.equal(shadow(el, '#login'));
  });

  it('sends the link, says so, and "Send the link again" goes back to the form', async () => {
    const api = fakeApi();
    const el = await fixture<PartnerPasswordResetElement>(html`<partner-password-reset .api=${api} login-href="/sign-in"></partner-password-reset>`);
    expect(actionsHere(el), 'fetched right after the first render').to.equal(true);
    type(shadow<HTMLInputElement>(el, '#login')!, 'demo');
    part<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => part(el, 'status'));
    expect(text(part(el, 'title'))).to.equal('Check your email');
    expect(text(part(el, 'status'))).to.equal(RESET_SENT_MESSAGE);
    expect(part(el, 'back-button')).to.have.attribute('href', '/sign-in');
    expect(focused()).to.equal(part(el, 'title'));
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'button')!.click();
    await waitUntil(() => shadow(el, '#login'));
    expect(focused()).to.equal(shadow(el, '#login'));
  });

  it('sets the new password from a link and links to the sign-in', async () => {
    const el = await fixture<PartnerPasswordResetElement>(
      html`<partner-password-reset .api=${fakeApi()} .token=${'pc-reset-demo'} login-href="/sign-in"></partner-password-reset>`,
    );
    expect(text(part(el, 'title'))).to.equal('Choose a new password');
    type(shadow<HTMLInputElement>(el, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(el, '#confirm-password')!, 'a-new-secret');
    const changed = oneEvent(el, 'partner-password-reset');
    part<HTMLFormElement>(el, 'form')!.requestSubmit();
    await changed;
    await waitUntil(() => part(el, 'status'));
    expect(text(part(el, 'title'))).to.equal('Password changed');
    expect(text(part(el, 'status'))).to.equal('Password changed — sign in with your new password.');
    expect(part(el, 'back-button')).to.have.attribute('href', '/sign-in');
    expect(text(part(el, 'back-button'))).to.equal('Sign in');
    expect(focused()).to.equal(part(el, 'title'));
    await expect(el).to.be.accessible();
  });
});
