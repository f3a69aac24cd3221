import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-ledger/partner-ledger.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { sampleBalance, sampleLedger } from '../test/helpers/report-data.js';
import { storySession } from './story-helpers.js';

/** My Ledger in every state. Each story has a session of its own (signed in unless it says otherwise). */

const year = sampleLedger(48, { days: 400 });
const thousands = sampleLedger(5_000, { days: 3 * 365, seed: 99 });

const ledger = (options: FakeApiOptions, attrs: { range?: string; pageSize?: number; width?: string } = {}) => {
  const element = html`<partner-ledger .api=${fakeApi(options)} .sessionStore=${storySession()} range=${attrs.range ?? 'all'} page-size=${attrs.pageSize ?? 50}></partner-ledger>`;
  return attrs.width ? html`<div style="width:${attrs.width};border:1px dashed #c6ccd8">${element}</div>` : element;
};

const meta: Meta = {
  title: 'Reports/partner-ledger',
  component: 'partner-ledger',
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // long tables: each preview in a frame of its own height on the docs page, not thousands of rows inline
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
};
export default meta;
type Story = StoryObj;

/** A year of commissions, monthly payments, a clawback and adjustments. */
export const Populated: Story = {
  render: () => ledger({ ledger: year, balance: sampleBalance(year) }),
};

/** Enough payable to be paid in the next payout. */
export const PayoutReady: Story = {
  render: () => ledger({ ledger: year, balance: { ...sampleBalance(year), balance: 9_650, payableNow: 8_450, pending: 1_200, minimumPayout: 5_000, payoutReady: true } }),
};

/** A refund after the last payment took back more than was left: payable now is below zero, and the ledger says why. */
export const PayableBelowZero: Story = {
  render: () => ledger({ ledger: year, balance: { ...sampleBalance(year), balance: -600, payableNow: -600, pending: 0, nextPayableAt: null, payoutReady: false } }),
};

/** The first answer has not come yet. */
export const Loading: Story = {
  render: () => ledger({ reports: 'pending' }),
};

/** A new partner: no activity at all. */
export const NoActivity: Story = {
  render: () => ledger({ ledger: [] }),
};

/** Activity exists, but not in this month. */
export const EmptyPeriod: Story = {
  render: () => ledger({ ledger: sampleLedger(20, { end: Date.now() - 120 * 86_400_000 }) }, { range: 'this-month' }),
};

/** The server failed; "Try again" asks again. */
export const ServerError: Story = {
  render: () => ledger({ reports: 'error' }),
};

/** The server could not be reached. */
export const Offline: Story = {
  render: () => ledger({ reports: 'network' }),
};

/** Nobody is signed in: a prompt, and no request is made. */
export const SignedOut: Story = {
  render: () => html`<partner-ledger .api=${fakeApi({ ledger: year })} .sessionStore=${storySession(false)}></partner-ledger>`,
};

/** Five thousand entries over three years, paged 500 at a time. */
export const ThousandsOfRows: Story = {
  render: () => ledger({ ledger: thousands, balance: sampleBalance(thousands) }, { pageSize: 200 }),
};

/** A 320 px wide container: entries stack into labelled cards. */
export const Narrow320: Story = {
  render: () => ledger({ ledger: year, balance: sampleBalance(year) }, { width: '320px' }),
};

/** Euros, in a German page. */
export const GermanEuro: Story = {
  render: () => html`<div lang="de-DE">${ledger({ ledger: year, currency: 'EUR', balance: { ...sampleBalance(year), currency: 'EUR' } })}</div>`,
};

/** Loading more fails; the rows already shown stay. */
export const LoadMoreFails: Story = {
  render: () => ledger({ ledger: year, moreFails: true }, { pageSize: 10 }),
};
