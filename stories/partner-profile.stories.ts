import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-profile/partner-profile.js';
import { ApiError } from '../src/api/errors.js';
import { part, shadow, type } from '../test/helpers/dom.js';
import { demoPartner, fakeApi, serverError, type FakeApiOptions } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

type Story = StoryObj<{ heading: string }>;
const view = (options: FakeApiOptions = {}, signedIn = true) => (args: { heading: string }) =>
  html`<partner-profile heading=${args.heading} .api=${fakeApi(options)} .sessionStore=${storySession(signedIn)}></partner-profile>`;
const el = (root: HTMLElement) => root.querySelector('partner-profile')!;
const shown = async (root: HTMLElement) => waitFor(() => expect(part(el(root), 'details')).toBeTruthy());
/** The profile shown, then "Edit" pressed until the form shows: the element, to go on with. */
const editing = async (root: HTMLElement) => {
  await shown(root);
  part<HTMLButtonElement>(el(root), 'edit-button')!.click();
  await waitFor(() => expect(part(el(root), 'form')).toBeTruthy());
  return el(root);
};

const meta = {
  title: 'Elements/partner-profile',
  component: 'partner-profile',
  args: { heading: 'My profile' },
} satisfies Meta<{ heading: string }>;
export default meta;

export const Populated: Story = {
  render: view({
    partner: { ...demoPartner, phone: '+1 555 0100', company: 'Trail Notes LLC', website: 'https://trailnotes.example', payoutMethod: 'paypal', payoutDetails: 'dana@paypal.example' },
  }),
  play: async ({ canvasElement }) => shown(canvasElement),
};
export const Editing: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await editing(canvasElement);
  },
};
export const FieldErrors: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await editing(canvasElement);
    type(shadow<HTMLInputElement>(el(canvasElement), '#profile-email')!, 'not-an-email');
    part<HTMLFormElement>(el(canvasElement), 'form')!.requestSubmit();
    await waitFor(() => expect(shadow(el(canvasElement), '#profile-email-error')).toBeTruthy());
  },
};
export const Saved: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await editing(canvasElement);
    part<HTMLFormElement>(el(canvasElement), 'form')!.requestSubmit();
    await waitFor(() => expect(part(el(canvasElement), 'status')).toBeTruthy());
  },
};
/** The email changed: the form asks for the current password before saving. */
export const AsksCurrentPassword: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const root = await editing(canvasElement);
    type(shadow<HTMLInputElement>(root, '#profile-email')!, 'dana@new.example');
    await waitFor(() => expect(shadow(root, '#profile-currentPassword')).toBeTruthy());
  },
};
/** New payout details with a wrong current password: the server's answer on the field. */
export const PayoutChangeWrongPassword: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const root = await editing(canvasElement);
    type(shadow<HTMLInputElement>(root, '#profile-payoutDetails')!, 'someone-else@paypal.example');
    await waitFor(() => expect(shadow(root, '#profile-currentPassword')).toBeTruthy());
    type(shadow<HTMLInputElement>(root, '#profile-currentPassword')!, 'not-it');
    part<HTMLFormElement>(root, 'form')!.requestSubmit();
    await waitFor(() => expect(shadow(root, '#profile-currentPassword-error')).toBeTruthy());
  },
};
export const WrongCurrentPassword: Story = {
  render: view({ fail: { changePassword: new ApiError(400, 'wrong_password', 'The current password is not correct', 'currentPassword') } }),
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
    const root = el(canvasElement);
    part<HTMLButtonElement>(root, 'password-button')!.click();
    await waitFor(() => expect(part<HTMLFormElement>(root, 'password-form')!.hidden).toBe(false));
    type(shadow<HTMLInputElement>(root, '#current-password')!, 'nope');
    type(shadow<HTMLInputElement>(root, '#new-password')!, 'a-new-secret');
    type(shadow<HTMLInputElement>(root, '#confirm-password')!, 'a-new-secret');
    part<HTMLFormElement>(root, 'password-form')!.requestSubmit();
    await waitFor(() => expect(part(root, 'password-form')!.querySelector('[role="alert"]')).toBeTruthy());
  },
};
/** The password form opened by its "Change password" button (closed until then). */
export const PasswordFormOpen: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
    const root = el(canvasElement);
    part<HTMLButtonElement>(root, 'password-button')!.click();
    await waitFor(() => expect(part<HTMLFormElement>(root, 'password-form')!.hidden).toBe(false));
  },
};
export const Loading: Story = { render: view({ fail: { me: 'pending' } }) };
export const Error: Story = {
  render: view({ fail: { me: serverError() } }),
  play: async ({ canvasElement }) => waitFor(() => expect(part(el(canvasElement), 'error')).toBeTruthy()),
};
export const SignedOut: Story = { render: view({}, false) };

// ── The email address and the notification emails (issue 12) ──

/** The partner has not confirmed their email address yet: said, with "Send the confirmation again". */
export const UnconfirmedEmail: Story = {
  render: view({ emailConfirmed: false }),
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
    expect(part(el(canvasElement), 'email-unconfirmed')).toBeTruthy();
  },
};
/** "Send the confirmation again" pressed: sent. */
export const ConfirmationResent: Story = {
  render: view({ emailConfirmed: false }),
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
    part<HTMLButtonElement>(el(canvasElement), 'resend-button')!.click();
    await waitFor(() => expect(part(el(canvasElement), 'email-unconfirmed')!.querySelector('[role="status"]')).toBeTruthy());
  },
};
/** New payout details before the email is confirmed: the fields say why, the server's 403 is shown. */
export const PayoutNeedsConfirmedEmail: Story = {
  render: view({ emailConfirmed: false }),
  play: async ({ canvasElement }) => {
    const root = await editing(canvasElement);
    type(shadow<HTMLInputElement>(root, '#profile-payoutDetails')!, 'dana@paypal.example');
    await waitFor(() => expect(shadow(root, '#profile-currentPassword')).toBeTruthy());
    type(shadow<HTMLInputElement>(root, '#profile-currentPassword')!, 'demo-password');
    part<HTMLFormElement>(root, 'form')!.requestSubmit();
    await waitFor(() => expect(shadow(root, '[part~="form"] > [role="alert"]')).toBeTruthy());
  },
};

/** "Choose your notification emails" pressed: the choices, loaded when asked for. */
const openNotifications = async (root: HTMLElement) => {
  await shown(root);
  part<HTMLButtonElement>(el(root), 'notifications-toggle')!.click();
  await waitFor(() => expect(part(el(root), 'notifications-form') ?? part(el(root), 'notifications-unavailable')).toBeTruthy());
  return el(root);
};
export const Notifications: Story = {
  render: view({ notifications: { commission: 'daily', payment: true, statement: false } }),
  play: async ({ canvasElement }) => {
    await openNotifications(canvasElement);
  },
};
export const NotificationsLoading: Story = {
  render: view({ fail: { notifications: 'pending' } }),
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
    part<HTMLButtonElement>(el(canvasElement), 'notifications-toggle')!.click();
    await waitFor(() => expect(shadow(el(canvasElement), '[part~="notifications"] [part~="spinner"]')).toBeTruthy());
  },
};
export const NotificationsSaved: Story = {
  render: view(),
  play: async ({ canvasElement }) => {
    const root = await openNotifications(canvasElement);
    shadow<HTMLInputElement>(root, '#notify-commission-daily')!.click();
    part<HTMLFormElement>(root, 'notifications-form')!.requestSubmit();
    await waitFor(() => expect(part(root, 'notifications-form')!.querySelector('[role="status"]')).toBeTruthy());
  },
};
export const NotificationsSaveFailed: Story = {
  render: view({ fail: { updateNotifications: serverError() } }),
  play: async ({ canvasElement }) => {
    const root = await openNotifications(canvasElement);
    part<HTMLFormElement>(root, 'notifications-form')!.requestSubmit();
    await waitFor(() => expect(part(root, 'notifications-form')!.querySelector('[role="alert"]')).toBeTruthy());
  },
};
/** The merchant switched payment and statement emails off: left out, and named. */
export const NotificationsSomeOff: Story = {
  render: view({ notifications: { available: { commission: true, payment: false, statement: false } } }),
  play: async ({ canvasElement }) => {
    const root = await openNotifications(canvasElement);
    expect(part(root, 'notifications-unavailable')).toBeTruthy();
  },
};
