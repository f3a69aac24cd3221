import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-center/partner-center.js';
import { part } from '../test/helpers/dom.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj<{ section: 'home' | 'resources' | 'reports' }>;
const view = (options: FakeApiOptions = {}, signedIn = true) => (args: { section: 'home' | 'resources' | 'reports' }) =>
  html`<partner-center
    section=${args.section}
    .api=${fakeApi(options)}
    .sessionStore=${storySession(signedIn)}
    forgot-password-href="#reset"
    signup-href="#join"
  ></partner-center>`;

const meta = {
  title: 'Elements/partner-center',
  component: 'partner-center',
  args: { section: 'home' },
  argTypes: { section: { control: 'inline-radio', options: ['home', 'resources', 'reports'] } },
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
/** A partner the merchant has put in no program yet: Home says so first, instead of empty program lists. */
export const HomeNotInAProgram: Story = {
  name: 'Home, partner in no program',
  render: view({ programs: [] }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-center')!;
    await waitFor(() => expect(part(el, 'no-program')).toBeTruthy());
  },
};
/** While the merchant's settings load (or when they fail): titled plainly "Partner Center". */
export const SettingsLoading: Story = { render: view({ fail: { portal: 'pending' } }) };
/** Signed out: the sign-in, with the merchant's reset and sign-up links. */
export const SignedOut: Story = {
  render: view({}, false),
  play: async ({ canvasElement }) => {
    const login = canvasElement.querySelector('partner-center')!.shadowRoot!.querySelector('partner-login')!;
    await waitFor(() => expect(part(login, 'signup-link')).toBeTruthy());
  },
};
