import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-password-reset/partner-password-reset.js';
import type { PartnerPasswordResetElement } from '../components/partner-password-reset/partner-password-reset.component.js';
import { part, shadow, text, type } from '../test/helpers/dom.js';
import { fakeApi, RESET_SENT_MESSAGE, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

/**
 * Every state of the password reset, against the fake API. `<partner-login>` (and so
 * `<partner-center>`) shows these forms itself behind "Forgot your password?" and when the page
 * is opened from an emailed `?pc_reset=` link; here the element stands alone, given the link's
 * token directly (the fake server knows `pc-reset-demo` — valid once —, `pc-reset-expired` and
 * `pc-reset-used`; any other token is forged).
 */
interface Args {
  token: string;
  loginHref: string;
}
type Story = StoryObj<Args>;

const view =
  (options: FakeApiOptions = {}) =>
  (args: Args) =>
    html`<partner-password-reset
      .api=${fakeApi(options)}
      .sessionStore=${storySession(false)}
      .token=${args.token || undefined}
      login-href=${ifDefined(args.loginHref || undefined)}
    ></partner-password-reset>`;

const meta = {
  title: 'Elements/partner-password-reset',
  component: 'partner-password-reset',
  args: { token: '', loginHref: '/partners/sign-in' },
  argTypes: {
    token: { control: 'text', description: 'The reset link’s token (default: the page address’s `pc_reset`).', table: { category: 'properties' } },
    loginHref: { control: 'text' },
  },
  render: view(),
} satisfies Meta<Args>;
export default meta;

const el = (root: HTMLElement) => root.querySelector<PartnerPasswordResetElement>('partner-password-reset')!;

async function requestLink(root: HTMLElement, login: string) {
  const reset = el(root);
  await reset.updateComplete;
  type(shadow<HTMLInputElement>(reset, '#login')!, login);
  part<HTMLFormElement>(reset, 'form')!.requestSubmit();
  return reset;
}

async function setPassword(root: HTMLElement, password: string, confirm = password) {
  const reset = el(root);
  await reset.updateComplete;
  type(shadow<HTMLInputElement>(reset, '#new-password')!, password);
  type(shadow<HTMLInputElement>(reset, '#confirm-password')!, confirm);
  part<HTMLFormElement>(reset, 'form')!.requestSubmit();
  return reset;
}

/** "Forgot your password?": the partner code or email to send the link for. */
export const ForgotForm: Story = {
  play: async ({ canvasElement }) => {
    await el(canvasElement).updateComplete;
    expect(text(part(el(canvasElement), 'title'))).toBe('Reset your password');
    expect(text(shadow(el(canvasElement), 'label[for="login"]'))).toBe('Partner code or email');
  },
};

/** "Send reset link" pressed with nothing typed. */
export const ForgotFormEmpty: Story = {
  play: async ({ canvasElement }) => {
    const reset = await requestLink(canvasElement, '');
    await waitFor(() => expect(text(shadow(reset, '#login-error'))).toBe('Enter your partner code or email address.'));
  },
};

/** Waiting for the server: "Sending…". */
export const Sending: Story = {
  render: view({ passwordReset: 'pending' }),
  play: async ({ canvasElement }) => {
    const reset = await requestLink(canvasElement, 'demo');
    await waitFor(() => expect(text(part(reset, 'button'))).toBe('Sending…'));
  },
};

/** The server's answer, the same whether or not an account matches. */
export const LinkSent: Story = {
  play: async ({ canvasElement }) => {
    const reset = await requestLink(canvasElement, 'dana.demo@example.com');
    await waitFor(() => expect(text(part(reset, 'status'))).toBe(RESET_SENT_MESSAGE));
  },
};

/** Too many requests for this address (429). */
export const TooManyRequests: Story = {
  render: view({ passwordReset: 'limited' }),
  play: async ({ canvasElement }) => {
    const reset = await requestLink(canvasElement, 'demo');
    await waitFor(() => expect(text(part(reset, 'error'))).toContain('Too many reset requests'));
  },
};

/** The server could not be reached. */
export const RequestNetworkError: Story = {
  render: view({ passwordReset: 'network' }),
  play: async ({ canvasElement }) => {
    const reset = await requestLink(canvasElement, 'demo');
    await waitFor(() => expect(text(part(reset, 'error'))).toContain('could not be reached'));
  },
};

/** Opened from the emailed link: "Choose a new password". */
export const ResetForm: Story = {
  args: { token: 'pc-reset-demo' },
  play: async ({ canvasElement }) => {
    await el(canvasElement).updateComplete;
    expect(text(part(el(canvasElement), 'title'))).toBe('Choose a new password');
  },
};

/** The two passwords differ: said on the second field. */
export const ResetFormMismatch: Story = {
  args: { token: 'pc-reset-demo' },
  play: async ({ canvasElement }) => {
    const reset = await setPassword(canvasElement, 'a-new-secret', 'a-new-secreT');
    await waitFor(() => expect(text(shadow(reset, '#confirm-password-error'))).toBe('The two new passwords are not the same.'));
  },
};

/** Changed (on a page of its own: with `login-href`, a link to sign in). */
export const ResetDone: Story = {
  args: { token: 'pc-reset-demo' },
  play: async ({ canvasElement }) => {
    const reset = await setPassword(canvasElement, 'a-new-secret');
    await waitFor(() => expect(text(part(reset, 'status'))).toBe('Password changed — sign in with your new password.'));
  },
};

/** The link is over an hour old: the server's words and "Ask for a new link". */
export const TokenExpired: Story = {
  args: { token: 'pc-reset-expired' },
  play: async ({ canvasElement }) => {
    const reset = await setPassword(canvasElement, 'a-new-secret');
    await waitFor(() => expect(text(part(reset, 'error'))).toContain('This reset link has expired'));
    expect(part(reset, 'new-link-button')).not.toBeNull();
  },
};

/** The link was used already. */
export const TokenUsed: Story = {
  args: { token: 'pc-reset-used' },
  play: async ({ canvasElement }) => {
    const reset = await setPassword(canvasElement, 'a-new-secret');
    await waitFor(() => expect(text(part(reset, 'error'))).toContain('already used'));
  },
};

/** A token the server never issued. */
export const TokenForged: Story = {
  args: { token: 'made-up' },
  play: async ({ canvasElement }) => {
    const reset = await setPassword(canvasElement, 'a-new-secret');
    await waitFor(() => expect(text(part(reset, 'error'))).toContain('This reset link is not valid'));
  },
};
