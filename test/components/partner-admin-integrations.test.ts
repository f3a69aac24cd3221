import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { PartnerAdminIntegrationsElement } from '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { AdminRole } from '../../admin/api/types.js';
import { stubClipboard } from '../helpers/clipboard.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

async function render(options: FakeAdminOptions = {}, role: AdminRole = 'owner') {
  const api = fakeAdminApi({ role, ...options });
  const el = await fixture<PartnerAdminIntegrationsElement>(
    html`<partner-admin-integrations .api=${api} .adminSession=${fakeAdminSession(true, role)}></partner-admin-integrations>`,
  );
  return { el, api };
}

const provider = (el: Element, name: 'stripe' | 'shopify') => shadow(el, `[data-provider="${name}"]`)!;
const loaded = (el: Element) => waitUntil(() => parts(el, 'integration').length === 2 || part(el, 'error') || part(el, 'forbidden'));
const button = (root: Element, label: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
const secretInput = (el: Element, name: 'stripe' | 'shopify') => shadow<HTMLInputElement>(el, `#${name}-secret`)!;
const submit = (el: Element, name: 'stripe' | 'shopify', value: string) => {
  secretInput(el, name).value = value;
  provider(el, name).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
};

describe('<partner-admin-integrations>', () => {
  it('says it is loading', async () => {
    const { el } = await render({ fail: { integrations: 'pending' } });
    await waitUntil(() => part(el, 'spinner'));
    expect(text(part(el, 'spinner'))).to.equal('Loading integrations…');
  });

  it('shows whether each is configured and from where, the webhook URL and the steps, and passes axe', async () => {
    const { el } = await render({ stripeFrom: 'settings', shopifyFrom: null });
    await loaded(el);
    const stripe = provider(el, 'stripe');
    expect(text(stripe.querySelector('[part~="state"]'))).to.equal('Configured — signing secret saved in these settings.');
    expect(stripe.querySelector<HTMLInputElement>('[part~="webhook-url"]')!.value).to.equal('https://partners.example.com/api/v1/integrations/stripe/webhook');
    expect(text(stripe.querySelector('ol'))).to.contain('checkout.session.completed').and.contain('invoice.paid').and.contain('charge.refunded');
    const shopify = provider(el, 'shopify');
    expect(text(shopify.querySelector('[part~="state"]'))).to.contain('Not configured');
    expect(text(shopify.querySelector('ol'))).to.contain('orders/paid').and.contain('refunds/create').and.contain('orders/cancelled');
    expect(shopify.querySelector('[part~="clear"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when a secret comes from the server environment', async () => {
    const { el } = await render({ stripeFrom: 'env' });
    await loaded(el);
    expect(text(provider(el, 'stripe').querySelector('[part~="state"]'))).to.equal("Configured — signing secret from the server's environment (STRIPE_WEBHOOK_SECRET).");
    expect(provider(el, 'stripe').querySelector('[part~="clear"]')).to.equal(null);
  });

  it('copies the webhook URL', async () => {
    const clipboard = stubClipboard();
    try {
      const { el } = await render();
      await loaded(el);
      provider(el, 'shopify').querySelector<HTMLButtonElement>('[part~="copy"]')!.click();
      await waitUntil(() => text(part(el, 'announcement')));
      expect(clipboard.texts).to.deep.equal(['https://partners.example.com/api/v1/integrations/shopify/webhook']);
      expect(text(part(el, 'announcement'))).to.equal('Shopify webhook URL copied to the clipboard.');
    } finally {
      clipboard.restore();
    }
  });

  it('saves a secret without ever showing it back', async () => {
    const { el, api } = await render({ shopifyFrom: null });
    await loaded(el);
    submit(el, 'shopify', 'shpss_0123456789abcdef');
    await waitUntil(() => text(provider(el, 'shopify').querySelector('[part~="state"]')).startsWith('Configured'));
    expect(api.calls.find((c) => c.method === 'updateIntegrations')!.args[0]).to.deep.equal({ shopifyWebhookSecret: 'shpss_0123456789abcdef' });
    expect(secretInput(el, 'shopify').value).to.equal('');
    expect(secretInput(el, 'shopify')).to.have.attribute('type', 'password');
    expect(el.shadowRoot!.textContent).to.not.contain('shpss_0123456789abcdef');
    expect(text(part(el, 'announcement'))).to.equal('Shopify signing secret saved: Shopify events are accepted.');
    expect(el.shadowRoot!.activeElement).to.equal(secretInput(el, 'shopify'));
  });

  it('asks for a secret before sending, and shows the server refusing one on the field', async () => {
    const { el, api } = await render();
    await loaded(el);
    submit(el, 'stripe', '   ');
    await waitUntil(() => shadow(el, '#stripe-secret-error'));
    expect(text(shadow(el, '#stripe-secret-error'))).to.equal('Paste the signing secret from Stripe');
    expect(el.shadowRoot!.activeElement).to.equal(secretInput(el, 'stripe'));
    expect(api.calls.filter((c) => c.method === 'updateIntegrations')).to.have.length(0);
    submit(el, 'stripe', 'sk_live_not_a_webhook_secret');
    await waitUntil(() => text(shadow(el, '#stripe-secret-error')).includes('whsec_'));
    expect(text(shadow(el, '#stripe-secret-error'))).to.equal('A Stripe signing secret starts with whsec_');
    expect(secretInput(el, 'stripe')).to.have.attribute('aria-invalid', 'true');
    await expect(el).to.be.accessible();
  });

  it('clears a saved secret after asking', async () => {
    const { el, api } = await render({ stripeFrom: 'settings' });
    await loaded(el);
    const stripe = provider(el, 'stripe');
    stripe.querySelector<HTMLButtonElement>('[part~="clear"]')!.click();
    await waitUntil(() => stripe.querySelector('[part~="confirm"]'));
    expect(el.shadowRoot!.activeElement).to.equal(button(stripe, 'Clear secret'));
    button(stripe, 'Keep it')!.click();
    await waitUntil(() => !stripe.querySelector('[part~="confirm"]'));
    expect(el.shadowRoot!.activeElement).to.equal(stripe.querySelector('[part~="clear"]'));
    stripe.querySelector<HTMLButtonElement>('[part~="clear"]')!.click();
    await waitUntil(() => stripe.querySelector('[part~="confirm"]'));
    button(stripe, 'Clear secret')!.click();
    await waitUntil(() => text(provider(el, 'stripe').querySelector('[part~="state"]')).startsWith('Not configured'));
    expect(api.calls.find((c) => c.method === 'updateIntegrations')!.args[0]).to.deep.equal({ stripeWebhookSecret: null });
    expect(text(part(el, 'announcement'))).to.equal('The saved Stripe signing secret is cleared.');
  });

  it('shows a failure with a way to try again', async () => {
    const { el } = await render({ fail: { integrations: 'error' } });
    await loaded(el);
    expect(text(part(el, 'error'))).to.contain('The server had a problem');
  });

  it('tells staff using it on its own that the server refused', async () => {
    const { el } = await render({}, 'staff');
    await loaded(el);
    expect(text(part(el, 'forbidden'))).to.contain('Ask an owner');
  });

  it('is part of Settings for owners', async () => {
    const api = fakeAdminApi();
    const settings = await fixture(html`<partner-admin-settings .api=${api} .adminSession=${fakeAdminSession(true, 'owner')}></partner-admin-settings>`);
    await waitUntil(() => part(settings, 'integrations'));
    await loaded(part(settings, 'integrations')!);
  });
});
