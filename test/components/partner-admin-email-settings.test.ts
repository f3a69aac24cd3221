import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { part, shadow, text, type } from '../helpers/dom.js';
import { renderEmail, settled, viewOf } from '../helpers/email-section.js';
import type { FakeAdminOptions } from '../helpers/fake-admin-api.js';

const open = async (options: FakeAdminOptions = {}) => {
  const { el, api } = await renderEmail(['sending'], options);
  const view = await settled(el, 'form');
  return { el, api, view };
};
const input = (view: Element, name: string) => shadow<HTMLInputElement>(view, `[name="${name}"]`)!;
const save = (view: Element) => shadow<HTMLFormElement>(view, 'form[part~="form"]')!.requestSubmit();
/** everything the page holds: text, and each field's value */
const everything = (view: Element) => [view.shadowRoot!.textContent ?? '', ...[...view.shadowRoot!.querySelectorAll('input')].map((i) => i.value)].join(' ');

describe('<partner-admin-email> sending settings', () => {
  it('shows the SMTP URL with its password masked, the addresses and the switches, and passes axe', async () => {
    const { el, view } = await open();
    expect(text(part(view, 'smtp-url'))).to.equal('In use: smtps://mailer:••••@smtp.northwind.example:465');
    expect(text(part(view, 'smtp-source'))).to.contain('Saved in these settings');
    expect(everything(view)).to.not.contain('s3cret-pass');
    expect(input(view, 'smtpUrl').value).to.equal('');
    expect(input(view, 'smtpUrl').type).to.equal('password');
    expect(input(view, 'mailFrom').value).to.equal('Northwind Partners <partners@northwind.example>');
    expect(input(view, 'notifyAddress').value).to.equal('partners@northwind.example');
    const switches = [...part(view, 'kinds')!.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches).to.have.length(12);
    expect(input(view, 'kinds.password_reset').checked).to.equal(true);
    expect(input(view, 'kinds.monthly_statement').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when the SMTP URL comes from the server environment', async () => {
    const { view } = await open({ smtpUrl: null, envSmtpUrl: 'smtp://relay:env-pass@mail.internal:587' });
    expect(text(part(view, 'smtp-url'))).to.equal('In use: smtp://relay:••••@mail.internal:587');
    expect(text(part(view, 'smtp-source'))).to.contain('SMTP_URL').and.contain('A URL saved here is used instead of it');
    expect(input(view, 'clearSmtpUrl')).to.equal(null);
    expect(everything(view)).to.not.contain('env-pass');
  });

  it('says when no SMTP server is set: messages are kept in the outbox', async () => {
    const { el, view } = await open({ smtpUrl: null });
    expect(text(part(view, 'smtp-url'))).to.contain('None: messages are kept in the outbox only');
    expect(part(view, 'smtp-source')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('saves a new SMTP URL, sending only what changed, and never shows its password back', async () => {
    const { view, api } = await open();
    input(view, 'smtpUrl').focus();
    type(input(view, 'smtpUrl'), 'smtps://postmaster:n3w-Secret@smtp.mailhost.example:465');
    type(input(view, 'notifyAddress'), 'team@northwind.example');
    const monthly = input(view, 'kinds.monthly_statement');
    monthly.click();
    save(view);
    await waitUntil(() => text(part(view, 'announcement')));
    expect(api.calls.find((c) => c.method === 'updateEmailSettings')!.args[0]).to.deep.equal({
      smtpUrl: 'smtps://postmaster:n3w-Secret@smtp.mailhost.example:465',
      notifyAddress: 'team@northwind.example',
      kinds: { monthly_statement: true },
    });
    expect(text(part(view, 'announcement'))).to.equal('Sending settings saved. The new SMTP URL is in use; its password is not shown back.');
    expect(text(part(view, 'smtp-url'))).to.equal('In use: smtps://postmaster:••••@smtp.mailhost.example:465');
    expect(input(view, 'smtpUrl').value).to.equal('');
    expect(everything(view)).to.not.contain('n3w-Secret');
    expect(input(view, 'kinds.monthly_statement').checked).to.equal(true);
  });

  it('shows what is typed in the SMTP URL field only on request', async () => {
    const { view } = await open();
    const toggle = [...view.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Show what I type')!;
    expect(toggle).to.have.attribute('aria-pressed', 'false');
    toggle.click();
    await waitUntil(() => input(view, 'smtpUrl').type === 'text');
    expect(toggle).to.have.attribute('aria-pressed', 'true');
  });

  it('removes the saved SMTP URL', async () => {
    const { view, api } = await open({ envSmtpUrl: 'smtp://relay:env-pass@mail.internal:587' });
    input(view, 'clearSmtpUrl').click();
    await waitUntil(() => input(view, 'smtpUrl').disabled);
    save(view);
    await waitUntil(() => text(part(view, 'announcement')));
    expect(api.calls.find((c) => c.method === 'updateEmailSettings')!.args[0]).to.deep.equal({ smtpUrl: null });
    expect(text(part(view, 'smtp-url'))).to.equal('In use: smtp://relay:••••@mail.internal:587');
    expect(text(part(view, 'smtp-source'))).to.contain('SMTP_URL');
  });

  it('names a bad URL or address under its field before sending', async () => {
    const { view, api } = await open();
    type(input(view, 'smtpUrl'), 'mail.example.com');
    type(input(view, 'notifyAddress'), 'not-an-address');
    save(view);
    await waitUntil(() => part(view, 'form-error'));
    expect(text(part(view, 'form-error'))).to.contain('2 fields need fixing');
    expect(text(shadow(view, '#smtpUrl-error'))).to.contain('starting with smtp:// or smtps://');
    expect(text(shadow(view, '#notifyAddress-error'))).to.equal('Write an email address, like you@example.com.');
    expect(view.shadowRoot!.activeElement).to.equal(input(view, 'smtpUrl'));
    expect(api.calls.some((c) => c.method === 'updateEmailSettings')).to.equal(false);
    await expect(view).to.be.accessible();
  });

  it("shows the server's refusal under its field", async () => {
    const { view } = await open();
    type(input(view, 'smtpUrl'), 'smtp://:@');
    save(view);
    await waitUntil(() => part(view, 'field-error'));
    expect(text(shadow(view, '#smtpUrl-error'))).to.equal('Is not an SMTP URL (like smtps://user:password@smtp.example.com:465)');
  });

  it('says nothing changed, and saving', async () => {
    const { view } = await open({ fail: { updateEmailSettings: 'pending' } });
    save(view);
    await waitUntil(() => text(part(view, 'announcement')));
    expect(text(part(view, 'announcement'))).to.equal('Nothing to save: no setting changed.');
    type(input(view, 'mailFrom'), 'Northwind <hello@northwind.example>');
    save(view);
    await waitUntil(() => text(part(view, 'save')) === 'Saving…');
    expect(part(view, 'save')).to.have.attribute('aria-disabled', 'true');
  });

  it('says it is loading, and a failure', async () => {
    const loading = await renderEmail(['sending'], { fail: { emailSettings: 'pending' } });
    await waitUntil(() => part(viewOf(loading.el), 'spinner'));
    expect(text(part(viewOf(loading.el), 'spinner'))).to.equal('Loading the sending settings…');
    const failed = await renderEmail(['sending'], { fail: { emailSettings: 'error' } });
    const view = await settled(failed.el, 'form');
    expect(part(view, 'error')).to.have.attribute('role', 'alert');
    await expect(failed.el).to.be.accessible();
  });
});

describe('<partner-admin-email> test message', () => {
  const send = (view: Element) => shadow<HTMLFormElement>(view, 'form[part~="test-form"]')!.requestSubmit();

  it('sends a test message to the signed-in owner by default and links to it in the outbox', async () => {
    const { el, view, api } = await open();
    expect(input(view, 'to').value).to.equal('owner@northwind.example');
    send(view);
    await waitUntil(() => text(part(view, 'test-result')));
    expect(api.calls.find((c) => c.method === 'sendTestEmail')!.args).to.deep.equal(['owner@northwind.example']);
    expect(text(part(view, 'test-result'))).to.contain('A test message to owner@northwind.example is queued (outbox message 10)');
    expect(part(view, 'test-result')).to.have.attribute('role', 'status');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    part(view, 'test-result')!.querySelector('a')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['outbox', '10'], params: {}, replace: false });
    const message = await settled(el, 'message');
    expect(text(part(message, 'status'))).to.equal('Queued');
    expect(text(message.shadowRoot!.querySelector('h3'))).to.equal('Test message from Northwind');
  });

  it('says a test is only kept when no SMTP server is set', async () => {
    const { view } = await open({ smtpUrl: null });
    type(input(view, 'to'), 'me@example.com');
    send(view);
    await waitUntil(() => text(part(view, 'test-result')));
    expect(text(part(view, 'test-result'))).to.contain('kept in the outbox only');
  });

  it('names a bad address', async () => {
    const { view, api } = await open();
    type(input(view, 'to'), 'me');
    send(view);
    await waitUntil(() => part(view, 'field-error'));
    expect(text(shadow(view, '#to-error'))).to.equal('Write the email address to send the test to.');
    expect(view.shadowRoot!.activeElement).to.equal(input(view, 'to'));
    expect(api.calls.some((c) => c.method === 'sendTestEmail')).to.equal(false);
  });
});
