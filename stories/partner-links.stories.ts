import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-links/partner-links.js';
import { ApiError } from '../src/api/errors.js';
import { demoLinks, fakeApi, sampleLinkFigures, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';
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

// ── issue 14: figures per period, names, rename, disable ──

/** Each link card with its clicks, sales, conversion and earnings for the period picked at the top. */
export const WithFigures: Story = { render: () => show({ linkStats: sampleLinkFigures() }) };
/** The figures still loading: the links are usable meanwhile. */
export const FiguresLoading: Story = { render: () => show({ fail: { linkStats: 'pending' } }) };
/** The figures failed: said once above the list, with Try again; the links still work. */
export const FiguresError: Story = { render: () => show({ reports: 'error' }) };
/** A custom link named by the partner, a disabled one listed last and marked. */
export const NamedAndDisabled: Story = {
  render: () =>
    show({
      linkStats: sampleLinkFigures(),
      linksData: {
        ...demoLinks,
        links: [
          ...demoLinks.links.map((l) => (l.id === 3 ? { ...l, name: 'Boots, newsletter' } : l)),
          { id: 4, kind: 'custom', name: 'Old tent promo', slug: 'tentold123', destination: 'https://shop.example.com/tents', sub: null, url: 'https://partners.example.com/r/demo/tentold123', clicks: 12, createdAt: '2026-01-05T10:00:00.000Z', disabled: true },
        ],
      },
    }),
};
/** Renaming a custom link inline (Escape cancels). */
export const Renaming: Story = {
  render: () => show({ linkStats: sampleLinkFigures() }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="rename-button"]');
    root.querySelector<HTMLButtonElement>('[part~="rename-button"]')!.click();
  },
};
/** Disable asks first, saying what it does. */
export const DisableConfirmation: Story = {
  render: () => show({ linkStats: sampleLinkFigures() }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="disable-button"]');
    root.querySelector<HTMLButtonElement>('[part~="disable-button"]')!.click();
  },
};
/** Naming a link when creating it. */
export const NamingANewLink: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-links', '[part~="list"]');
    typeInto(root.querySelector('#destination'), 'https://shop.example.com/jackets');
    typeInto(root.querySelector('#new-name'), 'Jackets, Instagram');
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
