import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { PartnerAdminEmailTemplatesElement } from '../../admin/partner-admin-email/partner-admin-email.js';
import { PREVIEW_DELAY } from '../../admin/partner-admin-email/partner-admin-email-templates.component.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { buttonNamed, renderEmail, settled, viewOf } from '../helpers/email-section.js';

const open = async (kind = 'password_reset', options = {}) => {
  const { el, api } = await renderEmail(['templates', kind], options);
  const view = (await settled(el, 'form')) as PartnerAdminEmailTemplatesElement;
  await waitUntil(() => part(view, 'preview-subject') || part(view, 'preview-error'), 'no preview');
  return { el, api, view };
};
const field = <T extends HTMLElement = HTMLInputElement>(view: Element, name: string) => shadow<T>(view, `[name="${name}"]`)!;
const submit = (view: Element) => shadow<HTMLFormElement>(view, 'form[part~="form"]')!.requestSubmit();
const previews = (api: { calls: { method: string }[] }) => api.calls.filter((c) => c.method === 'previewEmailTemplate').length;

describe('<partner-admin-email> templates', () => {
  it('lists every kind with its title, description and whether it is customized', async () => {
    const { el } = await renderEmail(['templates'], { templates: { payment_sent: { customized: true, subject: 'Money on its way: {{amount}}' } } });
    const view = await settled(el, 'table');
    const rows = parts(view, 'row');
    expect(rows).to.have.length(12);
    expect(text(rows[0]!.querySelector('th a'))).to.equal('Password reset');
    expect(text(rows[0])).to.contain('Sent when a partner asks to reset their password').and.contain('Default');
    const payment = rows.find((r) => r.dataset.kind === 'payment_sent')!;
    expect(text(payment)).to.contain('Money on its way: {{amount}}');
    expect(text(payment.querySelector('[part~="customized"]'))).to.equal('Customized');
    await expect(el).to.be.accessible();
  });

  it('says it is loading, and a failure', async () => {
    const loading = await renderEmail(['templates'], { fail: { emailTemplates: 'pending' } });
    await waitUntil(() => part(viewOf(loading.el), 'spinner'));
    expect(text(part(viewOf(loading.el), 'spinner'))).to.equal('Loading the templates…');
    const failed = await renderEmail(['templates'], { fail: { emailTemplates: 'error' } });
    const view = await settled(failed.el, 'table');
    expect(text(part(view, 'error'))).to.contain('The server had a problem');
    await expect(failed.el).to.be.accessible();
  });

  it('opens a template from the list with its placeholders and a preview', async () => {
    const { el } = await renderEmail(['templates']);
    const list = await settled(el, 'table');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    parts(list, 'row')[0]!.querySelector<HTMLAnchorElement>('th a')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['templates', 'password_reset'], params: {}, replace: false });
    const view = await settled(el, 'form');
    await waitUntil(() => part(view, 'preview-subject'));
    expect(text(view.shadowRoot!.querySelector('h3'))).to.equal('Password reset');
    expect(view.shadowRoot!.activeElement?.localName).to.equal('h3');
    expect(field(view, 'subject').value).to.equal('Reset your {{merchant.name}} partner password');
    expect([...part(view, 'placeholders')!.querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
      '{{merchant.name}}',
      '{{partner.name}}',
      '{{partner.code}}',
      '{{partner.email}}',
      '{{link}}',
      '{{expiresIn}}',
    ]);
    expect(text(part(view, 'preview-subject'))).to.equal('Reset your Northwind partner password');
    const frame = part<HTMLIFrameElement>(view, 'preview-html')!;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(frame.srcdoc).to.contain('Hi Ann Archer');
    expect(text(part(view, 'preview-text'))).to.contain('Hi Ann Archer');
    // no reset for a template that is the default
    expect(part(view, 'reset')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('updates the preview once typing pauses (one request for a burst)', async () => {
    const { view, api } = await open();
    const before = previews(api);
    const subject = field(view, 'subject');
    type(subject, 'Your');
    type(subject, 'Your new');
    type(subject, 'Your new password link for {{partner.code}}');
    await new Promise((r) => setTimeout(r, PREVIEW_DELAY / 2));
    expect(previews(api)).to.equal(before);
    await waitUntil(() => text(part(view, 'preview-subject')) === 'Your new password link for ann');
    expect(previews(api)).to.equal(before + 1);
  });

  it('says the preview cannot be made with an unknown placeholder', async () => {
    const { view } = await open();
    type(field(view, 'body'), 'Hello {{partner.nickname}}');
    await waitUntil(() => part(view, 'preview-error'));
    expect(text(part(view, 'preview-error'))).to.contain('{{partner.nickname}} is not a placeholder of this message');
  });

  it('inserts a placeholder where the cursor is', async () => {
    const { view } = await open();
    const body = field(view, 'body');
    body.focus();
    type(body, 'Hello , welcome');
    body.setSelectionRange(6, 6);
    buttonNamed(view, 'Insert {{partner.name}}')!.click();
    await waitUntil(() => body.value === 'Hello {{partner.name}}, welcome');
    expect(view.shadowRoot!.activeElement).to.equal(body);
    expect(body.selectionStart).to.equal(22);
    await waitUntil(() => text(part(view, 'preview-text')).includes('Hello Ann Archer, welcome'));
  });

  it('refuses an unknown placeholder on save and says so under the body', async () => {
    const { view, api } = await open();
    const body = field(view, 'body');
    type(body, 'You earned {{amount}}');
    submit(view);
    await waitUntil(() => part(view, 'field-error'));
    expect(api.calls.find((c) => c.method === 'saveEmailTemplate')!.args[1]).to.deep.equal({ subject: 'Reset your {{merchant.name}} partner password', body: 'You earned {{amount}}' });
    expect(text(part(view, 'field-error'))).to.contain('{{amount}} is not a placeholder of this message');
    expect(part(view, 'field-error')!.id).to.equal('body-error');
    expect(body).to.have.attribute('aria-invalid', 'true');
    expect(body.getAttribute('aria-describedby')).to.contain('body-error');
    expect(part(view, 'form-error')).to.have.attribute('role', 'alert');
    expect(view.shadowRoot!.activeElement).to.equal(body);
    await expect(view).to.be.accessible();
  });

  it('refuses an unknown placeholder in the subject, under the subject', async () => {
    const { view } = await open();
    type(field(view, 'subject'), 'Hi {{nope}}');
    submit(view);
    await waitUntil(() => part(view, 'field-error'));
    expect(part(view, 'field-error')!.id).to.equal('subject-error');
  });

  it('saves a template: said, and listed as customized', async () => {
    const { el, view, api } = await open();
    type(field(view, 'subject'), 'New password for {{partner.code}}');
    submit(view);
    await waitUntil(() => text(part(view, 'announcement')));
    expect(text(part(view, 'announcement'))).to.equal('“Password reset” saved: new messages of this kind use it.');
    expect(api.calls.find((c) => c.method === 'saveEmailTemplate')!.args[0]).to.equal('password_reset');
    expect(part(view, 'reset')).to.exist;
    [...view.shadowRoot!.querySelectorAll('a')].find((a) => text(a) === '← All templates')!.click();
    await waitUntil(() => part(viewOf(el), 'table'));
    const row = parts(viewOf(el), 'row').find((r) => r.dataset.kind === 'password_reset')!;
    expect(text(row)).to.contain('New password for {{partner.code}}').and.contain('Customized');
  });

  it('says it is saving', async () => {
    const { view } = await open('password_reset', { fail: { saveEmailTemplate: 'pending' } });
    submit(view);
    await waitUntil(() => text(part(view, 'save')) === 'Saving…');
    expect(part(view, 'save')).to.have.attribute('aria-disabled', 'true');
  });

  it('resets to the default only after a confirmation', async () => {
    const { view, api } = await open('payment_sent', { templates: { payment_sent: { customized: true, subject: 'Money on its way: {{amount}}' } } });
    expect(field(view, 'subject').value).to.equal('Money on its way: {{amount}}');
    part<HTMLButtonElement>(view, 'reset')!.click();
    await waitUntil(() => part(view, 'confirm'));
    expect(text(part(view, 'confirm'))).to.contain('Reset “Payment sent” to the default subject and body?');
    expect(part(view, 'reset')).to.have.attribute('aria-expanded', 'true');
    expect(view.shadowRoot!.activeElement).to.equal(buttonNamed(view, 'Keep mine'));
    await expect(view).to.be.accessible();
    buttonNamed(view, 'Keep mine')!.click();
    await waitUntil(() => !part(view, 'confirm'));
    expect(view.shadowRoot!.activeElement).to.equal(part(view, 'reset'));
    expect(api.calls.some((c) => c.method === 'resetEmailTemplate')).to.equal(false);

    part<HTMLButtonElement>(view, 'reset')!.click();
    await waitUntil(() => part(view, 'confirm'));
    buttonNamed(view, 'Reset to default')!.click();
    await waitUntil(() => text(part(view, 'announcement')));
    expect(text(part(view, 'announcement'))).to.equal('“Payment sent” is back to the default text.');
    expect(field(view, 'subject').value).to.equal('We paid you {{amount}}');
    expect(part(view, 'reset')).to.equal(null);
    await waitUntil(() => text(part(view, 'preview-subject')) === 'We paid you $19.90');
  });

  it('says there is no such template', async () => {
    const { el } = await renderEmail(['templates', 'nope']);
    const view = await settled(el, 'empty');
    expect(text(view.shadowRoot!.querySelector('h3'))).to.equal('Template not found');
  });
});
