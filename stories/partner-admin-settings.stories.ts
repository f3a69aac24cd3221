import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-settings/partner-admin-settings.js';
import type { AdminRole } from '../admin/api/types.js';
import { ApiError } from '../src/api/errors.js';
import { fakeAdminApi, fakeAdminSession, merchantSettings, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Settings section on its own, in every state, against the fake admin API. */
const settings = (options: FakeAdminOptions = {}, role: AdminRole = 'owner', signedIn = true) =>
  html`<partner-admin-settings .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn, role)}></partner-admin-settings>`;

const meta: Meta = {
  title: 'Console/partner-admin-settings',
  component: 'partner-admin-settings',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 1200 } } },
};
export default meta;
type Story = StoryObj;

const form = (canvas: HTMLElement) => canvas.querySelector('partner-admin-settings')!.shadowRoot!;
const submit = async (canvas: HTMLElement, change?: [string, string]) => {
  await new Promise((r) => setTimeout(r, 300));
  if (change) {
    const input = form(canvas).querySelector<HTMLInputElement>(`[name="${change[0]}"]`)!;
    input.value = change[1];
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  form(canvas).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
};

/** An owner: every setting, the welcome message with its preview, admin keys and merchant users. */
export const Owner: Story = { render: () => settings() };

/** Staff: the settings read-only; keys and users are for owners. */
export const Staff: Story = { render: () => settings({}, 'staff') };

/** Saved: only what changed was sent, and it is announced. */
export const Saved: Story = { render: () => settings(), play: ({ canvasElement }) => submit(canvasElement, ['merchantName', 'Northwind Traders']) };

/** Saving: the server has not answered yet. */
export const Saving: Story = { render: () => settings({ fail: { updateSettings: 'pending' } }), play: ({ canvasElement }) => submit(canvasElement, ['holdDays', '14']) };

/** Our own checks: each error under its field, the first focused, the form's problem announced. */
export const FieldErrors: Story = { render: () => settings(), play: ({ canvasElement }) => submit(canvasElement, ['currency', 'dollars']) };

/** The server refused an origin: said under the list. */
export const ServerRefused: Story = {
  render: () => settings({ fail: { updateSettings: new ApiError(400, 'invalid_request', 'allowedOrigins.0: is not an origin (like https://shop.example.com)', 'allowedOrigins.0') } }),
  play: ({ canvasElement }) => submit(canvasElement, ['allowedOrigins', 'shop.example']),
};

/** No admin keys yet. */
export const NoKeys: Story = { render: () => settings({ adminKeys: [] }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => settings({ fail: { settings: 'pending' } }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => settings({ fail: { settings: 'error' } }) };

/** The server refused the keys and users (403): said where they would be. */
export const Forbidden: Story = { render: () => settings({ fail: { adminKeys: 'forbidden', merchantUsers: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => settings({}, 'owner', false) };

/** The payout schedule set to "on request": partners ask for payouts (no day of the month to fill in). */
export const PayoutsOnRequest: Story = { render: () => settings({ settings: { ...merchantSettings, payoutSchedule: { kind: 'on-request' } } }) };

/** Paid monthly on the 15th. */
export const PayoutsMonthlyOn15th: Story = { render: () => settings({ settings: { ...merchantSettings, payoutSchedule: { kind: 'monthly', day: 15 } } }) };
