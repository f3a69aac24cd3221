import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-links/partner-links.js';
import { ApiError } from '../src/api/errors.js';
import { fakeApi, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { shadowOf, stubClipboardForStory, typeInto } from './support/play.js';

const show = (options: FakeApiOptions = {}, signedIn = true) => {
  signedIn ? signInFake() : signOutFake();
  return html`<partner-links .api=${fakeApi(options)}></partner-links>`;
};

const meta: Meta = {
  title: 'Resources/partner-links',
  component: 'partner-links',
  // every story sets the page's one session: give each its own frame on the docs page
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
};
export default meta;
type Story = StoryObj;

export const SignedOut: Story = { render: () => show({}, false) };
export const Loading: Story = { render: () => show({ links: 'pending' }) };
export const LoadError: Story = { render: () => show({ links: 'error' }) };
export const Empty: Story = { render: () => show({ links: 'empty' }) };
export const Populated: Story = { render: () => show() };
/** The partner has coupon codes (from `GET /me`): shown above the links, each with Copy. */
export const WithCouponCodes: Story = { render: () => show({ coupons: ['DANA10', 'DANA-SPRING'] }) };
/** A coupon code copied: the button says Copied, the live region says so. */
export const CouponCopied: Story = {
  render: () => show({ coupons: ['DANA10'] }),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="coupon-copy-button"]');
    root.querySelector<HTMLButtonElement>('[part~="coupon-copy-button"]')!.click();
  },
};
/** A partner in no program: told that links earn nothing yet, instead of being offered them. */
export const NotInAProgram: Story = {
  render: () => show({ programs: [] }),
  play: async ({ canvasElement }) => {
    await shadowOf(canvasElement, 'partner-links', '[part~="no-program"]');
  },
};
/** The server refused the sub-id: its message is named by the form's label ("Sub-id: …"). */
export const DeepLinkFieldRefused: Story = {
  render: () => show({ fail: { createLink: new ApiError(400, 'invalid_request', 'sub: must be 1–40 letters, digits, dots, dashes or underscores', 'sub') } }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://shop.example.com/members');
    root.querySelector<HTMLButtonElement>('[part~="create-button"]')!.click();
  },
};

export const WithSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#sub'), 'newsletter');
  },
};

export const InvalidSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#sub'), 'my channel');
  },
};

export const Copied: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
  },
};

export const QrCodeOpen: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    root.querySelector<HTMLButtonElement>('[part~="qr-button"]')!.click();
  },
};

export const DeepLinkTyping: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://evil.example.net/page');
  },
};

export const DeepLinkCreating: Story = {
  render: () => show({ createLink: 'pending' }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://shop.example.com/jackets');
    root.querySelector<HTMLButtonElement>('[part~="create-button"]')!.click();
  },
};

export const DeepLinkCreated: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://shop.example.com/jackets');
    root.querySelector<HTMLButtonElement>('[part~="create-button"]')!.click();
  },
};

export const DeepLinkRefusedByServer: Story = {
  render: () => show({ createLink: 'not-allowed' }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://shop.example.com/members');
    root.querySelector<HTMLButtonElement>('[part~="create-button"]')!.click();
  },
};

export const Themed: Story = {
  render: () => {
    signInFake();
    return html`<style>
        .themed partner-links {
          --partner-color-accent: #8a3b12;
          --partner-radius: 0;
          --partner-links-qr-size: 8rem;
        }
        .themed partner-links::part(link) {
          background: #fff8f0;
        }
      </style>
      <div class="themed"><partner-links .api=${fakeApi()}></partner-links></div>`;
  },
};
