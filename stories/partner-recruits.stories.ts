import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-recruits/partner-recruits.js';
import { ApiError } from '../src/api/errors.js';
import { fakeApi, sampleRecruits, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { shadowOf, stubClipboardForStory } from './support/play.js';

const show = (options: FakeApiOptions = {}, signedIn = true, signupHref = 'https://shop.example.com/partners/join') => {
  signedIn ? signInFake() : signOutFake();
  return html`<partner-recruits .api=${fakeApi(options)} signup-href=${signupHref}></partner-recruits>`;
};

const meta: Meta = {
  title: 'Home/partner-recruits',
  component: 'partner-recruits',
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
};
export default meta;
type Story = StoryObj;

export const SignedOut: Story = { render: () => show({}, false) };
export const Loading: Story = { render: () => show({ fail: { recruits: 'pending' } }) };
export const LoadError: Story = { render: () => show({ fail: { recruits: new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.') } }) };
/** No program pays a second tier: the element hides itself (nothing shows below this line). */
export const NotEnabled: Story = { render: () => html`<p>Above the element.</p>${show()}<p>Below the element.</p>` };
/** A second tier, nobody recruited yet: the link and an empty state. */
export const NoRecruitsYet: Story = { render: () => show({ recruitsData: { ...sampleRecruits(), recruits: [], earnedTotal: 0 } }) };
export const Populated: Story = { render: () => show({ recruitsData: sampleRecruits() }) };
/** The recruit link copied: the button says Copied, the live region says so. */
export const LinkCopied: Story = {
  render: () => show({ recruitsData: sampleRecruits() }),
  play: async ({ canvasElement }) => {
    stubClipboardForStory();
    const root = await shadowOf(canvasElement, 'partner-recruits', '[part~="copy-button"]');
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
  },
};
/** In a 320 px sidebar: laid out by the element's own width (container queries). */
export const NarrowContainer: Story = { render: () => html`<div style="width: 320px">${show({ recruitsData: sampleRecruits() })}</div>` };
