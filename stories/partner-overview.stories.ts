import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-overview/partner-overview.js';
import type { Overview } from '../src/api/types.js';
import { emptyOverview, fakeApi, sampleOverview, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

/** The partner's overview in every state. Each story has a session of its own (signed in unless it says otherwise). */

const overview = (options: FakeApiOptions, attrs: { width?: string; signedIn?: boolean } = {}) => {
  const element = html`<partner-overview .api=${fakeApi(options)} .sessionStore=${storySession(attrs.signedIn ?? true)}></partner-overview>`;
  return attrs.width ? html`<div style="width:${attrs.width};border:1px dashed #c6ccd8">${element}</div>` : element;
};

const onRequest = (overrides: Partial<Overview['nextPayout']> = {}, rest: Partial<Overview> = {}) =>
  sampleOverview('USD', {
    nextPayout: { schedule: { kind: 'on-request' }, date: null, estimatedAmount: 61_540, minimumPayout: 5_000, meetsMinimum: true, payoutDetailsMissing: false, ...overrides },
    ...rest,
  });

const meta: Meta = {
  title: 'Home/partner-overview',
  component: 'partner-overview',
  tags: ['autodocs'],
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

/** An active partner: earnings up on last month, money payable and on hold, a monthly payout coming. */
export const Populated: Story = { render: () => overview({ overview: sampleOverview() }) };

/** Earned less than last month: the change is said in words, not only in colour. */
export const EarningsDown: Story = { render: () => overview({ overview: sampleOverview('USD', { earnedThisMonth: 12_000, earnedLastMonth: 39_900 }) }) };

/** A new partner with no clicks and no ledger: the getting-started list. */
export const NoActivity: Story = { render: () => overview({ overview: emptyOverview() }) };

/** The answer has not come yet: placeholder tiles hold the space. */
export const Loading: Story = { render: () => overview({ fail: { overview: 'pending' } }) };

/** The server failed; "Try again" asks again. */
export const LoadError: Story = { render: () => overview({ fail: { overview: serverError() } }) };

/** Nobody is signed in: a short notice, and no request is made. */
export const SignedOut: Story = { render: () => overview({ overview: sampleOverview() }, { signedIn: false }) };

/** Paid on request, enough payable: "Request a payout" leads to the payouts section. */
export const OnRequestCanRequest: Story = { render: () => overview({ overview: onRequest() }) };

/** Paid on request, a request waiting for the merchant. */
export const OnRequestOpenRequest: Story = {
  render: () =>
    overview({
      overview: onRequest({}, { openRequest: { id: 14, amount: 61_540, currency: 'USD', status: 'open', requestedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), decidedAt: null, note: null, paymentId: null } }),
    }),
};

/** Paid on request, below the minimum, and no payout details yet: the hint to add them. */
export const OnRequestBelowMinimum: Story = {
  render: () => overview({ overview: onRequest({ estimatedAmount: 3_200, meetsMinimum: false, payoutDetailsMissing: true }, { payableNow: 3_200, pending: 0, nextRelease: null }) }),
};

/** A 320 px sidebar: one column, figures on one line. */
export const Narrow: Story = { render: () => overview({ overview: sampleOverview() }, { width: '320px' }) };

/** A 320 px sidebar, no activity yet. */
export const NarrowNoActivity: Story = { render: () => overview({ overview: emptyOverview() }, { width: '320px' }) };

/** A wide column: four tiles in a row. */
export const Wide: Story = { render: () => overview({ overview: sampleOverview() }, { width: '1400px' }) };

/** Euros, in a German page. */
export const GermanEuro: Story = { render: () => html`<div lang="de-DE">${overview({ overview: sampleOverview('EUR') })}</div>` };
