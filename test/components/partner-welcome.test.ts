import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-welcome/partner-welcome.js';
import type { PartnerWelcomeElement } from '../../components/partner-welcome/partner-welcome.component.js';
import { sessionStore } from '../../src/session.js';
import { part, text } from '../helpers/dom.js';
import { demoPartner, fakeApi, serverError, type FakeApiOptions } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
afterEach(() => sessionStore().end());
const render = (options: FakeApiOptions = {}) => fixture<PartnerWelcomeElement>(html`<partner-welcome .api=${fakeApi(options)}></partner-welcome>`);

describe('<partner-welcome>', () => {
  it("shows the merchant's message under a heading naming the merchant", async () => {
    signIn();
    const el = await render();
    await waitUntil(() => part(el, 'content'));
    expect(text(part(el, 'title'))).to.equal('Welcome to Northwind Outfitters');
    expect(part(el, 'content')!.querySelector('strong')).to.have.text('10%');
    await expect(el).to.be.accessible();
  });

  it('never runs script from the message, even if the server let it through', async () => {
    signIn();
    (window as { __pwned?: number }).__pwned = 0;
    const el = await render({
      welcomeHtml: '<p>Hi</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
    });
    await waitUntil(() => part(el, 'content'));
    await new Promise((r) => setTimeout(r, 100));
    const content = part(el, 'content')!;
    expect(content.querySelector('script, iframe, [onerror]')).to.equal(null);
    expect(content.querySelector('a')?.getAttribute('href') ?? null).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });

  it('signed out, loading and error states', async () => {
    const out = await render();
    expect(text(part(out, 'signed-out'))).to.equal('Sign in to see the welcome message.');
    signIn();
    const loading = await render({ fail: { welcome: 'pending' } });
    expect(part(loading, 'spinner')).to.exist;
    const failed = await render({ fail: { welcome: serverError() } });
    await waitUntil(() => part(failed, 'error'));
    await expect(failed).to.be.accessible();
  });
});
