import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-commissions/partner-admin-commissions.js';
import type { PartnerAdminCommissionsElement } from '../../admin/partner-admin-commissions/partner-admin-commissions.component.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { formatDate } from '../../src/format.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminCommissionsElement>(
    html`<partner-admin-commissions .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-commissions>`,
  );
  return { el, api };
};
const loaded = (el: Element) => waitUntil(() => part(el, 'table') || part(el, 'empty') || part(el, 'error') || part(el, 'forbidden'));
const row = (el: Element, id: number) => shadow(el, `[part~="row"][data-id="${id}"]`)!;
const status = (el: Element, id: number) => text(row(el, id).querySelector('.status')).replace(/ payable.*/, '');
const check = (el: Element, label: string) => {
  const box = shadow<HTMLInputElement>(el, `input[aria-label="${label}"]`)!;
  box.click();
  return box;
};

describe('<partner-admin-commissions>', () => {
  it('lists commissions with why each exists and the clawbacks, and passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'row')).to.have.length(5);
    expect(text(row(el, 101).querySelector('[part~="why"]'))).to.equal(
      `Last click on link Spring sale clicked ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-02-14T09:00:00.000Z'))} — Friends of Northwind at 10%`,
    );
    expect(text(row(el, 104))).to.contain('−$19.90 clawed back').and.contain('Clawed back');
    expect(text(row(el, 105).querySelector('[part~="clawback"]'))).to.equal(`−$9.95 clawed back ${formatDate('2026-03-05T10:00:00.000Z', 'en')}: Order refunded`);
    await expect(el).to.be.accessible();
  });

  it('filters by status, program, partner and period through the server, keeping them in the URL', async () => {
    const { el, api } = await render({}, { path: [], params: { status: 'approved' } });
    await loaded(el);
    expect(parts(el, 'row').map((r) => r.dataset.id)).to.deep.equal(['103', '105']);
    const program = shadow<HTMLSelectElement>(el, 'select[name="program"]')!;
    program.value = '2';
    program.dispatchEvent(new Event('change'));
    await waitUntil(() => parts(el, 'row').length === 1);
    expect(api.calls.at(-1)!.args[0]).to.include({ status: 'approved', program: 2 });
    expect(el.route.params).to.deep.equal({ status: 'approved', program: '2' });
    const from = shadow<HTMLInputElement>(el, 'input[name="from"]')!;
    from.value = '2026-03-01';
    from.dispatchEvent(new Event('change'));
    await waitUntil(() => part(el, 'empty'));
    expect(text(part(el, 'empty'))).to.equal('No commission matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('approves the selected pending commissions in one call and announces it', async () => {
    const { el, api } = await render();
    await loaded(el);
    expect(part(el, 'approve-selected')).to.have.attribute('aria-disabled', 'true');
    check(el, 'Select every pending commission shown');
    await el.updateComplete;
    expect(text(part(el, 'approve-selected'))).to.equal('Approve selected (2)');
    part<HTMLButtonElement>(el, 'approve-selected')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(api.calls.find((c) => c.method === 'approveCommissions')!.args).to.deep.equal([[101, 102]]);
    expect(text(part(el, 'announcement'))).to.equal('2 commissions approved.');
    expect(part(el, 'announcement')).to.have.attribute('role', 'status');
    expect(status(el, 101)).to.equal('Approved');
    expect(status(el, 102)).to.equal('Approved');
    await expect(el).to.be.accessible();
  });

  it('approves one', async () => {
    const { el } = await render();
    await loaded(el);
    shadow<HTMLButtonElement>(el, 'button[aria-label="Approve commission 102 of ann"]')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Commission 102 of ann approved.');
    expect(status(el, 102)).to.equal('Approved');
  });

  it('reverses with a note, which is required', async () => {
    const { el, api } = await render();
    await loaded(el);
    shadow<HTMLButtonElement>(el, 'button[aria-label="Reverse commission 103 of bob…"]')!.click();
    await el.updateComplete;
    const note = shadow<HTMLTextAreaElement>(el, '[part~="reverse-form"] textarea')!;
    expect(el.shadowRoot!.activeElement).to.equal(note);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part~="reverse-form"] button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('Write a note: it says why the commission is taken back.');
    note.value = 'Order was fraudulent';
    shadow<HTMLButtonElement>(el, '[part~="reverse-form"] button[type="submit"]')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(api.calls.find((c) => c.method === 'reverseCommission')!.args).to.deep.equal([103, 'Order was fraudulent']);
    expect(status(el, 103)).to.equal('Clawed back');
    expect(text(row(el, 103).querySelector('[part~="clawback"]'))).to.contain('−$19.90 clawed back').and.contain(': Order was fraudulent');
  });

  it('says which selected commissions the server skipped, and why', async () => {
    const { el, api } = await render();
    await loaded(el);
    check(el, 'Select every pending commission shown');
    await el.updateComplete;
    await api.approveCommission(102); // approved meanwhile, elsewhere
    part<HTMLButtonElement>(el, 'approve-selected')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('1 commission approved; 1 skipped: Commission 102 is approved already.');
    expect(status(el, 101)).to.equal('Approved');
  });

  it('pages with "Load more"', async () => {
    const { el } = await render({ pageSize: 3 });
    await loaded(el);
    expect(parts(el, 'row')).to.have.length(3);
    part<HTMLButtonElement>(el, 'more')!.click();
    await waitUntil(() => parts(el, 'row').length === 5);
    expect(part(el, 'more')).to.equal(null);
    expect(text(part(el, 'announcement'))).to.equal('Loaded 2 more; showing 5.');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'row')[3]!.querySelector('th'));
  });

  it('says it is loading', async () => {
    const { el } = await render({ fail: { commissions: 'pending' } });
    expect(text(part(el, 'spinner'))).to.equal('Loading commissions…');
    await expect(el).to.be.accessible();
  });

  it('says there are none yet', async () => {
    const { el } = await render({ commissions: [] });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No commissions yet.');
  });

  it('shows a failure, a refusal for the role, and the signed-out state', async () => {
    const failed = await render({ fail: { commissions: 'error' } });
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    const refused = await render({ fail: { commissions: 'forbidden' } });
    await loaded(refused.el);
    expect(text(part(refused.el, 'forbidden'))).to.contain('an owner can');
    await expect(refused.el).to.be.accessible();
    const out = await render({}, undefined, false);
    expect(part(out.el, 'signed-out')).to.exist;
    expect(out.api.calls).to.have.length(0);
  });
});
