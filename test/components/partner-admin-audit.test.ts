import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-audit/partner-admin-audit.js';
import type { PartnerAdminAuditElement } from '../../admin/partner-admin-audit/partner-admin-audit.component.js';
import { actionText, auditChanges } from '../../admin/partner-admin-audit/audit-diff.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminAuditElement>(html`<partner-admin-audit .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-audit>`);
  return { el, api };
};
const loaded = (el: Element) => waitUntil(() => part(el, 'table') || part(el, 'empty') || part(el, 'error') || part(el, 'forbidden'));
const row = (el: Element, id: number) => shadow(el, `[part~="row"][data-id="${id}"]`)!;
const filter = (el: Element, name: string, value: string) => {
  const input = shadow<HTMLInputElement>(el, `input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('change'));
};

describe('<partner-admin-audit>', () => {
  it('lists who did what to which target and when, with the changes readable; passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'row').map((r) => r.dataset.id)).to.deep.equal(['6', '5', '4', '3', '2', '1']);
    const settings = row(el, 3);
    expect(text(settings)).to.contain('Checkout server').and.contain('Admin API key').and.contain('Settings updated').and.contain('settings.update');
    // seen: "→"; heard: "changed to"
    expect(text(settings.querySelector('[part~="changes"]'))).to.equal(
      'welcomeMessage: “Hello” → changed to “Welcome, partners!” minimumPayout: 2500 → changed to 5000 homeItems.programs: true → changed to false',
    );
    expect(settings.querySelector('[aria-hidden="true"]')).to.have.text(' → ');
    expect(text(row(el, 2).querySelector('[part~="changes"]'))).to.equal('name: set to “Creators” holdDays: set to 30');
    expect(text(row(el, 2))).to.contain('Command line');
    // a redacted secret that did not change is not a change
    expect(text(row(el, 1).querySelector('[part~="changes"]'))).to.equal('status: “active” → changed to “disabled”');
    expect(text(row(el, 4))).to.contain('Partner approved').and.contain('partner cleo');
    await expect(el).to.be.accessible();
  });

  it('filters by who, action, target and period through the server, kept in the URL', async () => {
    const { el, api } = await render({}, { path: [], params: { actor: 'owner@northwind.example' } });
    await loaded(el);
    expect(parts(el, 'row').map((r) => r.dataset.id)).to.deep.equal(['6', '5', '4', '1']);
    filter(el, 'targetType', 'partner');
    await waitUntil(() => parts(el, 'row').length === 2);
    expect(el.route.params).to.deep.equal({ actor: 'owner@northwind.example', targetType: 'partner' });
    filter(el, 'from', '2026-02-15');
    await waitUntil(() => parts(el, 'row').length === 1);
    const query = api.calls.at(-1)!.args[0] as Record<string, string>;
    expect(query).to.include({ actor: 'owner@northwind.example', targetType: 'partner' });
    expect(new Date(query.from!).getTime()).to.equal(new Date(2026, 1, 15).getTime());
    filter(el, 'to', '2026-02-28');
    await waitUntil(() => part(el, 'empty'));
    // `to` is the reader's whole day: the server's bound (exclusive) is the next midnight
    expect(new Date((api.calls.at(-1)!.args[0] as Record<string, string>).to!).getTime()).to.equal(new Date(2026, 2, 1).getTime());
    expect(text(part(el, 'empty'))).to.equal('No change matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('pages with Load more (keyset cursor) and moves focus to the first new entry', async () => {
    const { el, api } = await render({ pageSize: 4 });
    await loaded(el);
    expect(parts(el, 'row')).to.have.length(4);
    part(el, 'more')!.click();
    await waitUntil(() => parts(el, 'row').length === 6);
    expect(api.calls.at(-1)!.args[0]).to.include({ cursor: '4' });
    expect(part(el, 'more')).to.equal(null);
    expect(text(part(el, 'announcement'))).to.equal('Loaded 2 more; showing 6.');
    expect(el.shadowRoot!.activeElement).to.equal(row(el, 2).querySelector('th'));
  });

  it('downloads the matching entries as CSV', async () => {
    const { el, api } = await render({}, { path: [], params: { action: 'partner.approve' } });
    await loaded(el);
    part(el, 'download')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Downloaded audit-log.csv.');
    expect(api.calls.find((c) => c.method === 'downloadAuditCsv')!.args[0]).to.include({ action: 'partner.approve' });
  });

  it('empty, loading, error, forbidden and signed out are said', async () => {
    const { el: empty } = await render({ audit: [] });
    await loaded(empty);
    expect(text(part(empty, 'empty'))).to.equal('No changes recorded yet.');
    await expect(empty).to.be.accessible();
    const { el: loading } = await render({ fail: { audit: 'pending' } });
    expect(text(part(loading, 'spinner'))).to.equal('Loading the audit log…');
    const { el: failed } = await render({ fail: { audit: 'error' } });
    await loaded(failed);
    expect(part(failed, 'error')).to.have.attribute('role', 'alert');
    const { el: forbidden } = await render({ fail: { audit: 'forbidden' } });
    await loaded(forbidden);
    expect(part(forbidden, 'forbidden')).to.have.attribute('role', 'alert');
    const { el: out } = await render({}, undefined, false);
    expect(part(out, 'signed-out')).to.exist;
  });

  it('says an action and a change in words', () => {
    expect(actionText('program.update')).to.equal('Program updated');
    expect(actionText('merchant_user.set_password')).to.equal('Merchant user set password');
    expect(auditChanges(null, { a: 1 })).to.deep.equal([{ field: 'a', after: 1 }]);
    expect(auditChanges({ a: 1, b: { c: 2 } }, null)).to.deep.equal([
      { field: 'a', before: 1 },
      { field: 'b.c', before: 2 },
    ]);
  });
});
