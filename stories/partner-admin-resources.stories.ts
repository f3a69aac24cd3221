import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-resources/partner-admin-resources.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { shadowOf, typeInto, waitFor } from './support/play.js';

/** The console's Resources section on its own, in every state, against the fake admin API. */
const resources = (path: string[] = [], options: FakeAdminOptions = {}, signedIn = true) => {
  const route: SectionRoute = { path, params: {} };
  return html`<partner-admin-resources .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-resources>`;
};

/** The editor's shadow root, once its form is there. */
const editorOf = async (canvas: HTMLElement) => {
  const root = await shadowOf(canvas, 'partner-admin-resources', 'partner-admin-resource-editor');
  const editor = root.querySelector('partner-admin-resource-editor')!;
  return waitFor(() => (editor.shadowRoot?.querySelector('form') ? editor.shadowRoot : null));
};

const meta: Meta = {
  title: 'Console/partner-admin-resources',
  component: 'partner-admin-resources',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 720 } } },
};
export default meta;
type Story = StoryObj;

/** Links (`#/resources/links`): programs, shown or disabled; links have no order of their own. */
export const Links: Story = { render: () => resources(['links']) };

/** Banners in the order partners see them, with move up / down. */
export const Banners: Story = { render: () => resources(['banners']) };

/** Email copy. */
export const EmailCopy: Story = { render: () => resources(['email-copy']) };

/** Resource pages. */
export const Pages: Story = { render: () => resources(['pages']) };

/** The first answer has not come. */
export const Loading: Story = { render: () => resources(['banners'], { fail: { resources: 'pending' } }) };

/** Nothing of a kind yet. */
export const Empty: Story = { render: () => resources(['pages'], { resources: { 'resource-pages': [] } }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => resources(['banners'], { fail: { resources: 'error' } }) };

/** The role may not see it (403). */
export const Forbidden: Story = { render: () => resources(['banners'], { fail: { resources: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => resources([], {}, false) };

/** A new link (`#/resources/links/new`). */
export const NewLink: Story = { render: () => resources(['links', 'new']) };

/** Sent empty: each field's error beside it, all of them said once, focus on the first. */
export const NewLinkWithErrors: Story = {
  render: () => resources(['links', 'new']),
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    editor.querySelector('form')!.requestSubmit();
    await waitFor(() => editor.querySelector('[part~="field-error"]'));
  },
};

/** A banner with its image, limited to a program, archived. */
export const EditBanner: Story = { render: () => resources(['banners', '12']) };

/** A new banner: upload an image (type and size checked before sending) or give its address. */
export const NewBanner: Story = { render: () => resources(['banners', 'new']) };

/** The chosen file is refused before anything is sent. */
export const UploadRefused: Story = {
  render: () => resources(['banners', 'new']),
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    const input = editor.querySelector<HTMLInputElement>('input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => editor.querySelector('[part~="field-error"]'));
  },
};

/** An email with its preview, filled in for an example partner. */
export const EditEmail: Story = { render: () => resources(['email-copy', '21']) };

/** A resource page beside its preview, rendered as partners will see it. */
export const EditPage: Story = {
  render: () => resources(['pages', '31']),
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    typeInto(
      editor.querySelector<HTMLInputElement>('textarea[name="body"]'),
      '# Getting started\n\nWelcome! Share **your link** everywhere.\n\n- Use the [logo kit](https://shop.example.com/logos)\n- Ask us: [partners@example.com](mailto:partners@example.com)\n\n| Size | Use |\n| --- | --- |\n| 728×90 | Leaderboard |',
    );
  },
};

/** Saving: the button says so and the form is busy. */
export const Saving: Story = {
  render: () => resources(['pages', '31'], { fail: { updateResource: 'pending' } }),
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    editor.querySelector('form')!.requestSubmit();
    await waitFor(() => editor.querySelector('form[aria-busy="true"]'));
  },
};

/** Delete asks first. */
export const ConfirmDelete: Story = {
  render: () => resources(['banners', '11']),
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    [...editor.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Delete…')!.click();
    await waitFor(() => editor.querySelector('[part~="confirm"]'));
  },
};

/** An id that does not exist (deleted meanwhile). */
export const NotFound: Story = { render: () => resources(['pages', '999']) };
