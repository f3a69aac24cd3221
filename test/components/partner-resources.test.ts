import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-resources/partner-resources.js';
import type { PartnerResourcesElement } from '../../components/partner-resources/partner-resources.component.js';
import { safeHtml } from '../../src/internal/safe-html.js';
import { sessionStore } from '../../src/session.js';
import { expectViewLoadedWithData } from '../helpers/lazy-view.js';
import { part, parts, text } from '../helpers/dom.js';
import { fakeApi, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';

async function render(options: FakeApiOptions = {}, signedIn = true, page?: string) {
  if (signedIn) signInFake();
  const api = fakeApi(options);
  const el = await fixture<PartnerResourcesElement>(html`<partner-resources .api=${api} page=${page ?? ''}></partner-resources>`);
  return { el, api };
}
const loaded = (el: PartnerResourcesElement) => waitUntil(() => part(el, 'page') || part(el, 'empty') || part(el, 'error'), 'the pages load');
const buttons = (el: Element) => parts<HTMLButtonElement>(el, 'page-button');
const current = (el: Element) => buttons(el).filter((b) => b.getAttribute('aria-current') === 'true').map((b) => text(b));

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-resources>', () => {
  it('loads its view while the pages load: the spinner until both are here, then the open page', async () => {
    // first in this file: the first signed-in element of the page, whose view's code is not here yet
    await expectViewLoadedWithData({ tag: 'partner-resources', read: 'resources', loading: 'Loading resources…', populated: 'page' });
  });

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to read the partner resources.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading, error with retry, and empty', async () => {
    const pending = await render({ resources: 'pending' });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading resources…');
    await expect(pending.el).to.be.accessible();
    const options: FakeApiOptions = { resources: 'error' };
    const failed = await render(options);
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    await expect(failed.el).to.be.accessible();
    options.resources = 'empty';
    failed.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
    await waitUntil(() => part(failed.el, 'empty'));
    expect(text(part(failed.el, 'empty'))).to.equal('No resource pages yet.');
  });

  it('populated: lists the pages and shows the first', async () => {
    const { el } = await render();
    await loaded(el);
    expect(buttons(el).map((b) => text(b))).to.deep.equal(['Getting started', 'Brand guidelines', 'FAQ']);
    expect(current(el)).to.deep.equal(['Getting started']);
    expect(text(part(el, 'page-title'))).to.equal('Getting started');
    expect(part(el, 'content')!.querySelector('strong')!.textContent).to.equal('10%');
    expect(part(el, 'content')!.querySelectorAll('li')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('opens a page: content, aria-current, focus on its title, partner-resource-select', async () => {
    const { el } = await render();
    await loaded(el);
    setTimeout(() => buttons(el)[1]!.click());
    const event = await oneEvent(el, 'partner-resource-select');
    expect(event.detail).to.deep.equal({ slug: 'brand-guidelines', title: 'Brand guidelines' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.page).to.equal('brand-guidelines');
    expect(el.getAttribute('page')).to.equal('brand-guidelines');
    expect(current(el)).to.deep.equal(['Brand guidelines']);
    expect(text(part(el, 'page-title'))).to.equal('Brand guidelines');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'page-title'));
    const link = part(el, 'content')!.querySelector('a')!;
    expect(link.href).to.equal('https://shop.example.com/brand');
    expect(link.rel).to.equal('noopener noreferrer nofollow');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard', async () => {
    const { el } = await render();
    await loaded(el);
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[2]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(el, 'page-title')) === 'FAQ');
    expect(current(el)).to.deep.equal(['FAQ']);
  });

  it('opens the page named by the page attribute, or the first for an unknown one', async () => {
    const { el } = await render({}, true, 'faq');
    await loaded(el);
    expect(text(part(el, 'page-title'))).to.equal('FAQ');
    el.page = 'no-such-page';
    await el.updateComplete;
    expect(text(part(el, 'page-title'))).to.equal('Getting started');
  });

  it('strips script-capable markup even when the server sends it, and runs none of it', async () => {
    (window as { __pagePwned?: number }).__pagePwned = undefined;
    const evil = [
      '<p>Keep <strong>this</strong> text.</p>',
      '<img src=x onerror="window.__pagePwned=1">',
      '<script>window.__pagePwned=2</script>',
      '<a href="javascript:window.__pagePwned=3">js link</a>',
      '<a href=" JAVASCRIPT:window.__pagePwned=3">js link 2</a>',
      '<svg onload="window.__pagePwned=4"><circle r="4"/></svg>',
      '<iframe srcdoc="<script>parent.__pagePwned=5</script>"></iframe>',
      '<div style="background:url(javascript:window.__pagePwned=6)" onclick="window.__pagePwned=6">styled</div>',
      '<p style="width:expression(window.__pagePwned=7)">expr</p>',
      '<style>p{color:red}</style>',
      '<object data="javascript:window.__pagePwned=8"></object><embed src="javascript:window.__pagePwned=8">',
      '<form action="javascript:window.__pagePwned=9"><input autofocus onfocus="window.__pagePwned=9"></form>',
      '<details open ontoggle="window.__pagePwned=10">d</details>',
      '<math><mi xlink:href="javascript:window.__pagePwned=11">m</mi></math>',
      '<img src="https://cdn.example.com/ok.png" alt="ok" onload="window.__pagePwned=12" style="x">',
      '<a href="https://shop.example.com/" target="_blank" onmouseover="window.__pagePwned=13">safe link</a>',
    ].join('\n');
    const { el } = await render({ pagesData: [{ id: 1, title: '<img src=x onerror="window.__pagePwned=14">', slug: 'evil', html: evil }] });
    await loaded(el);
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __pagePwned?: number }).__pagePwned).to.equal(undefined);
    const content = part(el, 'content')!;
    expect(content.querySelector('script, style, iframe, svg, math, object, embed, form, input, details, div')).to.equal(null);
    for (const node of content.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        expect(attr.name).to.be.oneOf(['href', 'rel', 'src', 'alt', 'title', 'width', 'height']);
        if (attr.name === 'href' || attr.name === 'src') expect(attr.value).to.match(/^https:\/\//);
      }
    }
    expect(text(content)).to.contain('Keep this text.');
    expect(text(content)).to.contain('js link');
    expect(text(content)).to.contain('styled');
    expect([...content.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([null, null, 'https://shop.example.com/']);
    expect(content.querySelector('img')!.getAttribute('src')).to.equal('https://cdn.example.com/ok.png');
    expect(text(part(el, 'page-title'))).to.equal('<img src=x onerror="window.__pagePwned=14">');
    expect(part(el, 'page-title')!.querySelector('img')).to.equal(null);
  });
});

describe('safeHtml', () => {
  it('keeps plain document markup and drops the rest', () => {
    expect(safeHtml('<h4>T</h4><p><em>a</em> <a href="mailto:x@example.com" class="c">m</a></p>')).to.equal(
      '<h4>T</h4><p><em>a</em> <a href="mailto:x@example.com" rel="noopener noreferrer nofollow">m</a></p>',
    );
    expect(safeHtml('<img src="/relative.png" alt="r"><img src="data:image/png;base64,AAAA" alt="d">')).to.equal('');
    expect(safeHtml('<!-- <img src=x onerror=alert(1)> -->ok')).to.equal('ok');
    expect(safeHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')).to.equal('');
    expect(safeHtml('<table><tr><td colspan="2" onclick="x">c</td></tr></table>')).to.equal('<table><tbody><tr><td colspan="2">c</td></tr></tbody></table>');
  });
});
