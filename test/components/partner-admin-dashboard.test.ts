import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-dashboard/partner-admin-dashboard.js';
import type { PartnerAdminDashboardElement } from '../../admin/partner-admin-dashboard/partner-admin-dashboard.component.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { part, shadow, text } from '../helpers/dom.js';
import { adminDashboard, fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminDashboardElement>(
    html`<partner-admin-dashboard .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-dashboard>`,
  );
  return { el, api };
};
const loaded = (el: Element) => waitUntil(() => part(el, 'tiles') || part(el, 'error') || part(el, 'forbidden'));
/** a tile as read: its term, then its figures */
const tile = (el: Element, name: string) => [...shadow(el, `[data-figure="${name}"]`)!.querySelectorAll('dt, dd')].map(text).join(' | ');
const week = (active = true) => adminDashboard(active, '2026-03-01', 7);
const lastQuery = (api: ReturnType<typeof fakeAdminApi>) => api.calls.filter((c) => c.method === 'dashboard').at(-1)!.args[0] as Record<string, string>;

describe('<partner-admin-dashboard>', () => {
  it('shows the period’s clicks, leads, sales, earned, owed and paid; passes axe', async () => {
    const { el, api } = await render({ dashboard: week() });
    await loaded(el);
    expect(tile(el, 'Clicks')).to.equal('Clicks | 170');
    expect(tile(el, 'Leads')).to.equal('Leads | 4');
    expect(tile(el, 'Sales')).to.equal('Sales | 6 | $1,194.00 in sales');
    expect(tile(el, 'Earned')).to.equal('Earned | $119.40');
    expect(tile(el, 'Owed (balance)')).to.equal('Owed (balance) | $250.00 | Payable now $225.00 · Pending $25.00');
    expect(tile(el, 'Paid')).to.equal('Paid | $75.00');
    // the last 30 days by default, in the reader's time zone
    const query = lastQuery(api);
    expect(query.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const today = new Date();
    expect(new Date(query.from!).getTime()).to.equal(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29).getTime());
    await expect(el).to.be.accessible();
  });

  it('draws the trend as an SVG said in one sentence, with every day in a table', async () => {
    const { el } = await render({ dashboard: week() });
    await loaded(el);
    const chart = shadow(el, '[part~="trend"] svg')!;
    expect(chart).to.have.attribute('role', 'img');
    expect(chart.getAttribute('aria-label')).to.equal('Earned per day, Mar 1, 2026 to Mar 7, 2026: $119.40 in total; highest $39.80 on Mar 3, 2026.');
    expect(chart.querySelectorAll('rect')).to.have.length(7);
    expect(part(el, 'trend-table')!.querySelectorAll('tbody tr')).to.have.length(7);
    expect(text(part(el, 'trend-table')!.querySelector('tbody tr'))).to.equal('Mar 1, 2026 20 0 $0.00');
    const clicks = shadow<HTMLInputElement>(el, 'input[name="chart"][value="clicks"]')!;
    clicks.click();
    await waitUntil(() => shadow(el, '[part~="trend"] svg')!.getAttribute('aria-label')!.startsWith('Clicks per day'));
    expect(el.route.params).to.deep.equal({ chart: 'clicks' });
    await expect(el).to.be.accessible();
  });

  it('lists the top partners, linking to their page in Partners', async () => {
    const { el } = await render({ dashboard: week() });
    await loaded(el);
    const links = [...part(el, 'top-partners')!.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['Ann Archer', '#/partners/ann'],
      ['Bob Baker', '#/partners/bob'],
    ]);
  });

  it('links what needs attention to its section', async () => {
    const { el } = await render({ dashboard: week() });
    await loaded(el);
    const items = [...part(el, 'attention')!.querySelectorAll('a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(items).to.deep.equal([
      ['1 sign-up waiting for approval', '#/partners?status=pending'],
      ['2 commissions past their hold', '#/commissions?status=pending'],
      ['3 partners due a payout', '#/payouts'],
    ]);
  });

  it('a quiet period: zeros, nothing needs attention, no trend to draw', async () => {
    const { el } = await render({ dashboard: week(false) });
    await loaded(el);
    expect(tile(el, 'Earned')).to.equal('Earned | $0.00');
    expect(text(part(el, 'attention'))).to.equal('Nothing needs your attention.');
    expect(text(part(el, 'empty'))).to.equal('No clicks, sales or commissions in this period.');
    expect(text(shadow(el, '[aria-labelledby="top-heading"] p'))).to.equal('No partner earned in this period.');
    await expect(el).to.be.accessible();
  });

  it('changes the period through the URL; a custom range is checked before it is asked for', async () => {
    const { el, api } = await render();
    await loaded(el);
    const select = shadow<HTMLSelectElement>(el, 'select[name="period"]')!;
    select.value = 'this-month';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => api.calls.filter((c) => c.method === 'dashboard').length === 2);
    expect(el.route.params).to.deep.equal({ period: 'this-month' });
    const now = new Date();
    expect(new Date(lastQuery(api).from!).getTime()).to.equal(new Date(now.getFullYear(), now.getMonth(), 1).getTime());

    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => shadow(el, 'input[name="from"]'));
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'input[name="from"]'));
    shadow<HTMLInputElement>(el, 'input[name="from"]')!.value = '2026-03-10';
    shadow<HTMLInputElement>(el, 'input[name="to"]')!.value = '2026-03-01';
    shadow<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => shadow(el, '#period-error'));
    expect(text(shadow(el, '#period-error'))).to.equal('The end date must be on or after the start date.');
    expect(shadow(el, 'input[name="to"]')).to.have.attribute('aria-invalid', 'true');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'input[name="to"]'));
    await expect(el).to.be.accessible();

    shadow<HTMLInputElement>(el, 'input[name="to"]')!.value = '2026-03-16';
    shadow<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => el.route.params.to === '2026-03-16');
    expect(el.route.params).to.deep.equal({ period: 'custom', from: '2026-03-10', to: '2026-03-16' });
    await waitUntil(() => text(shadow(el, 'h3')) === new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).formatRange(new Date(2026, 2, 10), new Date(2026, 2, 16)));
    expect(new Date(lastQuery(api).to!).getTime()).to.equal(new Date(2026, 2, 16, 23, 59, 59, 999).getTime());
  });

  it('loading, error, forbidden and signed out are said', async () => {
    const { el: loading } = await render({ fail: { dashboard: 'pending' } });
    expect(text(part(loading, 'spinner'))).to.equal('Loading the dashboard…');
    const { el: failed } = await render({ fail: { dashboard: 'error' } });
    await loaded(failed);
    expect(part(failed, 'error')).to.have.attribute('role', 'alert');
    await expect(failed).to.be.accessible();
    const { el: forbidden } = await render({ fail: { dashboard: 'forbidden' } });
    await loaded(forbidden);
    expect(part(forbidden, 'forbidden')).to.exist;
    const { el: out } = await render({}, undefined, false);
    expect(part(out, 'signed-out')).to.exist;
  });
});
