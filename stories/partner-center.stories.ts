import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-center/partner-center.js';
import { part } from '../test/helpers/dom.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { signInDemo, signOut } from './story-helpers.js';

type Story = StoryObj<{ section: 'home' | 'resources' | 'reports' }>;
const view = (options: FakeApiOptions = {}) => (args: { section: 'home' | 'resources' | 'reports' }) =>
  html`<partner-center section=${args.section} .api=${fakeApi(options)}></partner-center>`;

const meta = {
  title: 'Elements/partner-center',
  component: 'partner-center',
  args: { section: 'home' },
  argTypes: { section: { control: 'inline-radio', options: ['home', 'resources', 'reports'] } },
  beforeEach: signInDemo,
} satisfies Meta<{ section: 'home' | 'resources' | 'reports' }>;
export default meta;

export const Home: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-center')!;
    await waitFor(() => expect(part(el, 'nav')).toBeTruthy());
  },
};
export const HomeWithSectionsHidden: Story = {
  name: 'Home, programs and profile hidden by the merchant',
  render: view({ portal: { menus: { welcome: true, profile: false, programs: false, commissions: true } } }),
};
export const SignedOut: Story = { render: view(), beforeEach: signOut };
