import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/partner-login/partner-login.js';
import '../components/partner-overview/partner-overview.js';
import '../components/partner-payouts/partner-payouts.js';
import { fakeApi, sampleOverview, samplePayouts } from '../test/helpers/fake-api.js';
import { storySession } from './story-helpers.js';

/**
 * The partner elements on a German page. The language follows `<html lang>` (see
 * src/internal/localize.ts), so each story sets `lang="de-DE"` on the story's own document before
 * it renders and puts the previous value back when it is torn down (Storybook runs the
 * function `beforeEach` returns as the cleanup). On the docs page every story renders in a frame
 * of its own (`inline: false`), so the other stories keep their English.
 */
const meta: Meta = {
  title: 'Languages/German',
  tags: ['autodocs'],
  beforeEach: () => {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.lang = 'de-DE';
    return () => {
      if (before === null) root.removeAttribute('lang');
      else root.lang = before;
    };
  },
  parameters: { layout: 'padded', docs: { story: { inline: false, iframeHeight: 900 } } },
};
export default meta;
type Story = StoryObj;

/** The overview in German with euro figures: "Diesen Monat verdient", "Jetzt auszahlbar", "Ausstehend". */
export const Overview: Story = {
  render: () => html`<partner-overview .api=${fakeApi({ overview: sampleOverview('EUR') })} .sessionStore=${storySession(true)}></partner-overview>`,
};

/** Payouts on request in German: the request button reads "Auszahlung von … anfordern". */
export const Payouts: Story = {
  render: () =>
    html`<partner-payouts .api=${fakeApi({ payoutsData: { ...samplePayouts('can-request'), currency: 'EUR' } })} .sessionStore=${storySession(true)}></partner-payouts>`,
};

/** The sign-in form in German: "Partnercode", "Passwort", "Anmelden". */
export const Login: Story = {
  render: () => html`<partner-login .api=${fakeApi()} .sessionStore=${storySession(false)}></partner-login>`,
};
