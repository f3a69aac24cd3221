import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-settings/partner-admin-settings.js';
import type { AdminRole } from '../admin/api/types.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { waitFor } from './support/play.js';

/** Settings → Integrations (Stripe, Shopify) on its own, in every state, against the fake admin API. */
const integrations = (options: FakeAdminOptions = {}, role: AdminRole = 'owner') =>
  html`<partner-admin-integrations .api=${fakeAdminApi({ role, ...options })} .adminSession=${fakeAdminSession(true, role)}></partner-admin-integrations>`;

const meta: Meta = {
  title: 'Console/partner-admin-integrations',
  component: 'partner-admin-integrations',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

const root = (canvas: HTMLElement) => waitFor(() => canvas.querySelector('partner-admin-integrations')?.shadowRoot?.querySelector('[part~="integration"]') && canvas.querySelector('partner-admin-integrations')!.shadowRoot!);

/** Stripe configured from the settings (Clear offered), Shopify not configured. */
export const Default: Story = { render: () => integrations() };

/** Stripe's secret from the server's environment (STRIPE_WEBHOOK_SECRET), Shopify from the settings. */
export const FromEnvironment: Story = { render: () => integrations({ stripeFrom: 'env', shopifyFrom: 'settings' }) };

/** Neither configured. */
export const NotConfigured: Story = { render: () => integrations({ stripeFrom: null, shopifyFrom: null }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => integrations({ fail: { integrations: 'pending' } }) };

/** The server failed: said, with Try again. */
export const FailedToLoad: Story = { render: () => integrations({ fail: { integrations: 'error' } }) };

/** Staff using it on its own: the server refuses (Settings does not show it to staff). */
export const Staff: Story = { render: () => integrations({}, 'staff') };

/** The setup steps opened. */
export const SetupSteps: Story = {
  render: () => integrations(),
  play: async ({ canvasElement }) => {
    for (const d of (await root(canvasElement)).querySelectorAll('details')) d.open = true;
  },
};

/** A secret that is not Stripe's: refused on the field. */
export const SecretRefused: Story = {
  render: () => integrations(),
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    r.querySelector<HTMLInputElement>('#stripe-secret')!.value = 'sk_live_123456789';
    r.querySelector<HTMLButtonElement>('[data-provider="stripe"] button[type="submit"]')!.click();
  },
};

/** Saving a secret: the button says so. */
export const Saving: Story = {
  render: () => integrations({ fail: { updateIntegrations: 'pending' } }),
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    r.querySelector<HTMLInputElement>('#shopify-secret')!.value = 'shpss_0123456789abcdef';
    r.querySelector<HTMLButtonElement>('[data-provider="shopify"] button[type="submit"]')!.click();
  },
};

/** Clearing the saved Stripe secret asks first. */
export const ClearConfirm: Story = {
  render: () => integrations(),
  play: async ({ canvasElement }) => {
    (await root(canvasElement)).querySelector<HTMLButtonElement>('[data-provider="stripe"] [part~="clear"]')!.click();
  },
};
