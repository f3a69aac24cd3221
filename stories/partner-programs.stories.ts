import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-programs/partner-programs.js';
import { part, parts } from '../test/helpers/dom.js';
import { fakeApi, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj<{ heading: string }>;
const view = (options: FakeApiOptions = {}, signedIn = true) => (args: { heading: string }) =>
  html`<partner-programs heading=${args.heading} .api=${fakeApi(options)} .sessionStore=${storySession(signedIn)}></partner-programs>`;

const meta = {
  title: 'Elements/partner-programs',
  component: 'partner-programs',
  args: { heading: 'My programs' },
} satisfies Meta<{ heading: string }>;
export default meta;

export const Populated: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-programs')!;
    await waitFor(() => expect(parts(el, 'program')).toHaveLength(2));
  },
};
export const Loading: Story = { render: view({ fail: { programs: 'pending' } }) };
/** In no program: their links earn nothing yet, and the element says so plainly. */
export const Empty: Story = {
  name: 'Empty (in no program)',
  render: view({ programs: [] }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement.querySelector('partner-programs')!, 'empty')).toBeTruthy());
  },
};
export const Error: Story = {
  render: view({ fail: { programs: serverError() } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement.querySelector('partner-programs')!, 'error')).toBeTruthy());
  },
};
export const SignedOut: Story = { render: view({}, false) };
