import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-recruits/partner-recruits.js';
import '../../components/partner-signup/partner-signup.js';
import { recruitLink, type PartnerRecruitsElement } from '../../components/partner-recruits/partner-recruits.component.js';
import { ApiError } from '../../src/api/errors.js';
import { sessionStore } from '../../src/session.js';
import { stubClipboard } from '../helpers/clipboard.js';
import { expectViewLoadedWithData } from '../helpers/lazy-view.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeApi, sampleRecruits, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';

let clipboard: ReturnType<typeof stubClipboard> | undefined;
afterEach(() => {
  clipboard?.restore();
  clipboard = undefined;
  sessionStore().end();
  sessionStorage.clear();
});

async function render(options: FakeApiOptions = {}, signedIn = true, signupHref?: string) {
  if (signedIn) signInFake();
  const api = fakeApi(options);
  const el = await fixture<PartnerRecruitsElement>(html`<partner-recruits .api=${api} signup-href=${signupHref ?? ''}></partner-recruits>`);
  return { el, api };
}
const settled = (el: PartnerRecruitsElement) => waitUntil(() => el.hidden || part(el, 'table') || part(el, 'empty') || part(el, 'error'), 'the recruits load');

describe('<partner-recruits>', () => {
  it('loads its view while the answer is read: the spinner until both are here, then the link and the table', async () => {
    // first in this file: the first signed-in element of the page, whose view's code is not here yet
    const el = await expectViewLoadedWithData({ tag: 'partner-recruits', read: 'recruits', loading: 'Loading your recruits…', populated: 'table', api: { recruitsData: sampleRecruits() } });
    expect(part(el, 'link')).to.exist;
  });

  it('no second tier: hidden and empty, after one request', async () => {
    const { el, api } = await render();
    await settled(el);
    expect(el.hidden).to.equal(true);
    expect(el.shadowRoot!.children.length === 0 || !part(el, 'base')).to.equal(true);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(api.calls.map((c) => c.method)).to.deep.equal(['recruits']);
  });

  it('populated: the recruit link with ?ref=, the rates in words, each recruit with what they earned you, and the total', async () => {
    const { el } = await render({ recruitsData: sampleRecruits() }, true, 'https://shop.example.com/partners/join?utm=x#top');
    await settled(el);
    expect(el.hidden).to.equal(false);
    expect(text(part(el, 'title'))).to.equal('Recruit partners');
    expect(part<HTMLInputElement>(el, 'link')!.value).to.equal('https://shop.example.com/partners/join?utm=x&ref=demo');
    expect(parts(el, 'rates')[0]!.querySelectorAll('li')).to.have.length(2);
    expect(text(part(el, 'rates'))).to.contain('Northwind Outfitters: you earn 10% of each sale your recruits make.');
    expect(text(part(el, 'rates'))).to.contain('Gold partners: you earn $5.00 for each sale your recruits make.');
    const rows = parts(el, 'row').map((r) => [...r.children].map((c) => text(c)));
    expect(rows).to.deep.equal([
      ['Robin Reyes', 'Feb 14, 2026', '$124.50'],
      ['Sam Okafor', 'Mar 2, 2026', '$31.20'],
      ['Kim Nguyen', 'Apr 20, 2026', '$0.00'],
    ]);
    expect(text(part(el, 'total'))).to.equal('Total earned from recruits $155.70');
    await expect(el).to.be.accessible();
  });

  it('the recruit link defaults to this page and is copied by keyboard, announced', async () => {
    clipboard = stubClipboard('async');
    const { el } = await render({ recruitsData: sampleRecruits() });
    await settled(el);
    const expected = recruitLink(location.href, 'demo');
    expect(new URL(expected).searchParams.get('ref')).to.equal('demo');
    expect(part<HTMLInputElement>(el, 'link')!.value).to.equal(expected);
    part(el, 'copy-button')!.focus();
    const copied = oneEvent(el, 'partner-copy');
    await sendKeys({ press: 'Enter' });
    expect((await copied).detail).to.deep.equal({ kind: 'link', text: expected });
    expect(clipboard.texts).to.deep.equal([expected]);
    await waitUntil(() => text(part(el, 'announcer')).startsWith('Recruit link copied'));
    expect(text(part(el, 'copy-button'))).to.contain('Copied');
  });

  it('enabled with nobody yet: the link and an empty state, no table', async () => {
    const { el } = await render({ recruitsData: { ...sampleRecruits(), recruits: [], earnedTotal: 0 } });
    await settled(el);
    expect(text(part(el, 'empty'))).to.equal('Nobody has signed up with your link yet.');
    expect(part(el, 'table')).to.equal(null);
    expect(part(el, 'link')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('loading: an announced spinner and a busy region', async () => {
    const { el } = await render({ fail: { recruits: 'pending' } });
    expect(text(part(el, 'spinner'))).to.equal('Loading your recruits…');
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(part(el, 'base')).to.have.attribute('aria-busy', 'true');
    await expect(el).to.be.accessible();
  });

  it('error: an alert with the reason; Try again loads again', async () => {
    const options: FakeApiOptions = { fail: { recruits: new ApiError(500, 'internal_error', 'Something went wrong on the server') }, recruitsData: sampleRecruits() };
    const { el, api } = await render(options);
    await settled(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('Something went wrong on the server');
    await expect(el).to.be.accessible();
    delete options.fail;
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => part(el, 'table'));
    expect(api.calls.filter((c) => c.method === 'recruits')).to.have.length(2);
  });

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see the partners you brought in.');
    expect(el.hidden).to.equal(false);
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the recruit link works: <partner-signup> on that page sends the ?ref= code as referrerCode', async () => {
    const { el } = await render({ recruitsData: sampleRecruits() });
    await settled(el);
    const link = new URL(part<HTMLInputElement>(el, 'link')!.value);
    const before = location.href;
    history.replaceState(null, '', link.pathname + link.search);
    try {
      sessionStore().end(); // the visitor who follows the link is nobody signed in
      const api = fakeApi();
      const signup = await fixture(html`<partner-signup .api=${api}></partner-signup>`);
      for (const [id, value] of Object.entries({ name: 'Nia New', email: 'nia@example.com', code: 'nia', password: 'nia-password-1' })) type(shadow<HTMLInputElement>(signup, `#${id}`)!, value);
      shadow<HTMLInputElement>(signup, '#acceptTerms')!.checked = true;
      part<HTMLButtonElement>(signup, 'button')!.click();
      await waitUntil(() => api.calls.some((c) => c.method === 'signup'));
      expect((api.calls.find((c) => c.method === 'signup')!.args[0] as { referrerCode?: string }).referrerCode).to.equal('demo');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
