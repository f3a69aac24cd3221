import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-resources/partner-resources.js';
import { fakeApi, signInFake, signOutFake, type FakeApiOptions } from '../test/helpers/fake-api.js';

const show = (options: FakeApiOptions = {}, signedIn = true, page = '') => {
  signedIn ? signInFake() : signOutFake();
  return html`<partner-resources .api=${fakeApi(options)} page=${page}></partner-resources>`;
};

const meta: Meta = {
  title: 'Resources/partner-resources',
  component: 'partner-resources',
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
};
export default meta;
type Story = StoryObj;

export const SignedOut: Story = { render: () => show({}, false) };
export const Loading: Story = { render: () => show({ resources: 'pending' }) };
export const LoadError: Story = { render: () => show({ resources: 'error' }) };
export const Empty: Story = { render: () => show({ resources: 'empty' }) };
export const Populated: Story = { render: () => show() };
export const SecondPageOpen: Story = { render: () => show({}, true, 'brand-guidelines') };

export const RichContent: Story = {
  render: () =>
    show({
      pagesData: [
        {
          id: 1,
          title: 'Everything markdown can do',
          slug: 'rich',
          html: [
            '<h4>A heading</h4>',
            '<p>Text with <strong>bold</strong>, <em>italics</em>, <code>code</code> and <a href="https://shop.example.com/" rel="noopener noreferrer nofollow">a link</a>.</p>',
            '<blockquote><p>A quote from the merchant.</p></blockquote>',
            '<ol><li>First</li><li>Second</li></ol>',
            '<pre><code>https://partners.example.com/r/demo/home?sub=newsletter</code></pre>',
            '<table><thead><tr><th>Plan</th><th>Commission</th></tr></thead><tbody><tr><td>Basic</td><td>10%</td></tr><tr><td>Gold</td><td>15%</td></tr></tbody></table>',
          ].join('\n'),
        },
      ],
    }),
};

export const HostileMarkupStripped: Story = {
  render: () =>
    show({
      pagesData: [
        {
          id: 1,
          title: '<img src=x onerror=alert(1)> shown as text',
          slug: 'hostile',
          html: '<p>Only this paragraph and <a href="https://shop.example.com/">this link</a> remain.</p><script>alert(1)</script><img src=x onerror=alert(1)><iframe src="javascript:alert(1)"></iframe><a href="javascript:alert(1)">inert</a>',
        },
      ],
    }),
};

export const Themed: Story = {
  render: () => {
    signInFake();
    return html`<style>
        .themed partner-resources {
          --partner-color-accent: #1f6f5c;
          --partner-resources-nav-width: 11rem;
        }
        .themed partner-resources::part(page-button) {
          border-radius: 999px;
        }
      </style>
      <div class="themed"><partner-resources .api=${fakeApi()}></partner-resources></div>`;
  },
};
