import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render as litRender, type TemplateResult } from 'lit';
import * as overviewStories from '../../stories/partner-overview.stories.js';
import '../../components/partner-overview/partner-overview.js';
import type { PartnerOverviewElement } from '../../components/partner-overview/partner-overview.component.js';
import { formatDate, formatDay } from '../../src/format.js';
import { sessionStore } from '../../src/session.js';
import { stubClipboard } from '../helpers/clipboard.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { emptyOverview, fakeApi, sampleOverview, serverError, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';

let clipboard: ReturnType<typeof stubClipboard> | undefined;
afterEach(() => {
  clipboard?.restore();
  clipboard = undefined;
  sessionStore().end();
  sessionStorage.clear();
});

async function render(options: FakeApiOptions = {}, signedIn = true, width = '') {
  if (signedIn) signInFake();
  const api = fakeApi(options);
  const el = await fixture<PartnerOverviewElement>(html`<partner-overview style=${width ? `width:${width}` : ''} .api=${api}></partner-overview>`);
  return { el, api };
}
const loaded = (el: PartnerOverviewElement) => waitUntil(() => part(el, 'tiles') || part(el, 'getting-started') || part(el, 'error'), 'the overview loads');
const tile = (el: PartnerOverviewElement, name: string) => shadow(el, `[part~="tile"][part~="${name}"]`)!;
const figure = (el: PartnerOverviewElement, name: string) => text(tile(el, name).querySelector('[part~="figure"]'));
/** The focused element, looking into shadow roots. */
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('<partner-overview> states', () => {
  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see what you earned and when you are paid.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading: placeholder tiles hold the space, a status says what is coming, the region is busy', async () => {
    const { el } = await render({ fail: { overview: 'pending' } });
    expect(part(el, 'skeleton')!.querySelectorAll('.tile')).to.have.length(4);
    expect(part(el, 'skeleton')!.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(text(part(el, 'spinner'))).to.equal('Loading your overview…');
    expect(part(el, 'base')).to.have.attribute('aria-busy', 'true');
    await expect(el).to.be.accessible();
  });

  it('error: an alert with the reason; Try again asks again and shows the figures', async () => {
    const options: FakeApiOptions = { overview: sampleOverview(), fail: { overview: serverError() } };
    const { el, api } = await render(options);
    await loaded(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('Something went wrong on the server');
    await expect(el).to.be.accessible();
    options.fail = {};
    shadow<HTMLButtonElement>(el, '[part~="error"] button')!.click();
    await waitUntil(() => part(el, 'tiles'));
    expect(api.calls.map((c) => c.method)).to.deep.equal(['overview', 'overview']);
  });

  it('populated: one request, in the local time zone, and every figure formatted', async () => {
    const overview = sampleOverview();
    const { el, api } = await render({ overview });
    await loaded(el);
    expect(api.calls).to.deep.equal([{ method: 'overview', args: [{ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }] }]);
    expect(figure(el, 'earned')).to.equal('$482.50');
    expect(text(part(el, 'change'))).to.equal('▲ Up $83.50 on last month ($399.00).');
    expect(figure(el, 'payable')).to.equal('$615.40');
    expect(figure(el, 'pending')).to.equal('$124.80');
    expect(text(part(el, 'release'))).to.equal(`On hold. $49.80 becomes payable on ${formatDate(overview.nextRelease!.at, 'en')}.`);
    expect(figure(el, 'next-payout')).to.equal(formatDay(overview.nextPayout.date!, 'en'));
    expect(text(tile(el, 'next-payout'))).to.contain('Estimated $665.20.');
    expect(text(part(el, 'minimum'))).to.equal('The minimum payout of $50.00 is reached.');
    expect(part(el, 'payout-details-hint')).to.equal(null);
    expect(text(tile(el, 'payable'))).to.contain('Yours to be paid in the next payout.');
    expect(part(el, 'getting-started')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('populated: the main link, its QR code with alt text and a download', async () => {
    const { el } = await render({ overview: sampleOverview() });
    await loaded(el);
    expect(part<HTMLInputElement>(el, 'url')!.value).to.equal('https://partners.example.com/r/demo/shop');
    expect(part(el, 'qr')).to.have.attribute('alt', 'QR code for https://partners.example.com/r/demo/shop');
    expect(part(el, 'qr')!.getAttribute('src')).to.contain('#svg-');
    expect(part(el, 'qr-download')!.getAttribute('href')).to.contain('#png-download-');
    expect(part(el, 'qr-download')).to.have.attribute('download');
    expect(text(part(el, 'qr-download'))).to.equal('Download the QR code');
  });

  it('populated: twelve weeks as three charts with text alternatives, and as a table', async () => {
    const overview = sampleOverview();
    const { el } = await render({ overview });
    await loaded(el);
    const charts = parts(el, 'chart');
    expect(charts.map((c) => c.dataset['series'])).to.deep.equal(['clicks', 'sales', 'earned']);
    const label = charts[0]!.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).to.equal(`Clicks per week since ${formatDay(overview.weeks[0]!.weekStart, 'en')}: 773 in total, most (104) in the week of ${formatDay(overview.weeks[9]!.weekStart, 'en')}.`);
    expect(text(charts[2]!.querySelector('figcaption'))).to.equal('Earned $784.00');
    const rows = part(el, 'chart-table')!.querySelectorAll('tbody tr');
    expect(rows).to.have.length(12);
    expect([...rows[9]!.children].map((c) => text(c))).to.deep.equal([formatDay(overview.weeks[9]!.weekStart, 'en'), '104', '6', '$147.00']);
  });

  it('populated: the latest ledger entries, signed as on the ledger', async () => {
    const { el } = await render({ overview: sampleOverview() });
    await loaded(el);
    const items = [...part(el, 'recent')!.querySelectorAll('li')];
    expect(items).to.have.length(5);
    expect(text(items[0]!.querySelector('.what'))).to.equal('Commission Order #10482: Trail tent 2P');
    expect(text(items[0]!.querySelector('.amount'))).to.equal('+$49.80');
    expect(text(items[2]!.querySelector('.amount'))).to.equal('−$12.00');
  });

  it('says a fall and an unchanged month in words', async () => {
    const { el } = await render({ overview: sampleOverview('USD', { earnedThisMonth: 10_000, earnedLastMonth: 25_000 }) });
    await loaded(el);
    expect(text(part(el, 'change'))).to.equal('▼ Down $150.00 on last month ($250.00).');
    const same = await render({ overview: sampleOverview('USD', { earnedThisMonth: 0, earnedLastMonth: 0 }) });
    await loaded(same.el);
    expect(text(part(same.el, 'change'))).to.equal('The same as last month ($0.00).');
  });

  it('money follows the page language and currency', async () => {
    const wrapper = await fixture(html`<div lang="de-DE"></div>`);
    signInFake();
    const el = document.createElement('partner-overview');
    el.api = fakeApi({ overview: sampleOverview('EUR') });
    wrapper.append(el);
    await loaded(el);
    expect(figure(el, 'earned')).to.equal('482,50 €');
  });

  it('on request, below the minimum, payout details missing: says so and offers to add them', async () => {
    const overview = sampleOverview('USD', {
      payableNow: 3_200,
      nextPayout: { schedule: { kind: 'on-request' }, date: null, estimatedAmount: 3_200, minimumPayout: 5_000, meetsMinimum: false, payoutDetailsMissing: true },
    });
    const { el } = await render({ overview });
    await loaded(el);
    expect(figure(el, 'next-payout')).to.equal('On request');
    expect(text(tile(el, 'next-payout'))).to.contain('You can ask for a payout once $50.00 is payable.');
    expect(part(el, 'minimum')).to.equal(null);
    expect(text(tile(el, 'payable'))).to.contain('Yours to ask for.');
    expect(part(el, 'request-button')).to.equal(null);
    const hint = part(el, 'payout-details-hint')!;
    expect(text(hint)).to.contain('Add your payout details so the merchant can pay you.');
    setTimeout(() => hint.querySelector('button')!.click());
    const event = await oneEvent(el, 'partner-navigate');
    expect(event.detail).to.deep.equal({ section: 'home', view: 'profile' });
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('on request with enough payable: "Request a payout" leads to the payouts section', async () => {
    const overview = sampleOverview('USD', {
      nextPayout: { schedule: { kind: 'on-request' }, date: null, estimatedAmount: 61_540, minimumPayout: 5_000, meetsMinimum: true, payoutDetailsMissing: false },
    });
    const { el } = await render({ overview });
    await loaded(el);
    expect(text(tile(el, 'next-payout'))).to.contain('You can ask for $615.40 now.');
    setTimeout(() => part(el, 'request-button')!.click());
    const event = await oneEvent(el, 'partner-navigate');
    expect(event.detail).to.deep.equal({ section: 'payouts' });
  });

  it('on request with a request open: says what was asked and when', async () => {
    const requestedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const overview = sampleOverview('USD', {
      nextPayout: { schedule: { kind: 'on-request' }, date: null, estimatedAmount: 61_540, minimumPayout: 5_000, meetsMinimum: true, payoutDetailsMissing: false },
      openRequest: { id: 14, amount: 61_540, currency: 'USD', status: 'open', requestedAt, decidedAt: null, note: null, paymentId: null },
    });
    const { el } = await render({ overview });
    await loaded(el);
    expect(text(tile(el, 'next-payout'))).to.contain(`You asked for $615.40 on ${formatDate(requestedAt, 'en')}. The merchant will pay it soon.`);
    expect(part(el, 'request-button')).to.equal(null);
  });

  it('no activity: a getting-started list instead of the figures', async () => {
    const { el } = await render({ overview: emptyOverview() });
    await loaded(el);
    expect(part(el, 'tiles')).to.equal(null);
    expect(part(el, 'activity')).to.equal(null);
    const steps = [...part(el, 'getting-started')!.querySelectorAll('li')].map((li) => text(li.querySelector('span')));
    expect(steps).to.deep.equal(['Copy your link and share it.', 'Pick a banner for your site.', 'Fill in your payout details, so you can be paid.']);
    expect(parts(el, 'step-button').map((b) => text(b))).to.deep.equal(['Copy your link', 'Pick a banner', 'Add payout details']);
    // the link is there to copy, and where the next payout stands
    expect(part(el, 'link')).to.exist;
    expect(part(el, 'payout-details-hint')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('no activity: "Pick a banner" asks to open the banners', async () => {
    const { el } = await render({ overview: emptyOverview() });
    await loaded(el);
    setTimeout(() => shadow<HTMLButtonElement>(el, '[data-step="banner"]')!.click());
    const event = await oneEvent(el, 'partner-navigate');
    expect(event.detail).to.deep.equal({ section: 'resources', view: 'banners' });
  });

  it('no activity: "Copy your link" copies the main link', async () => {
    clipboard = stubClipboard('async');
    const { el } = await render({ overview: emptyOverview() });
    await loaded(el);
    const button = shadow<HTMLButtonElement>(el, '[data-step="link"]')!;
    button.click();
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts).to.deep.equal(['https://partners.example.com/r/demo/shop']);
    await el.updateComplete;
    expect(text(button)).to.equal('✓ Copied');
  });

  it('no main link: offers to go to the links', async () => {
    const { el } = await render({ overview: sampleOverview('USD', { mainLink: null }) });
    await loaded(el);
    expect(text(part(el, 'link'))).to.contain('No link yet.');
    setTimeout(() => part(el, 'link')!.querySelector('button')!.click());
    const event = await oneEvent(el, 'partner-navigate');
    expect(event.detail).to.deep.equal({ section: 'resources', view: 'links' });
  });
});

describe('<partner-overview> copying and keyboard', () => {
  it('Copy puts the link on the clipboard, says Copied, announces it and fires partner-copy', async () => {
    clipboard = stubClipboard('async');
    const { el } = await render({ overview: sampleOverview() });
    await loaded(el);
    const button = part<HTMLButtonElement>(el, 'copy-button')!;
    expect(text(button)).to.equal('Copy your link');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'partner-copy');
    expect(event.detail).to.deep.equal({ kind: 'link', text: 'https://partners.example.com/r/demo/shop' });
    expect(clipboard.texts).to.deep.equal(['https://partners.example.com/r/demo/shop']);
    await el.updateComplete;
    expect(text(button)).to.equal('✓ Copied');
    expect(text(part(el, 'announcer'))).to.equal('Your link copied to the clipboard');
    await expect(el).to.be.accessible();
  });

  it('by keyboard only: Tab reaches the link, Copy, the QR download and the table of numbers; Enter copies', async () => {
    clipboard = stubClipboard('async');
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const { el } = await render({ overview: sampleOverview() });
    await loaded(el);
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const now = focused() as HTMLElement | null;
      reached.push(now?.getAttribute('part') ?? now?.localName ?? '');
    }
    expect(reached.slice(0, 3)).to.deep.equal(['url', 'copy-button', 'qr-download']);
    expect(reached[3]).to.equal('summary');
    const copy = part<HTMLButtonElement>(el, 'copy-button')!;
    copy.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts[0]).to.equal('https://partners.example.com/r/demo/shop');
  });
});

describe('<partner-overview> layout', () => {
  it('one column at 320 px, tiles side by side in a wide column; figures never wrap', async () => {
    const narrow = await render({ overview: sampleOverview('USD', { payableNow: 123_456_789 }) }, true, '320px');
    await loaded(narrow.el);
    const left = (el: PartnerOverviewElement, name: string) => tile(el, name).getBoundingClientRect().left;
    expect(left(narrow.el, 'earned')).to.equal(left(narrow.el, 'payable'));
    const big = tile(narrow.el, 'payable').querySelector<HTMLElement>('[part~="figure"]')!;
    expect(getComputedStyle(big).whiteSpace).to.equal('nowrap');
    expect(big.getClientRects()).to.have.length(1);
    await expect(narrow.el).to.be.accessible();
    const wide = await render({ overview: sampleOverview() }, true, '1400px');
    await loaded(wide.el);
    const tops = ['earned', 'payable', 'pending', 'next-payout'].map((n) => tile(wide.el, n).getBoundingClientRect().top);
    expect(new Set(tops).size).to.equal(1);
  });
});

describe('<partner-overview> stories', () => {
  const stories = Object.entries(overviewStories).filter(([key]) => key !== 'default') as [string, { render: () => TemplateResult }][];
  it('has a story for every state', () => {
    expect(stories.map(([key]) => key)).to.include.members(['Populated', 'NoActivity', 'Loading', 'LoadError', 'SignedOut', 'OnRequestCanRequest', 'OnRequestOpenRequest', 'OnRequestBelowMinimum', 'Narrow']);
  });
  for (const [name, story] of stories) {
    it(`${name} renders a deliberate state and passes axe`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      litRender(story.render(), host);
      const el = host.querySelector('partner-overview')!;
      const done = name === 'Loading' ? 'skeleton' : name === 'SignedOut' ? 'signed-out' : name === 'LoadError' ? 'error' : name.includes('NoActivity') ? 'getting-started' : 'tiles';
      await waitUntil(() => el.shadowRoot && part(el, done), `${name}: ${done}`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<partner-overview> monthly below the minimum', () => {
  it('says the estimate carries over until the minimum is reached', async () => {
    const overview = sampleOverview('USD', {
      nextPayout: { schedule: { kind: 'monthly', day: 15 }, date: '2026-12-15', estimatedAmount: 2_100, minimumPayout: 5_000, meetsMinimum: false, payoutDetailsMissing: false },
    });
    const { el } = await render({ overview });
    await loaded(el);
    expect(figure(el, 'next-payout')).to.equal(formatDay('2026-12-15', 'en'));
    expect(text(tile(el, 'next-payout'))).to.contain('Estimated $21.00.');
    expect(text(part(el, 'minimum'))).to.equal('Below the minimum payout of $50.00: it carries over until it is reached.');
  });
});

describe('<partner-overview> session', () => {
  it('signing out elsewhere on the page hides the figures at once', async () => {
    const { el } = await render({ overview: sampleOverview() });
    await loaded(el);
    sessionStore().end();
    await el.updateComplete;
    expect(part(el, 'tiles')).to.equal(null);
    expect(part(el, 'signed-out')).to.exist;
  });
});

describe('<partner-overview> lazily loaded view', () => {
  it('shows the placeholder from the first signed-in render until both the view and the figures are here', async () => {
    signInFake();
    const el = document.createElement('partner-overview');
    el.api = fakeApi({ overview: sampleOverview() });
    // what each render showed, and whether the region said it was busy
    const seen: string[] = [];
    el.addController({
      hostUpdated: () => {
        const busy = part(el, 'base')!.getAttribute('aria-busy');
        seen.push(`${part(el, 'skeleton') ? 'skeleton' : part(el, 'tiles') ? 'tiles' : 'other'} busy=${busy}`);
      },
    });
    (await fixture(html`<div></div>`)).append(el);
    await el.updateComplete;
    await loaded(el);
    expect(seen[0]).to.equal('skeleton busy=true');
    expect(seen.at(-1)).to.equal('tiles busy=false');
    expect(seen.filter((s) => s !== 'skeleton busy=true' && s !== 'tiles busy=false')).to.deep.equal([]);
    expect(part(el, 'spinner')).to.equal(null);
    expect(part(el, 'announcer')).to.have.attribute('role', 'status');
    await expect(el).to.be.accessible();
  });
});
