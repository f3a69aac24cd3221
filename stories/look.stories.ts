import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../components/partner-center/partner-center.js';
import '../components/partner-ledger/partner-ledger.js';
import '../components/partner-links/partner-links.js';
import '../components/partner-login/partner-login.js';
import '../components/partner-reports/partner-reports.js';
import '../components/partner-welcome/partner-welcome.js';
import { fakeApi } from '../test/helpers/fake-api.js';
import { sampleBalance, sampleLedger } from '../test/helpers/report-data.js';
import { storySession } from './story-helpers.js';

/**
 * The one look, on the pages merchants really have: elements in a 320 px sidebar, in a
 * 1,400 px column, on a dark page (light elements keep their own colours) and in the dark theme
 * (`theme="dark"` on any partner element, nested elements included). Sizes follow
 * `--partner-font-size`, layouts follow the element's own width (container queries).
 */
const year = sampleLedger(48, { days: 400 });
const api = () => fakeApi({ ledger: year, balance: sampleBalance(year) });

const elements = (theme?: 'dark'): TemplateResult => html`
  <partner-ledger theme=${theme ?? 'light'} .api=${api()} .sessionStore=${storySession()} range="all" page-size="5"></partner-ledger>
  <partner-links theme=${theme ?? 'light'} .api=${api()} .sessionStore=${storySession()}></partner-links>
  <partner-welcome theme=${theme ?? 'light'} .api=${api()} .sessionStore=${storySession()}></partner-welcome>
  <partner-login theme=${theme ?? 'light'} .api=${api()} .sessionStore=${storySession(false)}></partner-login>
`;

/** Every element in the column fits it: nothing sticks out sideways. */
const fitsColumn = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const column = canvasElement.querySelector<HTMLElement>('.column')!;
  await waitFor(() => expect(canvasElement.querySelector('partner-ledger')!.shadowRoot!.querySelector('table')).toBeTruthy(), { timeout: 5000 });
  await expect(column.scrollWidth).toBeLessThanOrEqual(column.clientWidth + 1);
};

const meta: Meta = {
  title: 'Look/Fitting into any page',
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

/** A 320 px sidebar: tables stack into labelled cards, buttons wrap, figures stay whole. */
export const Narrow320: Story = {
  render: () => html`<div class="column" style="width:320px;display:grid;gap:16px;padding:8px 0">${elements()}</div>`,
  play: fitsColumn,
};

/** A 1,400 px column: reports use the width; the sign-in card keeps its form width. */
export const Wide1400: Story = {
  render: () => html`<div class="column" style="width:1400px;display:grid;gap:16px;padding:8px 0">
    <partner-reports .api=${api()} .sessionStore=${storySession()} range="all"></partner-reports>
    ${elements()}
  </div>`,
  play: fitsColumn,
};

/** A dark host page with inherited white text: the elements keep their own surface and text colours. */
export const DarkHostPage: Story = {
  render: () => html`<div class="column" style="background:#111;color:#fff;padding:16px;display:grid;gap:16px;max-width:800px">${elements()}</div>`,
  play: fitsColumn,
};

/** The dark theme: `theme="dark"` on each element (here also on a `<partner-center>`, whose nested elements follow). */
export const DarkTheme: Story = {
  render: () => html`<div class="column" style="background:#0b0e14;padding:16px;display:grid;gap:16px;max-width:800px">
    ${elements('dark')}
  </div>`,
  play: async (context) => {
    await fitsColumn(context);
    const ledger = context.canvasElement.querySelector('partner-ledger')!;
    await expect(getComputedStyle(ledger).backgroundColor).toBe('rgb(21, 26, 35)');
  },
};

/** `<partner-center theme="dark">`: one switch for the whole portal, nested elements included. */
export const DarkPortal: Story = {
  render: () => html`<div style="background:#0b0e14;padding:16px">
    <partner-center theme="dark" section="home" .api=${api()} .sessionStore=${storySession()}></partner-center>
  </div>`,
};

/** Narrow and dark together, at a larger `--partner-font-size`: everything scales with it. */
export const NarrowDarkLargeText: Story = {
  render: () => html`<div class="column" style="width:320px;--partner-font-size:18px;background:#0b0e14;display:grid;gap:16px;padding:8px 0">
    ${elements('dark')}
  </div>`,
  play: fitsColumn,
};
