import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as recruitsStories from '../../stories/partner-recruits.stories.js';
import { sessionStore } from '../../src/session.js';

/**
 * Every story of `<partner-recruits>` renders in Chromium, settles into a deliberate state and
 * passes axe; "not enabled" renders nothing at all.
 */
afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

const settled = (host: Element) => {
  const el = host.querySelector('partner-recruits');
  const root = el?.shadowRoot;
  return !!el && (el.hidden || !!root?.querySelector('[part~="table"], [part~="empty"], [part~="error"], [part~="signed-out"], [part~="spinner"]'));
};

describe('partner-recruits stories', () => {
  const stories = Object.entries(recruitsStories).filter(([key, story]) => key !== 'default' && typeof (story as { render?: unknown }).render === 'function');
  it('has stories for every state', () => {
    const names = stories.map(([key]) => key);
    for (const required of ['SignedOut', 'Loading', 'LoadError', 'NotEnabled', 'NoRecruitsYet', 'Populated', 'NarrowContainer']) expect(names).to.include(required);
  });
  for (const [key, story] of stories) {
    it(`${key} renders and passes axe`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      render((story as { render: () => TemplateResult }).render(), host);
      await waitUntil(() => settled(host), `${key} settles`, { timeout: 8000 });
      if (key === 'NotEnabled') expect(host.querySelector('partner-recruits')!.getBoundingClientRect().height).to.equal(0);
      if (key === 'NarrowContainer') {
        const el = host.querySelector('partner-recruits')!;
        expect(el.scrollWidth, 'no sideways scrolling in 320 px').to.be.at.most(320);
      }
      await expect(host).to.be.accessible();
    });
  }
});
