import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-email/partner-admin-email.js';
import type { AdminRole } from '../admin/api/types.js';
import { outboxMessage, outboxMessages, fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Email section on its own, in every state, against the fake admin API. */
const email = (path: string[], options: FakeAdminOptions = {}, { role = 'owner' as AdminRole, signedIn = true, params = {} as Record<string, string> } = {}) =>
  html`<partner-admin-email .api=${fakeAdminApi({ role, ...options })} .adminSession=${fakeAdminSession(signedIn, role)} .route=${{ path, params }}></partner-admin-email>`;

const meta: Meta = {
  title: 'Console/partner-admin-email',
  component: 'partner-admin-email',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 1000 } } },
};
export default meta;
type Story = StoryObj;

const pause = (ms = 300) => new Promise((r) => setTimeout(r, ms));
const view = (canvas: HTMLElement) => canvas.querySelector('partner-admin-email')!.shadowRoot!.querySelector('[part~="view"]')!.shadowRoot!;
const fill = (root: ShadowRoot, name: string, value: string) => {
  const field = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

// ── Outbox ──

/** Every status: queued (with a retry pending), sending, sent, failed after 5 attempts, kept (no SMTP). */
export const Outbox: Story = { render: () => email(['outbox']) };

/** Filtered to the failed messages (in the URL: `#/email/outbox?status=failed`). */
export const OutboxFailed: Story = { render: () => email(['outbox'], {}, { params: { status: 'failed' } }) };

/** More than a page: "Load more" continues on the keyset cursor. */
export const OutboxLoadMore: Story = { render: () => email(['outbox'], { pageSize: 4 }) };

/** Nothing sent yet. */
export const OutboxEmpty: Story = { render: () => email(['outbox'], { outbox: [] }) };

/** No message matches the filters. */
export const OutboxNoMatch: Story = { render: () => email(['outbox'], {}, { params: { status: 'failed', kind: 'test' } }) };

/** The first answer has not come. */
export const OutboxLoading: Story = { render: () => email(['outbox'], { fail: { outbox: 'pending' } }) };

/** The server failed: said, with Try again. */
export const OutboxFailedToLoad: Story = { render: () => email(['outbox'], { fail: { outbox: 'error' } }) };

/** A failed message retried: queued again, said. */
export const OutboxRetried: Story = {
  render: () => email(['outbox']),
  play: async ({ canvasElement }) => {
    await pause();
    view(canvasElement).querySelector<HTMLButtonElement>('[part~="retry"]')?.click();
  },
};

/** One message: headers, text and HTML (in a sandboxed frame that runs no script). */
export const Message: Story = {
  render: () =>
    email(['outbox', '42'], {
      outbox: [
        outboxMessage(42, 'password_reset', 'bob@example.com', 'failed', {
          partnerCode: 'bob',
          attempts: 5,
          lastError: '535 5.7.8 Authentication credentials invalid',
          html: '<h1 style="font:600 18px sans-serif">Northwind</h1><p style="font:15px sans-serif">Hi Bob, <a href="https://shop.northwind.example/partners?pc_reset=t0k3n">choose a new password</a>.</p>',
        }),
        ...outboxMessages,
      ],
    }),
};

/** A message that is loading. */
export const MessageLoading: Story = { render: () => email(['outbox', '7'], { fail: { outboxMessage: 'pending' } }) };

// ── Templates ──

/** Every kind of message, the customized ones said. */
export const Templates: Story = { render: () => email(['templates'], { templates: { payment_sent: { customized: true, subject: 'Money on its way: {{amount}}' } } }) };

/** One template: subject, markdown body, its placeholders (click to insert) and the server's preview. */
export const TemplateEditor: Story = { render: () => email(['templates', 'password_reset']) };

/** A customized template: Reset to default asks first. */
export const TemplateResetConfirm: Story = {
  render: () => email(['templates', 'payment_sent'], { templates: { payment_sent: { customized: true, subject: 'Money on its way: {{amount}}' } } }),
  play: async ({ canvasElement }) => {
    await pause();
    view(canvasElement).querySelector<HTMLButtonElement>('[part~="reset"]')?.click();
  },
};

/** An unknown placeholder: refused by the server, said under the body. */
export const TemplateUnknownPlaceholder: Story = {
  render: () => email(['templates', 'password_reset']),
  play: async ({ canvasElement }) => {
    await pause();
    fill(view(canvasElement), 'body', 'Hi {{partner.name}}, you earned {{amount}}.');
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** Saved: the template is customized now. */
export const TemplateSaved: Story = {
  render: () => email(['templates', 'signup_approved']),
  play: async ({ canvasElement }) => {
    await pause();
    fill(view(canvasElement), 'subject', 'You are in, {{partner.name}}!');
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** Saving: the server has not answered yet. */
export const TemplateSaving: Story = {
  render: () => email(['templates', 'signup_approved'], { fail: { saveEmailTemplate: 'pending' } }),
  play: async ({ canvasElement }) => {
    await pause();
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** The templates are loading. */
export const TemplatesLoading: Story = { render: () => email(['templates'], { fail: { emailTemplates: 'pending' } }) };

// ── Sending ──

/** An SMTP server saved here (password masked), From, notification address, the kinds switched on, a test message. */
export const Sending: Story = { render: () => email(['sending']) };

/** The SMTP URL comes from the server's SMTP_URL. */
export const SendingFromEnvironment: Story = { render: () => email(['sending'], { smtpUrl: null, envSmtpUrl: 'smtp://relay:env-pass@mail.internal:587' }) };

/** No SMTP server at all (the demo): messages are kept in the outbox. */
export const SendingNoSmtp: Story = { render: () => email(['sending'], { smtpUrl: null }) };

/** A new SMTP URL saved: announced, the password masked in what comes back. */
export const SendingSaved: Story = {
  render: () => email(['sending']),
  play: async ({ canvasElement }) => {
    await pause();
    fill(view(canvasElement), 'smtpUrl', 'smtps://postmaster:n3w-Secret@smtp.mailhost.example:465');
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** Our own checks: a URL that is not SMTP and a bad address, each under its field. */
export const SendingFieldErrors: Story = {
  render: () => email(['sending']),
  play: async ({ canvasElement }) => {
    await pause();
    fill(view(canvasElement), 'smtpUrl', 'mail.example.com');
    fill(view(canvasElement), 'notifyAddress', 'not-an-address');
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** Saving: the server has not answered yet. */
export const SendingSaving: Story = {
  render: () => email(['sending'], { fail: { updateEmailSettings: 'pending' } }),
  play: async ({ canvasElement }) => {
    await pause();
    fill(view(canvasElement), 'mailFrom', 'Northwind <hello@northwind.example>');
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="form"]')?.requestSubmit();
  },
};

/** A test message queued, with a link to it in the outbox. */
export const TestEmailSent: Story = {
  render: () => email(['sending']),
  play: async ({ canvasElement }) => {
    await pause();
    view(canvasElement).querySelector<HTMLFormElement>('form[part~="test-form"]')?.requestSubmit();
  },
};

/** The settings are loading. */
export const SendingLoading: Story = { render: () => email(['sending'], { fail: { emailSettings: 'pending' } }) };

// ── Who may see it ──

/** Staff: the section is for owners (the outbox holds sign-in links); `<partner-admin>` does not offer it. */
export const Staff: Story = { render: () => email(['outbox'], {}, { role: 'staff' }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => email(['outbox'], {}, { signedIn: false }) };
