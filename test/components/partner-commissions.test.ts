import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-commissions/partner-commissions.js';
import type { PartnerCommissionsElement } from '../../components/partner-commissions/partner-commissions.component.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, text } from '../helpers/dom.js';
import { demoPartner, fakeApi } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-commissions>', () => {
  it('explains each program’s rates, tiers, attribution and hold days', async () => {
    signIn();
    const el = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi()}></partner-commissions>`);
    await waitUntil(() => parts(el, 'program').length === 2);
    const [pro, friends] = parts(el, 'program');
    expect(text(pro)).to.contain('12% of each sale');
    expect(text(pro)).to.contain('$1.50 per new lead');
    expect(text(pro)).to.contain('On the first 3 subscription payments');
    expect(text(pro)).to.contain('2% of each sale made by partners you referred');
    expect(text(pro)).to.contain('Last click within 60 days');
    expect(text(pro)).to.contain('30 days after the sale');
    const rows = [...pro!.querySelectorAll('tbody tr')].map((tr) => text(tr));
    expect(rows).to.deep.equal(['TENT-2P 15% of the sale', 'GIFT-CARD $2.00 each']);
    expect(text(friends)).to.contain('$10.00 per sale');
    expect(text(friends)).to.contain('First click within 30 days');
    expect(friends!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the loading message until the programs and the view that shows them are both here', async () => {
    signIn();
    const el = fixtureSync<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi()}></partner-commissions>`);
    // the first render, before the view's module (an import: never synchronous) can be here
    let first: string | undefined;
    el.addController({ hostUpdated: () => void (first ??= text(part(el, 'spinner'))) });
    await el.updateComplete;
    expect(first).to.equal('Loading your commission structure…');
    await waitUntil(() => parts(el, 'program').length === 2, 'the programs');
    expect(part(el, 'spinner')).to.equal(null);
  });

  it('formats money for the page’s locale and the program’s currency', async () => {
    signIn();
    document.documentElement.lang = 'de-DE';
    try {
      const programs = [{ ...(await fakeApi().programs())[1]!, currency: 'EUR' }];
      const el = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi({ programs })}></partner-commissions>`);
      await waitUntil(() => text(part(el, 'program')).includes('pro Verkauf'), 'the page is German');
      expect(text(part(el, 'program'))).to.contain('10,00 € pro Verkauf');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('signed out and empty', async () => {
    const out = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi()}></partner-commissions>`);
    expect(text(part(out, 'signed-out'))).to.contain('Sign in');
    signIn();
    const empty = await fixture<PartnerCommissionsElement>(html`<partner-commissions .api=${fakeApi({ programs: [] })}></partner-commissions>`);
    await waitUntil(() => part(empty, 'empty'));
    await expect(empty).to.be.accessible();
  });
});
