import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerApi } from '../../src/api/types.js';
import type { PartnerElement } from '../../src/internal/partner-element.js';
import { part, text } from './dom.js';
import { fakeApi, signInFake, type FakeApi, type FakeApiOptions } from './fake-api.js';

/**
 * An element's first signed-in render on a page whose view code is not here yet (call it first in
 * its test file): what each update showed, from the first render to the populated view — the
 * loading state (its part and text) until both the data and the view are here, then `populated`.
 */
export async function expectViewLoadedWithData(options: {
  tag: string;
  /** The API method whose answer the element shows. */
  read: keyof PartnerApi;
  /** The loading state's text. */
  loading: string;
  /** A part only the populated view has. */
  populated: string;
  api?: FakeApiOptions;
}) {
  signInFake();
  const api: FakeApi = fakeApi(options.api);
  const method = options.read as keyof FakeApi;
  const read = (api[method] as (...args: unknown[]) => Promise<unknown>).bind(api);
  let answered = false;
  (api as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const value = await read(...args);
    answered = true;
    return value;
  };
  const el = document.createElement(options.tag) as PartnerElement;
  el.api = api;
  const seen: string[] = [];
  /** `aria-busy` of each update that showed the loading state. */
  const busy: (string | null)[] = [];
  el.addController({
    hostUpdated: () => {
      const populated = part(el, options.populated);
      if (!populated) busy.push(part(el, 'base')?.getAttribute('aria-busy') ?? null);
      seen.push(`${answered ? 'answered' : 'reading'}: ${populated ? options.populated : text(part(el, 'spinner'))}`);
    },
  });
  (await fixture(html`<div></div>`)).append(el);
  await waitUntil(() => answered, 'the answer is read');
  await el.updateComplete;
  expect(seen[0]).to.equal(`reading: ${options.loading}`);
  // the answer is here, the view is not yet: still the loading state, with its part
  expect(seen).to.include(`answered: ${options.loading}`);
  expect(seen.every((s) => s.endsWith(`: ${options.loading}`) || s === `answered: ${options.populated}`)).to.equal(true);
  expect(seen.at(-1)).to.equal(`answered: ${options.populated}`);
  // busy for as long as it shows the loading state, the wait for the view included
  expect(busy).to.not.be.empty;
  expect(busy.every((b) => b === 'true'), `aria-busy while loading: ${busy.join(', ')}`).to.equal(true);
  expect(part(el, 'base')).to.have.attribute('aria-busy', 'false');
  expect(part(el, 'spinner')).to.equal(null);
  await expect(el).to.be.accessible();
  return el;
}
