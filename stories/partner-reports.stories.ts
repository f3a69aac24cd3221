import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-reports/partner-reports.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { sampleCommissions, sampleLeads, sampleLinkStats, sampleSales } from '../test/helpers/report-data.js';
import { storySession } from './story-helpers.js';

/** The Reports menu in every state. Each story has a session of its own (signed in unless it says otherwise). */

const populated: FakeApiOptions = {
  commissions: sampleCommissions(40),
  leads: sampleLeads(25),
  sales: sampleSales(30),
  linkStats: sampleLinkStats(60),
};

const reports = (options: FakeApiOptions, attrs: { tab?: string; range?: string; pageSize?: number; width?: string } = {}) => {
  const element = html`<partner-reports
    .api=${fakeApi(options)}
    .sessionStore=${storySession()}
    tab=${attrs.tab ?? 'commissions'}
    range=${attrs.range ?? 'all'}
    page-size=${attrs.pageSize ?? 50}
  ></partner-reports>`;
  return attrs.width ? html`<div style="width:${attrs.width};border:1px dashed #c6ccd8">${element}</div>` : element;
};

const meta: Meta = {
  title: 'Reports/partner-reports',
  component: 'partner-reports',
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // long tables: each preview in a frame of its own height on the docs page, not thousands of rows inline
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
};
export default meta;
type Story = StoryObj;

/** The commission report: statuses, second tier, lead commissions, clawbacks with reasons. */
export const Populated: Story = { render: () => reports(populated) };

/** Lead tracking, addresses masked by the merchant's privacy setting. */
export const Leads: Story = { render: () => reports(populated, { tab: 'leads' }) };

/** Lead tracking with the merchant showing leads in full. */
export const LeadsInFull: Story = { render: () => reports({ leads: sampleLeads(12, { masked: false }), leadPrivacy: 'full' }, { tab: 'leads' }) };

/** The sales report: items, refunds, a self-referral. */
export const Sales: Story = { render: () => reports(populated, { tab: 'sales' }) };

/** Link statistics with the clicks and sales charts. */
export const Links: Story = { render: () => reports(populated, { tab: 'links' }) };

/** Two years of link statistics: the chart groups by week. */
export const LinksTwoYears: Story = { render: () => reports({ linkStats: sampleLinkStats(700) }, { tab: 'links' }) };

export const Loading: Story = { render: () => reports({ reports: 'pending' }) };

/** A new partner: nothing in any report. */
export const NoActivity: Story = { render: () => reports({}) };

/** No link activity at all. */
export const NoLinkActivity: Story = { render: () => reports({}, { tab: 'links' }) };

export const ServerError: Story = { render: () => reports({ reports: 'error' }) };

export const SignedOut: Story = {
  render: () => html`<partner-reports .api=${fakeApi(populated)} .sessionStore=${storySession(false)}></partner-reports>`,
};

/** Two thousand commissions, paged 500 at a time. */
export const ThousandsOfRows: Story = { render: () => reports({ commissions: sampleCommissions(2_000) }, { pageSize: 200 }) };

/** A 320 px wide container: rows stack into labelled cards, charts shrink. */
export const Narrow320: Story = { render: () => reports(populated, { width: '320px' }) };

export const Narrow320Links: Story = { render: () => reports(populated, { tab: 'links', width: '320px' }) };
