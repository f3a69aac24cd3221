import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-banners/partner-banners.js';
import { fakeApi, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { shadowOf, stubClipboardForStory, typeInto } from './support/play.js';

const show = (options: FakeApiOptions = {}, signedIn = true) => {
  signedIn ? signInFake() : signOutFake();
  return html`<partner-banners .api=${fakeApi(options)}></partner-banners>`;
};

const meta: Meta = {
  title: 'Resources/partner-banners',
  component: 'partner-banners',
  parameters: { docs: { story: { inline: false, iframeHeight: 720 } } },
};
export default meta;
type Story = StoryObj;

export const SignedOut: Story = { render: () => show({}, false) };
export const Loading: Story = { render: () => show({ banners: 'pending' }) };
export const LoadError: Story = { render: () => show({ banners: 'error' }) };
export const Empty: Story = { render: () => show({ banners: 'empty' }) };
export const Populated: Story = { render: () => show() };

export const FilteredBySize: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-banners', '[part~="gallery"]');
    const select = root.querySelector<HTMLSelectElement>('[part~="size-filter"]')!;
    select.value = '300x250';
    select.dispatchEvent(new Event('change'));
  },
};

export const Copied: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await shadowOf(canvasElement, 'partner-banners', '[part~="gallery"]');
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
  },
};

export const NarrowContainer: Story = {
  render: () => {
    signInFake();
    return html`<div style="max-width: 22rem"><partner-banners .api=${fakeApi()}></partner-banners></div>`;
  },
};

export const Themed: Story = {
  render: () => {
    signInFake();
    return html`<style>
        .themed partner-banners {
          --partner-color-accent: #6b2fa3;
          --partner-banners-min-column: 14rem;
          --partner-banners-preview-background: #20242c;
        }
      </style>
      <div class="themed"><partner-banners .api=${fakeApi()}></partner-banners></div>`;
  },
};

/** A sub-id typed at the top: every tracking link in what is shown and copied carries `?sub=blog` (issue 14). */
export const WithSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-banners', '[part~="sub-input"]');
    typeInto(root.querySelector('[part~="sub-input"]'), 'blog');
  },
};
/** A sub-id that breaks the rule: explained, and not added to the links. */
export const InvalidSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-banners', '[part~="sub-input"]');
    typeInto(root.querySelector('[part~="sub-input"]'), 'my blog');
  },
};
