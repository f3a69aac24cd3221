import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-partners/partner-admin-partners.js';
import type { PartnerAdminCouponsElement } from '../../admin/partner-admin-partners/partner-admin-partners.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

async function render(code = 'ann', options: FakeAdminOptions = {}) {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminCouponsElement>(
    html`<partner-admin-coupons partner-code=${code} partner-name="Ann Archer" .api=${api} .adminSession=${fakeAdminSession(true, 'staff')}></partner-admin-coupons>`,
  );
  return { el, api };
}

const loaded = (el: Element) => waitUntil(() => part(el, 'add-form') || part(el, 'error') || part(el, 'spinner'));
const codes = (el: Element) => parts(el, 'coupon').map((c) => text(c.querySelector('code')));
const input = (el: Element) => shadow<HTMLInputElement>(el, '#coupon-code')!;
const add = (el: Element, code: string) => {
  input(el).value = code;
  shadow<HTMLButtonElement>(el, '[part~="add-form"] button[type="submit"]')!.click();
};
const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);

describe('<partner-admin-coupons>', () => {
  it('lists the partner’s codes, and passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(codes(el)).to.deep.equal(['ANN10', 'SPRING-ANN']);
    expect(text(el.shadowRoot!.querySelector('.hint'))).to.contain('credited to Ann Archer');
    await expect(el).to.be.accessible();
  });

  it('says it is loading, then when there is no code yet', async () => {
    const pending = await render('ann', { fail: { coupons: 'pending' } });
    await loaded(pending.el);
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading coupon codes…');
    const { el } = await render('cleo');
    await loaded(el);
    expect(text(part(el, 'empty'))).to.equal('No coupon code yet.');
    await expect(el).to.be.accessible();
  });

  it('adds a code: listed, said, the field cleared and focused for the next', async () => {
    const { el, api } = await render();
    await loaded(el);
    add(el, 'ANN-SUMMER');
    await waitUntil(() => codes(el).includes('ANN-SUMMER'));
    expect(api.calls.find((c) => c.method === 'addCoupon')!.args).to.deep.equal(['ann', 'ANN-SUMMER']);
    expect(text(part(el, 'announcement'))).to.equal("ANN-SUMMER is Ann Archer's code now: sales carrying it are credited to them.");
    expect(input(el).value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('shows a code another partner has (409 coupon_taken, any case) on the field', async () => {
    const { el } = await render();
    await loaded(el);
    add(el, 'bob20');
    await waitUntil(() => shadow(el, '#code-error'));
    expect(text(shadow(el, '#code-error'))).to.equal('The code bob20 belongs to another partner');
    expect(input(el)).to.have.attribute('aria-invalid', 'true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('code-error');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(codes(el)).to.deep.equal(['ANN10', 'SPRING-ANN']);
    await expect(el).to.be.accessible();
  });

  it('checks the code before sending', async () => {
    const { el, api } = await render();
    await loaded(el);
    add(el, 'a b');
    await waitUntil(() => shadow(el, '#code-error'));
    expect(text(shadow(el, '#code-error'))).to.equal('Use 2 to 64 letters, digits, - or _');
    expect(api.calls.filter((c) => c.method === 'addCoupon')).to.have.length(0);
  });

  it('removes a code after asking', async () => {
    const { el, api } = await render();
    await loaded(el);
    parts<HTMLButtonElement>(el, 'remove')[0]!.click();
    await waitUntil(() => part(el, 'confirm'));
    expect(text(part(el, 'confirm'))).to.contain('Remove ANN10?');
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Remove code'));
    button(el, 'Keep it')!.click();
    await waitUntil(() => !part(el, 'confirm'));
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'remove')[0]);
    parts<HTMLButtonElement>(el, 'remove')[0]!.click();
    await waitUntil(() => part(el, 'confirm'));
    button(el, 'Remove code')!.click();
    await waitUntil(() => codes(el).length === 1);
    expect(api.calls.find((c) => c.method === 'removeCoupon')!.args).to.deep.equal(['ann', 'ANN10']);
    expect(text(part(el, 'announcement'))).to.equal('ANN10 is removed from Ann Archer.');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('shows a failure with a way to try again', async () => {
    const { el } = await render('ann', { fail: { coupons: 'error' } });
    await loaded(el);
    expect(text(part(el, 'error'))).to.contain('The server had a problem');
  });

  it('is on the partner’s page', async () => {
    const api = fakeAdminApi();
    const detail = await fixture(html`<partner-admin-partner code="ann" .api=${api} .adminSession=${fakeAdminSession()}></partner-admin-partner>`);
    await waitUntil(() => part(detail, 'coupons'));
    const coupons = part(detail, 'coupons')!;
    await waitUntil(() => codes(coupons).length === 2);
  });
});
