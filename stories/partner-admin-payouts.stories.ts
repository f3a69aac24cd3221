import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-payouts/partner-admin-payouts.js';
import type { AdminRole } from '../admin/api/types.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { fakeAdminApi, fakeAdminSession, merchantSettings, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Payouts section on its own, in every state, against the fake admin API. */
const payouts = (options: FakeAdminOptions = {}, { route = { path: [], params: {} } as SectionRoute, role = 'owner' as AdminRole, signedIn = true } = {}) =>
  html`<partner-admin-payouts .api=${fakeAdminApi({ role, ...options })} .adminSession=${fakeAdminSession(signedIn, role)} .route=${route}></partner-admin-payouts>`;

const meta: Meta = {
  title: 'Console/partner-admin-payouts',
  component: 'partner-admin-payouts',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 760 } } },
};
export default meta;
type Story = StoryObj;

/** Three partners due (PayPal, bank transfer, none given), and the payment history. */
export const Populated: Story = { render: () => payouts() };

/** The history of one batch (`#/payouts?batch=7`). */
export const OneBatch: Story = { render: () => payouts({}, { route: { path: [], params: { batch: '7' } } }) };

/** Nobody's payable now reaches the minimum payout. */
export const NobodyDue: Story = { render: () => payouts({ minimumPayout: 50_000 }) };

/** Nothing due and no payment ever recorded. */
export const Empty: Story = { render: () => payouts({ payouts: [], payments: [], payoutRequests: [] }) };

/** Staff: only an owner can record payments; the history still shows. */
export const Staff: Story = { render: () => payouts({}, { role: 'staff' }) };

/** Staff whose role may not read payments either (403 on both). */
export const Forbidden: Story = { render: () => payouts({ fail: { payments: 'forbidden' } }, { role: 'staff' }) };

/** The first answers have not come. */
export const Loading: Story = { render: () => payouts({ fail: { payoutsDue: 'pending', payments: 'pending' } }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => payouts({ fail: { payoutsDue: 'error', payments: 'error' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => payouts({}, { signedIn: false }) };

/** 130 partners due: the 100 largest first, with the total of all and Load more for the rest. */
export const ManyDue: Story = {
  render: () =>
    payouts({
      payouts: Array.from({ length: 130 }, (_, i) => ({
        partnerCode: `p${String(i + 1).padStart(3, '0')}`,
        name: `Partner ${i + 1}`,
        email: `partner${i + 1}@example.com`,
        amount: 250_000 - i * 1_500,
        balance: { balance: 250_000 - i * 1_500, pending: 0, payableNow: 250_000 - i * 1_500, currency: 'USD' },
        payoutMethod: i % 3 ? 'paypal' : 'bank_transfer',
        payoutDetailsMasked: i % 3 ? `p•••${i + 1}@example.com` : 'DE89 •••• 3000',
      })),
    }),
};

// ── payout requests (issue 14: the payout schedule is "on request") ─────────────────────────

/** Two open payout requests (Ann, Eve) above who is due; each with Decline, and the note that recording the payment settles it. */
export const OpenPayoutRequests: Story = { render: () => payouts({ settings: { ...merchantSettings, payoutSchedule: { kind: 'on-request' } } }) };

/** No open payout request. */
export const NoPayoutRequests: Story = { render: () => payouts({ payoutRequests: [] }) };

/** Staff see the requests but may not decline them. */
export const PayoutRequestsAsStaff: Story = { render: () => payouts({}, { role: 'staff' }) };

/** The requests are still loading. */
export const PayoutRequestsLoading: Story = { render: () => payouts({ fail: { payoutRequests: 'pending' } }) };

/** The requests failed to load: said, with Try again. */
export const PayoutRequestsFailed: Story = { render: () => payouts({ fail: { payoutRequests: 'error' } }) };
