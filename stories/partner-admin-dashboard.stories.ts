import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-dashboard/partner-admin-dashboard.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { adminDashboard, fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Dashboard section on its own, in every state, against the fake admin API. */
const dashboard = (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) =>
  html`<partner-admin-dashboard .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-dashboard>`;

const meta: Meta = {
  title: 'Console/partner-admin-dashboard',
  component: 'partner-admin-dashboard',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

/** The last 30 days: figures, trend, top partners and what needs attention. */
export const Populated: Story = { render: () => dashboard() };

/** The trend of clicks instead of earned (`#/dashboard?chart=clicks`). */
export const ClicksTrend: Story = { render: () => dashboard({}, { path: [], params: { chart: 'clicks' } }) };

/** A custom range chosen (`?period=custom&from=…&to=…`). */
export const CustomRange: Story = { render: () => dashboard({}, { path: [], params: { period: 'custom', from: '2026-03-01', to: '2026-03-14' } }) };

/** A custom range the picker refuses (the end before the start): nothing is asked of the server. */
export const InvalidRange: Story = { render: () => dashboard({}, { path: [], params: { period: 'custom', from: '2026-03-14', to: '2026-03-01' } }) };

/** No activity in the period and nothing needing attention. */
export const Quiet: Story = { render: () => dashboard({ dashboard: adminDashboard(false) }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => dashboard({ fail: { dashboard: 'pending' } }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => dashboard({ fail: { dashboard: 'error' } }) };

/** The role may not see the dashboard (403). */
export const Forbidden: Story = { render: () => dashboard({ fail: { dashboard: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => dashboard({}, undefined, false) };
