import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-commissions/partner-admin-commissions.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Commissions section on its own, in every state, against the fake admin API. */
const commissions = (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) =>
  html`<partner-admin-commissions .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-commissions>`;

const meta: Meta = {
  title: 'Console/partner-admin-commissions',
  component: 'partner-admin-commissions',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 640 } } },
};
export default meta;
type Story = StoryObj;

/** Pending, approved and clawed-back commissions, each saying why it exists. */
export const Populated: Story = { render: () => commissions() };

/** Only the pending ones: select many and approve them at once. */
export const Pending: Story = { render: () => commissions({}, { path: [], params: { status: 'pending' } }) };

/** More than one page: "Load more". */
export const Paged: Story = { render: () => commissions({ pageSize: 3 }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => commissions({ fail: { commissions: 'pending' } }) };

/** Filters that match nothing. */
export const NoMatch: Story = { render: () => commissions({}, { path: [], params: { from: '2027-01-01' } }) };

/** No commissions yet. */
export const Empty: Story = { render: () => commissions({ commissions: [] }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => commissions({ fail: { commissions: 'error' } }) };

/** The role may not see commissions (403). */
export const Forbidden: Story = { render: () => commissions({ fail: { commissions: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => commissions({}, undefined, false) };
