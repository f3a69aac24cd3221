import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-commissions/partner-commissions.js';
import { part, parts } from '../test/helpers/dom.js';
import { fakeApi, samplePrograms, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj<{ heading: string }>;
const view = (options: FakeApiOptions = {}, signedIn = true) => (args: { heading: string }) =>
  html`<partner-commissions heading=${args.heading} .api=${fakeApi(options)} .sessionStore=${storySession(signedIn)}></partner-commissions>`;

const meta = {
  title: 'Elements/partner-commissions',
  component: 'partner-commissions',
  args: { heading: 'My commission structure' },
} satisfies Meta<{ heading: string }>;
export default meta;

export const Populated: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-commissions')!;
    await waitFor(() => expect(parts(el, 'program')).toHaveLength(2));
    await expect(part(el, 'rates')).toBeTruthy();
  },
};
export const EuroInGerman: Story = {
  name: 'Euro program, German page',
  render: (args) => html`<div lang="de-DE">
    <partner-commissions
      heading=${args.heading}
      .api=${fakeApi({ programs: samplePrograms.map((p) => ({ ...p, currency: 'EUR' })) })}
      .sessionStore=${storySession()}
    ></partner-commissions>
  </div>`,
};
export const Loading: Story = { render: view({ fail: { programs: 'pending' } }) };
export const Empty: Story = { render: view({ programs: [] }) };
export const Error: Story = {
  render: view({ fail: { programs: serverError() } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement.querySelector('partner-commissions')!, 'error')).toBeTruthy());
  },
};
export const SignedOut: Story = { render: view({}, false) };
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: (args) => html`<div style="width: 320px">${view()(args)}</div>`,
};
