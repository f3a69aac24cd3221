import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin/partner-admin-programs/partner-admin-programs.js';
import type { SectionRoute } from '../admin/internal/route.js';
import { ApiError } from '../src/api/errors.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../test/helpers/fake-admin-api.js';

/** The console's Programs section on its own, in every state, against the fake admin API. */
const programs = (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) =>
  html`<partner-admin-programs .api=${fakeAdminApi(options)} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-programs>`;

const meta: Meta = {
  title: 'Console/partner-admin-programs',
  component: 'partner-admin-programs',
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

/** The active programs, each rule in a line; archive one, open one, or create one. */
export const Populated: Story = { render: () => programs() };

/** The archived programs, each with Restore. */
export const Archived: Story = { render: () => programs({}, { path: [], params: { status: 'archived' } }) };

/** A new program: every rule the engine has, beside the live example priced by the server. */
export const NewProgram: Story = { render: () => programs({}, { path: ['new'], params: {} }) };

/** Editing a program with a flat rate, first payments only, first click and a product rate. */
export const Editing: Story = { render: () => programs({}, { path: ['2'], params: {} }) };

/** Changes one field of the open program's form, then saves. */
const changeAndSave = async (canvas: HTMLElement, name: string, value: string) => {
  await new Promise((r) => setTimeout(r, 300));
  const form = canvas.querySelector('partner-admin-programs')!.shadowRoot!.querySelector('partner-admin-program')!.shadowRoot!;
  const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
};

/** The server refused a rule on saving: said under its field, announced, focused. */
export const SaveRefused: Story = {
  render: () => programs({ fail: { updateProgram: new ApiError(400, 'invalid_request', 'priority: must be at most 1000', 'priority') } }, { path: ['1'], params: {} }),
  play: ({ canvasElement }) => changeAndSave(canvasElement, 'priority', '5'),
};

/** Our own checks: an amount that is not one, under its field. */
export const FieldErrors: Story = {
  render: () => programs({}, { path: ['2'], params: {} }),
  play: ({ canvasElement }) => changeAndSave(canvasElement, 'saleValue', '25.999'),
};

/** Saved: only the rules that changed were sent, and it is announced. */
export const Saved: Story = {
  render: () => programs({}, { path: ['1'], params: {} }),
  play: ({ canvasElement }) => changeAndSave(canvasElement, 'lead', '6.00'),
};

/** Saving: the server has not answered yet. */
export const Saving: Story = {
  render: () => programs({ fail: { updateProgram: 'pending' } }, { path: ['1'], params: {} }),
  play: ({ canvasElement }) => changeAndSave(canvasElement, 'lead', '6.00'),
};

/** The example could not be priced (the server failed). */
export const ExampleFailed: Story = { render: () => programs({ fail: { programExample: 'error' } }, { path: ['new'], params: {} }) };

/** The first answer has not come. */
export const Loading: Story = { render: () => programs({ fail: { listPrograms: 'pending' } }) };

/** No program yet. */
export const Empty: Story = { render: () => programs({ programs: [] }) };

/** The server failed: said, with Try again. */
export const Failed: Story = { render: () => programs({ fail: { listPrograms: 'error' } }) };

/** The role may not see programs (403). */
export const Forbidden: Story = { render: () => programs({ fail: { listPrograms: 'forbidden' } }) };

/** Nobody signed in. */
export const SignedOut: Story = { render: () => programs({}, undefined, false) };
