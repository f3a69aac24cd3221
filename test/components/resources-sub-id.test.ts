import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-banners/partner-banners.js';
import '../../components/partner-email-copy/partner-email-copy.js';
import type { PartnerBannersElement } from '../../components/partner-banners/partner-banners.component.js';
import type { PartnerEmailCopyElement } from '../../components/partner-email-copy/partner-email-copy.component.js';
import { addSub } from '../../src/internal/sub-id.js';
import { part, shadow, text, type } from '../helpers/dom.js';
import { resourceElement } from '../helpers/resource-element.js';

const banners = resourceElement<PartnerBannersElement>('partner-banners', 'gallery', 'banners');
const emails = resourceElement<PartnerEmailCopyElement>('partner-email-copy', 'list', 'emails');
const BASE = 'https://partners.example.com';

describe('addSub: the sub-id on every tracking link in a text', () => {
  it('adds ?sub= or &sub=, leaves other addresses and links with their own sub-id alone', () => {
    const text = `Go: ${BASE}/r/demo/home and ${BASE}/r/demo/sale?x=1, not https://shop.example.com/r/demo/home nor ${BASE}/r/demo/boots?sub=mine.`;
    expect(addSub(text, `${BASE}/r/demo/home`, 'news')).to.equal(
      `Go: ${BASE}/r/demo/home?sub=news and ${BASE}/r/demo/sale?x=1&sub=news, not https://shop.example.com/r/demo/home nor ${BASE}/r/demo/boots?sub=mine.`,
    );
    expect(addSub(`<a href="${BASE}/r/demo/sale?x=1">`, `${BASE}/r/demo/sale`, 'news', { html: true })).to.equal(`<a href="${BASE}/r/demo/sale?x=1&amp;sub=news">`);
    expect(addSub(`${BASE}/r/demo/home`, `${BASE}/r/demo/home`, '')).to.equal(`${BASE}/r/demo/home`);
  });
});

describe('<partner-banners> sub-id', () => {
  it('a valid sub-id goes into every snippet and what is copied; a bad one is explained and not used', async () => {
    const { el } = await banners.render();
    await banners.loaded(el);
    const clipboard = banners.stubClipboard('async');
    const input = part<HTMLInputElement>(el, 'sub-input')!;
    input.focus();
    await sendKeys({ type: 'blog' });
    await el.updateComplete;
    const snippet = () => shadow<HTMLTextAreaElement>(el, '#html-1')!.value;
    expect(snippet()).to.contain(`href="${BASE}/r/demo/spring-sale?sub=blog"`);
    expect(shadow<HTMLTextAreaElement>(el, '#html-2')!.value).to.contain(`href="${BASE}/r/demo/home?sub=blog"`);
    shadow<HTMLButtonElement>(el, '[data-banner-id="1"] [part~="copy-button"]')!.click();
    await waitUntil(() => clipboard.texts.length === 1);
    expect(clipboard.texts[0]).to.contain('/r/demo/spring-sale?sub=blog"');
    await expect(el).to.be.accessible();

    type(input, 'not ok!');
    await el.updateComplete;
    expect(text(shadow(el, '#sub-error'))).to.equal('Use letters, digits, dot, dash or underscore (at most 40).');
    expect(input).to.have.attribute('aria-invalid', 'true');
    expect(snippet()).to.contain(`href="${BASE}/r/demo/spring-sale"`);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-email-copy> sub-id', () => {
  it('the sub-id shows in the email text, is copied with it and goes into the mail app link', async () => {
    const { el } = await emails.render();
    await emails.loaded(el);
    const clipboard = emails.stubClipboard('async');
    type(part<HTMLInputElement>(el, 'sub-input')!, 'newsletter');
    await el.updateComplete;
    const body = shadow(el, '[data-email-id="1"] [part~="body"]')!;
    expect(text(body)).to.contain(`Shop here: ${BASE}/r/demo/spring-sale?sub=newsletter`);
    expect(decodeURIComponent(shadow<HTMLAnchorElement>(el, '[data-email-id="1"] [part~="mailto"]')!.href)).to.contain('/r/demo/spring-sale?sub=newsletter');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[data-email-id="2"] [part~="copy-button"]')[1]!.click(); // Copy text
    await waitUntil(() => clipboard.texts.length === 1);
    expect(clipboard.texts[0]).to.equal(`I buy all my outdoor gear at Northwind: ${BASE}/r/demo/home?sub=newsletter`);
    await expect(el).to.be.accessible();
  });
});
