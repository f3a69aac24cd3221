import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-signup/partner-signup.js';
import { ApiError } from '../src/api/errors.js';
import { part, shadow, text, type } from '../test/helpers/dom.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj<{ heading: string }>;
const view = (options: FakeApiOptions = {}, signedIn = false) => (args: { heading: string }) =>
  html`<partner-signup heading=${args.heading} terms-href="#terms" .api=${fakeApi(options)} .sessionStore=${storySession(signedIn)}></partner-signup>`;
const el = (root: HTMLElement) => root.querySelector('partner-signup')!;

async function fillAndSubmit(root: HTMLElement, values = { name: 'Nia New', email: 'nia@example.com', code: 'nia', password: 'nia-password-1' }) {
  const s = el(root);
  for (const [k, v] of Object.entries(values)) type(shadow<HTMLInputElement>(s, `#${k}`)!, v);
  shadow<HTMLInputElement>(s, '#acceptTerms')!.checked = true;
  part<HTMLFormElement>(s, 'form')!.requestSubmit();
}

const meta = {
  title: 'Elements/partner-signup',
  component: 'partner-signup',
  args: { heading: 'Become a partner' },
} satisfies Meta<{ heading: string }>;
export default meta;

export const Form: Story = { render: view() };
export const FieldErrors: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { name: '', email: 'x', code: 'a b', password: 'short' });
    await waitFor(() => expect(shadow(el(canvasElement), '#code-error')).toBeTruthy());
  },
};
export const CodeTaken: Story = {
  render: view({ fail: { signup: new ApiError(409, 'code_taken', 'The partner code "nia" is taken', 'code') } }),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await waitFor(() => expect(shadow(el(canvasElement), '#code-error')).toBeTruthy());
  },
};
export const Busy: Story = {
  render: view({ fail: { signup: 'pending' } }),
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};
export const PendingApproval: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await waitFor(() => expect(part(el(canvasElement), 'success')).toBeTruthy());
    expect(text(part(el(canvasElement), 'success'))).toBe('Thanks for signing up! The program owner will review your application; sign in once approved.');
  },
};
/** The server refused a field: its message is named by the form's label ("Name: …"). */
export const ServerFieldError: Story = {
  render: view({ fail: { signup: new ApiError(400, 'invalid_request', 'name: must be at most 120 characters', 'name') } }),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await waitFor(() => expect(text(shadow(el(canvasElement), '#name-error'))).toBe('Name: must be at most 120 characters'));
  },
};
export const Closed: Story = {
  render: view({ fail: { signup: new ApiError(403, 'signup_closed', 'The partner program is not taking sign-ups right now.') } }),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await waitFor(() => expect(part(el(canvasElement), 'error')).toBeTruthy());
  },
};
export const AlreadySignedIn: Story = { render: view({}, true) };
