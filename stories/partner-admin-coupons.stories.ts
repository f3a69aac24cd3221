import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-partners/partner-admin-partners.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';
import { waitFor } from './support/play.js';

/** A partner's coupon codes (part of the partner's page in the console), in every state. */
const coupons = (code = 'ann', options: FakeAdminOptions = {}) =>
  html`<partner-admin-coupons partner-code=${code} partner-name="Ann Archer" .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession()}></partner-admin-coupons>`;

const meta: Meta = {
  title: 'Console/partner-admin-coupons',
  component: 'partner-admin-coupons',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 500 } } },
};
export default meta;
type Story = StoryObj;

const root = (canvas: HTMLElement) => waitFor(() => canvas.querySelector('partner-admin-coupons')?.shadowRoot?.querySelector('[part~="add-form"]') && canvas.querySelector('partner-admin-coupons')!.shadowRoot!);
const add = async (canvas: HTMLElement, code: string) => {
  const r = await root(canvas);
  r.querySelector<HTMLInputElement>('#coupon-code')!.value = code;
  r.querySelector<HTMLButtonElement>('[part~="add-form"] button[type="submit"]')!.click();
};

export const Codes: Story = { render: () => coupons() };
export const NoCode: Story = { render: () => coupons('cleo') };
export const Loading: Story = { render: () => coupons('ann', { fail: { coupons: 'pending' } }) };
export const FailedToLoad: Story = { render: () => coupons('ann', { fail: { coupons: 'error' } }) };

/** Another partner has the code (409 coupon_taken): said on the field. */
export const CodeTaken: Story = { render: () => coupons(), play: ({ canvasElement }) => add(canvasElement, 'bob20') };

/** Adding: the button says so. */
export const Adding: Story = { render: () => coupons('ann', { fail: { addCoupon: 'pending' } }), play: ({ canvasElement }) => add(canvasElement, 'ANN-SUMMER') };

/** Remove asks first. */
export const RemoveConfirm: Story = {
  render: () => coupons(),
  play: async ({ canvasElement }) => {
    (await root(canvasElement)).querySelector<HTMLButtonElement>('[part~="remove"]')!.click();
  },
};

/** On the partner's page. */
export const OnThePartnerPage: Story = {
  render: () => html`<partner-admin-partner code="ann" .api=${fakeAdminApi()} .adminSession=${fakeAdminSession()}></partner-admin-partner>`,
};
