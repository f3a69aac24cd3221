import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-overview/partner-overview.js';
import '../../components/partner-payouts/partner-payouts.js';
import type { PartnerOverviewElement } from '../../components/partner-overview/partner-overview.component.js';
import type { PartnerPayoutsElement } from '../../components/partner-payouts/partner-payouts.component.js';
import { currentLocale } from '../../src/internal/localize.js';
import { sessionStore } from '../../src/session.js';
import { part, text } from '../helpers/dom.js';
import { fakeApi, sampleOverview, samplePayouts, signInFake } from '../helpers/fake-api.js';

/** The overview and payouts elements on a German page (`<html lang="de">`). */

async function setPageLang(lang: string, expected: 'en' | 'de') {
  document.documentElement.lang = lang;
  await waitUntil(() => currentLocale() === expected, `the elements speak ${expected}`);
}

describe('new partner elements in German', () => {
  beforeEach(async () => {
    await setPageLang('de', 'de');
    signInFake();
  });
  afterEach(async () => {
    sessionStore().end();
    sessionStorage.clear();
    await setPageLang('', 'en');
  });

  it('the overview says "Diesen Monat verdient" with a German-formatted euro figure', async () => {
    const el = await fixture<PartnerOverviewElement>(html`<partner-overview .api=${fakeApi({ overview: sampleOverview('EUR') })}></partner-overview>`);
    await waitUntil(() => part(el, 'tiles'), 'the overview loads');
    await waitUntil(() => text(part(el, 'title')) === 'Übersicht', 'the overview renders in German');
    const earned = part(el, 'earned')!;
    expect(text(earned.querySelector('h3'))).to.equal('Diesen Monat verdient');
    // 48 250 cents → "482,50 €" (comma decimals, euro sign after the figure)
    expect(text(earned.querySelector('[part~="figure"]'))).to.match(/^482,50\s€$/);
    expect(text(part(el, 'payable'))).to.contain('Jetzt auszahlbar');
    expect(text(part(el, 'tiles'))).not.to.contain('Earned this month');
    await expect(el).to.be.accessible();
  });

  it('the payouts element’s request button reads German, with the amount in euros', async () => {
    const el = await fixture<PartnerPayoutsElement>(
      html`<partner-payouts .api=${fakeApi({ payoutsData: { ...samplePayouts('can-request'), currency: 'EUR' } })}></partner-payouts>`,
    );
    await waitUntil(() => part(el, 'request-button'), 'the request button renders');
    await waitUntil(() => text(part(el, 'title')) === 'Auszahlungen', 'the payouts render in German');
    expect(text(part(el, 'request-button'))).to.match(/^Auszahlung von 615,40\s€ anfordern$/);
    expect(text(part(el, 'schedule'))).to.contain('Auszahlungen erfolgen auf Anfrage, ab 50,00');
    await expect(el).to.be.accessible();
  });
});
