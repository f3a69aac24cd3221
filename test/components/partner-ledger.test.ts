import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-ledger/partner-ledger.js';
import type { PartnerLedgerElement } from '../../components/partner-ledger/partner-ledger.component.js';
import { localIso, presetRange } from '../../src/internal/date-range.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeApi, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';
import { callsOf, signedOutAroundEachTest } from '../helpers/report-elements.js';
import { sampleLedger } from '../helpers/report-data.js';
import { ALICE_LEDGER as ALICE } from '../helpers/alice-reports.js';

/** A date as the reader sees it (their time zone), so the tests pass anywhere. */
const day = (iso: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

const ALICE_BALANCE = { balance: 3_700, payableNow: 1_700, pending: 2_000, nextPayableAt: '2026-02-04T18:45:00.000Z', minimumPayout: 5_000, payoutReady: false };

async function render(options: FakeApiOptions = {}, attrs: { range?: string; pageSize?: number; lang?: string; width?: string } = {}) {
  const api = fakeApi(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en-US'} style=${attrs.width ? `width:${attrs.width}` : ''}>
    <partner-ledger .api=${api} range=${attrs.range ?? 'all'} page-size=${attrs.pageSize ?? 50}></partner-ledger>
  </div>`);
  const el = wrapper.querySelector('partner-ledger') as PartnerLedgerElement;
  await el.updateComplete;
  return { el, api };
}

const loaded = (el: PartnerLedgerElement) => waitUntil(() => part(el, 'summary') || part(el, 'error') || part(el, 'empty'), 'the ledger loads');
const figures = (el: Element, name: string) =>
  Object.fromEntries([...part(el, name)!.querySelectorAll('dl > div, :scope > div')].map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]));
const rows = (el: Element) => parts(el, 'row').map((tr) => [...tr.children].map((c) => text(c)));

signedOutAroundEachTest();

describe('<partner-ledger> signed out', function () {
  this.timeout(15_000);
  it('asks to sign in and asks the server nothing', async () => {
    const { el, api } = await render({ ledger: ALICE });
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see your ledger.');
    expect(part(el, 'range')).to.equal(null);
    expect(part(el, 'download-button')).to.equal(null);
    expect(api.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('loads as soon as the partner signs in elsewhere on the page, and goes back when they sign out', async () => {
    const { el, api } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    signInFake();
    await loaded(el);
    expect(callsOf(api, 'ledger')).to.have.length(1);
    sessionStore().end();
    await el.updateComplete;
    expect(part(el, 'signed-out')).to.exist;
    expect(part(el, 'table')).to.equal(null);
  });
});

describe('<partner-ledger> signed in', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('shows a loading message while the server answers', async () => {
    const { el } = await render({ reports: 'pending' });
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(text(part(el, 'spinner'))).to.equal('Loading your ledger…');
    await expect(el).to.be.accessible();
  });

  it('shows the loading message while its view loads, then the period picker and the ledger', async () => {
    const el = fixtureSync<PartnerLedgerElement>(html`<partner-ledger lang="en-US" .api=${fakeApi({ ledger: ALICE, balance: ALICE_BALANCE })}></partner-ledger>`);
    // the first render, before the view's module (an import: never synchronous) can be here
    let first: { spinner: string; status: boolean } | undefined;
    el.addController({ hostUpdated: () => void (first ??= { spinner: text(part(el, 'spinner')), status: !!part(el, 'status') }) });
    await el.updateComplete;
    expect(first).to.deep.equal({ spinner: 'Loading your ledger…', status: true });
    await loaded(el);
    expect(part(el, 'range')).to.exist;
    expect(figures(el, 'summary')['Ending balance']).to.equal('$37.00');
  });

  it("shows the period's summary, today's balance, pending and payable now, and every entry with its running balance", async () => {
    const { el, api } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    await loaded(el);
    expect(figures(el, 'summary')).to.deep.equal({
      'Beginning balance': '$0.00',
      Earned: '+$62.50',
      'Clawed back': '−$15.00',
      Paid: '−$12.50',
      Adjustments: '+$2.00',
      'Ending balance': '$37.00',
    });
    expect(figures(el, 'payout')).to.deep.equal({ Balance: '$37.00', Pending: '$20.00', 'Payable now': '$17.00', 'Minimum payout': '$50.00' });
    expect(text(part(el, 'note'))).to.equal(
      "Earned, clawed back and paid count the period shown (all time); balance, pending and payable now are today's figures, whatever the period. For all time the ending balance is your balance.",
    );
    expect(text(part(el, 'payout'))).to.contain('You are paid once your payable balance reaches $50.00.');
    expect(text(part(el, 'payout'))).to.contain(`More becomes payable on ${day('2026-02-04T18:45:00.000Z')}.`);
    expect(rows(el)).to.deep.equal([
      [day(ALICE[0]!.date), 'Adjustment', 'Correction: shipping fee', '−$3.00', '$37.00'],
      [day(ALICE[1]!.date), 'Commission', 'Commission on order A-1003 (Outdoor Gear, 10%)', '+$20.00', '$40.00'],
      [day(ALICE[2]!.date), 'Adjustment', 'Holiday bonus', '+$5.00', '$20.00'],
      [day(ALICE[3]!.date), 'Clawback', 'Clawback: refund on order A-1002 (Damaged in transit)', '−$15.00', '$15.00'],
      [day(ALICE[4]!.date), 'Payment', 'Payment by PayPal (ref. PP-1)', '−$12.50', '$30.00'],
      [day(ALICE[5]!.date), 'Commission', 'Commission on order A-1002 (Premium Tents, 15%)', '+$30.00', '$42.50'],
      [day(ALICE[6]!.date), 'Commission', 'Commission on order A-1001 (Outdoor Gear, 10%)', '+$12.50', '$12.50'],
    ]);
    expect(callsOf(api, 'ledger')[0]!.args).to.deep.equal([{ limit: 50 }]);
    await expect(el).to.be.accessible();
  });

  it('is a real table: caption, column headers and row headers for screen readers', async () => {
    const { el } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    await loaded(el);
    const table = part<HTMLTableElement>(el, 'table')!;
    expect(table.tagName).to.equal('TABLE');
    expect(text(table.caption)).to.equal('Entries, all time, newest first');
    expect([...table.tHead!.querySelectorAll('th')].map((th) => [th.scope, text(th)])).to.deep.equal([
      ['col', 'Date'],
      ['col', 'Type'],
      ['col', 'Description'],
      ['col', 'Amount'],
      ['col', 'Balance'],
    ]);
    expect(table.tBodies[0]!.rows[0]!.cells[0]!.tagName).to.equal('TH');
    expect((table.tBodies[0]!.rows[0]!.cells[0] as HTMLTableCellElement).scope).to.equal('row');
    expect(table.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-10T07:00:00.000Z');
  });

  it('says when the minimum payout is reached', async () => {
    const { el } = await render({ ledger: ALICE, balance: { ...ALICE_BALANCE, minimumPayout: 1_500, payoutReady: true, nextPayableAt: null } });
    await loaded(el);
    expect(text(part(el, 'payout')!.querySelector('p.ready'))).to.equal('Your payable balance has reached the minimum payout and will be paid in the next payout.');
  });

  it('formats money in the merchant currency and the page locale (a German section reads German)', async () => {
    const { el } = await render({ ledger: ALICE, currency: 'EUR', balance: { ...ALICE_BALANCE, currency: 'EUR' } }, { lang: 'de-DE' });
    await loaded(el);
    await waitUntil(() => figures(el, 'summary')['Endsaldo'], 'the German words load');
    expect(figures(el, 'summary')['Endsaldo']).to.equal('37,00 €');
    expect(figures(el, 'summary')['Zurückgebucht']).to.equal('−15,00 €');
    expect(rows(el)[0]!.slice(0, 1)).to.deep.equal([day(ALICE[0]!.date, 'de-DE')]);
  });

  it('a partner with no activity gets a clear empty state', async () => {
    const { el } = await render({ ledger: [] });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No activity yet. Your commissions appear here as soon as a referral buys.');
    expect(figures(el, 'summary')['Ending balance']).to.equal('$0.00');
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an empty period says so and still shows the balances around it', async () => {
    const old = ALICE.map((e) => ({ ...e, date: new Date(Date.parse(e.date) - 3 * 365 * 86_400_000).toISOString() }));
    const { el } = await render({ ledger: old }, { range: 'this-month' });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No entries in this period.');
    expect(figures(el, 'summary')['Beginning balance']).to.equal('$37.00');
    expect(figures(el, 'summary')['Ending balance']).to.equal('$37.00');
  });

  it('shows a server error with a way to try again', async () => {
    const options: FakeApiOptions = { ledger: ALICE, reports: 'error' };
    const { el, api } = await render(options);
    await loaded(el);
    const error = part(el, 'error')!;
    expect(error).to.have.attribute('role', 'alert');
    expect(text(error)).to.contain('Something went wrong on the server');
    await expect(el).to.be.accessible();
    options.reports = 'ok';
    error.querySelector('button')!.click();
    await waitUntil(() => part(el, 'table'), 'loaded after retry');
    expect(callsOf(api, 'ledger')).to.have.length(2);
  });

  it('an ended session shows the sign-in prompt, not an error', async () => {
    const { el } = await render({ ledger: ALICE, reports: 'expired' });
    await waitUntil(() => part(el, 'signed-out'), 'signed out after the 401');
    expect(part(el, 'error')).to.equal(null);
  });
});

describe('<partner-ledger> paging', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());
  const many = sampleLedger(120, { end: Date.UTC(2026, 0, 15) });

  it('loads more entries on request, moves focus to the first new one, and stops at the end', async () => {
    const { el, api } = await render({ ledger: many });
    await loaded(el);
    expect(rows(el)).to.have.length(50);
    expect(text(el.shadowRoot!.querySelector('.more p'))).to.equal('Showing 50 entries.');
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await waitUntil(() => rows(el).length === 100, 'the second page');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'row')[50]);
    expect(text(part(el, 'status'))).to.equal('Loaded 50 more entries; showing 100.');
    expect(callsOf(api, 'ledger')[1]!.args).to.deep.equal([{ cursor: 'fake:50', limit: 50 }]);
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await waitUntil(() => rows(el).length === 120, 'the last page');
    expect(part(el, 'load-more')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.more p'))).to.equal('Showing 120 entries — that is all of them.');
    expect(new Set(rows(el).map((r) => r.join('|'))).size).to.equal(120);
    // the running balance of each row is the next older row's plus its amount
    expect(rows(el).map((r) => r[4])).to.deep.equal(many.map((e) => `$${(e.balance / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`));
  });

  it('works from the keyboard: Enter on "Load more"', async () => {
    const { el } = await render({ ledger: many }, { pageSize: 100 });
    await loaded(el);
    part<HTMLButtonElement>(el, 'load-more')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 120, 'loaded by Enter');
  });

  it('keeps the rows when the next page fails, and retries', async () => {
    const options: FakeApiOptions = { ledger: many, moreFails: true };
    const { el } = await render(options);
    await loaded(el);
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await waitUntil(() => shadow(el, '#more-error'), 'the error');
    expect(rows(el)).to.have.length(50);
    expect(shadow(el, '#more-error')).to.have.attribute('role', 'alert');
    options.moreFails = false;
    shadow<HTMLButtonElement>(el, '#more-error button')!.click();
    await waitUntil(() => rows(el).length === 100, 'retried');
    expect(shadow(el, '#more-error')).to.equal(null);
  });
});

describe('<partner-ledger> date range', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('offers the presets and asks the server for the local month, year or everything', async () => {
    const { el, api } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    await loaded(el);
    const select = shadow<HTMLSelectElement>(el, '#range-preset')!;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['This month', 'Last month', 'This year', 'All time', 'Custom range…']);
    expect(shadow(el, 'label[for="range-preset"]')).to.have.text('Period');
    for (const preset of ['this-month', 'last-month', 'this-year'] as const) {
      select.value = preset;
      setTimeout(() => select.dispatchEvent(new Event('change')));
      const event = await oneEvent(el, 'partner-range-change');
      const expected = presetRange(preset);
      const query = { from: localIso(expected.from!), to: localIso(expected.to!) };
      expect(event.detail).to.deep.equal({ preset, ...query });
      await waitUntil(() => callsOf(api, 'ledger').some((c) => JSON.stringify(c.args[0]) === JSON.stringify({ ...query, limit: 50 })), preset);
    }
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => callsOf(api, 'ledger').at(-1)!.args[0] && !('from' in (callsOf(api, 'ledger').at(-1)!.args[0] as object)), 'all time');
  });

  it('changes period from the keyboard', async () => {
    const { el, api } = await render({ ledger: ALICE }, { range: 'this-year' });
    await loaded(el);
    const before = callsOf(api, 'ledger').length;
    shadow<HTMLSelectElement>(el, '#range-preset')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => callsOf(api, 'ledger').length > before, 'a new request after the key press');
    expect(shadow<HTMLSelectElement>(el, '#range-preset')!.value).to.equal('last-month');
  });

  it('validates a custom range: both dates, real dates, in order', async () => {
    const { el, api } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    await loaded(el);
    const select = shadow<HTMLSelectElement>(el, '#range-preset')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const from = shadow<HTMLInputElement>(el, '#range-from')!;
    const to = shadow<HTMLInputElement>(el, '#range-to')!;
    await waitUntil(() => el.shadowRoot!.activeElement === from, 'focus moves to the first date');
    const calls = callsOf(api, 'ledger').length;
    type(from, '');
    type(to, '');
    part<HTMLButtonElement>(el, 'apply-button')!.click();
    await el.updateComplete;
    expect(text(shadow(el, '#range-from-error'))).to.equal('Enter a start date.');
    expect(text(shadow(el, '#range-to-error'))).to.equal('Enter an end date.');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(from.getAttribute('aria-describedby')).to.equal('range-from-error');
    expect(el.shadowRoot!.activeElement).to.equal(from);
    await expect(el).to.be.accessible();

    type(from, '2025-12-31');
    type(to, '2025-12-01');
    part<HTMLButtonElement>(el, 'apply-button')!.click();
    await el.updateComplete;
    expect(shadow(el, '#range-from-error')).to.equal(null);
    expect(text(shadow(el, '#range-to-error'))).to.equal('The end date must be on or after the start date.');
    type(to, '2100-01-05');
    part<HTMLButtonElement>(el, 'apply-button')!.click();
    await el.updateComplete;
    expect(text(shadow(el, '#range-to-error'))).to.equal('Choose an end date between 2000 and 2099.');
    expect(callsOf(api, 'ledger')).to.have.length(calls, 'nothing asked while the range is invalid');

    type(from, '2025-12-01');
    type(to, '2025-12-31');
    setTimeout(() => part<HTMLButtonElement>(el, 'apply-button')!.click());
    const event = await oneEvent(el, 'partner-range-change');
    const query = { from: localIso(new Date(2025, 11, 1)), to: localIso(new Date(2025, 11, 31, 23, 59, 59, 999)) };
    expect(event.detail).to.deep.equal({ preset: 'custom', ...query });
    await waitUntil(() => text(part(el, 'table')?.querySelector('caption')).startsWith('Entries, Dec 1'), 'the December ledger');
    expect(callsOf(api, 'ledger').at(-1)!.args[0]).to.deep.equal({ ...query, limit: 50 });
  });
});

describe('<partner-ledger> CSV download', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('fetches the CSV through the API client (with the token) and saves it as a file', async () => {
    const { el, api } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    await loaded(el);
    const saved: HTMLAnchorElement[] = [];
    el.shadowRoot!.addEventListener(
      'click',
      (e) => {
        const a = e.target as HTMLAnchorElement;
        if (a.tagName === 'A' && a.download) {
          saved.push(a);
          e.preventDefault();
        }
      },
      true,
    );
    setTimeout(() => part<HTMLButtonElement>(el, 'download-button')!.click());
    const event = await oneEvent(el, 'partner-download');
    expect(event.detail.report).to.equal('ledger');
    expect(event.detail.filename).to.equal('ledger-all-time.csv');
    expect(event.detail.size).to.be.greaterThan(100);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(callsOf(api, 'downloadCsv')[0]!.args).to.deep.equal(['ledger', {}]);
    expect(saved).to.have.length(1);
    expect(saved[0]!.download).to.equal('ledger-all-time.csv');
    expect(saved[0]!.href).to.match(/^blob:/);
    await el.updateComplete;
    expect(text(part(el, 'status'))).to.equal('Downloaded ledger-all-time.csv.');
  });

  it('explains a failed download', async () => {
    const { el } = await render({ ledger: ALICE, csv: 'error' });
    await loaded(el);
    part<HTMLButtonElement>(el, 'download-button')!.click();
    await waitUntil(() => shadow(el, '#download-error'), 'the error');
    expect(text(shadow(el, '#download-error'))).to.contain('Something went wrong on the server');
    await expect(el).to.be.accessible();
  });
});

describe('<partner-ledger> layout and theming', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('fits a 320 px container: rows stack into labelled cards, nothing scrolls sideways', async () => {
    const { el } = await render({ ledger: ALICE, balance: ALICE_BALANCE }, { width: '320px' });
    await loaded(el);
    expect(el.getBoundingClientRect().width).to.equal(320);
    expect(el.scrollWidth).to.be.at.most(320);
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const row = parts(el, 'row')[0]!;
    expect(getComputedStyle(row).display).to.equal('block');
    expect(getComputedStyle(row.querySelector('td')!, '::before').content).to.match(/^"Type"( \/ "")?$/);
    for (const cell of row.querySelectorAll('td, th')) expect(cell.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    await expect(el).to.be.accessible();
  });

  it('is a normal table when there is room', async () => {
    const { el } = await render({ ledger: ALICE, balance: ALICE_BALANCE }, { width: '900px' });
    await loaded(el);
    expect(getComputedStyle(parts(el, 'row')[0]!).display).to.equal('table-row');
  });

  it('takes --partner-* custom properties and exposes parts', async () => {
    const { el } = await render({ ledger: ALICE, balance: ALICE_BALANCE });
    el.style.setProperty('--partner-report-total-background', 'rgb(1, 2, 3)');
    await loaded(el);
    expect(getComputedStyle(part(el, 'summary')!.querySelector('.total')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    for (const name of ['base', 'title', 'range', 'download-button', 'payout', 'summary', 'table', 'row', 'status']) expect(part(el, name), name).to.exist;
  });
});
