import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-links/partner-links.js';
import type { PartnerLinksElement } from '../../components/partner-links/partner-links.component.js';
import type { LinkStats } from '../../src/api/types.js';
import { ApiError } from '../../src/api/errors.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import type { FakeApiOptions } from '../helpers/fake-api.js';
import { resourceElement } from '../helpers/resource-element.js';

const { render, loaded } = resourceElement<PartnerLinksElement>('partner-links', 'list', 'links');
const row = (el: Element, id: number) => shadow(el, `[data-link-id="${id}"]`)!;
const inRow = <T extends HTMLElement>(el: Element, id: number, name: string) => row(el, id).querySelector<T>(`[part~="${name}"]`);
const figures = (el: Element, id: number) => [...row(el, id).querySelectorAll('[part~="stats"] > div')].map((d) => `${text(d.querySelector('dt'))} ${text(d.querySelector('dd'))}`);
const order = (el: Element) => parts(el, 'link').map((l) => text(l.querySelector('h3')));

const counts = (clicks: number, sales: number, earnings: number, conversionRate: number | null) => ({ clicks, leads: 0, sales, salesAmount: sales * 10_000, earnings, conversionRate, earningsPerClick: clicks ? Math.round(earnings / clicks) : null });
const stats: LinkStats = {
  currency: 'USD',
  timeZone: 'UTC',
  totals: counts(1300, 40, 40_000, 308),
  byDay: [],
  bySub: [],
  byLink: [
    { link: { slug: 'home', name: 'Home page' }, ...counts(1200, 36, 36_000, 300) },
    { link: { slug: 'K3J9X2ABCD', name: 'shop.example.com/boots' }, ...counts(100, 4, 4_000, 400) },
    { link: null, ...counts(0, 2, 1_000, null) },
  ],
};

async function ready(options: FakeApiOptions = {}) {
  options.linkStats ??= stats;
  const { el, api } = await render(options);
  await loaded(el);
  await waitUntil(() => part(el, 'stats') || part(el, 'stats-error'), 'the figures');
  return { el, api };
}

describe('<partner-links> figures for a period', () => {
  it('each link shows its clicks, sales, conversion and earnings from one linkStats call next to the one links call', async () => {
    const { el, api } = await ready();
    expect(figures(el, 1)).to.deep.equal(['Clicks 1,200', 'Sales 36', 'Conversion 3%', 'Earnings $360.00']);
    expect(figures(el, 3)).to.deep.equal(['Clicks 100', 'Sales 4', 'Conversion 4%', 'Earnings $40.00'], 'joined by slug, whatever its case');
    expect(figures(el, 2)).to.deep.equal(['Clicks 0', 'Sales 0', 'Conversion —', 'Earnings $0.00'], 'no activity in the period');
    const methods = api.calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'linkStats')).to.have.length(1);
    expect(methods.filter((m) => m === 'links')).to.have.length(1);
    const query = api.calls.find((c) => c.method === 'linkStats')!.args[0] as { from?: string; timeZone?: string };
    expect(query.from, 'this month by default').to.match(/^\d{4}-\d{2}-01T00:00:00/);
    expect(query.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(el).to.be.accessible();
  });

  it('choosing another period asks once more, for that period', async () => {
    const { el, api } = await ready();
    const select = shadow<HTMLSelectElement>(el, '#range-preset')!;
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => api.calls.filter((c) => c.method === 'linkStats').length === 2);
    expect(api.calls.at(-1)!.args[0]).to.not.have.property('from');
    await waitUntil(() => part(el, 'stats'));
    expect(row(el, 1).querySelector('[part~="stats"]')!.getAttribute('aria-label')).to.equal('Home page, All time');
    expect(api.calls.filter((c) => c.method === 'links')).to.have.length(1, 'the links are not read again');
  });

  it('the figures failing leaves the links usable, says so and retries', async () => {
    const options: FakeApiOptions = { fail: { linkStats: new ApiError(500, 'internal_error', 'Something went wrong on the server') } };
    const { el, api } = await ready(options);
    expect(part(el, 'stats-error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'stats-error'))).to.contain('The figures could not be loaded: Something went wrong on the server');
    expect(parts(el, 'link')).to.have.length(3);
    await expect(el).to.be.accessible();
    delete options.fail;
    shadow<HTMLButtonElement>(el, '[part~="stats-error"] button')!.click();
    await waitUntil(() => part(el, 'stats'));
    expect(api.calls.filter((c) => c.method === 'linkStats')).to.have.length(2);
  });

  it('while the figures load, the links show with a status line', async () => {
    const { el } = await render({ fail: { linkStats: 'pending' } });
    await loaded(el);
    expect(text(part(el, 'stats-loading'))).to.equal('Loading the figures…');
    expect(part(el, 'stats-loading')).to.have.attribute('role', 'status');
    expect(part(el, 'stats')).to.equal(null);
  });
});

describe('<partner-links> naming, renaming and disabling custom links', () => {
  it('a name given when creating is sent; merchant links offer no rename or disable', async () => {
    const { el, api } = await ready();
    type(shadow<HTMLInputElement>(el, '#destination')!, 'https://shop.example.com/tents');
    type(shadow<HTMLInputElement>(el, '#new-name')!, '  Tents, summer  ');
    shadow<HTMLFormElement>(el, '[part~="form"]')!.requestSubmit();
    await waitUntil(() => api.calls.some((c) => c.method === 'createLink'));
    expect(api.calls.find((c) => c.method === 'createLink')!.args[0]).to.deep.equal({ destination: 'https://shop.example.com/tents', name: 'Tents, summer' });
    await waitUntil(() => text(part(el, 'list')).includes('Tents, summer'));
    expect(inRow(el, 1, 'rename-button')).to.equal(null);
    expect(inRow(el, 1, 'disable-button')).to.equal(null);
  });

  it('rename by keyboard: the field opens focused, Enter saves and the card shows the new name', async () => {
    const { el, api } = await ready();
    inRow(el, 3, 'rename-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'rename-3', 'the name field focused');
    const input = shadow<HTMLInputElement>(el, '#rename-3')!;
    expect(input.value).to.equal('shop.example.com/boots');
    await expect(el).to.be.accessible();
    input.select();
    await sendKeys({ type: 'Boots, newsletter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(inRow(el, 3, 'rename-button')?.closest('li')?.querySelector('h3')) === 'Boots, newsletter');
    expect(api.calls.find((c) => c.method === 'updateLink')!.args).to.deep.equal([3, { name: 'Boots, newsletter' }]);
    expect(el.shadowRoot!.activeElement).to.equal(inRow(el, 3, 'rename-button'));
    expect(text(part(el, 'announcer'))).to.contain('Link renamed to Boots, newsletter');
  });

  it('Escape cancels a rename without saving; an empty name is refused on the field', async () => {
    const { el, api } = await ready();
    inRow(el, 3, 'rename-button')!.click();
    await waitUntil(() => shadow(el, '#rename-3'));
    const input = shadow<HTMLInputElement>(el, '#rename-3')!;
    type(input, '   ');
    input.form!.requestSubmit();
    await waitUntil(() => shadow(el, '#rename-error-3'));
    expect(text(shadow(el, '#rename-error-3'))).to.equal('Enter a name for the link.');
    expect(input).to.have.attribute('aria-invalid', 'true');
    input.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el, '#rename-3'));
    expect(el.shadowRoot!.activeElement).to.equal(inRow(el, 3, 'rename-button'));
    expect(api.calls.some((c) => c.method === 'updateLink')).to.equal(false);
  });

  it('Disable asks first; confirmed, the link is marked disabled and listed last; Enable turns it back on', async () => {
    const { el, api } = await ready({
      linksData: {
        allowedDomains: ['shop.example.com'],
        links: [
          { id: 1, kind: 'merchant', name: 'Home page', slug: 'home', destination: 'https://shop.example.com/', sub: null, url: 'https://partners.example.com/r/demo/home', clicks: 3, createdAt: '2026-01-02T10:00:00.000Z', disabled: false },
          { id: 3, kind: 'custom', name: 'Boots', slug: 'k3j9x2abcd', destination: 'https://shop.example.com/boots', sub: null, url: 'https://partners.example.com/r/demo/k3j9x2abcd', clicks: 0, createdAt: '2026-01-10T10:00:00.000Z', disabled: false },
          { id: 4, kind: 'custom', name: 'Tents', slug: 'tents12345', destination: 'https://shop.example.com/tents', sub: null, url: 'https://partners.example.com/r/demo/tents12345', clicks: 0, createdAt: '2026-01-09T10:00:00.000Z', disabled: false },
        ],
      },
    });
    expect(order(el)).to.deep.equal(['Home page', 'Boots', 'Tents']);
    inRow(el, 3, 'disable-button')!.click();
    await waitUntil(() => inRow(el, 3, 'confirm'));
    expect(text(inRow(el, 3, 'confirm'))).to.contain('Disable Boots? Visitors will still reach the page, but no clicks or sales will be recorded for you');
    expect(el.shadowRoot!.activeElement?.textContent?.trim(), 'focus on the safe choice').to.equal('Keep it on');
    expect(api.calls.some((c) => c.method === 'updateLink')).to.equal(false, 'nothing happens before confirming');
    await expect(el).to.be.accessible();
    row(el, 3).querySelector<HTMLButtonElement>('[data-confirm]')!.click();
    await waitUntil(() => inRow(el, 3, 'disabled-badge'));
    expect(text(inRow(el, 3, 'disabled-badge'))).to.equal('Disabled');
    expect(order(el)).to.deep.equal(['Home page', 'Tents', 'Boots']);
    expect(text(inRow(el, 3, 'disable-button'))).to.equal('Enable Boots');
    expect(api.calls.find((c) => c.method === 'updateLink')!.args).to.deep.equal([3, { disabled: true }]);
    await expect(el).to.be.accessible();

    inRow(el, 3, 'disable-button')!.click();
    await waitUntil(() => !inRow(el, 3, 'disabled-badge'));
    expect(order(el)).to.deep.equal(['Home page', 'Boots', 'Tents']);
    expect(text(part(el, 'announcer'))).to.contain('Boots is enabled again.');
    // the fake server kept it: a refresh shows the same
    part<HTMLButtonElement>(el, 'refresh-button')!.click();
    await waitUntil(() => api.calls.filter((c) => c.method === 'links').length === 2);
    await waitUntil(() => part(el, 'list'));
    expect(inRow(el, 3, 'disabled-badge')).to.equal(null);
  });

  it('a failed disable says why on the card', async () => {
    const { el } = await ready({ fail: { updateLink: new ApiError(404, 'not_found', 'You have no custom link 3') } });
    inRow(el, 3, 'disable-button')!.click();
    await waitUntil(() => inRow(el, 3, 'confirm'));
    row(el, 3).querySelector<HTMLButtonElement>('[data-confirm]')!.click();
    await waitUntil(() => inRow(el, 3, 'link-error'));
    expect(text(inRow(el, 3, 'link-error'))).to.equal('You have no custom link 3');
    expect(inRow(el, 3, 'link-error')).to.have.attribute('role', 'alert');
  });
});
