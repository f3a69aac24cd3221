import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-links/partner-links.js';
import type { PartnerLinksElement } from '../../components/partner-links/partner-links.component.js';
import { ApiError } from '../../src/api/errors.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { demoLinks, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';
import { resourceElement } from '../helpers/resource-element.js';

const { render, loaded, stubClipboard } = resourceElement<PartnerLinksElement>('partner-links', 'list', 'links');
const row = (el: Element, id: number) => shadow(el, `[data-link-id="${id}"]`)!;
const urlOf = (el: Element, id: number) => (row(el, id).querySelector('[part~="url"]') as HTMLInputElement).value;
const inRow = <T extends HTMLElement>(el: Element, id: number, partName: string) => row(el, id).querySelector<T>(`[part~="${partName}"]`)!;

describe('<partner-links> states', () => {
  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to get your tracking links.');
    expect(part(el, 'list')).to.equal(null);
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loads once signed in elsewhere on the page', async () => {
    const { el, api } = await render({}, false);
    signInFake();
    await loaded(el);
    expect(api.calls.map((c) => c.method).sort()).to.deep.equal(['linkStats', 'links', 'me', 'programs'], "the links, the programs, the coupon codes and the links' figures");
    expect(parts(el, 'link')).to.have.length(3);
  });

  it('loading: an announced spinner and a busy region', async () => {
    const { el } = await render({ links: 'pending' });
    expect(text(part(el, 'spinner'))).to.equal('Loading your links…');
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(part(el, 'base')).to.have.attribute('aria-busy', 'true');
    await expect(el).to.be.accessible();
  });

  it('error: an alert with the reason, and Try again loads again', async () => {
    const options: FakeApiOptions = { links: 'error' };
    const { el, api } = await render(options);
    await loaded(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    options.links = 'ok';
    shadow<HTMLButtonElement>(el, '[part~="error"] button')!.click();
    await waitUntil(() => part(el, 'list'));
    expect(api.calls.map((c) => c.method).filter((m) => m === 'links')).to.deep.equal(['links', 'links']);
  });

  it('in no program: says plainly that links earn nothing yet, instead of offering them', async () => {
    const { el } = await render({ programs: [] });
    const message = () => part(el, 'no-program');
    await waitUntil(message, 'the no-program message');
    expect(text(message())).to.equal("You're not in a program yet, so links don't earn commission. Once the program owner adds you to a program, your links will earn.");
    expect(part(el, 'list')).to.equal(null);
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('empty: says so and still offers the custom link form', async () => {
    const { el } = await render({ links: 'empty' });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No links yet. Create your own below.');
    expect(part(el, 'form')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('populated: every link with its name, destination, full URL, badge and click count', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'link').map((li) => text(li.querySelector('h3')))).to.deep.equal(['Home page', 'Spring sale', 'shop.example.com/boots']);
    expect(urlOf(el, 1)).to.equal('https://partners.example.com/r/demo/home');
    expect(urlOf(el, 3)).to.equal('https://partners.example.com/r/demo/k3j9x2abcd?sub=newsletter');
    expect(text(inRow(el, 1, 'clicks'))).to.equal('1,280 clicks');
    expect(text(inRow(el, 2, 'clicks'))).to.equal('1 click');
    expect(text(inRow(el, 3, 'clicks'))).to.equal('0 clicks');
    expect(row(el, 1).querySelector('[part~="badge"]')).to.equal(null);
    expect(text(inRow(el, 3, 'badge'))).to.equal('Your link');
    expect(text(row(el, 2).querySelector('.destination'))).to.equal('Goes to https://shop.example.com/sale');
    expect(text(shadow(el, '#destination-help'))).to.equal('Link straight to any page on shop.example.com or *.northwind.example.');
    await expect(el).to.be.accessible();
  });

  it('formats click counts and words for the page locale', async () => {
    document.documentElement.lang = 'de-DE';
    try {
      const { el } = await render();
      await loaded(el);
      // the German words are a lazy chunk: under a busy test run they may arrive after the figures
      await waitUntil(() => text(inRow(el, 1, 'clicks')) !== '1.280 clicks', 'German words loaded', { timeout: 5_000 });
      expect(text(inRow(el, 1, 'clicks'))).to.equal('1.280 Klicks');
    } finally {
      document.documentElement.lang = '';
    }
  });
});

describe('<partner-links> copying', () => {
  it('copies a link: the clipboard gets it, the button says Copied, the live region announces it, partner-copy fires', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    const button = inRow<HTMLButtonElement>(el, 2, 'copy-button');
    expect(text(button)).to.equal('Copy Spring sale');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'partner-copy');
    expect(event.detail).to.deep.equal({ kind: 'link', text: 'https://partners.example.com/r/demo/spring-sale' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(clipboard.texts).to.deep.equal(['https://partners.example.com/r/demo/spring-sale']);
    await el.updateComplete;
    expect(text(button)).to.equal('✓ Copied');
    expect(button).to.have.attribute('data-copy', 'copied');
    expect(part(el, 'announcer')).to.have.attribute('role', 'status');
    expect(text(part(el, 'announcer'))).to.equal('Link copied to the clipboard');
    await expect(el).to.be.accessible();
  });

  it('copies by keyboard', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    inRow<HTMLButtonElement>(el, 1, 'copy-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts[0]).to.equal('https://partners.example.com/r/demo/home');
  });

  it('falls back to select-and-copy when the Clipboard API refuses, and keeps focus', async () => {
    const clipboard = stubClipboard('fallback');
    const { el } = await render();
    await loaded(el);
    const button = inRow<HTMLButtonElement>(el, 1, 'copy-button');
    button.focus();
    button.click();
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts[0]).to.equal('https://partners.example.com/r/demo/home');
    await el.updateComplete;
    expect(text(button)).to.contain('Copied');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(document.querySelector('body > textarea')).to.equal(null);
  });

  it('says so when copying is impossible', async () => {
    stubClipboard('broken');
    const { el } = await render();
    await loaded(el);
    const button = inRow<HTMLButtonElement>(el, 1, 'copy-button');
    button.click();
    await waitUntil(() => text(button).startsWith('Copy failed'));
    expect(text(part(el, 'announcer'))).to.contain('Could not copy. Select the text and press Ctrl+C');
  });
});

describe('<partner-links> sub-id', () => {
  it('adds a valid sub-id to every link without its own', async () => {
    const { el } = await render();
    await loaded(el);
    type(shadow<HTMLInputElement>(el, '#sub')!, 'ads');
    await el.updateComplete;
    expect(urlOf(el, 1)).to.equal('https://partners.example.com/r/demo/home?sub=ads');
    expect(urlOf(el, 2)).to.equal('https://partners.example.com/r/demo/spring-sale?sub=ads');
    // a custom link keeps the sub-id it was made with
    expect(urlOf(el, 3)).to.equal('https://partners.example.com/r/demo/k3j9x2abcd?sub=newsletter');
    await expect(el).to.be.accessible();
  });

  it('explains an invalid sub-id as you type and leaves the links alone', async () => {
    const { el } = await render();
    await loaded(el);
    const input = shadow<HTMLInputElement>(el, '#sub')!;
    type(input, 'my channel');
    await el.updateComplete;
    expect(input).to.have.attribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).to.equal('sub-help sub-error');
    expect(text(shadow(el, '#sub-error'))).to.equal('Use letters, digits, dot, dash or underscore (at most 40).');
    expect(urlOf(el, 1)).to.equal('https://partners.example.com/r/demo/home');
    await expect(el).to.be.accessible();
  });

  it('copies the link with the sub-id', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    type(shadow<HTMLInputElement>(el, '#sub')!, 'ig');
    await el.updateComplete;
    inRow<HTMLButtonElement>(el, 1, 'copy-button').click();
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts[0]).to.equal('https://partners.example.com/r/demo/home?sub=ig');
  });
});

describe('<partner-links> QR codes', () => {
  it('shows a QR code for a link with PNG and SVG downloads, and hides it again', async () => {
    const { el, api } = await render();
    await loaded(el);
    type(shadow<HTMLInputElement>(el, '#sub')!, 'flyer');
    const toggle = inRow<HTMLButtonElement>(el, 2, 'qr-button');
    expect(toggle).to.have.attribute('aria-expanded', 'false');
    expect(inRow(el, 2, 'qr').hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    const url = 'https://partners.example.com/r/demo/spring-sale?sub=flyer';
    expect(toggle).to.have.attribute('aria-expanded', 'true');
    const qr = inRow(el, 2, 'qr');
    expect(qr.hidden).to.equal(false);
    const img = qr.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(api.qrCodeUrl(url, 'svg'));
    expect(img.alt).to.equal(`QR code for ${url}`);
    const downloads = [...qr.querySelectorAll<HTMLAnchorElement>('[part~="qr-download"]')];
    expect(downloads.map((a) => [text(a), a.getAttribute('href'), a.getAttribute('download')])).to.deep.equal([
      ['Download PNG QR code for Spring sale', api.qrCodeUrl(url, 'png', { download: true }), 'qr-spring-sale.png'],
      ['Download SVG QR code for Spring sale', api.qrCodeUrl(url, 'svg', { download: true }), 'qr-spring-sale.svg'],
    ]);
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle).to.have.attribute('aria-expanded', 'false');
    expect(inRow(el, 2, 'qr').hidden).to.equal(true);
  });
});

describe('<partner-links> custom deep links', () => {
  const destination = (el: Element) => shadow<HTMLInputElement>(el, '#destination')!;
  const submit = (el: Element) => part<HTMLButtonElement>(el, 'create-button')!.click();

  it('checks the address as you type', async () => {
    const { el } = await render();
    await loaded(el);
    type(destination(el), 'htt');
    await el.updateComplete;
    expect(shadow(el, '#destination-error')).to.equal(null);
    type(destination(el), 'https://evil.example.net/x');
    await el.updateComplete;
    expect(destination(el)).to.have.attribute('aria-invalid', 'true');
    expect(destination(el).getAttribute('aria-describedby')).to.equal('destination-help destination-error');
    expect(text(shadow(el, '#destination-error'))).to.equal('Links may only point to shop.example.com or *.northwind.example; evil.example.net is not one of them.');
    await expect(el).to.be.accessible();
    type(destination(el), 'javascript:alert(1)');
    await el.updateComplete;
    expect(text(shadow(el, '#destination-error'))).to.equal('Only http and https addresses can be linked.');
    type(destination(el), 'https://blog.northwind.example/trail');
    await el.updateComplete;
    expect(shadow(el, '#destination-error')).to.equal(null);
    expect(destination(el)).to.have.attribute('aria-invalid', 'false');
  });

  it('creates a link: it joins the list as yours, is announced, fires partner-link-create, and takes focus', async () => {
    const { el, api } = await render();
    await loaded(el);
    type(destination(el), 'https://shop.example.com/jackets');
    type(shadow<HTMLInputElement>(el, '#new-sub')!, 'blog');
    setTimeout(() => submit(el));
    const event = await oneEvent(el, 'partner-link-create');
    expect(event.detail.link.url).to.equal('https://partners.example.com/r/demo/new1abcdef?sub=blog');
    expect(api.calls.at(-1)).to.deep.equal({ method: 'createLink', args: [{ destination: 'https://shop.example.com/jackets', sub: 'blog' }] });
    await el.updateComplete;
    await el.updateComplete;
    const names = parts(el, 'link').map((li) => text(li.querySelector('h3')));
    expect(names).to.deep.equal(['Home page', 'Spring sale', 'shop.example.com/jackets', 'shop.example.com/boots']);
    expect(text(inRow(el, 101, 'badge'))).to.equal('Your link');
    expect(urlOf(el, 101)).to.equal('https://partners.example.com/r/demo/new1abcdef?sub=blog');
    expect(el.shadowRoot!.activeElement).to.equal(inRow(el, 101, 'copy-button'));
    expect(text(part(el, 'announcer'))).to.equal('Link created: shop.example.com/jackets');
    expect(destination(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('submits with Enter', async () => {
    const { el, api } = await render();
    await loaded(el);
    destination(el).focus();
    await sendKeys({ type: 'https://shop.example.com/tents' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.calls.some((c) => c.method === 'createLink'));
    expect(api.calls.at(-1)!.args).to.deep.equal([{ destination: 'https://shop.example.com/tents' }]);
  });

  it('an empty or wrong address is explained, focused, and never sent', async () => {
    const { el, api } = await render();
    await loaded(el);
    submit(el);
    await waitUntil(() => shadow(el, '#destination-error'));
    expect(text(shadow(el, '#destination-error'))).to.equal('Enter the address of a page on our site.');
    expect(el.shadowRoot!.activeElement).to.equal(destination(el));
    type(destination(el), 'https://shop.example.com/x');
    type(shadow<HTMLInputElement>(el, '#new-sub')!, 'no spaces please');
    submit(el);
    await waitUntil(() => shadow(el, '#new-sub-error'));
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#new-sub'));
    expect(api.calls.filter((c) => c.method === 'createLink')).to.have.length(0);
  });

  it("shows the server's refusal on the field", async () => {
    const { el } = await render({ createLink: 'not-allowed' });
    await loaded(el);
    type(destination(el), 'https://shop.example.com/x');
    submit(el);
    await waitUntil(() => shadow(el, '#destination-error'));
    expect(text(shadow(el, '#destination-error'))).to.contain("Links may only point to the merchant's own sites");
    expect(el.shadowRoot!.activeElement).to.equal(destination(el));
    expect(parts(el, 'link')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it("names the field in the server's validation errors: its label on the form, else a readable name", async () => {
    const sub = await render({ fail: { createLink: new ApiError(400, 'invalid_request', 'sub: must be 1–40 letters, digits, dots, dashes or underscores', 'sub') } });
    await loaded(sub.el);
    type(destination(sub.el), 'https://shop.example.com/x');
    submit(sub.el);
    await waitUntil(() => shadow(sub.el, '#new-sub-error'));
    expect(text(shadow(sub.el, '#new-sub-error'))).to.equal('Sub-id: must be 1–40 letters, digits, dots, dashes or underscores');

    const other = await render({ fail: { createLink: new ApiError(400, 'invalid_request', 'name: must be at most 120 characters', 'name') } });
    await loaded(other.el);
    type(destination(other.el), 'https://shop.example.com/x');
    submit(other.el);
    await waitUntil(() => shadow(other.el, '#new-name-error'));
    expect(text(shadow(other.el, '#new-name-error'))).to.equal('Name: must be at most 120 characters');

    const unknown = await render({ fail: { createLink: new ApiError(400, 'invalid_request', 'utm: is not allowed', 'utm') } });
    await loaded(unknown.el);
    type(destination(unknown.el), 'https://shop.example.com/x');
    submit(unknown.el);
    await waitUntil(() => part(unknown.el, 'form-error'));
    expect(text(part(unknown.el, 'form-error'))).to.contain('is not allowed');
  });

  it('is busy while creating and says when the server cannot be reached', async () => {
    const pending = await render({ createLink: 'pending' });
    await loaded(pending.el);
    type(destination(pending.el), 'https://shop.example.com/x');
    submit(pending.el);
    await pending.el.updateComplete;
    expect(text(part(pending.el, 'create-button'))).to.equal('Creating…');
    expect(part(pending.el, 'create-button')).to.have.attribute('aria-disabled', 'true');
    submit(pending.el);
    expect(pending.api.calls.filter((c) => c.method === 'createLink')).to.have.length(1);

    const offline = await render({ createLink: 'error' });
    await loaded(offline.el);
    type(destination(offline.el), 'https://shop.example.com/x');
    submit(offline.el);
    await waitUntil(() => part(offline.el, 'form-error'));
    expect(part(offline.el, 'form-error')).to.have.attribute('role', 'alert');
    expect(text(part(offline.el, 'form-error'))).to.contain('could not be reached');
  });

  it('Refresh reloads the links and their click counts, keeping the list on screen', async () => {
    const data = structuredClone(demoLinks);
    const { el, api } = await render({ linksData: data, delay: 20 });
    await loaded(el);
    data.links[0]!.clicks = 1281;
    part<HTMLButtonElement>(el, 'refresh-button')!.click();
    await el.updateComplete;
    expect(part(el, 'base')).to.have.attribute('aria-busy', 'true');
    expect(part(el, 'list')).to.exist;
    await waitUntil(() => text(inRow(el, 1, 'clicks')) === '1,281 clicks');
    expect(api.calls.map((c) => c.method).filter((m) => m === 'links')).to.deep.equal(['links', 'links']);
  });
});
