import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Autoloader, LOAD_FAILED_ATTRIBUTE } from '../../src/internal/autoloader.js';

let n = 0;
/** A fresh tag name per test: custom element names cannot be defined twice. */
const unique = (name: string) => `partner-${name}-${++n}`;

/**
 * A stand-in for the element files: loading `…/<tag>.js` defines `<tag>`, whose shadow root
 * holds `inner` (markup) — as a real element rendering another would.
 */
function files(inner: Record<string, string> = {}, fail: Record<string, number> = {}) {
  const urls: string[] = [];
  const importer = async (url: string) => {
    urls.push(url);
    const tag = new URL(url).pathname.split('/').pop()!.replace(/\.js$/, '');
    if ((fail[tag] ?? 0) > 0) {
      fail[tag]!--;
      throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
    }
    if (!customElements.get(tag)) {
      customElements.define(
        tag,
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = inner[tag] ?? `<p>I am ${tag}</p>`;
          }
        },
      );
    }
  };
  const loader = new Autoloader({ url: (tag) => `${location.origin}/chunks/${tag}.js`, importer });
  loaders.push(loader);
  return { loader, urls };
}

const loaders: Autoloader[] = [];
afterEach(() => loaders.splice(0).forEach((l) => l.stop()));

describe('loader: partner-* elements wherever they appear', () => {
  it('defines an element on the page, and one that element renders inside its shadow root', async () => {
    const outer = unique('outer');
    const inner = unique('inner');
    const el = await fixture(html`<div></div>`);
    el.innerHTML = `<${outer}></${outer}>`;
    const { loader, urls } = files({ [outer]: `<h2>Outer</h2><${inner}></${inner}>` });
    loader.watch(document);
    await waitUntil(() => customElements.get(inner), `<${inner}> inside <${outer}>'s shadow root is defined`);
    const innerEl = el.querySelector(outer)!.shadowRoot!.querySelector(inner)!;
    expect(innerEl.shadowRoot!.textContent).to.equal(`I am ${inner}`);
    expect(urls).to.deep.equal([`${location.origin}/chunks/${outer}.js`, `${location.origin}/chunks/${inner}.js`]);
  });

  it("finds partner-* elements in a host web component's shadow root, also when added later", async () => {
    const later = unique('later');
    const first = unique('first');
    const hostTag = `host-widget-${n}`;
    customElements.define(
      hostTag,
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = `<section><${first}></${first}></section>`;
        }
      },
    );
    const el = await fixture(html`<div></div>`);
    el.innerHTML = `<${hostTag}></${hostTag}>`;
    const { loader } = files();
    loader.watch(document);
    await waitUntil(() => customElements.get(first), 'the element already in the host’s shadow root');
    // the host renders another one afterwards: its shadow root is observed
    el.querySelector(hostTag)!.shadowRoot!.querySelector('section')!.insertAdjacentHTML('beforeend', `<${later}></${later}>`);
    await waitUntil(() => customElements.get(later), 'the element added later to the host’s shadow root');
  });

  it('finds them in the shadow root of a host component defined after the loader ran', async () => {
    const inside = unique('inside');
    const hostTag = `late-host-${n}`;
    const el = await fixture(html`<div></div>`);
    el.innerHTML = `<${hostTag}></${hostTag}>`;
    const { loader } = files();
    loader.watch(document);
    customElements.define(
      hostTag,
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = `<${inside}></${inside}>`;
        }
      },
    );
    await waitUntil(() => customElements.get(inside), 'scanned once the host upgraded');
  });

  it('load(tag) loads once and resolves with the class; a non-partner tag is refused', async () => {
    const tag = unique('on-demand');
    const { loader, urls } = files();
    const [a, b] = await Promise.all([loader.load(tag), loader.load(tag.toUpperCase())]);
    expect(a).to.equal(customElements.get(tag));
    expect(b).to.equal(a);
    expect(urls).to.have.length(1);
    let refused: unknown;
    await loader.load('fancy-button').catch((e: unknown) => (refused = e));
    expect(String(refused)).to.contain('not a partner-* element');
  });

  it('retries a missing file once with a cache-busting query', async () => {
    const tag = unique('redeployed');
    const el = await fixture(html`<div></div>`);
    el.innerHTML = `<${tag}><a href="/partners">Partner portal</a></${tag}>`;
    const { loader, urls } = files({}, { [tag]: 1 });
    loader.watch(document);
    await waitUntil(() => customElements.get(tag), 'defined on the second try');
    expect(urls).to.have.length(2);
    expect(urls[1]).to.match(new RegExp(`/chunks/${tag}\\.js\\?retry=\\d+$`));
    expect(el.querySelector(tag)!.hasAttribute(LOAD_FAILED_ATTRIBUTE)).to.equal(false);
  });

  it('after a second failure, every waiting element says so in a role="alert" message, and load() rejects', async () => {
    const tag = unique('gone');
    const el = await fixture(html`<div></div>`);
    el.innerHTML = `<${tag}>Loading the partner portal…</${tag}>`;
    const { loader, urls } = files({}, { [tag]: 2 });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      loader.watch(document);
      const shown = el.querySelector(tag)!;
      await waitUntil(() => shown.hasAttribute(LOAD_FAILED_ATTRIBUTE), 'the failure is shown');
      const alert = shown.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.equal('This part of the page could not be loaded. Reload the page to try again.');
      expect(alert.getBoundingClientRect().height, 'visible').to.be.greaterThan(0);
      expect(urls).to.have.length(2, 'tried twice, no more');
      // one added afterwards says the same, without a third request
      el.insertAdjacentHTML('beforeend', `<${tag}></${tag}>`);
      const second = el.querySelectorAll(tag)[1]!;
      await waitUntil(() => second.querySelector('[role="alert"]'));
      expect(urls).to.have.length(2);
      let rejected = false;
      await loader.load(tag).catch(() => (rejected = true));
      expect(rejected).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('loader.js offers window.PartnerCenter.load', async () => {
    await import('../../src/loader.js');
    const api = (window as unknown as { PartnerCenter: { load: (tag: string) => Promise<unknown> } }).PartnerCenter;
    expect(api.load).to.be.a('function');
    let refused: unknown;
    await api.load('not-ours').catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(TypeError);
  });
});
