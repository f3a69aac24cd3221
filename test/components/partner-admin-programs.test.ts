import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-programs/partner-admin-programs.js';
import type { PartnerAdminProgramsElement } from '../../admin/partner-admin-programs/partner-admin-programs.component.js';
import type { PartnerAdminProgramElement } from '../../admin/partner-admin-programs/partner-admin-program.component.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { ApiError } from '../../src/api/errors.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

const render = async (options: FakeAdminOptions = {}, route: SectionRoute = { path: [], params: {} }, signedIn = true) => {
  const api = fakeAdminApi(options);
  const el = await fixture<PartnerAdminProgramsElement>(
    html`<partner-admin-programs .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-programs>`,
  );
  return { el, api };
};
const loaded = (el: Element) => waitUntil(() => part(el, 'table') || part(el, 'empty') || part(el, 'error') || part(el, 'forbidden'), 'the section did not load', { timeout: 4000 });
const detail = (el: Element) => part<PartnerAdminProgramElement>(el, 'detail')!;
const formOf = async (el: Element) => {
  await waitUntil(() => detail(el) && part(detail(el), 'form'), 'the program form did not load', { timeout: 4000 });
  return detail(el);
};
const input = (form: Element, name: string) => shadow<HTMLInputElement>(form, `[name="${name}"]`)!;
const choose = (form: Element, name: string, value: string) => {
  const select = shadow<HTMLSelectElement>(form, `select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
};
const exampleText = (form: Element) => text(part(form, 'example-text'));
const submit = (form: Element) => shadow<HTMLButtonElement>(form, 'button[type="submit"]')!.click();

describe('<partner-admin-programs>', () => {
  it('lists the active programs with their rules, highest priority first, and passes axe', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'row').map((r) => text(r.querySelector('th')))).to.deep.equal(['Friends of Northwind', 'Creators']);
    expect(text(parts(el, 'row')[0])).to.contain('10%').and.contain('2%').and.contain('$5.00').and.contain('New partners join');
    expect(text(parts(el, 'row')[1])).to.contain('$25.00').and.contain('1 product rate');
    await expect(el).to.be.accessible();
  });

  it('shows the archived ones, restores one, and archives one, saying so', async () => {
    const { el, api } = await render({}, { path: [], params: { status: 'archived' } });
    await loaded(el);
    expect(parts(el, 'row').map((r) => text(r.querySelector('th')))).to.deep.equal(['Winter 2025']);
    shadow<HTMLButtonElement>(el, 'button[aria-label="Restore Winter 2025"]')!.click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Winter 2025 is active again.');
    expect(api.calls.find((c) => c.method === 'updateProgram')!.args).to.deep.equal([3, { status: 'active' }]);
    await waitUntil(() => part(el, 'empty'));
    expect(text(part(el, 'empty'))).to.equal('No archived programs.');

    const active = await render();
    await loaded(active.el);
    shadow<HTMLButtonElement>(active.el, 'button[aria-label="Archive Creators"]')!.click();
    await waitUntil(() => text(part(active.el, 'announcement')));
    expect(text(part(active.el, 'announcement'))).to.equal('Creators is archived: it earns nothing on new sales.');
    await waitUntil(() => parts(active.el, 'row').length === 1);
  });

  it('creates a program: errors by the field first, then a live example from the server, then the program in cents and basis points', async () => {
    const { el, api } = await render();
    await loaded(el);
    part<HTMLButtonElement>(el, 'create')!.click();
    const form = await formOf(el);
    expect(el.route.path).to.deep.equal(['new']);
    expect(text(shadow(form, 'h2'))).to.equal('New program');
    await waitUntil(() => exampleText(form).startsWith('A '), 'the example did not come', { timeout: 3000 });
    expect(exampleText(form)).to.equal('A $199.00 sale pays $19.90. Payable after 30 days.');

    submit(form);
    await waitUntil(() => part(form, 'form-error'));
    expect(text(part(form, 'form-error'))).to.equal('One field needs fixing: Name the program (partners see it)');
    expect(input(form, 'name')).to.have.attribute('aria-invalid', 'true');
    expect(input(form, 'name').getAttribute('aria-describedby')).to.equal('name-error');
    expect(form.shadowRoot!.activeElement).to.equal(input(form, 'name'));
    await expect(form).to.be.accessible();

    type(input(form, 'name'), 'Affiliates');
    choose(form, 'secondType', 'percent');
    await form.updateComplete;
    type(input(form, 'secondValue'), '2');
    type(input(form, 'lead'), '5');
    await waitUntil(() => exampleText(form).includes('parent'), 'the example did not come', { timeout: 3000 });
    expect(exampleText(form)).to.equal('A $199.00 sale pays $19.90; the parent gets $3.98. A lead pays $5.00. Payable after 30 days.');
    const asked = api.calls.filter((c) => c.method === 'programExample');
    expect(asked.at(-1)!.args[0]).to.deep.include({ saleAmount: 19_900 });

    type(input(form, 'exampleSale'), '50');
    await waitUntil(() => exampleText(form).startsWith('A $50.00'), 'the example did not come', { timeout: 3000 });
    expect(exampleText(form)).to.contain('pays $5.00; the parent gets $1.00');
    type(input(form, 'saleValue'), '120');
    await waitUntil(() => exampleText(form) === 'To see an example: Enter a percent from 0 to 100, like 10 or 12.5.', 'the example did not come', { timeout: 3000 });
    type(input(form, 'saleValue'), '10');
    await waitUntil(() => exampleText(form).startsWith('A $50.00'), 'the example did not come', { timeout: 3000 });
    type(input(form, 'exampleSale'), 'lots');
    await waitUntil(() => exampleText(form) === 'Enter a sale amount like 199.00.', 'the example did not come', { timeout: 3000 });

    type(input(form, 'saleValue'), '12.5');
    submit(form);
    await waitUntil(() => api.calls.some((c) => c.method === 'createProgram'));
    expect(api.calls.find((c) => c.method === 'createProgram')!.args[0]).to.deep.include({
      name: 'Affiliates',
      saleCommission: { type: 'percent', value: 1250 },
      secondTier: { type: 'percent', value: 200 },
      leadCommission: 500,
      recurring: { mode: 'every', payments: null },
      attributionWindowDays: null,
      holdDays: null,
    });
    await waitUntil(() => text(part(form, 'announcement')));
    expect(text(part(form, 'announcement'))).to.equal('Affiliates is created.');
    expect(el.route.path).to.deep.equal(['4']);
  });

  it('edits a program and sends only the rules that changed', async () => {
    const { el, api } = await render({}, { path: ['2'], params: {} });
    const form = await formOf(el);
    expect(text(shadow(form, 'h2'))).to.equal('Creators');
    expect(input(form, 'saleValue').value).to.equal('25.00');
    expect(input(form, 'recurringPayments').value).to.equal('12');
    expect(input(form, 'rate-0-productId').value).to.equal('pro-plan');
    expect(input(form, 'rate-0-value').value).to.equal('30');
    await waitUntil(() => exampleText(form).startsWith('A '), 'the example did not come', { timeout: 3000 });
    expect(exampleText(form)).to.equal('A $199.00 sale pays $25.00. Payable after 14 days.');
    await expect(form).to.be.accessible();

    type(input(form, 'lead'), '7.50');
    type(input(form, 'holdDays'), '');
    shadow<HTMLButtonElement>(form, 'button.secondary:not([aria-label])')!.click(); // Add a product rate
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement).to.equal(input(form, 'rate-1-productId'));
    type(input(form, 'rate-1-productId'), 'pro-plan');
    type(input(form, 'rate-1-value'), '5');
    submit(form);
    await waitUntil(() => part(form, 'form-error'));
    expect(text(shadow(form, '#rate-1-productId-error'))).to.equal('"pro-plan" is listed twice');
    shadow<HTMLButtonElement>(form, 'button[aria-label="Remove product rate 2"]')!.click();
    await form.updateComplete;
    submit(form);
    await waitUntil(() => text(part(form, 'announcement')));
    expect(api.calls.find((c) => c.method === 'updateProgram')!.args).to.deep.equal([2, { leadCommission: 750, holdDays: null }]);
    expect(text(part(form, 'announcement'))).to.equal('Creators is saved. New sales follow these rules; commissions already recorded keep theirs.');
  });

  it("shows the server's refusal by the field it names", async () => {
    const refusal = new ApiError(400, 'invalid_request', 'priority: must be at most 1000', 'priority');
    const { el } = await render({ fail: { updateProgram: refusal } }, { path: ['1'], params: {} });
    const form = await formOf(el);
    type(input(form, 'name'), 'Friends');
    submit(form);
    await waitUntil(() => shadow(form, '#priority-error'));
    expect(text(shadow(form, '#priority-error'))).to.equal('Must be at most 1000');
    expect(input(form, 'priority')).to.have.attribute('aria-invalid', 'true');
    expect(input(form, 'priority').getAttribute('aria-describedby')).to.equal('priority-error priority-hint');
    expect(text(part(form, 'form-error'))).to.equal('One field needs fixing: Must be at most 1000');
    expect(form.shadowRoot!.activeElement).to.equal(input(form, 'priority'));
  });

  it('says when the example cannot be calculated', async () => {
    const { el } = await render({ fail: { programExample: 'error' } }, { path: ['new'], params: {} });
    const form = await formOf(el);
    await waitUntil(() => part(form, 'example-error'), 'the example did not come', { timeout: 3000 });
    expect(text(part(form, 'example-error'))).to.equal('The example could not be calculated: The server had a problem. Please try again.');
  });

  it('says it is loading, that there is none yet, a failure, a refusal and signed out', async () => {
    const pending = await render({ fail: { listPrograms: 'pending' } });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading programs…');
    await expect(pending.el).to.be.accessible();
    const empty = await render({ programs: [] });
    await loaded(empty.el);
    expect(text(part(empty.el, 'empty'))).to.equal('No programs yet. Create one: partners earn only through a program.');
    const failed = await render({ fail: { listPrograms: 'error' } });
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    const refused = await render({ fail: { listPrograms: 'forbidden' } });
    await loaded(refused.el);
    expect(text(part(refused.el, 'forbidden'))).to.contain('an owner can');
    const out = await render({}, undefined, false);
    expect(part(out.el, 'signed-out')).to.exist;
    expect(out.api.calls).to.have.length(0);
  });
});
