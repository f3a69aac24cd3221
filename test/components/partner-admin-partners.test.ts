import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-partners/partner-admin-partners.js';
import type { PartnerAdminPartnerElement, PartnerAdminPartnersElement } from '../../admin/partner-admin-partners/partner-admin-partners.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminPartnersElement>(
    html`<partner-admin-partners .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-partners>`,
  );
  return { el, api };
};
const rows = (el: Element) => parts(el, 'row').map((r) => text(r.querySelector('a')));
const loaded = (el: Element) => waitUntil(() => part(el, 'count') || part(el, 'error') || part(el, 'forbidden'));
const detailOf = (el: Element) => shadow<PartnerAdminPartnerElement>(el, 'partner-admin-partner')!;
const detailLoaded = async (el: Element) => {
  await waitUntil(() => detailOf(el)?.shadowRoot?.querySelector('[part~="profile"]'));
  return detailOf(el);
};
const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label)!;

describe('<partner-admin-partners> list', () => {
  it('says it is loading', async () => {
    const { el } = await render({ fail: { partners: 'pending' } });
    expect(text(part(el, 'spinner'))).to.equal('Loading partners…');
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    await expect(el).to.be.accessible();
  });

  it('lists the partners newest first with balances, and passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(text(part(el, 'count'))).to.equal('4 partners');
    expect(rows(el)).to.deep.equal(['Cleo Cho', 'Bob Baker', 'Ann Archer', 'Dev Dhillon']);
    expect(text(parts(el, 'row')[2])).to.contain('$125.00').and.contain('$100.00');
    await expect(el).to.be.accessible();
  });

  it('searches on the server after a pause, and the URL keeps it without a history entry', async () => {
    const { el, api } = await render();
    await loaded(el);
    const navigated = oneEvent(el, 'partner-admin-navigate');
    type(part<HTMLInputElement>(el, 'search')!, 'an');
    type(part<HTMLInputElement>(el, 'search')!, 'ann');
    const { detail } = await navigated;
    expect(detail).to.deep.equal({ path: [], params: { q: 'ann' }, replace: true });
    await waitUntil(() => rows(el).length === 1);
    expect(rows(el)).to.deep.equal(['Ann Archer']);
    expect(text(part(el, 'count'))).to.equal('1 partner match');
    // one request for the typing, not one per key
    expect(api.calls.filter((c) => c.method === 'partners').map((c) => (c.args[0] as { q?: string }).q)).to.deep.equal([undefined, 'ann']);
  });

  it('sorts and filters by status through the server', async () => {
    const { el, api } = await render({}, { path: [], params: { sort: 'name', order: 'asc' } });
    await loaded(el);
    expect(rows(el)).to.deep.equal(['Ann Archer', 'Bob Baker', 'Cleo Cho', 'Dev Dhillon']);
    const status = shadow<HTMLSelectElement>(el, 'select[name="status"]')!;
    status.value = 'pending';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 1);
    expect(rows(el)).to.deep.equal(['Cleo Cho']);
    expect(api.calls.at(-1)!.args[0]).to.include({ status: 'pending', sort: 'name', order: 'asc' });
  });

  it('pages with "Load more" and moves focus to the first new partner', async () => {
    const { el, api } = await render({ pageSize: 2 });
    await loaded(el);
    expect(rows(el)).to.have.length(2);
    part<HTMLButtonElement>(el, 'more')!.click();
    await waitUntil(() => rows(el).length === 4);
    expect(api.calls.at(-1)!.args[0]).to.include({ cursor: '2' });
    expect(part(el, 'more')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'row')[2]!.querySelector('a'));
  });

  it('says when nothing matches', async () => {
    const { el } = await render({}, { path: [], params: { q: 'zzz' } });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No partner matches. Try another search or status.');
    await expect(el).to.be.accessible();
  });

  it('says there are no partners yet', async () => {
    const { el } = await render({ partners: [] });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No partners yet.');
  });

  it('shows a failure with Try again', async () => {
    const { el } = await render({ fail: { partners: 'error' } });
    await loaded(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('The server had a problem.');
    expect(button(el, 'Try again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says when the role may not see it (403)', async () => {
    const { el } = await render({ fail: { partners: 'forbidden' } });
    await loaded(el);
    expect(text(part(el, 'forbidden'))).to.contain('Staff users cannot do this; an owner can.');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when signed out, without calling the server', async () => {
    const { el, api } = await render({}, undefined, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to the console to see this.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-admin-partners> new partner', () => {
  const fill = (el: Element, label: string, value: string) => {
    const id = [...el.shadowRoot!.querySelectorAll('label')].find((l) => text(l) === label)!.htmlFor;
    type(el.shadowRoot!.getElementById(id) as HTMLInputElement, value);
  };
  const submit = (el: Element) => part<HTMLFormElement>(el, 'create-form')!.requestSubmit();

  it('creates a partner in the programs chosen, then opens them', async () => {
    const { el, api } = await render();
    await loaded(el);
    part(el, 'create')!.click();
    await waitUntil(() => part(el, 'create-form'));
    expect(part(el, 'create')).to.have.attribute('aria-expanded', 'true');
    // the active programs to join; focus on the first field
    expect([...part(el, 'create-form')!.querySelectorAll('label.check')].map(text)).to.deep.equal(['Friends of Northwind', 'Creators']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-name');
    await expect(el).to.be.accessible();
    fill(el, 'Name', 'Pat Partner');
    fill(el, 'Email', 'pat@example.com');
    fill(el, 'Partner code', 'pat');
    fill(el, 'Password', 'pat-password-1');
    fill(el, 'Referred by (partner code, optional)', 'ann');
    part(el, 'create-form')!.querySelector<HTMLInputElement>('input[value="2"]')!.click();
    const navigated = oneEvent(el, 'partner-admin-navigate');
    submit(el);
    expect((await navigated).detail).to.deep.equal({ path: ['pat'], params: {}, replace: false });
    expect(api.calls.find((c) => c.method === 'createPartner')!.args[0]).to.deep.equal({
      name: 'Pat Partner',
      email: 'pat@example.com',
      code: 'pat',
      password: 'pat-password-1',
      programIds: [2],
      parentCode: 'ann',
    });
    const detail = await detailLoaded(el);
    expect(text(detail.shadowRoot!.querySelector('h2'))).to.equal('Pat Partner (pat)');
    expect(text(part(detail, 'parent'))).to.equal('Ann Archer (ann)');
  });

  it('says what is missing, by the field, without calling the server', async () => {
    const { el, api } = await render();
    await loaded(el);
    part(el, 'create')!.click();
    await waitUntil(() => part(el, 'create-form'));
    fill(el, 'Password', 'short');
    submit(el);
    await waitUntil(() => part(el, 'form-error'));
    expect(text(part(el, 'form-error'))).to.equal('4 fields need fixing: Give the partner a name.');
    expect(parts(el, 'field-error').map(text)).to.deep.equal([
      'Give the partner a name.',
      'Give the partner an email address.',
      'Give the partner a code.',
      'The password needs at least 8 characters.',
    ]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-name');
    expect(api.calls.some((c) => c.method === 'createPartner')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s refusal under the field it names (a code taken)', async () => {
    const { el } = await render();
    await loaded(el);
    part(el, 'create')!.click();
    await waitUntil(() => part(el, 'create-form'));
    fill(el, 'Name', 'Another Ann');
    fill(el, 'Email', 'ann2@example.com');
    fill(el, 'Partner code', 'ann');
    fill(el, 'Password', 'another-password');
    submit(el);
    await waitUntil(() => part(el, 'field-error'));
    expect(text(part(el, 'field-error'))).to.equal('The partner code "ann" is taken');
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-code');
    // Cancel closes the form
    button(el, 'Cancel').click();
    await waitUntil(() => !part(el, 'create-form'));
    expect(part(el, 'create')).to.have.attribute('aria-expanded', 'false');
  });
});

describe('<partner-admin-partners> detail', () => {
  it('opens from the list: profile, payout details, programs, parent and children, ledger in the money words', async () => {
    const { el } = await render();
    await loaded(el);
    const navigated = oneEvent(el, 'partner-admin-navigate');
    parts(el, 'row')[2]!.querySelector('a')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['ann'], params: {}, replace: false });
    const d = await detailLoaded(el);
    expect(text(d.shadowRoot!.querySelector('h2'))).to.equal('Ann Archer (ann)');
    const profile = text(part(d, 'profile'));
    expect(profile).to.contain('Payout method PayPal').and.contain('Payout details ann@example.com');
    expect(profile).to.contain('Programs Friends of Northwind, Creators').and.contain('Parent None');
    expect(text(part(d, 'children'))).to.equal('Bob Baker (bob)');
    const figure = (term: string) => [text(shadow(d, `[data-money="${term}"] dt`)), text(shadow(d, `[data-money="${term}"] dd`))];
    expect([figure('balance'), figure('pending'), figure('payableNow')]).to.deep.equal([
      ['Balance', '$125.00'],
      ['Pending', '$25.00'],
      ['Payable now', '$100.00'],
    ]);
    expect(text(part(d, 'ledger'))).to.contain('Payment (PayPal)').and.contain('−$50.00');
    await waitUntil(() => d.shadowRoot!.activeElement === d.shadowRoot!.querySelector('h2'));
    await expect(d).to.be.accessible();
  });

  it('approves a waiting sign-up and says so', async () => {
    const { el, api } = await render({}, { path: ['cleo'], params: {} });
    const d = await detailLoaded(el);
    expect(text(part(d, 'profile'))).to.contain('Status Waiting for approval');
    button(d, 'Approve').click();
    await waitUntil(() => text(part(d, 'announcement')));
    expect(text(part(d, 'announcement'))).to.equal('Cleo Cho is approved and can sign in.');
    expect(api.calls.map((c) => c.method)).to.include('approvePartner');
    await waitUntil(() => text(part(d, 'profile')).includes('Status Active'));
    await expect(d).to.be.accessible();
  });

  it('rejects a sign-up with the reason the partner is told', async () => {
    const { el, api } = await render({}, { path: ['cleo'], params: {} });
    const d = await detailLoaded(el);
    button(d, 'Reject…').click();
    await d.updateComplete;
    const reason = shadow<HTMLTextAreaElement>(d, '[part~="reject-form"] textarea')!;
    expect(d.shadowRoot!.activeElement).to.equal(reason);
    await expect(d).to.be.accessible();
    reason.value = 'We only work with outdoor blogs.';
    shadow<HTMLButtonElement>(d, '[part~="reject-form"] button[type="submit"]')!.click();
    await waitUntil(() => text(part(d, 'announcement')));
    expect(api.calls.find((c) => c.method === 'rejectPartner')!.args).to.deep.equal(['cleo', 'We only work with outdoor blogs.']);
    expect(text(part(d, 'announcement'))).to.equal("Cleo Cho's sign-up is rejected; they are told why.");
    await waitUntil(() => part(d, 'rejection'));
    expect(text(part(d, 'profile'))).to.contain('Status Disabled');
    expect(text(part(d, 'rejection'))).to.contain('We only work with outdoor blogs.');
  });

  it('disables an active partner, and sets a password', async () => {
    const { el, api } = await render({}, { path: ['bob'], params: {} });
    const d = await detailLoaded(el);
    expect(text(part(d, 'profile'))).to.contain('Parent Ann Archer (ann)');
    button(d, 'Disable').click();
    await waitUntil(() => text(part(d, 'profile')).includes('Status Disabled'));
    expect(api.calls.find((c) => c.method === 'updatePartner')!.args).to.deep.equal(['bob', { status: 'disabled' }]);
    button(d, 'Set password…').click();
    await d.updateComplete;
    shadow<HTMLInputElement>(d, '[part~="password-form"] input')!.value = 'short';
    shadow<HTMLButtonElement>(d, '[part~="password-form"] button[type="submit"]')!.click();
    await d.updateComplete;
    expect(text(part(d, 'error'))).to.equal('The password needs at least 8 characters.');
    shadow<HTMLInputElement>(d, '[part~="password-form"] input')!.value = 'a-new-password';
    shadow<HTMLButtonElement>(d, '[part~="password-form"] button[type="submit"]')!.click();
    await waitUntil(() => text(part(d, 'announcement')).includes('password is set'));
    expect(api.calls.find((c) => c.method === 'setPartnerPassword')!.args).to.deep.equal(['bob', 'a-new-password']);
  });

  it('views as partner: a one-time link to the portal, focused', async () => {
    const { el } = await render({}, { path: ['ann'], params: {} });
    const d = await detailLoaded(el);
    button(d, 'View as partner').click();
    await waitUntil(() => part(d, 'portal-link'));
    const link = part<HTMLAnchorElement>(d, 'portal-link')!;
    expect(link.href).to.equal('https://partners.example.com/admin/portal#embed-token=embed-ann');
    expect(link.target).to.equal('_blank');
    await waitUntil(() => d.shadowRoot!.activeElement === link);
  });

  it('says when the partner does not exist, with the way back', async () => {
    const { el } = await render({}, { path: ['nobody'], params: {} });
    await waitUntil(() => detailOf(el)?.shadowRoot?.querySelector('[part~="error"]'));
    const d = detailOf(el);
    expect(text(part(d, 'error'))).to.contain('Partner "nobody" not found');
    expect(text(d.shadowRoot!.querySelector('a'))).to.equal('← All partners');
    await expect(d).to.be.accessible();
  });
});
