import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render as litRender, type TemplateResult } from 'lit';
import * as payoutsStories from '../../stories/partner-payouts.stories.js';
import '../../components/partner-payouts/partner-payouts.js';
import type { PartnerPayoutsElement } from '../../components/partner-payouts/partner-payouts.component.js';
import { ApiError } from '../../src/api/errors.js';
import { formatDate } from '../../src/format.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, text } from '../helpers/dom.js';
import { fakeApi, samplePayouts, serverError, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

async function render(options: FakeApiOptions = {}, signedIn = true, width = '') {
  if (signedIn) signInFake();
  const api = fakeApi(options);
  const el = await fixture<PartnerPayoutsElement>(html`<partner-payouts style=${width ? `width:${width}` : ''} .api=${api}></partner-payouts>`);
  return { el, api };
}
const loaded = (el: PartnerPayoutsElement) => waitUntil(() => part(el, 'schedule') || part(el, 'error'), 'the payouts load');
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
const cells = (row: Element) => [...row.children].map((c) => text(c));

describe('<partner-payouts> states', () => {
  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see your payouts.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading: an announced spinner', async () => {
    const { el } = await render({ fail: { payouts: 'pending' } });
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(text(part(el, 'spinner'))).to.equal('Loading your payouts…');
    expect(part(el, 'base')).to.have.attribute('aria-busy', 'true');
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until both the payouts and the populated view’s code are here, then the payouts', async () => {
    signInFake();
    const el = document.createElement('partner-payouts') as PartnerPayoutsElement;
    el.api = fakeApi({ payoutsData: samplePayouts('can-request') });
    // what each update showed, as the partner saw it
    const seen: string[] = [];
    const busy = () => part(el, 'base')!.getAttribute('aria-busy');
    el.addController({
      hostUpdated: () => void seen.push(part(el, 'schedule') ? `payouts, busy ${busy()}` : part(el, 'spinner') ? `loading: ${text(part(el, 'spinner'))}, busy ${busy()}` : 'other'),
    });
    document.body.append(el);
    await el.updateComplete;
    expect(seen[0], 'the signed-in first render').to.equal('loading: Loading your payouts…, busy true');
    // updateComplete waited for the view's code (the payouts come at once)
    await waitUntil(() => part(el, 'schedule'), 'the payouts shown');
    const first = seen.indexOf('payouts, busy false');
    expect(first, seen.join('; ')).to.be.greaterThan(0);
    expect(seen.slice(0, first).every((s) => s === 'loading: Loading your payouts…, busy true'), seen.join('; ')).to.equal(true);
    expect(seen.slice(first).every((s) => s === 'payouts, busy false'), seen.join('; ')).to.equal(true);
    expect(part(el, 'spinner')).to.equal(null);
    expect(text(part(el, 'request-button'))).to.equal('Request payout of $615.40');
    // the view's styles arrived with it
    expect(getComputedStyle(part(el, 'schedule')!).display).to.equal('grid');
    el.remove();
  });

  it('error: an alert with the reason; Try again loads again', async () => {
    const options: FakeApiOptions = { payoutsData: samplePayouts('monthly'), fail: { payouts: serverError() } };
    const { el, api } = await render(options);
    await loaded(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('Something went wrong on the server');
    await expect(el).to.be.accessible();
    options.fail = {};
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => part(el, 'schedule'));
    expect(api.calls.map((c) => c.method)).to.deep.equal(['payouts', 'payouts']);
  });

  it('monthly: when payouts are made, the minimum, and the history with date, amount, method and reference', async () => {
    const answer = samplePayouts('monthly');
    const { el } = await render({ payoutsData: answer });
    await loaded(el);
    expect(text(part(el, 'schedule'))).to.equal('Payable now $615.40 Payouts are made monthly, on day 1 of the month, when at least $50.00 is payable.');
    expect(part(el, 'request-button')).to.equal(null);
    expect(part(el, 'requests')).to.equal(null);
    const rows = parts(el, 'row');
    expect(rows.map(cells)).to.deep.equal([
      [formatDate(answer.payouts[0]!.at, 'en'), '$520.00', 'Bank transfer', 'NW-2026-0117'],
      [formatDate(answer.payouts[1]!.at, 'en'), '$483.50', 'PayPal', '—'],
      [formatDate(answer.payouts[2]!.at, 'en'), '$61.00', '—', '—'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('no payouts yet: says so', async () => {
    const { el } = await render({ payoutsData: samplePayouts('none') });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No payouts yet. Payments the merchant makes to you appear here.');
    expect(part(el, 'payouts')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-payouts> requests', () => {
  it('can request: the payable amount and a Request payout button', async () => {
    const { el } = await render({ payoutsData: samplePayouts('can-request') });
    await loaded(el);
    expect(text(part(el, 'payable'))).to.equal('Payable now $615.40');
    expect(text(part(el, 'schedule'))).to.contain('Payouts are made when you ask for one, from $50.00.');
    expect(text(part(el, 'request-button'))).to.equal('Request payout of $615.40');
    expect(parts(el, 'request').map((r) => r.dataset['status'])).to.deep.equal(['paid', 'cancelled']);
    expect(text(parts(el, 'request')[1]!.querySelector('.badge'))).to.equal('Withdrawn');
    expect(text(parts(el, 'request')[0]!.querySelector('.detail'))).to.match(/^Paid on /);
    await expect(el).to.be.accessible();
  });

  it('request → the open request shows with Withdraw, focused, and the result is announced', async () => {
    const { el, api } = await render({ payoutsData: samplePayouts('can-request') });
    await loaded(el);
    part<HTMLButtonElement>(el, 'request-button')!.click();
    await waitUntil(() => part(el, 'open-request'), 'the open request');
    await waitUntil(() => focused() === part(el, 'withdraw-button'), 'focus on Withdraw');
    expect(api.calls.map((c) => c.method)).to.deep.equal(['payouts', 'requestPayout', 'payouts']);
    expect(text(part(el, 'open-request'))).to.contain(`You asked for $615.40 on ${formatDate(new Date(), 'en')}. Waiting for the merchant.`);
    expect(part(el, 'request-button')).to.equal(null);
    expect(parts(el, 'request')[0]!.dataset['status']).to.equal('open');
    expect(text(part(el, 'status'))).to.equal('Payout of $615.40 requested. The merchant will pay it soon.');
    await expect(el).to.be.accessible();
  });

  it('withdraw → the request shows as withdrawn, Request payout comes back and takes focus', async () => {
    const { el, api } = await render({ payoutsData: samplePayouts('open') });
    await loaded(el);
    expect(text(part(el, 'open-request'))).to.contain('Waiting for the merchant.');
    part<HTMLButtonElement>(el, 'withdraw-button')!.click();
    await waitUntil(() => part(el, 'request-button'), 'Request payout again');
    await waitUntil(() => focused() === part(el, 'request-button'), 'focus on Request payout');
    expect(api.calls.map((c) => c.method)).to.deep.equal(['payouts', 'cancelPayoutRequest', 'payouts']);
    expect(api.calls[1]!.args).to.deep.equal([14]);
    expect(part(el, 'open-request')).to.equal(null);
    expect(text(parts(el, 'request')[0]!.querySelector('.badge'))).to.equal('Withdrawn');
    expect(text(part(el, 'status'))).to.equal('Request withdrawn.');
    await expect(el).to.be.accessible();
  });

  it('a refused request (409) shows the server’s reason as an alert, and focus stays on the button', async () => {
    const reason = 'You can ask for a payout once $50.00 is payable; $32.00 is payable now.';
    const { el } = await render({ payoutsData: samplePayouts('can-request'), fail: { requestPayout: new ApiError(409, 'payout_request_not_allowed', reason) } });
    await loaded(el);
    const button = part<HTMLButtonElement>(el, 'request-button')!;
    button.focus();
    button.click();
    await waitUntil(() => part(el, 'action-error'), 'the refusal');
    expect(part(el, 'action-error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'action-error'))).to.equal(reason);
    expect(focused()).to.equal(part(el, 'request-button'));
    await expect(el).to.be.accessible();
  });

  it('below the minimum: no button, the reason instead', async () => {
    const { el } = await render({ payoutsData: samplePayouts('below-minimum') });
    await loaded(el);
    expect(part(el, 'request-button')).to.equal(null);
    expect(text(part(el, 'cannot-request'))).to.equal('You can ask for a payout once $50.00 is payable; $32.00 is payable now.');
    expect(text(part(el, 'payable'))).to.equal('Payable now $32.00');
    await expect(el).to.be.accessible();
  });

  it('declined: the state and the merchant’s note', async () => {
    const { el } = await render({ payoutsData: samplePayouts('declined') });
    await loaded(el);
    const declined = parts(el, 'request')[0]!;
    expect(declined.dataset['status']).to.equal('declined');
    expect(text(declined.querySelector('.badge'))).to.equal('Declined');
    expect(text(declined.querySelector('[part~="note"]'))).to.equal("The merchant's note: Two orders are still in their return window; ask again next week.");
    expect(part(el, 'request-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('by keyboard only: Tab reaches Request payout; Enter asks, then Withdraw by Enter', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const { el, api } = await render({ payoutsData: samplePayouts('can-request') });
    await loaded(el);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part(el, 'request-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === part(el, 'withdraw-button'), 'focus on Withdraw');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === part(el, 'request-button'), 'focus back on Request payout');
    expect(api.calls.map((c) => c.method)).to.deep.equal(['payouts', 'requestPayout', 'payouts', 'cancelPayoutRequest', 'payouts']);
  });

  it('in a 320 px container the tables stack, amounts stay on one line, and it stays accessible', async () => {
    const { el } = await render({ payoutsData: samplePayouts('declined') }, true, '320px');
    await loaded(el);
    expect(getComputedStyle(parts(el, 'row')[0]!).display).to.equal('block');
    const amount = parts(el, 'row')[0]!.querySelector<HTMLElement>('.money')!;
    expect(amount.getClientRects()).to.have.length(1);
    // a row's amount reads at body size: only the payable figure is a headline
    expect(getComputedStyle(amount).fontSize).to.equal(getComputedStyle(el).fontSize);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-payouts> stories', () => {
  const stories = Object.entries(payoutsStories).filter(([key]) => key !== 'default') as [string, { render: () => TemplateResult }][];
  it('has a story for every state', () => {
    expect(stories.map(([key]) => key)).to.include.members(['Monthly', 'NoPayouts', 'OnRequestCanRequest', 'OnRequestOpenRequest', 'OnRequestDeclined', 'OnRequestBelowMinimum', 'Loading', 'LoadError', 'SignedOut', 'Narrow']);
  });
  for (const [name, story] of stories) {
    it(`${name} renders a deliberate state and passes axe`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      litRender(story.render(), host);
      const el = host.querySelector('partner-payouts')!;
      const done = name === 'Loading' ? 'spinner' : name === 'SignedOut' ? 'signed-out' : name === 'LoadError' ? 'error' : 'schedule';
      await waitUntil(() => el.shadowRoot && part(el, done), `${name}: ${done}`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<partner-payouts> session', () => {
  it('signing out elsewhere on the page hides the payouts at once', async () => {
    const { el } = await render({ payoutsData: samplePayouts('monthly') });
    await loaded(el);
    sessionStore().end();
    await el.updateComplete;
    expect(part(el, 'payouts')).to.equal(null);
    expect(part(el, 'signed-out')).to.exist;
  });
});
