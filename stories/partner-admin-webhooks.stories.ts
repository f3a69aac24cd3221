import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-webhooks/partner-admin-webhooks.js';
import type { AdminRole } from '../admin/api/types.js';
import { ApiError } from '../src/api/errors.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { stubClipboardForStory, waitFor } from './support/play.js';

/** The console's Webhooks section on its own, in every state, against the fake admin API. */
const webhooks = (path: string[], options: FakeAdminOptions = {}, { role = 'owner' as AdminRole, signedIn = true } = {}) =>
  html`<partner-admin-webhooks .api=${fakeAdminApi({ role, ...options })} .adminSession=${fakeAdminSession(signedIn, role)} .route=${{ path, params: {} }}></partner-admin-webhooks>`;

const meta: Meta = {
  title: 'Console/partner-admin-webhooks',
  component: 'partner-admin-webhooks',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 1000 } } },
};
export default meta;
type Story = StoryObj;

const section = (canvas: HTMLElement) => canvas.querySelector('partner-admin-webhooks')!.shadowRoot!;
const endpoint = (canvas: HTMLElement) => section(canvas).querySelector('[part~="view"]')!.shadowRoot!;
const fill = (root: ShadowRoot, name: string, value: string) => {
  const field = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const check = (root: ShadowRoot, ...events: string[]) => {
  for (const ev of events) root.querySelector<HTMLInputElement>(`input[name="events"][value="${ev}"]`)!.checked = true;
};

// ── the endpoints ──

/** An enabled endpoint with its last delivery, and one disabled after failing for days (with why). */
export const Endpoints: Story = { render: () => webhooks([]) };

/** No endpoint yet. */
export const NoEndpoint: Story = { render: () => webhooks([], { webhooks: [] }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => webhooks([], { fail: { webhooks: 'pending' } }) };

/** The server failed: said, with Try again. */
export const FailedToLoad: Story = { render: () => webhooks([], { fail: { webhooks: 'error' } }) };

/** Staff: told the section is for owners; nothing is asked of the server. */
export const Staff: Story = { render: () => webhooks([], {}, { role: 'staff' }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => webhooks([], {}, { signedIn: false }) };

// ── adding one ──

/** The form: URL, description, the events to send. */
export const AddEndpoint: Story = { render: () => webhooks(['new']) };

/** Sent empty: the problems said under their fields, focus on the first. */
export const AddEndpointInvalid: Story = {
  render: () => webhooks(['new']),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('form') && section(canvasElement));
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  },
};

/** The server refused a private address (SSRF): said on the URL field. */
export const AddEndpointPrivateAddress: Story = {
  render: () => webhooks(['new']),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('form') && section(canvasElement));
    fill(root, 'url', 'https://10.0.0.5/hooks');
    check(root, 'sale.created');
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  },
};

/** Saving: the button says so while the server answers. */
export const AddEndpointSaving: Story = {
  render: () => webhooks(['new'], { fail: { createWebhook: 'pending' } }),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('form') && section(canvasElement));
    fill(root, 'url', 'https://erp.example.com/hooks');
    check(root, 'commission.created');
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  },
};

/** Added: the whsec_ signing secret, shown this once, with Copy. */
export const SecretShownOnce: Story = {
  render: () => webhooks(['new']),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await waitFor(() => section(canvasElement).querySelector('form') && section(canvasElement));
    fill(root, 'url', 'https://erp.example.com/hooks');
    fill(root, 'description', 'ERP');
    check(root, 'sale.created', 'commission.created');
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitFor(() => section(canvasElement).querySelector('[part~="secret"]'));
  },
};

// ── one endpoint ──

/** An endpoint and its delivery log: delivered, retried, failed for good, pending with its next attempt. */
export const Endpoint: Story = { render: () => webhooks(['1']) };

/** More deliveries than a page: "Load more" continues on the keyset cursor. */
export const EndpointLoadMore: Story = { render: () => webhooks(['1'], { deliveryPageSize: 2 }) };

/** Disabled after failing: the reason, and no test event until enabled. */
export const EndpointDisabled: Story = { render: () => webhooks(['2']) };

/** No delivery yet. */
export const EndpointNoDelivery: Story = { render: () => webhooks(['1'], { deliveries: {} }) };

/** The log is still loading. */
export const EndpointDeliveriesLoading: Story = { render: () => webhooks(['1'], { fail: { webhookDeliveries: 'pending' } }) };

/** No such endpoint (deleted since). */
export const EndpointNotFound: Story = { render: () => webhooks(['999']) };

/** Edit: the form filled in. */
export const EndpointEdit: Story = { render: () => webhooks(['1', 'edit']) };

/** A test event sent: a webhook.test delivery in the log, said. */
export const TestEventSent: Story = {
  render: () => webhooks(['1']),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('[part~="view"]')?.shadowRoot?.querySelector('[part~="test"]') && endpoint(canvasElement));
    root.querySelector<HTMLButtonElement>('[part~="test"]')!.click();
  },
};

/** A delivery resent. */
export const Resent: Story = {
  render: () => webhooks(['1']),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('[part~="view"]')?.shadowRoot?.querySelector('[part~="resend"]') && endpoint(canvasElement));
    root.querySelector<HTMLButtonElement>('[part~="resend"][data-id="3"]')!.click();
  },
};

/** Resend refused by the server: said. */
export const ResendFailed: Story = {
  render: () => webhooks(['1'], { fail: { resendDelivery: new ApiError(409, 'conflict', 'This endpoint is disabled; enable it to resend.') } }),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('[part~="view"]')?.shadowRoot?.querySelector('[part~="resend"]') && endpoint(canvasElement));
    root.querySelector<HTMLButtonElement>('[part~="resend"]')!.click();
  },
};

/** Delete asks first. */
export const DeleteConfirm: Story = {
  render: () => webhooks(['2']),
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => section(canvasElement).querySelector('[part~="view"]')?.shadowRoot?.querySelector('[part~="delete"]') && endpoint(canvasElement));
    root.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
  },
};
