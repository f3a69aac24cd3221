import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-partners/partner-admin-partners.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { shadowOf, waitFor } from './support/play.js';

/** The console's Partners section on its own, in every state, against the fake admin API. */
const partners = (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) =>
  html`<partner-admin-partners .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-partners>`;

const meta: Meta = {
  title: 'Console/partner-admin-partners',
  component: 'partner-admin-partners',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 640 } } },
};
export default meta;
type Story = StoryObj;

/** Every partner, newest first, with balance and payable now. */
export const Populated: Story = { render: () => partners() };

/** More partners than one page: "Load more" fetches the next (keyset cursor). */
export const Paged: Story = { render: () => partners({ pageSize: 2 }) };

/** Searched and sorted by name (the URL says `#/partners?q=a&sort=name&order=asc`). */
export const Searched: Story = { render: () => partners({}, { path: [], params: { q: 'a', sort: 'name', order: 'asc' } }) };

/** Sign-ups waiting for approval. */
export const WaitingForApproval: Story = { render: () => partners({}, { path: [], params: { status: 'pending' } }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => partners({ fail: { partners: 'pending' } }) };

/** No partner matches the search. */
export const NoMatch: Story = { render: () => partners({}, { path: [], params: { q: 'zzz' } }) };

/** A new program: no partners yet. */
export const Empty: Story = { render: () => partners({ partners: [] }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => partners({ fail: { partners: 'error' } }) };

/** The role may not list partners (403). */
export const Forbidden: Story = { render: () => partners({ fail: { partners: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => partners({}, undefined, false) };

/** "New partner": the form, with the active programs to join. */
export const NewPartner: Story = {
  render: () => partners(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-admin-partners', '[part~="create"]');
    root.querySelector<HTMLButtonElement>('[part~="create"]')!.click();
    await waitFor(() => root.querySelector('[part~="create-form"]'));
  },
};

/** "New partner" sent empty: each missing field says so, focus on the first. */
export const NewPartnerInvalid: Story = {
  render: () => partners(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-admin-partners', '[part~="create"]');
    root.querySelector<HTMLButtonElement>('[part~="create"]')!.click();
    const form = await waitFor(() => root.querySelector<HTMLFormElement>('[part~="create-form"]'));
    form.requestSubmit();
    await waitFor(() => root.querySelector('[part~="form-error"]'));
  },
};

/** One partner: profile, payout details, programs, parent and children, ledger, actions. */
export const Detail: Story = {
  render: () => partners({}, { path: ['ann'], params: {} }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-admin-partners', 'partner-admin-partner');
    await waitFor(() => root.querySelector('partner-admin-partner')?.shadowRoot?.querySelector('[part~="profile"]'));
  },
};

/** A sign-up waiting for approval: Approve and Reject… */
export const DetailWaiting: Story = { render: () => partners({}, { path: ['cleo'], params: {} }) };

/** A partner code that does not exist. */
export const DetailNotFound: Story = { render: () => partners({}, { path: ['nobody'], params: {} }) };
