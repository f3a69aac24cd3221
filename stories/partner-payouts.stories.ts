import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-payouts/partner-payouts.js';
import { ApiError } from '../src/api/errors.js';
import { fakeApi, samplePayouts, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

/** The partner's payouts and payout requests in every state. Each story has a session of its own. */

const payouts = (options: FakeApiOptions, attrs: { width?: string; signedIn?: boolean } = {}) => {
  const element = html`<partner-payouts .api=${fakeApi(options)} .sessionStore=${storySession(attrs.signedIn ?? true)}></partner-payouts>`;
  return attrs.width ? html`<div style="width:${attrs.width};border:1px dashed #c6ccd8">${element}</div>` : element;
};

const meta: Meta = {
  title: 'Home/partner-payouts',
  component: 'partner-payouts',
  tags: ['autodocs'],
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 720 } } },
};
export default meta;
type Story = StoryObj;

/** The merchant pays monthly: when, the minimum, and the history. */
export const Monthly: Story = { render: () => payouts({ payoutsData: samplePayouts('monthly') }) };

/** Nothing paid yet. */
export const NoPayouts: Story = { render: () => payouts({ payoutsData: samplePayouts('none') }) };

/** Paid on request, enough payable: the Request payout button (try it: the fake server takes the request). */
export const OnRequestCanRequest: Story = { render: () => payouts({ payoutsData: samplePayouts('can-request') }) };

/** A request waits for the merchant: Withdraw request. */
export const OnRequestOpenRequest: Story = { render: () => payouts({ payoutsData: samplePayouts('open') }) };

/** The last request was declined, with the merchant's note. */
export const OnRequestDeclined: Story = { render: () => payouts({ payoutsData: samplePayouts('declined') }) };

/** Below the minimum: no button, the reason instead. */
export const OnRequestBelowMinimum: Story = { render: () => payouts({ payoutsData: samplePayouts('below-minimum') }) };

/** Payout details missing: the server's reason. */
export const OnRequestDetailsMissing: Story = { render: () => payouts({ payoutsData: samplePayouts('details-missing') }) };

/** The server refuses the request (409): its reason shows as an alert. */
export const OnRequestRefused: Story = {
  render: () =>
    payouts({
      payoutsData: samplePayouts('can-request'),
      fail: { requestPayout: new ApiError(409, 'payout_request_not_allowed', 'You have already asked for a payout; the merchant will pay it soon.') },
    }),
};

/** The answer has not come yet. */
export const Loading: Story = { render: () => payouts({ fail: { payouts: 'pending' } }) };

/** The server failed; "Try again" asks again. */
export const LoadError: Story = { render: () => payouts({ fail: { payouts: serverError() } }) };

/** Nobody is signed in. */
export const SignedOut: Story = { render: () => payouts({ payoutsData: samplePayouts('monthly') }, { signedIn: false }) };

/** A 320 px sidebar: the tables stack into cards. */
export const Narrow: Story = { render: () => payouts({ payoutsData: samplePayouts('declined') }, { width: '320px' }) };
