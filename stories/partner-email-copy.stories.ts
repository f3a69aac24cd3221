import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-email-copy/partner-email-copy.js';
import { demoEmails, fakeApi, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { shadowOf, stubClipboardForStory, typeInto } from './support/play.js';

const show = (options: FakeApiOptions = {}, signedIn = true) => {
  signedIn ? signInFake() : signOutFake();
  return html`<partner-email-copy .api=${fakeApi(options)}></partner-email-copy>`;
};

const meta: Meta = {
  title: 'Resources/partner-email-copy',
  component: 'partner-email-copy',
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
};
export default meta;
type Story = StoryObj;

export const SignedOut: Story = { render: () => show({}, false) };
export const Loading: Story = { render: () => show({ emailCopy: 'pending' }) };
export const LoadError: Story = { render: () => show({ emailCopy: 'error' }) };
export const Empty: Story = { render: () => show({ emailCopy: 'empty' }) };
export const Populated: Story = { render: () => show() };

export const LongBody: Story = {
  render: () =>
    show({
      emailsData: [{ ...demoEmails[0]!, body: `${demoEmails[0]!.body}\n\n${'P.S. Free returns on every order, always.\n'.repeat(30)}` }],
    }),
};

export const SubjectCopied: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await shadowOf(canvasElement, 'partner-email-copy', '[part~="list"]');
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
  },
};

export const Themed: Story = {
  render: () => {
    signInFake();
    return html`<style>
        .themed partner-email-copy {
          --partner-color-accent: #0b5e8a;
          --partner-color-subtle: #eef6fb;
          --partner-font-family: Georgia, serif;
        }
      </style>
      <div class="themed"><partner-email-copy .api=${fakeApi()}></partner-email-copy></div>`;
  },
};

/** A sub-id typed at the top: every tracking link in what is shown and copied carries `?sub=blog` (issue 14). */
export const WithSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-email-copy', '[part~="sub-input"]');
    typeInto(root.querySelector('[part~="sub-input"]'), 'blog');
  },
};
/** A sub-id that breaks the rule: explained, and not added to the links. */
export const InvalidSubId: Story = {
  render: () => show(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-email-copy', '[part~="sub-input"]');
    typeInto(root.querySelector('[part~="sub-input"]'), 'my blog');
  },
};
