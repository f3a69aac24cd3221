import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-banners/partner-banners.js';
import type { PartnerBannersElement } from '../../components/partner-banners/partner-banners.component.js';
import { expectViewLoadedWithData } from '../helpers/lazy-view.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { demoBanners, type FakeApiOptions } from '../helpers/fake-api.js';
import { resourceElement } from '../helpers/resource-element.js';

const { render, loaded, stubClipboard } = resourceElement<PartnerBannersElement>('partner-banners', 'gallery', 'banners');
const banner = (el: Element, id: number) => shadow(el, `[data-banner-id="${id}"]`)!;
const select = (el: Element) => part<HTMLSelectElement>(el, 'size-filter')!;
const shownNames = (el: Element) => parts(el, 'banner').map((b) => text(b.querySelector('h3')));


describe('<partner-banners>', () => {
  it('loads its view while the banners load: the spinner until both are here, then the gallery', async () => {
    // first in this file: the first signed-in element of the page, whose view's code is not here yet
    await expectViewLoadedWithData({ tag: 'partner-banners', read: 'banners', loading: 'Loading banners…', populated: 'gallery' });
  });

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to get banners that carry your link.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading, error with retry, and empty', async () => {
    const pending = await render({ banners: 'pending' });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading banners…');
    expect(part(pending.el, 'base')).to.have.attribute('aria-busy', 'true');
    await expect(pending.el).to.be.accessible();

    const options: FakeApiOptions = { banners: 'error' };
    const failed = await render(options);
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(failed.el, 'error'))).to.contain('could not be reached');
    await expect(failed.el).to.be.accessible();
    options.banners = 'empty';
    shadow<HTMLButtonElement>(failed.el, '[part~="error"] button')!.click();
    await waitUntil(() => part(failed.el, 'empty'));
    expect(text(part(failed.el, 'empty'))).to.equal('No banners yet.');
    expect(failed.api.calls.map((c) => c.method)).to.deep.equal(['banners', 'banners']);
    await expect(failed.el).to.be.accessible();
  });

  it('populated: each banner at its real size with alt text, its size and its HTML snippet', async () => {
    const { el } = await render();
    await loaded(el);
    expect(shownNames(el)).to.deep.equal(['Spring sale leaderboard', 'Boots rectangle', 'Second rectangle', 'Skyscraper']);
    const first = banner(el, 1);
    const img = first.querySelector<HTMLImageElement>('[part~="image"]')!;
    expect(img.getAttribute('width')).to.equal('728');
    expect(img.getAttribute('height')).to.equal('90');
    expect(img.alt).to.equal('Spring sale: 20% off boots');
    expect(img.getAttribute('src')).to.equal(demoBanners[0]!.imageUrl);
    expect(text(first.querySelector('[part~="size"]'))).to.equal('728 × 90 px');
    const snippet = first.querySelector<HTMLTextAreaElement>('[part~="snippet"]')!;
    expect(snippet.value).to.equal(demoBanners[0]!.html);
    expect(snippet.readOnly).to.equal(true);
    expect(snippet.value).to.contain('href="https://partners.example.com/r/demo/spring-sale"');
    await expect(el).to.be.accessible();
  });

  it('scales a wide banner down to fit, keeping its proportions', async () => {
    const { el } = await render({}, true, 'width: 320px');
    await loaded(el);
    const img = banner(el, 1).querySelector<HTMLImageElement>('[part~="image"]')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image loads');
    expect(img.naturalWidth).to.equal(728);
    const box = img.getBoundingClientRect();
    expect(box.width).to.be.below(320);
    expect(box.width / box.height).to.be.closeTo(728 / 90, 0.2);
    const small = banner(el, 2).querySelector<HTMLImageElement>('[part~="image"]')!;
    await waitUntil(() => small.complete && small.naturalWidth > 0);
    expect(small.getBoundingClientRect().width).to.be.at.most(300);
  });

  it('filters by size and announces how many are shown', async () => {
    const { el } = await render();
    await loaded(el);
    expect([...select(el).options].map((o) => [o.value, o.textContent!.trim()])).to.deep.equal([
      ['', 'All sizes (4)'],
      ['728x90', '728 × 90 (1)'],
      ['300x250', '300 × 250 (2)'],
      ['160x600', '160 × 600 (1)'],
    ]);
    select(el).value = '300x250';
    select(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shownNames(el)).to.deep.equal(['Boots rectangle', 'Second rectangle']);
    expect(text(part(el, 'announcer'))).to.equal('2 banners shown');
    await expect(el).to.be.accessible();
    select(el).value = '';
    select(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shownNames(el)).to.have.length(4);
  });

  it('filters by keyboard', async () => {
    const { el } = await render();
    await loaded(el);
    select(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => parts(el, 'banner').length === 1, 'one size shown');
    expect(shownNames(el)).to.deep.equal(['Spring sale leaderboard']);
  });

  it('copies the HTML snippet with a visible and announced confirmation and fires partner-copy', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    const button = banner(el, 2).querySelector<HTMLButtonElement>('[part~="copy-button"]')!;
    expect(text(button)).to.equal('Copy HTML for Boots rectangle');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'partner-copy');
    expect(event.detail).to.deep.equal({ kind: 'banner-html', text: demoBanners[1]!.html });
    expect(clipboard.texts).to.deep.equal([demoBanners[1]!.html]);
    await el.updateComplete;
    expect(text(button)).to.equal('✓ Copied');
    expect(text(part(el, 'announcer'))).to.equal('Banner HTML copied to the clipboard');
    await expect(el).to.be.accessible();
  });

  it('shows merchant text as text, never as markup', async () => {
    const evil = { ...demoBanners[0]!, name: '<img src=x onerror="window.__bannerPwned=1">', alt: '"><script>window.__bannerPwned=1</script>' };
    const { el } = await render({ bannersData: [evil] });
    await loaded(el);
    expect(text(banner(el, 1).querySelector('h3'))).to.equal('<img src=x onerror="window.__bannerPwned=1">');
    expect(banner(el, 1).querySelector('h3 img')).to.equal(null);
    expect(banner(el, 1).querySelector<HTMLImageElement>('[part~="image"]')!.alt).to.equal(evil.alt);
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect((window as { __bannerPwned?: number }).__bannerPwned).to.equal(undefined);
  });
});
