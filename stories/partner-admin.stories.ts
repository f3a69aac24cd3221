import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin.js';
import type { PartnerAdminElement } from '../admin/partner-admin/partner-admin.component.js';
import { part, shadow, type } from '../test/helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { shadowOf, waitFor } from './support/play.js';

/**
 * The merchant console in every state, against the fake admin API. Each story has a console
 * session of its own (in memory); the shell keeps its view in the frame's URL hash.
 */
const shell = (options: FakeAdminOptions = {}, signedIn = false, role: 'owner' | 'staff' = 'owner') =>
  html`<partner-admin .api=${fakeAdminApi({ role, ...options })} .adminSession=${fakeAdminSession(signedIn, role)}></partner-admin>`;

const meta: Meta = {
  title: 'Console/partner-admin',
  component: 'partner-admin',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 640 } } },
  beforeEach: () => history.replaceState(null, '', location.pathname + location.search),
};
export default meta;
type Story = StoryObj;

async function submit(canvasElement: HTMLElement, email: string, password: string) {
  await shadowOf(canvasElement, 'partner-admin', 'form');
  const el = canvasElement.querySelector<PartnerAdminElement>('partner-admin')!;
  type(shadow<HTMLInputElement>(el, '#email')!, email);
  type(shadow<HTMLInputElement>(el, '#password')!, password);
  part<HTMLButtonElement>(el, 'button')!.click();
  return el;
}

/** Signed out: the console's sign-in form. */
export const SignedOut: Story = { render: () => shell() };

/** Wrong email or password (401), said in an alert that takes focus. */
export const WrongPassword: Story = {
  render: () => shell({ login: 'invalid' }),
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'owner@northwind.example', 'nope');
    await waitFor(() => part(el, 'error'));
  },
};

/** Too many attempts (429): the wait is said and "Sign in" waits. */
export const LockedOut: Story = {
  render: () => shell({ login: 'locked', retryAfter: 900 }),
  play: async ({ canvasElement }) => {
    const el = await submit(canvasElement, 'owner@northwind.example', 'guess');
    await waitFor(() => part(el, 'error'));
  },
};

/** An owner signed in: the sections this page defines, the Dashboard open. */
export const SignedInOwner: Story = { render: () => shell({}, true) };

/** A staff user on a section their role may not use (403): said, not hidden. */
export const StaffForbidden: Story = {
  beforeEach: () => history.replaceState(null, '', `${location.pathname}${location.search}#/partners`),
  render: () => shell({ fail: { partners: 'forbidden' } }, true, 'staff'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'partner-admin', '[part~="section"]');
    await waitFor(() => root.querySelector('[part~="section"]')?.shadowRoot?.querySelector('[part~="forbidden"]'));
  },
};
