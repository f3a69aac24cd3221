import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-welcome/partner-welcome.js';
import { part } from '../test/helpers/dom.js';
import { fakeApi, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj;
const view = (options: FakeApiOptions = {}, signedIn = true) => () =>
  html`<partner-welcome .api=${fakeApi(options)} .sessionStore=${storySession(signedIn)}></partner-welcome>`;
const shown = (what: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) =>
  waitFor(() => expect(part(canvasElement.querySelector('partner-welcome')!, what)).toBeTruthy());

const meta = { title: 'Elements/partner-welcome', component: 'partner-welcome' } satisfies Meta;
export default meta;

export const Populated: Story = { render: view(), play: shown('content') };
export const Loading: Story = { render: view({ fail: { welcome: 'pending' } }) };
export const Error: Story = { render: view({ fail: { welcome: serverError() } }), play: shown('error') };
export const SignedOut: Story = { render: view({}, false) };
