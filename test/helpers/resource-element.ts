import { fixture, html, unsafeStatic, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sessionStore } from '../../src/session.js';
import { stubClipboard } from './clipboard.js';
import { part } from './dom.js';
import { fakeApi, signInFake, type FakeApiOptions } from './fake-api.js';

/**
 * What the tests of the Resources elements (`<partner-links>`, `<partner-banners>`,
 * `<partner-email-copy>`) share: render the element over a fake API (signed in unless told
 * otherwise), wait until it shows its list, its empty state or its error, and a clipboard stub
 * that is put back, with the session, after each test.
 */
export function resourceElement<E extends HTMLElement>(tag: string, listPart: string, what: string) {
  let clipboard: ReturnType<typeof stubClipboard> | undefined;
  afterEach(() => {
    clipboard?.restore();
    clipboard = undefined;
    sessionStore().end();
    sessionStorage.clear();
  });
  return {
    async render(options: FakeApiOptions = {}, signedIn = true, style = '') {
      if (signedIn) signInFake();
      const api = fakeApi(options);
      const name = unsafeStatic(tag);
      const el = await fixture<E>(html`<${name} style=${style || nothing} .api=${api}></${name}>`);
      return { el, api };
    },
    loaded: (el: E) => waitUntil(() => part(el, listPart) || part(el, 'empty') || part(el, 'error'), `the ${what} load`),
    /** Stubs the clipboard for this test (restored after it). */
    stubClipboard(mode?: Parameters<typeof stubClipboard>[0]) {
      clipboard = stubClipboard(mode);
      return clipboard;
    },
  };
}
