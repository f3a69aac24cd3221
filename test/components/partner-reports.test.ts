import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-reports/partner-reports.js';
import type { PartnerReportsElement } from '../../components/partner-reports/partner-reports.component.js';
import type { Commission, Lead, LinkStats, Sale } from '../../src/api/types.js';
import { dayValue, localIso, presetRange } from '../../src/internal/date-range.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeApi, signInFake, type FakeApiOptions } from '../helpers/fake-api.js';
import { callsOf, signedOutAroundEachTest } from '../helpers/report-elements.js';
import { sampleCommissions, sampleLeads, sampleLinkStats, sampleSales } from '../helpers/report-data.js';
import { commissionA1003 } from '../helpers/alice-reports.js';

const iso = (s: string) => new Date(s).toISOString();
/** A date as the reader sees it (their time zone), so the tests pass anywhere. */
const day = (s: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(s));

const COMMISSIONS: Commission[] = [
  commissionA1003({ id: 3, programId: 1 }),
  {
    id: 2,
    date: iso('2025-11-20T15:30:00Z'),
    kind: 'sale',
    order: 'E-1',
    saleAmount: 30_000,
    baseAmount: 30_000,
    rate: { type: 'percent', value: 200 },
    amount: 600,
    clawedBack: 600,
    status: 'clawed_back',
    tier: 'second',
    payableAt: iso('2025-11-30T15:30:00Z'),
    why: { attribution: 'last_click', link: { slug: 'tents', name: 'Tents' }, sub: 'instagram', clickAt: iso('2025-11-19T15:30:00Z'), program: { id: 2, name: 'Referral Club' }, childCode: 'erin' },
    clawback: { amount: 600, date: iso('2025-12-10T08:00:00Z'), reason: 'Returned unused' },
  },
  {
    id: 1,
    date: iso('2025-11-03T10:00:00Z'),
    kind: 'lead',
    order: null,
    saleAmount: null,
    baseAmount: 0,
    rate: { type: 'flat', value: 500 },
    amount: 500,
    clawedBack: 0,
    status: 'paid',
    tier: 'direct',
    payableAt: iso('2025-11-17T10:00:00Z'),
    why: { attribution: 'lead_email', link: null, sub: null, clickAt: null, program: { id: 3, name: 'Newsletter' }, childCode: null },
    clawback: null,
  },
];

const LEADS: Lead[] = [
  { id: 2, date: iso('2026-01-08T16:00:00Z'), lead: 'm•••@example.org', name: null, status: 'lead', link: null, sub: 'podcast' },
  { id: 1, date: iso('2025-11-02T12:00:00Z'), lead: 'j•••@example.com', name: null, status: 'customer', link: { slug: 'spring-sale', name: 'Spring sale' }, sub: 'newsletter' },
];

const SALES: Sale[] = [
  { id: 2, date: iso('2025-11-20T15:30:00Z'), order: 'A-1002', amount: 20_000, currency: 'USD', refunded: 10_000, status: 'partially_refunded', selfReferral: false, items: [{ product: 'tent-4p', quantity: 1, amount: 20_000 }], commission: 1_500, noCommissionReason: null },
  { id: 1, date: iso('2025-11-03T10:00:00Z'), order: 'A-SELF', amount: 12_500, currency: 'USD', refunded: 0, status: 'completed', selfReferral: true, items: [{ product: 'tent-2p', quantity: 1, amount: 10_000 }, { product: 'headlamp', quantity: 2, amount: 2_500 }], commission: 0, noCommissionReason: 'self_referral' },
];

/** Clicks and sales on the 1st and on today of the current month. */
function thisMonthStats(): LinkStats {
  const now = new Date();
  const first = dayValue(new Date(now.getFullYear(), now.getMonth(), 1));
  const today = dayValue(now);
  const days = first === today ? [{ date: today, clicks: 12, leads: 1, sales: 2, salesAmount: 30_000, earnings: 3_000 }] : [
    { date: first, clicks: 4, leads: 1, sales: 1, salesAmount: 10_000, earnings: 1_000 },
    { date: today, clicks: 8, leads: 0, sales: 1, salesAmount: 20_000, earnings: 2_000 },
  ];
  return {
    currency: 'USD',
    timeZone: 'UTC',
    totals: { clicks: 12, leads: 1, sales: 2, salesAmount: 30_000, earnings: 3_000, conversionRate: 1_667, earningsPerClick: 250 },
    byDay: days,
    bySub: [
      { sub: 'newsletter', clicks: 10, leads: 1, sales: 2, salesAmount: 30_000, earnings: 3_000, conversionRate: 2_000, earningsPerClick: 300 },
      { sub: null, clicks: 2, leads: 0, sales: 0, salesAmount: 0, earnings: 0, conversionRate: 0, earningsPerClick: 0 },
    ],
    byLink: [{ link: { slug: 'spring-sale', name: 'Spring sale' }, clicks: 12, leads: 1, sales: 2, salesAmount: 30_000, earnings: 3_000, conversionRate: 1_667, earningsPerClick: 250 }],
  };
}

async function render(options: FakeApiOptions = {}, attrs: { tab?: string; range?: string; pageSize?: number; width?: string } = {}) {
  const api = fakeApi(options);
  const el = await fixture<PartnerReportsElement>(
    html`<partner-reports
      lang="en-US"
      style=${attrs.width ? `width:${attrs.width};display:block` : ''}
      .api=${api}
      tab=${attrs.tab ?? 'commissions'}
      range=${attrs.range ?? 'all'}
      page-size=${attrs.pageSize ?? 50}
    ></partner-reports>`,
  );
  return { el, api };
}

const settled = (el: PartnerReportsElement) =>
  waitUntil(() => part(el, 'summary') || part(el, 'error') || part(el, 'empty'), 'the report loads', { timeout: 4000 });
const figures = (el: Element) =>
  Object.fromEntries(parts(el, 'summary').flatMap((dl) => [...dl.querySelectorAll(':scope > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))])));
const rows = (el: Element, table = 0) => [...parts(el, 'table')[table]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
const tabs = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

signedOutAroundEachTest();

describe('<partner-reports> signed out', function () {
  this.timeout(15_000);
  it('asks to sign in, shows no tabs and asks the server nothing', async () => {
    const { el, api } = await render({ commissions: COMMISSIONS });
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see your reports.');
    expect(part(el, 'tabs')).to.equal(null);
    expect(api.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-reports> tabs', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('are a tab list with one selected tab controlling the panel', async () => {
    const { el } = await render({ commissions: COMMISSIONS });
    await settled(el);
    expect(part(el, 'tabs')).to.have.attribute('role', 'tablist');
    expect(tabs(el).map((t) => [text(t), t.getAttribute('aria-selected'), t.tabIndex])).to.deep.equal([
      ['Commissions', 'true', 0],
      ['Leads', 'false', -1],
      ['Sales', 'false', -1],
      ['Links', 'false', -1],
    ]);
    const panel = part(el, 'panel')!;
    expect(panel).to.have.attribute('role', 'tabpanel');
    expect(panel.getAttribute('aria-labelledby')).to.equal('tab-commissions');
    expect(tabs(el).every((t) => t.getAttribute('aria-controls') === 'panel')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('move with the arrow keys, Home and End, wrapping around, and load the report they open', async () => {
    const { el, api } = await render({ commissions: COMMISSIONS, leads: LEADS, sales: SALES, linkStats: thisMonthStats() });
    await settled(el);
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.tab === 'leads' && el.shadowRoot!.activeElement === tabs(el)[1], 'Leads by ArrowRight');
    await waitUntil(() => callsOf(api, 'leadReport').length === 1, 'leads asked for');
    await sendKeys({ press: 'End' });
    await waitUntil(() => el.tab === 'links' && el.shadowRoot!.activeElement === tabs(el)[3], 'Links by End');
    // the links panel loads on first open: its figures are asked for before moving on
    await waitUntil(() => callsOf(api, 'linkStats').length > 0, 'link stats asked for');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.tab === 'commissions' && el.shadowRoot!.activeElement === tabs(el)[0], 'wraps to Commissions');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.tab === 'links', 'wraps back to Links');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.tab === 'commissions', 'Home');
    expect(el.getAttribute('tab')).to.equal('commissions');
    expect(callsOf(api, 'linkStats')).to.have.length.greaterThan(0);
    expect(callsOf(api, 'linkStats')[0]!.args[0]).to.have.property('timeZone', Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('open by click, and the tab attribute picks the first one', async () => {
    const { el } = await render({ sales: SALES }, { tab: 'sales' });
    await settled(el);
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    tabs(el)[1]!.click();
    await waitUntil(() => part(el, 'panel')!.getAttribute('aria-labelledby') === 'tab-leads');
  });
});

describe('<partner-reports> the reports', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('commissions: totals, and each commission with its status and why, clawback reason included', async () => {
    const { el } = await render({ commissions: COMMISSIONS });
    await settled(el);
    expect(figures(el)).to.deep.equal({
      Commissions: '3',
      Earned: '+$31.00',
      'Clawed back': '−$6.00',
      Paid: '−$5.00',
      Balance: '$20.00',
      Pending: '$20.00',
      'Payable now': '$0.00',
    });
    expect(text(part(el, 'note'))).to.equal(
      "Earned, clawed back and paid count the period shown (all time); balance, pending and payable now are today's figures, whatever the period. Clawed back and paid count what happened in the period, also on commissions recorded before it.",
    );
    expect(text(part(el, 'table')!.querySelector('caption'))).to.equal('Commissions, all time, newest first');
    expect(rows(el)).to.deep.equal([
      [day('2026-01-05T18:45:00Z'), 'A-1003', '$200.00', '10%', '$20.00', `Pending payable ${day('2026-02-04T18:45:00Z')}`, 'Partner code Outdoor Gear'],
      [
        day('2025-11-20T15:30:00Z'),
        'E-1 Second tier via erin',
        '$300.00',
        '2%',
        '$6.00 −$6.00 clawed back: Returned unused',
        'Clawed back',
        `Last click on Tents (sub-id instagram) at ${new Date('2025-11-19T15:30:00Z').toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })} Referral Club`,
      ],
      [day('2025-11-03T10:00:00Z'), 'Lead sign-up', '—', '$5.00 flat', '$5.00', 'Paid', 'Referred lead Newsletter'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('leads: masked addresses with a note, status and link', async () => {
    const { el } = await render({ leads: LEADS }, { tab: 'leads' });
    await settled(el);
    expect(figures(el)).to.deep.equal({ Leads: '2', 'Became customers': '1' });
    expect(text(part(el, 'panel'))).to.contain("Email addresses are partly hidden to protect your leads' privacy.");
    expect(rows(el)).to.deep.equal([
      [day('2026-01-08T16:00:00Z'), 'm•••@example.org', 'Lead', '—', 'podcast'],
      [day('2025-11-02T12:00:00Z'), 'j•••@example.com', 'Customer', 'Spring sale', 'newsletter'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('sales: items, refunds and a flagged self-referral', async () => {
    const { el } = await render({ sales: SALES }, { tab: 'sales' });
    await settled(el);
    expect(figures(el)).to.deep.equal({ Sales: '2', Amount: '$325.00', Refunded: '$100.00', 'Commission on these sales': '$15.00' });
    expect(text(part(el, 'note'))).to.contain('Lead and second-tier commissions are not sales of yours: the Commissions report shows everything you earned.');
    expect(rows(el)).to.deep.equal([
      [day('2025-11-20T15:30:00Z'), 'A-1002', '1 × tent-4p', '$200.00 $100.00 refunded', '$15.00', 'Partly refunded'],
      [day('2025-11-03T10:00:00Z'), 'A-SELF', '1 × tent-2p, 2 × headlamp', '$125.00', '$0.00 Your own purchase: no commission.', 'Completed'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('sales: a sale that earned nothing says why, in words, for every reason', async () => {
    const words: [NonNullable<Sale['noCommissionReason']>, string][] = [
      ['self_referral', 'Your own purchase: no commission.'],
      ['no_program', 'You were in no program when this sale came in.'],
      ['link_programs', 'The link used counts only for programs that do not cover these products.'],
      ['outside_window', 'The click was older than the programs covering these products count.'],
      ['product_not_covered', 'None of your programs covers these products.'],
      ['product_excluded', 'Your program pays no commission on these products.'],
      ['recurring_ended', 'Your program does not pay on this payment of the subscription.'],
      ['zero_amount', 'The commission on this amount comes to nothing.'],
      ['clawed_back', 'The commission was taken back (refund or reversal).'],
    ];
    const sales: Sale[] = words.map(([reason], i) => ({ ...SALES[1]!, id: 100 + i, order: `Z-${i}`, selfReferral: reason === 'self_referral', noCommissionReason: reason }));
    const { el } = await render({ sales: [SALES[0]!, ...sales] }, { tab: 'sales' });
    await settled(el);
    expect(parts(el, 'no-commission').map((p) => text(p))).to.deep.equal(words.map(([, w]) => w));
    expect(rows(el)[0]![4]).to.equal('$15.00', 'a sale that earns says nothing more');
    await expect(el).to.be.accessible();
  });

  it('links: totals, a clicks and a sales chart over the period, and tables by link, sub-id and day', async () => {
    const { el } = await render({ linkStats: thisMonthStats() }, { tab: 'links', range: 'this-month' });
    await settled(el);
    expect(figures(el)).to.deep.equal({ Clicks: '12', Leads: '1', Sales: '2', Conversion: '16.67%', 'Commission per click': '$2.50', 'Commission from your links': '$30.00' });
    const charts = parts(el, 'chart');
    expect(charts).to.have.length(2);
    const days = new Date().getDate();
    const [clicks, sales] = charts.map((c) => c.querySelector('svg')!);
    expect(clicks!.getAttribute('role')).to.equal('img');
    expect(clicks!.querySelectorAll('rect')).to.have.length(days, 'a bar for every day from the 1st to today');
    expect(clicks!.getAttribute('aria-label')).to.match(/^Clicks per day, .+ to .+: 12 in total, most \((8|12)\) on .+\.$/);
    expect(sales!.getAttribute('aria-label')).to.contain(': 2 in total');
    const heights = [...clicks!.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(Math.max(...heights)).to.equal(116, 'the peak reaches the top');
    expect(heights.filter((h) => h > 0)).to.have.length(days === 1 ? 1 : 2);
    expect(rows(el, 0)).to.deep.equal([['Spring sale', '12', '1', '2', '16.67%', '$30.00', '$2.50']]);
    expect(rows(el, 1)).to.deep.equal([
      ['newsletter', '10', '1', '2', '20%', '$30.00', '$3.00'],
      ['No sub-id', '2', '0', '0', '0%', '$0.00', '$0.00'],
    ]);
    expect(text(el.shadowRoot!.querySelector('details summary'))).to.equal(`Daily figures (${days === 1 ? 1 : 2} days with activity)`);
    await expect(el).to.be.accessible();
  });

  it('every report has a deliberate empty state', async () => {
    for (const tab of ['commissions', 'leads', 'sales', 'links']) {
      const { el } = await render({}, { tab });
      await settled(el);
      expect(text(part(el, 'empty')), tab).to.match(/^No (commissions|leads|sales) yet\.$|^No link activity yet\./);
      const month = await render({}, { tab, range: 'last-month' });
      await settled(month.el);
      expect(text(part(month.el, 'empty')), tab).to.match(/in this period\.$/);
    }
  });

  it("shows the open tab's loading message while its view loads, then the tabs and the report", async () => {
    const el = fixtureSync<PartnerReportsElement>(html`<partner-reports lang="en-US" tab="sales" .api=${fakeApi({ sales: SALES })}></partner-reports>`);
    // the first render, before the view's module (an import: never synchronous) can be here
    let first: { spinner: string; status: boolean } | undefined;
    el.addController({ hostUpdated: () => void (first ??= { spinner: text(part(el, 'spinner')), status: !!part(el, 'status') }) });
    await el.updateComplete;
    expect(first).to.deep.equal({ spinner: 'Loading your sales…', status: true });
    await settled(el);
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect(figures(el)['Commission on these sales']).to.equal('$15.00');
  });

  it('loading, and a failure with Try again', async () => {
    const pending = await render({ reports: 'pending' });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading your commissions…');
    await expect(pending.el).to.be.accessible();
    const options: FakeApiOptions = { commissions: COMMISSIONS, reports: 'network' };
    const { el } = await render(options);
    await settled(el);
    expect(text(part(el, 'error'))).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    options.reports = 'ok';
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => part(el, 'table'), 'loaded after retry');
  });
});

describe('<partner-reports> paging, period and CSV', function () {
  this.timeout(15_000);
  beforeEach(() => signInFake());

  it('loads more rows, focuses the first new one, then says that is all', async () => {
    const many = sampleCommissions(70);
    const { el, api } = await render({ commissions: many });
    await settled(el);
    expect(rows(el)).to.have.length(50);
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await waitUntil(() => rows(el).length === 70, 'the rest');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'row')[50]);
    expect(part(el, 'load-more')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.more p'))).to.equal('Showing 70 commissions — that is all of them.');
    expect(callsOf(api, 'commissionReport')[1]!.args[0]).to.deep.equal({ cursor: 'fake:50', limit: 50 });
  });

  it('keeps the rows when loading more fails', async () => {
    const options: FakeApiOptions = { leads: sampleLeads(60), moreFails: true };
    const { el } = await render(options, { tab: 'leads' });
    await settled(el);
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await waitUntil(() => shadow(el, '#more-error'));
    expect(rows(el)).to.have.length(50);
  });

  it('asks every report for the chosen period', async () => {
    const { el, api } = await render({ sales: sampleSales(5) }, { tab: 'sales' });
    await settled(el);
    const select = shadow<HTMLSelectElement>(el, '#range-preset')!;
    select.value = 'last-month';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = await oneEvent(el, 'partner-range-change');
    const expected = presetRange('last-month');
    const query = { from: localIso(expected.from!), to: localIso(expected.to!) };
    expect(event.detail).to.deep.equal({ preset: 'last-month', ...query });
    await waitUntil(() => callsOf(api, 'salesReport').length === 2);
    expect(callsOf(api, 'salesReport')[1]!.args[0]).to.deep.equal({ ...query, limit: 50 });
    tabs(el)[0]!.click();
    await waitUntil(() => callsOf(api, 'commissionReport').length === 1);
    expect(callsOf(api, 'commissionReport')[0]!.args[0]).to.deep.equal({ ...query, limit: 50 });
  });

  it('downloads the open report as CSV through the client; link statistics in the local time zone', async () => {
    const { el, api } = await render({ linkStats: sampleLinkStats(30) }, { tab: 'links' });
    await settled(el);
    el.shadowRoot!.addEventListener('click', (e) => (e.target as HTMLElement).tagName === 'A' && e.preventDefault(), true);
    setTimeout(() => part<HTMLButtonElement>(el, 'download-button')!.click());
    const event = await oneEvent(el, 'partner-download');
    expect(event.detail.report).to.equal('links');
    expect(event.detail.filename).to.equal('links-all-time.csv');
    expect(callsOf(api, 'downloadCsv')[0]!.args).to.deep.equal(['links', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }]);
  });
});

describe('<partner-reports> layout', function () {
  this.timeout(20_000);
  beforeEach(() => signInFake());

  for (const tab of ['commissions', 'sales', 'links']) {
    it(`${tab} fits a 320 px container without sideways scrolling`, async () => {
      const { el } = await render({ commissions: sampleCommissions(8), sales: sampleSales(8), linkStats: sampleLinkStats(20) }, { tab, width: '320px' });
      await settled(el);
      expect(el.getBoundingClientRect().width).to.equal(320);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(getComputedStyle(parts(el, 'row')[0]!).display).to.equal('block');
      await expect(el).to.be.accessible();
    });
  }

  it('themes the chart through custom properties', async () => {
    const { el } = await render({ linkStats: sampleLinkStats(10) }, { tab: 'links' });
    el.style.setProperty('--partner-reports-chart-color', 'rgb(10, 20, 30)');
    await settled(el);
    expect(getComputedStyle(parts(el, 'chart')[0]!.querySelector('rect')!).fill).to.equal('rgb(10, 20, 30)');
  });
});
