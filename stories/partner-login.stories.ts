import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-login/partner-login.js';
import type { PartnerLoginElement } from '../components/partner-login/partner-login.component.js';
import { SessionStore, sessionStore } from '../src/session.js';
import { part, shadow, text, type } from '../test/helpers/dom.js';
import { demoPartner, fakeApi, type FakeApiOptions } from '../test/helpers/fake-api.js';

/**
 * Every state of `<partner-login>`, against the fake API (no server). States after a submit
 * are reached by the story's play function, which fills in and submits the form as a partner
 * would.
 */
interface Args {
  heading: string;
  forgotPasswordHref: string;
  signupHref: string;
  /** What the fake server answers to "Sign in". */
  login: NonNullable<FakeApiOptions['login']>;
  /** Seconds of lockout when the fake server answers `locked`. */
  retryAfter: number;
  onPartnerLogin?: (event: Event) => void;
  onPartnerLogout?: (event: Event) => void;
}

/** Args plus the attribute rows the docs table reads from custom-elements.json. */
type DocArgs = Args & { 'forgot-password-href'?: string; 'signup-href'?: string };
type Story = StoryObj<DocArgs>;

const template = (args: Args, className?: string) => html`<partner-login
  class=${ifDefined(className)}
  .api=${fakeApi({ login: args.login, retryAfter: args.retryAfter })}
  heading=${args.heading}
  forgot-password-href=${ifDefined(args.forgotPasswordHref || undefined)}
  signup-href=${ifDefined(args.signupHref || undefined)}
  @partner-login=${args.onPartnerLogin}
  @partner-logout=${args.onPartnerLogout}
></partner-login>`;

const meta = {
  title: 'Elements/partner-login',
  component: 'partner-login',
  args: {
    heading: 'Partner sign-in',
    forgotPasswordHref: '',
    signupHref: '',
    login: 'ok',
    retryAfter: 900,
  },
  argTypes: {
    heading: {
      control: 'text',
      description: 'Heading text (the `heading` slot replaces it with markup of your own).',
      table: { category: 'attributes', type: { summary: 'string' }, defaultValue: { summary: "'Partner sign-in'" } },
    },
    forgotPasswordHref: { control: 'text' },
    signupHref: { control: 'text' },
    // the same settings as attributes: documented, driven through the properties above
    'forgot-password-href': { control: false },
    'signup-href': { control: false },
    login: {
      control: 'select',
      options: ['ok', 'invalid', 'locked', 'server', 'disabled', 'network', 'pending'],
      description: 'What the fake partner server answers to "Sign in" (stories only; `server`: `demo` / `demo-password` signs in, five failures lock that code).',
      table: { category: 'fake API' },
    },
    retryAfter: {
      control: { type: 'number', min: 1 },
      description: 'Seconds of lockout the fake server asks for when it answers `locked` (stories only).',
      if: { arg: 'login', eq: 'locked' },
      table: { category: 'fake API' },
    },
  },
  // One session per page: every story starts signed out unless it signs in itself.
  beforeEach: () => {
    sessionStore().end();
  },
  render: (args) => template(args),
  parameters: {
    docs: {
      // Each story in its own frame on the docs page, so the shared sign-in state of one
      // story does not leak into the others, and each story's play function runs.
      story: { inline: false, iframeHeight: 520 },
    },
  },
} satisfies Meta<DocArgs>;

export default meta;

/** The element in a story's canvas, rendered. */
async function loginIn(canvasElement: HTMLElement): Promise<PartnerLoginElement> {
  const el = canvasElement.querySelector('partner-login');
  if (!el) throw new Error('<partner-login> is not in the story');
  await el.updateComplete;
  return el;
}

/** Fills in the form as a partner would and presses "Sign in". */
async function submit(canvasElement: HTMLElement, code: string, password: string) {
  const el = await loginIn(canvasElement);
  type(shadow<HTMLInputElement>(el, '#code')!, code);
  type(shadow<HTMLInputElement>(el, '#password')!, password);
  part<HTMLButtonElement>(el, 'button')!.click();
  await el.updateComplete;
  return el;
}

/** Waits for the server's error message and checks what the partner reads. */
async function expectError(el: PartnerLoginElement, message: string) {
  await waitFor(() => expect(part(el, 'error')).not.toBeNull());
  expect(part(el, 'error')).toHaveAttribute('role', 'alert');
  expect(text(part(el, 'error'))).toContain(message);
}

/** The form as a partner first sees it: partner code, password, "Sign in". */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    expect(text(part(el, 'title'))).toBe('Partner sign-in');
    expect(shadow(el, '#code')).not.toBeNull();
    expect(shadow(el, '#password')).not.toBeNull();
  },
};

/** With the merchant's "Forgot your password?" and "Become a partner" pages. */
export const WithLinks: Story = {
  args: { forgotPasswordHref: '/partners/reset-password', signupHref: '/partners/join' },
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    expect(part(el, 'forgot-link')).toHaveAttribute('href', '/partners/reset-password');
    expect(part(el, 'signup-link')).toHaveAttribute('href', '/partners/join');
  },
};

/** "Sign in" pressed with both fields empty: each field says what is missing. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, '', '');
    expect(text(shadow(el, '#code-error'))).toBe('Enter your partner code.');
    expect(text(shadow(el, '#password-error'))).toBe('Enter your password.');
    expect(shadow(el, '#code')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Waiting for the server (it never answers here): the button says "Signing in…". */
export const Busy: Story = {
  args: { login: 'pending' },
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'demo', 'demo-password');
    await waitFor(() => expect(text(part(el, 'button'))).toBe('Signing in…'));
    expect(part(el, 'form')).toHaveAttribute('aria-busy', 'true');
  },
};

/** The server turned the code or password down (401). */
export const WrongPassword: Story = {
  args: { login: 'invalid' },
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'demo', 'not-my-password');
    await expectError(el, 'The partner code or password is incorrect');
  },
};

/** Too many failed attempts for this code (429): the message counts the wait down and "Sign in" waits. */
export const LockedOut: Story = {
  args: { login: 'locked', retryAfter: 900 },
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'demo', 'guess-number-six');
    await expectError(el, 'Too many attempts for this code. Try again in');
    expect(text(part(el, 'error'))).toMatch(/Try again in \d+:\d\d\.$/);
    expect(text(part(el, 'button'))).toBe('Sign in');
    expect(part(el, 'button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * The lockout belongs to the code that earned it: `demx` waits, while another code (here
 * `demo`) may still be tried at once in the same browser.
 */
export const LockedOutOtherCode: Story = {
  name: 'Locked out, another code typed',
  args: { login: 'server', retryAfter: 900 },
  play: async ({ canvasElement }) => {
    let el = await loginIn(canvasElement);
    for (let i = 0; i < 6; i++) {
      el = await submit(canvasElement, 'demx', 'not-the-password');
      await waitFor(() => expect(text(part(el, 'error'))).not.toBe(''));
    }
    await expectError(el, 'Too many attempts for this code');
    type(shadow<HTMLInputElement>(el, '#code')!, 'demo');
    await el.updateComplete;
    expect(part(el, 'error')).toBeNull();
    expect(part(el, 'button')).toHaveAttribute('aria-disabled', 'false');
  },
};

/** The merchant disabled this partner account (403). */
export const DisabledAccount: Story = {
  args: { login: 'disabled' },
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'demo', 'demo-password');
    await expectError(el, 'This partner account is disabled');
  },
};

/** The partner server could not be reached. */
export const NetworkError: Story = {
  args: { login: 'network' },
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'demo', 'demo-password');
    await expectError(el, 'The partner server could not be reached');
  },
};

/** A partner is signed in on this page: who, and a sign-out button. */
export const SignedIn: Story = {
  beforeEach: () => {
    sessionStore().start({ token: 'pc_story-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
    return () => sessionStore().end();
  },
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    expect(text(part(el, 'signed-in'))).toContain(`Signed in as ${demoPartner.name} (${demoPartner.code})`);
    expect(part(el, 'sign-out-button')).not.toBeNull();
  },
};

/**
 * A merchant's own look: global `--partner-*` tokens, the element's `--partner-login-*`
 * properties, and `::part()` rules, all from the page's stylesheet.
 */
export const Themed: Story = {
  args: {
    heading: 'Acme partner programme',
    forgotPasswordHref: '/partners/reset-password',
    signupHref: '/partners/join',
  },
  render: (args) => html`<style>
      partner-login.acme {
        --partner-color-accent: #0b5d4f;
        --partner-color-text: #2a2118;
        --partner-color-border: #8c7b63;
        --partner-color-focus: #b8470b;
        --partner-font-family: Georgia, 'Times New Roman', serif;
        --partner-radius: 2px;
        --partner-login-background: #f7f2e8;
        --partner-login-border-color: #0b5d4f;
        --partner-login-max-width: 28rem;
        --partner-login-padding: 2rem;
      }
      partner-login.acme::part(base) {
        border-width: 2px;
        box-shadow: 0 0.5rem 1.5rem rgb(42 33 24 / 0.15);
      }
      partner-login.acme::part(title) {
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      partner-login.acme::part(button) {
        border-radius: 999px;
      }
    </style>
    ${template(args, 'acme')}`,
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    expect(getComputedStyle(part(el, 'button')!).backgroundColor).toBe('rgb(11, 93, 79)');
    expect(getComputedStyle(part(el, 'title')!).textTransform).toBe('uppercase');
  },
};

/** The page's address as if opened from an emailed link (`?pc_reset=` or `?pc_confirm=`), put back after the story. */
const arriveWith = (name: string, token: string) => () => {
  const before = location.href;
  const url = new URL(before);
  url.searchParams.set(name, token);
  history.replaceState(history.state, '', url.href);
  return () => history.replaceState(history.state, '', before);
};

/** The reset forms inside the element. */
async function resetFormsIn(canvasElement: HTMLElement) {
  const el = await loginIn(canvasElement);
  await waitFor(() => expect(shadow(el, 'partner-password-reset')).not.toBeNull());
  const forms = shadow<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'partner-password-reset')!;
  await forms.updateComplete;
  return { el, forms };
}

/** "Forgot your password?" pressed: the request form opens in place of the sign-in (no `forgot-password-href`). */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    type(shadow<HTMLInputElement>(el, '#code')!, 'demo');
    part<HTMLButtonElement>(el, 'forgot-link')!.click();
    const { forms } = await resetFormsIn(canvasElement);
    await waitFor(() => expect(shadow<HTMLInputElement>(forms, '#login')?.value).toBe('demo'));
  },
};

/** Opened from the emailed reset link (`?pc_reset=`): "Choose a new password". */
export const ResetLinkOpened: Story = {
  beforeEach: arriveWith('pc_reset', 'pc-reset-demo'),
  play: async ({ canvasElement }) => {
    const { forms } = await resetFormsIn(canvasElement);
    expect(text(part(forms, 'title'))).toBe('Choose a new password');
  },
};

/** The new password set from the link: back to the sign-in, which says so (and has focus). */
export const PasswordChanged: Story = {
  beforeEach: arriveWith('pc_reset', 'pc-reset-demo'),
  play: async ({ canvasElement }) => {
    const { el, forms } = await resetFormsIn(canvasElement);
    type(shadow<HTMLInputElement>(forms, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(forms, '#confirm-password')!, 'a-new-secret');
    part<HTMLFormElement>(forms, 'form')!.requestSubmit();
    await waitFor(() => expect(text(part(el, 'status'))).toBe('Password changed — sign in with your new password.'));
  },
};

/** An expired reset link: the server's words and "Ask for a new link". */
export const ResetLinkExpired: Story = {
  beforeEach: arriveWith('pc_reset', 'pc-reset-expired'),
  play: async ({ canvasElement }) => {
    const { forms } = await resetFormsIn(canvasElement);
    type(shadow<HTMLInputElement>(forms, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(forms, '#confirm-password')!, 'a-new-secret');
    part<HTMLFormElement>(forms, 'form')!.requestSubmit();
    await waitFor(() => expect(text(part(forms, 'error'))).toContain('This reset link has expired'));
  },
};

/** Opened from an email confirmation link (`?pc_confirm=`): the address is confirmed, the sign-in stays. */
export const EmailConfirmed: Story = {
  beforeEach: arriveWith('pc_confirm', 'pc-confirm-demo'),
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    await waitFor(() => expect(text(part(el, 'email-confirmation'))).toContain('is confirmed'));
  },
};

/** An email confirmation link already used. */
export const EmailConfirmationUsed: Story = {
  beforeEach: arriveWith('pc_confirm', 'pc-confirm-used'),
  play: async ({ canvasElement }) => {
    const el = await loginIn(canvasElement);
    await waitFor(() => expect(text(part(el, 'email-confirmation'))).toContain('already used'));
  },
};

/**
 * A page with an embed token (`<meta name="partner-center:embed-token">`) while the token is
 * exchanged: "Signing you in…", never a flash of the form. (Here the exchange never settles.)
 */
export const SigningInWithEmbedToken: Story = {
  name: 'Signing in with an embed token',
  render: () => {
    const store = new SessionStore(null);
    void store.waitFor(new Promise(() => undefined));
    return html`<partner-login .api=${fakeApi()} .sessionStore=${store}></partner-login>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-login')!;
    await waitFor(() => expect(part(el, 'signing-in')).not.toBeNull());
    expect(part(el, 'form')).toBeNull();
  },
};
