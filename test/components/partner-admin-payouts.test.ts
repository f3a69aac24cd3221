import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-payouts/partner-admin-payouts.js';
import type { PartnerAdminPayoutsElement } from '../../admin/partner-admin-payouts/partner-admin-payouts.component.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import type { AdminRole, PayoutDue } from '../../admin/api/types.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { adminPayments, fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, { route = { path: [], params: {} } as SectionRoute, role = 'owner' as AdminRole, signedIn = true } = {}) => {
  const api = fakeAdminApi({ role, ...options });
  const el = await fixture<PartnerAdminPayoutsElement>(
    html`<partner-admin-payouts .api=${api} .adminSession=${fakeAdminSession(signedIn, role)} .route=${route}></partner-admin-payouts>`,
  );
  return { el, api };
};
const history = (el: Element) => shadow(el, 'partner-admin-payment-history')!;
const loaded = async (el: Element) => {
  await waitUntil(() => part(el, 'due') || part(el, 'empty') || part(el, 'owner-only') || part(el, 'error'));
  await waitUntil(() => part(history(el), 'table') || part(history(el), 'empty') || part(history(el), 'error') || part(history(el), 'forbidden'));
};
const row = (el: Element, code: string) => shadow(el, `[part~="row"][data-code="${code}"]`)!;
const click = (el: Element, selector: string) => shadow<HTMLElement>(el, selector)!.click();

describe('<partner-admin-payouts>', () => {
  it('lists who is due with payout method and masked details, and the payment history; passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'row').map((r) => r.dataset.code)).to.deep.equal(['ann', 'eve', 'gus']);
    expect(text(row(el, 'ann'))).to.contain('Ann Archer').and.contain('PayPal').and.contain('a•••@example.com').and.contain('$100.00');
    expect(text(row(el, 'gus'))).to.contain('No payout method given');
    expect(text(part(el, 'due-total'))).to.equal('3 partners with payable now of at least the minimum payout, $50.00: $225.00 in all.');
    expect(parts(history(el), 'row')).to.have.length(3);
    expect(text(parts(history(el), 'row')[2])).to.contain('Reversed').and.contain('Sent to the wrong account');
    await expect(el).to.be.accessible();
  });

  it('shows payout details in full on request', async () => {
    const { el, api } = await render();
    await loaded(el);
    const button = shadow(el, 'button[aria-label="Show in full: Ann Archer’s payout details"]')!;
    button.click();
    await waitUntil(() => text(row(el, 'ann').querySelector('[part~="details"]')) === 'ann@example.com');
    expect(api.calls.some((c) => c.method === 'partner' && c.args[0] === 'ann')).to.equal(true);
    expect(button).to.have.attribute('aria-pressed', 'true');
    button.click();
    await waitUntil(() => text(row(el, 'ann').querySelector('[part~="details"]')) === 'a•••@example.com');
  });

  it('records one payment after a confirmation naming partner and amount', async () => {
    const { el, api } = await render();
    await loaded(el);
    click(el, 'button[aria-label="Pay Eve Evans…"]');
    await waitUntil(() => part(el, 'confirm'));
    expect(text(shadow(el, '#confirm-question'))).to.equal('Record a payment of $75.00 to Eve Evans (eve)?');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '#confirm-question'));
    await expect(el).to.be.accessible();
    type(shadow<HTMLInputElement>(el, 'input[name="method"]')!, 'Bank transfer');
    part(el, 'confirm-button')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Recorded a payment of $75.00 to Eve Evans (eve).');
    expect(api.calls.find((c) => c.method === 'recordPayment')!.args).to.deep.equal(['eve', 7_500, { method: 'Bank transfer' }]);
    // eve is paid: no longer due; the history shows the payment first
    await waitUntil(() => !row(el, 'eve'));
    await waitUntil(() => parts(history(el), 'row').length === 4);
    expect(text(parts(history(el), 'row')[0])).to.contain('eve').and.contain('$75.00').and.contain('Bank transfer').and.contain('Single');
  });

  it('records the selected payments as one batch after a confirmation naming count and total', async () => {
    const { el, api } = await render();
    await loaded(el);
    expect(part(el, 'pay-selected')).to.have.attribute('aria-disabled', 'true');
    click(el, 'input[aria-label="Select every partner due"]');
    await el.updateComplete;
    click(el, 'input[aria-label="Select Gus Green (gus)"]');
    await el.updateComplete;
    expect(text(part(el, 'pay-selected'))).to.equal('Record payments for selected (2)…');
    part(el, 'pay-selected')!.click();
    await waitUntil(() => part(el, 'confirm'));
    expect(text(shadow(el, '#confirm-question'))).to.equal('Record 2 payments, $175.00 in total, as one batch?');
    expect(text(part(el, 'confirm-button'))).to.equal('Record 2 payments');
    part(el, 'confirm-button')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Recorded 2 payments, $175.00 in total, as batch 8.');
    expect(api.calls.find((c) => c.method === 'recordPaymentBatch')!.args[0]).to.deep.equal({
      payments: [
        { partner: 'ann', amount: 10_000 },
        { partner: 'eve', amount: 7_500 },
      ],
    });
    await waitUntil(() => parts(el, 'row').length === 1);
    expect(parts(el, 'row')[0]!.dataset.code).to.equal('gus');
  });

  it('a refused batch records nothing and names the partner', async () => {
    const due = (partnerCode: string, name: string, amount: number): PayoutDue => ({
      partnerCode,
      name,
      email: `${partnerCode}@example.com`,
      amount,
      balance: { balance: amount, pending: 0, payableNow: amount, currency: 'USD' },
      payoutMethod: null,
      payoutDetailsMasked: null,
    });
    const { el, api } = await render({ payouts: [due('ann', 'Ann Archer', 10_000), due('zed', 'Zed Zola', 6_000)] });
    await loaded(el);
    // meanwhile someone else pays zed $10.00: the $60.00 shown is more than is payable now
    await api.recordPayment('zed', 1_000, {});
    click(el, 'input[aria-label="Select every partner due"]');
    await el.updateComplete;
    part(el, 'pay-selected')!.click();
    await waitUntil(() => part(el, 'confirm'));
    part(el, 'confirm-button')!.click();
    await waitUntil(() => part(el, 'error'));
    expect(text(part(el, 'error'))).to.equal('Nothing was recorded: the batch is all or nothing. Zed Zola (zed): zed has $50.00 payable now; $60.00 is more');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    expect(row(el, 'zed')).to.have.class('failed');
    expect(row(el, 'ann')).not.to.have.class('failed');
    expect(part(el, 'announcement')).to.have.text('');
    await expect(el).to.be.accessible();
  });

  it('Cancel or Escape leaves the confirmation without paying, focus back on the button', async () => {
    const { el, api } = await render();
    await loaded(el);
    click(el, 'input[aria-label="Select Ann Archer (ann)"]');
    await el.updateComplete;
    part(el, 'pay-selected')!.click();
    await waitUntil(() => part(el, 'confirm'));
    shadow(el, '#confirm-question')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !part(el, 'confirm'));
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pay-selected'));
    expect(api.calls.some((c) => c.method === 'recordPayment' || c.method === 'recordPaymentBatch')).to.equal(false);
  });

  it('downloads the payouts due in the chosen layout with the session', async () => {
    const { el, api } = await render();
    await loaded(el);
    const layout = shadow<HTMLSelectElement>(el, 'select[name="layout"]')!;
    expect([...layout.options].map((o) => o.textContent)).to.deep.equal(['Standard (every column)', 'PayPal Payouts', 'Wise batch payments']);
    layout.value = 'paypal';
    layout.dispatchEvent(new Event('change'));
    part(el, 'download')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Downloaded payouts-paypal-2026-03-02.csv.');
    expect(api.calls.find((c) => c.method === 'downloadPayoutsCsv')!.args).to.deep.equal(['paypal']);
  });

  it('nobody due: says so with the minimum payout', async () => {
    const { el } = await render({ minimumPayout: 50_000 });
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('Nobody is due a payout: no partner’s payable now reaches the minimum payout of $500.00.');
    await expect(el).to.be.accessible();
  });

  it('staff: only an owner can record payments, the history still shows', async () => {
    const { el, api } = await render({}, { role: 'staff' });
    await loaded(el);
    expect(text(part(el, 'owner-only'))).to.contain('Only an owner can record payments.');
    expect(part(el, 'due')).to.equal(null);
    expect(api.calls.some((c) => c.method === 'payoutsDue')).to.equal(false);
    expect(parts(history(el), 'row')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('a 403 from the server says the same', async () => {
    const { el } = await render({ fail: { payoutsDue: 'forbidden' } });
    await loaded(el);
    expect(text(part(el, 'owner-only'))).to.contain('Only an owner can record payments.');
  });

  it('pages the history with Load more and filters it by batch in the URL', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...adminPayments[2]!, id: 100 - i, reversed: false, batchId: i < 2 ? 9 : null }));
    const { el, api } = await render({ payments: many });
    await loaded(el);
    const h = history(el);
    expect(parts(h, 'row')).to.have.length(25);
    part(h, 'more')!.click();
    await waitUntil(() => parts(h, 'row').length === 30);
    expect(api.calls.at(-1)!.args[0]).to.include({ cursor: '25', limit: 25 });
    expect(text(part(h, 'announcement'))).to.equal('Loaded 5 more; showing 30.');
    expect(part(h, 'more')).to.equal(null);
    expect(h.shadowRoot!.activeElement).to.equal(parts(h, 'row')[25]!.querySelector('th'));
    shadow<HTMLAnchorElement>(h, 'a[aria-label="Show the payments of batch 9"]')!.click();
    await waitUntil(() => part(h, 'batch-filter') && parts(h, 'row').length === 2);
    expect(el.route.params).to.deep.equal({ batch: '9' });
    expect(api.calls.at(-1)!.args[0]).to.deep.equal({ batch: 9, limit: 25 });
    expect(text(part(h, 'batch-filter'))).to.contain('Showing the payments of batch 9.');
    await expect(el).to.be.accessible();
  });

  it('reads who is due 100 at a time, largest first; Load more reads the next, the total counts them all', async () => {
    const many: PayoutDue[] = Array.from({ length: 130 }, (_, i) => ({
      partnerCode: `p${String(i).padStart(3, '0')}`,
      name: `Partner ${i}`,
      email: `p${i}@example.com`,
      amount: 100_000 - i * 100,
      balance: { balance: 100_000 - i * 100, pending: 0, payableNow: 100_000 - i * 100, currency: 'USD' },
      payoutMethod: 'paypal',
      payoutDetailsMasked: null,
    }));
    const { el, api } = await render({ payouts: many });
    await loaded(el);
    expect(parts(el, 'row')).to.have.length(100);
    expect(api.calls.find((c) => c.method === 'payoutsDue')!.args[0]).to.deep.equal({ limit: 100 });
    expect(text(part(el, 'due-total'))).to.contain('130 partners').and.contain('Showing the 100 largest.');
    part(el, 'more')!.click();
    await waitUntil(() => parts(el, 'row').length === 130);
    expect(parts(el, 'row')[100]!.dataset.code).to.equal('p100');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'row')[100]!.querySelector('th'));
    expect(part(el, 'more')).to.equal(null);
    expect(text(part(el, 'due-total'))).not.to.contain('Showing');
    // select all selects every row read, and the batch pays them all
    shadow<HTMLInputElement>(el, 'input[aria-label="Select every partner due"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'pay-selected'))).to.contain('(130)');
  });

  it('loading, error and signed out are said', async () => {
    const { el: loading } = await render({ fail: { payoutsDue: 'pending' } });
    expect(text(part(loading, 'spinner'))).to.equal('Loading payouts due…');
    const { el: failed } = await render({ fail: { payoutsDue: 'error', payments: 'error' } });
    await waitUntil(() => part(failed, 'error'));
    expect(part(failed, 'error')).to.have.attribute('role', 'alert');
    await expect(failed).to.be.accessible();
    const { el: out } = await render({}, { signedIn: false });
    expect(part(out, 'signed-out')).to.exist;
  });
});
