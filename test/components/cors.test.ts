import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-login/partner-login.js';
import type { PartnerLoginElement } from '../../components/partner-login/partner-login.component.js';
import { part, shadow, text, type } from '../helpers/dom.js';

/**
 * A merchant page on one origin whose elements call a partner server on another origin that
 * sends no CORS headers: the test runner's own server, reached by its other loopback name
 * (localhost ↔ 127.0.0.1 are different origins to the browser).
 */
const otherOrigin = () => {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
};

async function signInThrough(apiBase: string) {
  const el = await fixture<PartnerLoginElement>(html`<partner-login api-base=${apiBase}></partner-login>`);
  type(shadow<HTMLInputElement>(el, '#code')!, 'demo');
  type(shadow<HTMLInputElement>(el, '#password')!, 'demo-password');
  part<HTMLButtonElement>(el, 'button')!.click();
  await waitUntil(() => part(el, 'error'), 'the sign-in fails', { timeout: 10_000 });
  return el;
}

describe('a partner server that does not allow this page’s origin (CORS)', () => {
  const logged: string[] = [];
  const original = console.error;
  beforeEach(() => {
    logged.length = 0;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.error = original;
  });

  it('tells the partner this page cannot reach the server, and the developer which origin to allow', async () => {
    const api = otherOrigin();
    const el = await signInThrough(api);
    expect(text(part(el, 'error'))).to.equal("This page can't reach the partner server.");
    expect(text(part(el, 'error'))).not.to.contain('connection');
    const hint = logged.find((line) => line.includes('ALLOWED_ORIGINS'));
    expect(hint, logged.join('\n')).to.contain(`ALLOWED_ORIGINS=${location.origin}`);
    expect(hint).to.contain(api);
  });

  it('still says to check the connection when the server does not answer at all', async () => {
    const el = await signInThrough('http://127.0.0.1:9'); // nothing listens on the discard port
    expect(text(part(el, 'error'))).to.contain('could not be reached. Check your connection');
    expect(logged.filter((line) => line.includes('ALLOWED_ORIGINS'))).to.deep.equal([]);
  });
});
