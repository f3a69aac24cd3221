import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-audit/partner-admin-audit.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Audit log section on its own, in every state, against the fake admin API. */
const audit = (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) =>
  html`<partner-admin-audit .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-audit>`;

const meta: Meta = {
  title: 'Console/partner-admin-audit',
  component: 'partner-admin-audit',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 640 } } },
};
export default meta;
type Story = StoryObj;

/** Changes by a console user, an admin API key and the CLI, each with what changed. */
export const Populated: Story = { render: () => audit() };

/** Filtered to one user's changes to partners (`#/audit?actor=…&targetType=partner`). */
export const Filtered: Story = { render: () => audit({}, { path: [], params: { actor: 'owner@northwind.example', targetType: 'partner' } }) };

/** More than one page: "Load more". */
export const Paged: Story = { render: () => audit({ pageSize: 3 }) };

/** Filters that match nothing. */
export const NoMatch: Story = { render: () => audit({}, { path: [], params: { action: 'banner.delete' } }) };

/** Nothing recorded yet. */
export const Empty: Story = { render: () => audit({ audit: [] }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => audit({ fail: { audit: 'pending' } }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => audit({ fail: { audit: 'error' } }) };

/** The role may not read the log (403). */
export const Forbidden: Story = { render: () => audit({ fail: { audit: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => audit({}, undefined, false) };
