import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-payouts/partner-admin-payouts.js';
import '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { PartnerAdminPayoutsElement } from '../../admin/partner-admin-payouts/partner-admin-payouts.component.js';
import type { PartnerAdminSettingsElement } from '../../admin/partner-admin-settings/partner-admin-settings.js';
import type { AdminRole } from '../../admin/api/types.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

/** Issue 14 in the console: the open payout requests in Payouts, and the payout schedule in Settings. */
const render = async (options: FakeAdminOptions = {}, { role = 'owner' as AdminRole, signedIn = true } = {}) => {
  const api = fakeAdminApi({ role, ...options });
  const el = await fixture<PartnerAdminPayoutsElement>(
    html`<partner-admin-payouts .api=${api} .adminSession=${fakeAdminSession(signedIn, role)} .route=${{ path: [], params: {} }}></partner-admin-payouts>`,
  );
  return { el, api };
};
const requests = (el: Element) => shadow(el, 'partner-admin-payout-requests')!;
const loaded = async (el: Element) => {
  await waitUntil(() => part(requests(el), 'requests') || part(requests(el), 'empty') || part(requests(el), 'error'), 'the requests did not load');
  await waitUntil(() => part(el, 'due') || part(el, 'owner-only') || part(el, 'empty') || part(el, 'error'));
};
const request = (el: Element, id: number) => shadow(requests(el), `[part~="row"][data-id="${id}"]`);

describe('<partner-admin-payouts> payout requests', () => {
  it('lists the open requests with partner, amount and when, says a payment settles them, and passes axe', async () => {
    const { el, api } = await render();
    await loaded(el);
    const rows = parts(requests(el), 'row');
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(['3', '2']);
    expect(text(rows[0])).to.contain('Ann Archer').and.contain('ann@partners.example').and.contain('$100.00').and.contain('2026');
    expect(text(rows[1])).to.contain('Eve Evans').and.contain('$75.00');
    expect(text(part(requests(el), 'settles'))).to.contain('Recording a payment to the partner').and.contain('settles their open request');
    expect(api.calls.find((c) => c.method === 'payoutRequests')!.args[0]).to.deep.include({ status: 'open' });
    await expect(el).to.be.accessible();
  });

  it('declines a request with a note, by keyboard-reachable controls; an empty note is refused on the spot', async () => {
    const { el, api } = await render();
    await loaded(el);
    const list = requests(el);
    shadow<HTMLButtonElement>(list, 'button[aria-label="Decline Eve Evans’s request…"]')!.click();
    await waitUntil(() => part(list, 'decline-form'));
    expect(list.shadowRoot!.activeElement).to.equal(shadow(list, '#decline-note'));
    expect(text(shadow(list, '#decline-heading'))).to.equal('Decline Eve Evans’s request for $75.00?');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(list, '[part~="decline-form"] button[type="submit"]')!.click();
    await waitUntil(() => part(list, 'error'));
    expect(text(part(list, 'error'))).to.equal('Say why you decline: the partner sees this note.');
    expect(api.calls.some((c) => c.method === 'declinePayoutRequest')).to.equal(false);
    type(shadow<HTMLInputElement>(list, '#decline-note')!, 'Invoice missing');
    shadow<HTMLButtonElement>(list, '[part~="decline-form"] button[type="submit"]')!.click();
    await waitUntil(() => text(part(list, 'announcement')));
    expect(text(part(list, 'announcement'))).to.equal('Declined Eve Evans’s request for $75.00.');
    expect(api.calls.find((c) => c.method === 'declinePayoutRequest')!.args).to.deep.equal([2, 'Invoice missing']);
    await waitUntil(() => !request(el, 2));
    expect(parts(list, 'row').map((r) => r.dataset.id)).to.deep.equal(['3']);
  });

  it('Escape closes the decline form and focus returns to its button', async () => {
    const { el } = await render();
    await loaded(el);
    const list = requests(el);
    shadow<HTMLButtonElement>(list, 'button[aria-label="Decline Ann Archer’s request…"]')!.click();
    await waitUntil(() => part(list, 'decline-form'));
    shadow(list, '#decline-note')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !part(list, 'decline-form'));
    await waitUntil(() => list.shadowRoot!.activeElement === shadow(list, 'button[aria-label="Decline Ann Archer’s request…"]'));
  });

  it('recording the payment of a partner with an open request settles it: the request leaves the list', async () => {
    const { el } = await render();
    await loaded(el);
    shadow<HTMLButtonElement>(el, 'button[aria-label="Pay Ann Archer…"]')!.click();
    await waitUntil(() => part(el, 'confirm'));
    part(el, 'confirm-button')!.click();
    await waitUntil(() => !request(el, 3), 'Ann’s request is settled by the payment');
    expect(parts(requests(el), 'row').map((r) => r.dataset.id)).to.deep.equal(['2']);
  });

  it('staff see the requests without Decline; no request, a failure and signed-out each say so', async () => {
    const staff = await render({}, { role: 'staff' });
    await loaded(staff.el);
    expect(parts(requests(staff.el), 'row')).to.have.length(2);
    expect(part(requests(staff.el), 'decline')).to.equal(null);
    await expect(staff.el).to.be.accessible();

    const empty = await render({ payoutRequests: [] });
    await loaded(empty.el);
    expect(text(part(requests(empty.el), 'empty'))).to.equal('No open payout requests.');

    const failing = await render({ fail: { payoutRequests: 'error' } });
    await waitUntil(() => part(requests(failing.el), 'error'));
    expect(part(requests(failing.el), 'error')).to.have.attribute('role', 'alert');
    await expect(failing.el).to.be.accessible();

    const out = await render({}, { signedIn: false });
    await waitUntil(() => part(out.el, 'signed-out'));
    expect(shadow(out.el, 'partner-admin-payout-requests')).to.equal(null);
  });
});

describe('<partner-admin-settings> payout schedule', () => {
  const settings = async (options: FakeAdminOptions = {}) => {
    const api = fakeAdminApi(options);
    const el = await fixture<PartnerAdminSettingsElement>(html`<partner-admin-settings .api=${api} .adminSession=${fakeAdminSession(true, 'owner')}></partner-admin-settings>`);
    await waitUntil(() => part(el, 'form'), 'the settings did not load', { timeout: 4000 });
    return { el, api };
  };
  const field = (el: Element, selector: string) => shadow<HTMLInputElement>(el, selector)!;
  const save = (el: Element) => shadow<HTMLButtonElement>(el, '[part~="form"] button[type="submit"]')!.click();

  it('shows monthly on day 1 and saves another day, or "on request"', async () => {
    const { el, api } = await settings();
    expect(field(el, 'input[name="payoutKind"][value="monthly"]').checked).to.equal(true);
    expect(field(el, 'input[name="payoutDay"]').value).to.equal('1');
    type(field(el, 'input[name="payoutDay"]'), '15');
    save(el);
    await waitUntil(() => api.calls.some((c) => c.method === 'updateSettings'));
    expect(api.calls.find((c) => c.method === 'updateSettings')!.args[0]).to.deep.equal({ payoutSchedule: { kind: 'monthly', day: 15 } });
    await waitUntil(() => text(part(el, 'announcement')).startsWith('Settings saved'));

    field(el, 'input[name="payoutKind"][value="on-request"]').click();
    await el.updateComplete;
    expect(shadow(el, 'input[name="payoutDay"]')).to.equal(null);
    save(el);
    await waitUntil(() => api.calls.filter((c) => c.method === 'updateSettings').length === 2);
    expect(api.calls.filter((c) => c.method === 'updateSettings')[1]!.args[0]).to.deep.equal({ payoutSchedule: { kind: 'on-request' } });
    await expect(el).to.be.accessible();
  });

  it('refuses a day outside 1–28 at the field, before asking the server', async () => {
    const { el, api } = await settings();
    type(field(el, 'input[name="payoutDay"]'), '31');
    save(el);
    await waitUntil(() => field(el, 'input[name="payoutDay"]').getAttribute('aria-invalid') === 'true');
    expect(el.shadowRoot!.textContent).to.contain('Enter a day of the month from 1 to 28');
    expect(api.calls.some((c) => c.method === 'updateSettings')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
