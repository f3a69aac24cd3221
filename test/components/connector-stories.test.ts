import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as coupons from '../../stories/partner-admin-coupons.stories.js';
import * as integrations from '../../stories/partner-admin-integrations.stories.js';
import * as webhooks from '../../stories/partner-admin-webhooks.stories.js';
import * as links from '../../stories/partner-links.stories.js';
import { signOutFake } from '../helpers/fake-api.js';

/**
 * Every story of the issue-13 console parts (Webhooks, Integrations, coupon codes) and the
 * coupon stories of `<partner-links>` render in Chromium, run their play function, and pass
 * axe in the state they end in (until the Storybook story runner covers them too).
 */
type StoryModule = Record<string, { render?: () => TemplateResult; play?: (c: { canvasElement: HTMLElement }) => unknown }>;
const suites: [string, StoryModule, string[]?][] = [
  ['partner-admin-webhooks', webhooks as StoryModule],
  ['partner-admin-integrations', integrations as StoryModule],
  ['partner-admin-coupons', coupons as StoryModule],
  ['partner-links', links as StoryModule, ['WithCouponCodes', 'CouponCopied']],
];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => signOutFake());

for (const [name, module, only] of suites) {
  describe(`${name} stories`, function () {
    this.timeout(30_000);
    const stories = Object.entries(module).filter(([key, story]) => key !== 'default' && typeof story.render === 'function' && (!only || only.includes(key)));
    for (const [key, story] of stories) {
      it(`${key} renders and passes axe`, async () => {
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        render(story.render!(), host);
        await pause(150);
        await story.play?.({ canvasElement: host });
        await pause(300);
        const el = host.firstElementChild!;
        expect(el.shadowRoot!.childElementCount).to.be.greaterThan(0);
        await expect(host).to.be.accessible();
      });
    }
  });
}
