import { expect, waitUntil } from '@open-wc/testing';
import '../../components/partner-center/partner-center.js';
import '../../components/partner-login/partner-login.js';
import type { LoginResult } from '../../src/api/types.js';
import { ApiError } from '../../src/api/errors.js';
import { signInFromMetaTag } from '../../src/embed.js';
import { sessionStore } from '../../src/session.js';
import { part, text } from '../helpers/dom.js';
import { demoPartner, fakeApi } from '../helpers/fake-api.js';

let meta: HTMLMetaElement | undefined;
const placed: Element[] = [];
afterEach(() => {
  meta?.remove();
  placed.splice(0).forEach((el) => el.remove());
  sessionStore().end();
  sessionStorage.clear();
});

/** An embed token in the page, and an exchange that settles when the test says so. */
function embedToken() {
  meta = document.createElement('meta');
  meta.name = 'partner-center:embed-token';
  meta.content = `pc_embed_${Math.random().toString(36).slice(2)}`;
  document.head.append(meta);
  let settle!: { resolve: (r: LoginResult) => void; reject: (e: unknown) => void };
  const exchange = new Promise<LoginResult>((resolve, reject) => (settle = { resolve, reject }));
  const api = fakeApi();
  api.exchangeEmbedToken = () => exchange;
  return { api, settle };
}

/**
 * Places `tag` on the page and records every sign-in form ever inserted into it (or into the
 * `<partner-login>` it renders), however briefly.
 */
function placeWatched(tag: 'partner-login' | 'partner-center') {
  const el = document.createElement(tag);
  el.setAttribute('routing', 'none');
  el.api = fakeApi();
  document.body.append(el);
  placed.push(el);
  const forms: string[] = [];
  const watch = (root: ShadowRoot) =>
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches('form, input[type="password"]') || node.querySelector('form, input[type="password"]')) forms.push(node.localName);
          const inner = node.localName === 'partner-login' ? node : node.querySelector('partner-login');
          if (inner?.shadowRoot) watch(inner.shadowRoot);
        }
    }).observe(root, { childList: true, subtree: true });
  watch(el.shadowRoot!);
  return { el, forms };
}

const loginIn = (el: Element) => (el.localName === 'partner-login' ? el : el.shadowRoot!.querySelector('partner-login')!);

describe('embed token sign-in: no flash of the login form', () => {
  for (const tag of ['partner-login', 'partner-center'] as const) {
    it(`<${tag}> shows "Signing you in…" while the token is exchanged, then the signed-in view — never the form`, async () => {
      const { api, settle } = embedToken();
      const done = signInFromMetaTag(api)!;
      expect(sessionStore().signingIn).to.equal(true);
      const { el, forms } = placeWatched(tag);
      await waitUntil(() => loginIn(el)?.shadowRoot && part(loginIn(el), 'signing-in'), 'the busy state');
      const busy = part(loginIn(el), 'signing-in')!;
      expect(text(busy)).to.equal('Signing you in…');
      expect(busy.getAttribute('role')).to.equal('status');
      expect(busy.getAttribute('aria-busy')).to.equal('true');
      expect(part(loginIn(el), 'form')).to.equal(null);

      settle.resolve({ token: 'pc_from-embed', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
      await done;
      expect(sessionStore().signingIn).to.equal(false);
      if (tag === 'partner-center') await waitUntil(() => text(part(el, 'header')).includes('Signed in as Dana Demo'), 'the portal, signed in');
      else await waitUntil(() => text(part(el, 'signed-in')).includes('Signed in as Dana Demo'), 'signed in');
      await new Promise((r) => setTimeout(r, 20));
      expect(forms, 'no sign-in form was ever rendered').to.deep.equal([]);
    });
  }

  it('shows the login form when the exchange fails', async () => {
    const { api, settle } = embedToken();
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const done = signInFromMetaTag(api)!;
      const { el, forms } = placeWatched('partner-login');
      await waitUntil(() => part(el, 'signing-in'));
      settle.reject(new ApiError(401, 'invalid_embed_token', 'This sign-in link has expired'));
      await done;
      await waitUntil(() => part(el, 'form'), 'the form, once the exchange failed');
      expect(part(el, 'signing-in')).to.equal(null);
      expect(forms.length).to.be.greaterThan(0);
    } finally {
      console.warn = warn;
    }
  });

  it('without an embed token, the form shows at once', async () => {
    expect(signInFromMetaTag()).to.equal(undefined);
    expect(sessionStore().signingIn).to.equal(false);
    const { el } = placeWatched('partner-login');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(part(el, 'form')).to.exist;
    expect(part(el, 'signing-in')).to.equal(null);
  });
});
