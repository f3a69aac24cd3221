import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-center/partner-center.js';
import { part } from '../test/helpers/dom.js';
import { fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Section = 'home' | 'resources' | 'reports' | 'payouts';
type Args = { section: Section; view?: string };
type Story = StoryObj<Args>;
// routing="none": a story's section comes from its args, not from the preview frame's address
const view = (options: FakeApiOptions = {}, signedIn = true) => (args: Args) =>
  html`<partner-center
    routing="none"
    section=${args.section}
    view=${ifDefined(args.view)}
    .api=${fakeApi(options)}
    .sessionStore=${storySession(signedIn)}
    forgot-password-href="#reset"
    signup-href="#join"
  ></partner-center>`;

const meta = {
  title: 'Elements/partner-center',
  component: 'partner-center',
  args: { section: 'home' },
  argTypes: {
    section: { control: 'inline-radio', options: ['home', 'resources', 'reports', 'payouts'] },
    view: { control: 'select', options: [undefined, 'ledger', 'commissions', 'leads', 'sales', 'links', 'banners', 'email'] },
  },
} satisfies Meta<Args>;
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

/** Reports opened at a tab, as the address `#/reports/sales` opens it. */
export const ReportsAtATab: Story = {
  name: 'Reports, at the Sales tab (#/reports/sales)',
  args: { section: 'reports', view: 'sales' },
  render: view(),
  play: async ({ canvasElement }) => {
    const reports = canvasElement.querySelector('partner-center')!.shadowRoot!.querySelector('partner-reports')!;
    await waitFor(() => expect(reports.shadowRoot!.querySelector('#tab-sales')!.getAttribute('aria-selected')).toBe('true'));
  },
};
/** The Payouts section (#/payouts): `<partner-payouts>`. */
export const Payouts: Story = { args: { section: 'payouts' }, render: view() };
