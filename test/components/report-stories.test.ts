import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as ledgerStories from '../../stories/partner-ledger.stories.js';
import * as reportsStories from '../../stories/partner-reports.stories.js';
import { signedOutAroundEachTest } from '../helpers/report-elements.js';

/**
 * Every story of the report elements renders in Chromium, settles into a deliberate state and
 * passes axe (until the Storybook story runner covers them too).
 */
const settled = (host: Element, story: string) => {
  const root = host.querySelector('partner-ledger, partner-reports')?.shadowRoot;
  const done = story === 'Loading' ? '[part~="spinner"]' : '[part~="summary"], [part~="empty"], [part~="error"], [part~="signed-out"]';
  return !!root?.querySelector(done);
};

const suites: [string, Record<string, unknown>][] = [
  ['partner-ledger', ledgerStories],
  ['partner-reports', reportsStories],
];

signedOutAroundEachTest();

for (const [name, module] of suites) {
  describe(`${name} stories`, function () {
    // a story with thousands of rows, axe over all of them, on a busy machine
    this.timeout(30_000);
    const stories = Object.entries(module).filter(([key, story]) => key !== 'default' && typeof (story as { render?: unknown }).render === 'function');
    it('has stories for every state', () => {
      const names = stories.map(([key]) => key);
      for (const required of ['Populated', 'Loading', 'NoActivity', 'ServerError', 'SignedOut', 'ThousandsOfRows', 'Narrow320']) expect(names).to.include(required);
    });
    for (const [key, story] of stories) {
      it(`${key} renders and passes axe`, async () => {
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        render((story as { render: () => TemplateResult }).render(), host);
        await waitUntil(() => settled(host, key), `${key} settles`, { timeout: 8000 });
        await expect(host).to.be.accessible();
      });
    }
  });
}
