import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin.js';
import type { PartnerAdminElement } from '../../admin/partner-admin/partner-admin.component.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { buttonNamed, renderEmail, settled, viewOf } from '../helpers/email-section.js';
import { fakeAdminApi, fakeAdminSession, outboxMessage, outboxMessages } from '../helpers/fake-admin-api.js';

const rows = (view: Element) => parts(view, 'row');
const subjects = (view: Element) => rows(view).map((r) => text(r.querySelector('th a')));

describe('<partner-admin-email> section', () => {
  it('opens on the Outbox with the sub-navigation, and passes axe', async () => {
    const { el } = await renderEmail();
    const view = await settled(el, 'table');
    const nav = part(el, 'nav')!;
    expect(nav).to.have.attribute('aria-label', 'Email');
    expect([...nav.querySelectorAll('a')].map((a) => text(a))).to.deep.equal(['Outbox', 'Templates', 'Sending']);
    expect(text(nav.querySelector('[aria-current="page"]'))).to.equal('Outbox');
    expect(view.localName).to.equal('partner-admin-outbox');
    await expect(el).to.be.accessible();
  });

  it('moves between views through the URL and focuses the view heading', async () => {
    const { el } = await renderEmail();
    await settled(el, 'table');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    [...part(el, 'nav')!.querySelectorAll('a')].find((a) => text(a) === 'Templates')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['templates'], params: {}, replace: false });
    const view = await settled(el, 'table');
    expect(view.localName).to.equal('partner-admin-email-templates');
    await waitUntil(() => view.shadowRoot!.activeElement?.localName === 'h3');
    expect(text(view.shadowRoot!.activeElement)).to.equal('Templates');
  });

  it('tells staff it is for owners, without asking the server', async () => {
    const { el, api } = await renderEmail([], {}, { role: 'staff' });
    expect(text(part(el, 'owner-only'))).to.contain('Only an owner can see the outbox');
    expect(part(el, 'view')).to.equal(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(api.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when signed out', async () => {
    const { el } = await renderEmail([], {}, { signedIn: false });
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to the console to see this.');
    await expect(el).to.be.accessible();
  });
});

describe('<partner-admin> and the Email section', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));
  afterEach(() => history.replaceState(null, '', location.pathname));
  const shell = async (role: 'owner' | 'staff') => {
    const el = await fixture<PartnerAdminElement>(html`<partner-admin .api=${fakeAdminApi({ role })} .adminSession=${fakeAdminSession(true, role)}></partner-admin>`);
    await waitUntil(() => part(el, 'nav'));
    return [...part(el, 'nav')!.querySelectorAll('a')].map((a) => text(a));
  };

  it('offers Email to an owner', async () => {
    expect(await shell('owner')).to.include('Email');
  });

  it('does not offer Email to staff, even at its URL', async () => {
    history.replaceState(null, '', '#/email/outbox');
    const links = await shell('staff');
    expect(links).to.not.include('Email');
    expect(links).to.include('Settings');
  });
});

describe('<partner-admin-email> outbox', () => {
  it('says it is loading', async () => {
    const { el } = await renderEmail([], { fail: { outbox: 'pending' } });
    await waitUntil(() => part(viewOf(el), 'spinner'));
    expect(text(part(viewOf(el), 'spinner'))).to.equal('Loading the outbox…');
    await expect(el).to.be.accessible();
  });

  it('lists every message newest first with status badges, kind, recipient, attempts, last error and times', async () => {
    const { el } = await renderEmail(['outbox']);
    const view = await settled(el, 'table');
    expect(rows(view)).to.have.length(outboxMessages.length);
    expect(rows(view).map((r) => r.dataset.id)).to.deep.equal(['9', '8', '7', '6', '5', '4', '3', '2', '1']);
    expect(parts(view, 'status').map((b) => text(b))).to.deep.equal(['Queued', 'Sending', 'Failed', 'Sent', 'Sent', 'Sent', 'Sent', 'Kept', 'Sent']);
    const failed = rows(view)[2]!;
    expect(text(failed)).to.contain('Reset your Northwind partner password').and.contain('Password reset').and.contain('bob@example.com').and.contain('Partner bob');
    expect(text(failed)).to.contain('535 5.7.8 Authentication credentials invalid');
    expect(text(failed.querySelector('td.num'))).to.equal('5');
    expect(text(rows(view)[0])).to.contain('Next try');
    expect(text(rows(view)[2])).to.contain('Not sent');
    // Retry only on failed and kept
    expect(parts(view, 'retry').map((b) => b.dataset.id)).to.deep.equal(['7', '2']);
    await expect(el).to.be.accessible();
  });

  it('filters by status and kind, kept in the URL', async () => {
    const { el, api } = await renderEmail(['outbox']);
    const view = await settled(el, 'table');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    const status = shadow<HTMLSelectElement>(view, 'select[name="status"]')!;
    status.value = 'sent';
    status.dispatchEvent(new Event('change'));
    expect((await navigated).detail).to.deep.equal({ path: ['outbox'], params: { status: 'sent' }, replace: true });
    await waitUntil(() => rows(viewOf(el)).length === 5);
    expect(api.calls.filter((c) => c.method === 'outbox').at(-1)!.args[0]).to.deep.equal({ status: 'sent', kind: undefined, to: undefined, limit: 50 });
    const kind = shadow<HTMLSelectElement>(viewOf(el), 'select[name="kind"]')!;
    kind.value = 'payment_sent';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(viewOf(el)).length === 1);
    expect(subjects(viewOf(el))).to.deep.equal(['We paid you $19.90']);
  });

  it('says when nothing matches, and when the outbox is empty', async () => {
    const { el } = await renderEmail(['outbox'], {}, { params: { status: 'failed', kind: 'test' } });
    let view = await settled(el, 'empty');
    expect(text(part(view, 'empty'))).to.equal('No message matches these filters.');
    const empty = await renderEmail(['outbox'], { outbox: [] });
    view = await settled(empty.el, 'empty');
    expect(text(part(view, 'empty'))).to.contain('No message yet.');
    await expect(empty.el).to.be.accessible();
  });

  it('loads more on the keyset cursor and moves focus to the first new message', async () => {
    const { el, api } = await renderEmail(['outbox'], { pageSize: 4 });
    const view = await settled(el, 'table');
    expect(rows(view)).to.have.length(4);
    part<HTMLButtonElement>(view, 'more')!.click();
    await waitUntil(() => rows(view).length === 8);
    expect(api.calls.filter((c) => c.method === 'outbox').at(-1)!.args[0]).to.include({ cursor: '6' });
    expect(view.shadowRoot!.activeElement).to.equal(rows(view)[4]!.querySelector('th a'));
    expect(text(part(view, 'announcement'))).to.equal('Loaded 4 more; showing 8.');
    part<HTMLButtonElement>(view, 'more')!.click();
    await waitUntil(() => rows(view).length === 9);
    expect(part(view, 'more')).to.equal(null);
  });

  it('retries a failed message: queued again, said, focus kept on the message', async () => {
    const { el, api } = await renderEmail(['outbox']);
    const view = await settled(el, 'table');
    buttonNamed(view, 'Retry “Reset your Northwind partner password” to bob@example.com')!.click();
    await waitUntil(() => text(part(view, 'announcement')));
    expect(api.calls.find((c) => c.method === 'retryOutboxMessage')!.args).to.deep.equal([7]);
    expect(text(part(view, 'announcement'))).to.equal('“Reset your Northwind partner password” to bob@example.com is queued to be sent again.');
    expect(text(rows(view)[2]!.querySelector('[part~="status"]'))).to.equal('Queued');
    expect(parts(view, 'retry').map((b) => b.dataset.id)).to.deep.equal(['2']);
    expect(view.shadowRoot!.activeElement).to.equal(rows(view)[2]!.querySelector('th a'));
  });

  it('says why a retry was refused', async () => {
    const { el } = await renderEmail(['outbox'], { fail: { retryOutboxMessage: 'error' } });
    const view = await settled(el, 'table');
    parts<HTMLButtonElement>(view, 'retry')[0]!.click();
    await waitUntil(() => part(view, 'error'));
    expect(part(view, 'error')).to.have.attribute('role', 'alert');
    expect(text(rows(view)[2]!.querySelector('[part~="status"]'))).to.equal('Failed');
  });

  it('shows a failure with a way to try again', async () => {
    const { el } = await renderEmail(['outbox'], { fail: { outbox: 'error' } });
    const view = await settled(el, 'table');
    expect(text(part(view, 'error'))).to.contain('The server had a problem');
    expect(buttonNamed(view, 'Try again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('tells staff using the view on its own that the server refused', async () => {
    const { el } = await renderEmail(['outbox'], { fail: { outbox: 'forbidden' } });
    const view = await settled(el, 'table');
    expect(text(part(view, 'forbidden'))).to.contain('Ask an owner');
  });
});

describe('<partner-admin-email> an outbox message', () => {
  const withScript = outboxMessage(42, 'signup_rejected', 'cleo@example.com', 'kept', {
    partnerCode: 'cleo',
    html: '<p id="body">We cannot accept <b>your</b> application.</p><script>window.parent.__outboxScriptRan = true;</script>',
    text: 'We cannot accept your application.\nhttps://example.com/x',
  });

  it('opens from the list, shows headers, text and the HTML in a sandbox that runs no script', async () => {
    const { el, api } = await renderEmail(['outbox'], { outbox: [withScript, ...outboxMessages] });
    let view = await settled(el, 'table');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    rows(view)[0]!.querySelector<HTMLAnchorElement>('th a')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['outbox', '42'], params: {}, replace: false });
    view = await settled(el, 'message');
    expect(api.calls.find((c) => c.method === 'outboxMessage')!.args).to.deep.equal([42]);
    expect(text(view.shadowRoot!.querySelector('h3'))).to.equal('Your Northwind partner application');
    expect(view.shadowRoot!.activeElement?.localName).to.equal('h3');
    const headers = text(part(view, 'headers'));
    expect(headers).to.contain('From').and.contain('partners@northwind.example').and.contain('Message-ID');
    expect(text(part(view, 'text'))).to.equal('We cannot accept your application. https://example.com/x');
    const frame = part<HTMLIFrameElement>(view, 'html')!;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(frame.srcdoc).to.contain('We cannot accept');
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __outboxScriptRan?: boolean }).__outboxScriptRan).to.equal(undefined);
    expect(text(view.shadowRoot!.querySelector('dl'))).to.contain('Kept').and.contain('(partner cleo)');
    await expect(el).to.be.accessible();
  });

  it('retries a kept message from its page', async () => {
    const { el } = await renderEmail(['outbox', '2']);
    const view = await settled(el, 'message');
    expect(text(part(view, 'status'))).to.equal('Kept');
    part<HTMLButtonElement>(view, 'retry')!.click();
    await waitUntil(() => text(part(view, 'status')) === 'Queued');
    expect(part(view, 'retry')).to.equal(null);
    expect(text(part(view, 'announcement'))).to.contain('is queued to be sent again');
    expect(view.shadowRoot!.activeElement?.localName).to.equal('h3');
  });

  it('goes back to the list with its filters', async () => {
    const { el } = await renderEmail(['outbox', '7'], {}, { params: { status: 'failed' } });
    const view = await settled(el, 'message');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    [...view.shadowRoot!.querySelectorAll('a')].find((a) => text(a) === '← All messages')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['outbox'], params: { status: 'failed' }, replace: false });
    await waitUntil(() => rows(viewOf(el)).length === 1);
  });

  it('says a message does not exist', async () => {
    const { el } = await renderEmail(['outbox', '999']);
    const view = await settled(el, 'message');
    expect(text(part(view, 'error'))).to.contain('Outbox message 999 not found');
  });
});
