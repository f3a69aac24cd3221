import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-login/partner-login.js';
import '../../components/partner-ledger/partner-ledger.js';
import type { PartnerLoginElement } from '../../components/partner-login/partner-login.component.js';
import type { PartnerLedgerElement } from '../../components/partner-ledger/partner-ledger.component.js';
import { addTranslations, currentLocale, localeFor } from '../../src/internal/localize.js';
import { templates } from '../../src/locales/de.js';
import { sessionStore } from '../../src/session.js';
import { part, shadow, text } from '../helpers/dom.js';
import { fakeApi, signInFake } from '../helpers/fake-api.js';

/** The sign-in form's visible words: its code label and its submit button. */
const words = (el: Element) => ({
  label: text(shadow(el, 'label[for="code"]')),
  button: text(part(el, 'button')),
  title: text(part(el, 'title')),
});

async function setPageLang(lang: string, expected: 'en' | 'de') {
  document.documentElement.lang = lang;
  await waitUntil(() => currentLocale() === expected, `the elements speak ${expected}`);
}

describe('languages (@lit/localize)', () => {
  afterEach(async () => {
    sessionStore().end();
    sessionStorage.clear();
    await setPageLang('', 'en');
  });

  it('maps the page’s lang to a language we speak', () => {
    expect(['de', 'de-DE', 'de-AT', 'DE_ch'].map(localeFor)).to.deep.equal(['de', 'de', 'de', 'de']);
    expect(['', 'en-GB', 'fr', 'not a tag!', undefined].map(localeFor)).to.deep.equal(['en', 'en', 'en', 'en', 'en']);
  });

  it('with <html lang="de"> the sign-in form reads German, and switching back to English re-renders it', async () => {
    await setPageLang('de', 'de');
    const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${fakeApi()}></partner-login>`);
    await waitUntil(() => words(el).button === 'Anmelden');
    expect(words(el)).to.deep.equal({ label: 'Partnercode', button: 'Anmelden', title: 'Partner-Anmeldung' });
    await expect(el).to.be.accessible();

    await setPageLang('en-US', 'en');
    await waitUntil(() => words(el).button === 'Sign in', 'the element re-renders in English');
    expect(words(el)).to.deep.equal({ label: 'Partner code', button: 'Sign in', title: 'Partner sign-in' });
  });

  it('a de-AT page reads German and its money is formatted the German way', async () => {
    await setPageLang('de-AT', 'de');
    signInFake();
    const el = await fixture<PartnerLedgerElement>(
      html`<partner-ledger .api=${fakeApi({ currency: 'EUR', balance: { minimumPayout: 123_456, currency: 'EUR' } })}></partner-ledger>`,
    );
    await waitUntil(() => text(part(el, 'payout')).includes('Mindestauszahlung'), 'the payout box renders in German');
    const payout = text(part(el, 'payout'));
    expect(payout).to.match(/Mindestauszahlung\s*€\s?1\.234,56|Mindestauszahlung\s*1\.234,56\s€/);
    expect(payout).to.contain('Jetzt auszahlbar');
  });

  it('merchants override and add words, in German and in English, keyed by the English text (also with values)', async () => {
    addTranslations('de', { 'Sign in': 'Einloggen', 'Partner code': 'Ihr Partnercode' });
    addTranslations('en', { 'Sign in': 'Log in' });
    const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${fakeApi()}></partner-login>`);
    await waitUntil(() => words(el).button === 'Log in', 'the English override applies');
    expect(words(el).label).to.equal('Partner code');

    await setPageLang('de', 'de');
    await waitUntil(() => words(el).button === 'Einloggen', 'the German override applies');
    expect(words(el).label).to.equal('Ihr Partnercode');
    expect(words(el).title).to.equal('Partner-Anmeldung', 'what is not overridden keeps the shipped German');

    // a text with a value: its ${0} placeholder
    signInFake();
    addTranslations('de', { 'Member since ${0}': 'Partner seit ${0}' });
    const { msg, str } = await import('@lit/localize');
    const day = '1. März 2026';
    expect(msg(str`Member since ${day}`)).to.equal('Partner seit 1. März 2026');
    addTranslations('de', { 'Sign in': 'Anmelden' });
    addTranslations('en', { 'Sign in': 'Sign in' });
  });

  it('window.PartnerCenter.translations set by the page is read when a language loads', async () => {
    const g = globalThis as { PartnerCenter?: { translations?: Record<string, Record<string, string>> } };
    // English is loaded already in this page: the page's table is read on the next addTranslations
    g.PartnerCenter = { ...g.PartnerCenter, translations: { en: { 'Forgot your password?': 'Lost your password?' } } };
    addTranslations('en', {});
    const el = await fixture<PartnerLoginElement>(html`<partner-login .api=${fakeApi()}></partner-login>`);
    await waitUntil(() => text(part(el, 'forgot-link')) === 'Lost your password?');
    delete g.PartnerCenter!.translations;
  });

  it('German is complete: every msg() string in the code has a German translation', async () => {
    // xliff/de.xlf lists every message the code has (npm run localize); each needs a <target>
    const xliff = await (await fetch('/xliff/de.xlf')).text();
    const doc = new DOMParser().parseFromString(xliff, 'application/xml');
    const units = [...doc.querySelectorAll('trans-unit')];
    expect(units.length).to.be.greaterThan(200);
    const untranslated = units.filter((u) => !u.querySelector('target')?.textContent?.trim()).map((u) => u.querySelector('source')?.textContent);
    expect(untranslated, 'messages without German: translate them in xliff/de.xlf, then npm run localize').to.deep.equal([]);
    // and the built table has each of them
    const missing = units.map((u) => u.getAttribute('id')!).filter((id) => !(id in templates));
    expect(missing, 'src/locales/de.ts is older than xliff/de.xlf: run npm run localize').to.deep.equal([]);
  });
});
