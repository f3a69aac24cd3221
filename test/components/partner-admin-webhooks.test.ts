import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin.js';
import '../../admin/partner-admin-webhooks/partner-admin-webhooks.js';
import type { PartnerAdminWebhooksElement } from '../../admin/partner-admin-webhooks/partner-admin-webhooks.js';
import type { PartnerAdminElement } from '../../admin/partner-admin/partner-admin.component.js';
import type { AdminRole } from '../../admin/api/types.js';
import { stubClipboard } from '../helpers/clipboard.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, WEBHOOK_SECRET, type FakeAdminOptions } from '../helpers/fake-admin-api.js';

async function renderWebhooks(path: string[] = [], options: FakeAdminOptions = {}, { role = 'owner' as AdminRole, signedIn = true } = {}) {
  const api = fakeAdminApi({ role, ...options });
  const el = await fixture<PartnerAdminWebhooksElement>(
    html`<partner-admin-webhooks .api=${api} .adminSession=${fakeAdminSession(signedIn, role)} .route=${{ path, params: {} }}></partner-admin-webhooks>`,
  );
  return { el, api };
}

const endpointView = (el: Element) => part(el, 'view')!;
const until = async (host: () => Element | null | undefined, name: string) => {
  await waitUntil(() => {
    const h = host();
    return h?.shadowRoot && [name, 'error', 'forbidden'].some((p) => part(h, p));
  }, `${name} did not appear`);
  return host()!;
};
const button = (root: Element, label: string) =>
  [...root.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find((b) => text(b) === label);
const deepActive = (root: Element) => root.shadowRoot!.activeElement;
const fill = (root: Element, name: string, value: string) => {
  const input = shadow<HTMLInputElement>(root, `[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const check = (root: Element, ...events: string[]) => {
  for (const ev of events) shadow<HTMLInputElement>(root, `input[name="events"][value="${ev}"]`)!.checked = true;
};
const submit = (root: Element) => shadow<HTMLButtonElement>(root, 'form button[type="submit"]')!.click();

describe('<partner-admin-webhooks> endpoints', () => {
  it('says it is loading', async () => {
    const { el } = await renderWebhooks([], { fail: { webhooks: 'pending' } });
    await until(() => el, 'spinner');
    expect(text(part(el, 'spinner'))).to.equal('Loading endpoints…');
    await expect(el).to.be.accessible();
  });

  it('lists each endpoint with its events, status (with why it is disabled) and last delivery, and passes axe', async () => {
    const { el } = await renderWebhooks();
    await until(() => el, 'table');
    const rows = parts(el, 'row');
    expect(rows.map((r) => text(r.querySelector('th a')))).to.deep.equal(['https://hooks.northwind.example/partner-center', 'https://crm.example.com/webhooks/partners']);
    expect(text(rows[0])).to.contain('Order system: commissions and payments').and.contain('commission.created, commission.approved').and.contain('Enabled').and.contain('Delivered (200)');
    expect(text(rows[1])).to.contain('Disabled').and.contain('Every delivery failed for 3 days').and.contain('Failed (500)');
    await expect(el).to.be.accessible();
  });

  it('says when there is no endpoint yet', async () => {
    const { el } = await renderWebhooks([], { webhooks: [] });
    await until(() => el, 'empty');
    expect(text(part(el, 'empty'))).to.contain('No endpoint yet.');
    expect(part(el, 'add')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a failure with a way to try again', async () => {
    const { el } = await renderWebhooks([], { fail: { webhooks: 'error' } });
    await until(() => el, 'error');
    expect(text(part(el, 'error'))).to.contain('The server had a problem');
    expect(button(el, 'Try again')).to.exist;
  });

  it('tells staff it is for owners, without asking the server', async () => {
    const { el, api } = await renderWebhooks([], {}, { role: 'staff' });
    expect(text(part(el, 'owner-only'))).to.contain('Only an owner can see and change webhooks');
    await new Promise((r) => setTimeout(r, 20));
    expect(api.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when signed out', async () => {
    const { el } = await renderWebhooks([], {}, { signedIn: false });
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to the console to see this.');
  });
});

describe('<partner-admin-webhooks> adding an endpoint', () => {
  it('opens the form at #/webhooks/new with focus on its heading', async () => {
    const { el } = await renderWebhooks();
    await until(() => el, 'table');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    part<HTMLAnchorElement>(el, 'add')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['new'], params: {}, replace: false });
    await waitUntil(() => deepActive(el)?.localName === 'h3');
    expect(text(deepActive(el))).to.equal('Add an endpoint');
    expect(parts(el, 'endpoint-form')).to.have.length(1);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="events"]')].map((i) => i.value)).to.have.length(9);
    await expect(el).to.be.accessible();
  });

  it('checks the form before sending: an address and one event at least, focus on the first problem', async () => {
    const { el, api } = await renderWebhooks(['new']);
    submit(el);
    await waitUntil(() => part(el, 'form-error'));
    expect(text(part(el, 'form-error'))).to.contain('2 fields need fixing');
    expect(deepActive(el)).to.equal(shadow(el, '[name="url"]'));
    expect(text(shadow(el, '#url-error'))).to.contain('starting with https://');
    expect(text(shadow(el, '#events-error'))).to.equal('Choose at least one event to send');
    expect(api.calls.filter((c) => c.method === 'createWebhook')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the server refusing a private address on the URL field', async () => {
    const { el } = await renderWebhooks(['new']);
    fill(el, 'url', 'https://127.0.0.1/hooks');
    check(el, 'sale.created');
    submit(el);
    await waitUntil(() => shadow(el, '#url-error'));
    expect(text(shadow(el, '#url-error'))).to.equal('127.0.0.1 is a private or loopback address; use a public one');
    expect(shadow(el, '[name="url"]')).to.have.attribute('aria-invalid', 'true');
    expect(deepActive(el)).to.equal(shadow(el, '[name="url"]'));
  });

  it('adds it, then shows its whsec_ secret once with Copy, focused, on the endpoint page', async () => {
    const clipboard = stubClipboard();
    try {
      const { el, api } = await renderWebhooks(['new']);
      fill(el, 'url', 'https://erp.example.com/hooks');
      fill(el, 'description', 'ERP');
      check(el, 'sale.created', 'commission.created');
      const navigated = oneEvent(el, 'partner-admin-navigate');
      submit(el);
      expect((await navigated).detail.path).to.deep.equal(['101']);
      expect(api.calls.find((c) => c.method === 'createWebhook')!.args[0]).to.deep.equal({ url: 'https://erp.example.com/hooks', description: 'ERP', events: ['sale.created', 'commission.created'] });
      await waitUntil(() => part(el, 'secret') && deepActive(el) === part(el, 'secret'));
      expect(text(part(el, 'secret-value'))).to.equal(WEBHOOK_SECRET);
      expect(text(part(el, 'announcement'))).to.contain('Copy its signing secret now');
      part<HTMLButtonElement>(el, 'copy')!.click();
      await waitUntil(() => text(part(el, 'announcement')) === 'Signing secret copied to the clipboard.');
      expect(clipboard.texts).to.deep.equal([WEBHOOK_SECRET]);
      await until(() => endpointView(el), 'endpoint');
      await expect(el).to.be.accessible();
      // dismissed: never shown again
      button(el, 'I have stored it')!.click();
      await waitUntil(() => !part(el, 'secret'));
      expect(text(endpointView(el).shadowRoot!.activeElement)).to.equal('https://erp.example.com/hooks');
    } finally {
      clipboard.restore();
    }
  });
});

describe('<partner-admin-webhook> one endpoint', () => {
  it('shows the endpoint and its delivery log: status, response, duration, attempts, last error, next attempt', async () => {
    const { el } = await renderWebhooks(['1']);
    const view = await until(() => endpointView(el), 'deliveries');
    expect(text(shadow(view, 'h3'))).to.equal('https://hooks.northwind.example/partner-center');
    expect(text(part(view, 'endpoint'))).to.contain('Enabled').and.contain('Order system').and.contain('Delivered (200)');
    const rows = parts(view, 'row');
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(['5', '4', '3', '2', '1']);
    expect(text(rows[1])).to.contain('commission.approved').and.contain('Pending').and.contain('500').and.contain('340 ms').and.contain('The endpoint answered 500').and.contain('Next attempt');
    expect(text(rows[2])).to.contain('Failed').and.contain('503').and.contain('12').and.contain('Gave up');
    expect(text(rows[3])).to.contain('2.5 s');
    await expect(el).to.be.accessible();
  });

  it('says when the endpoint has no delivery yet, and when it does not exist', async () => {
    const { el } = await renderWebhooks(['2'], { deliveries: {} });
    const view = await until(() => endpointView(el), 'empty');
    expect(text(part(view, 'empty'))).to.contain('No delivery yet.');
    const missing = await renderWebhooks(['999']);
    const gone = await until(() => endpointView(missing.el), 'empty');
    expect(text(shadow(gone, 'h3'))).to.equal('Endpoint not found');
    expect(text(part(gone, 'empty'))).to.contain('There is no endpoint “999”');
  });

  it('loads more deliveries on the keyset cursor, focus on the first new one', async () => {
    const { el, api } = await renderWebhooks(['1'], { deliveryPageSize: 2 });
    const view = await until(() => endpointView(el), 'deliveries');
    expect(parts(view, 'row')).to.have.length(2);
    part<HTMLButtonElement>(view, 'more')!.click();
    await waitUntil(() => parts(view, 'row').length === 4);
    expect(api.calls.filter((c) => c.method === 'webhookDeliveries').at(-1)!.args[1]).to.deep.equal({ limit: 25, cursor: '4' });
    expect(view.shadowRoot!.activeElement).to.equal(parts(view, 'row')[2]!.querySelector('th'));
    expect(text(part(view, 'announcement'))).to.equal('Loaded 2 more; showing 4.');
  });

  it('resends a delivery: a new one is queued, said, focus stays on the button', async () => {
    const { el, api } = await renderWebhooks(['1']);
    const view = await until(() => endpointView(el), 'deliveries');
    const resend = view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="resend"][data-id="3"]')!;
    resend.focus();
    resend.click();
    await waitUntil(() => parts(view, 'row').length === 6);
    expect(api.calls.find((c) => c.method === 'resendDelivery')!.args).to.deep.equal([3]);
    expect(text(part(view, 'announcement'))).to.equal('payment.created (evt_000003) is queued to be sent to https://hooks.northwind.example/partner-center again.');
    expect(text(parts(view, 'row')[0])).to.contain('payment.created').and.contain('Pending');
    expect(view.shadowRoot!.activeElement).to.equal(view.shadowRoot!.querySelector('[part~="resend"][data-id="3"]'));
  });

  it('sends a test event into the log; not offered while disabled', async () => {
    const { el } = await renderWebhooks(['1']);
    const view = await until(() => endpointView(el), 'deliveries');
    part<HTMLButtonElement>(view, 'test')!.click();
    await waitUntil(() => parts(view, 'row').length === 6);
    expect(text(parts(view, 'row')[0])).to.contain('webhook.test');
    expect(text(part(view, 'announcement'))).to.contain('A webhook.test event is on its way');
    const disabled = await renderWebhooks(['2']);
    const off = await until(() => endpointView(disabled.el), 'deliveries');
    expect(part(off, 'test')).to.have.attribute('aria-disabled', 'true');
    expect(text(shadow(off, '#test-hint'))).to.contain('Enable the endpoint');
  });

  it('disables and enables, said, focus kept on the button', async () => {
    const { el, api } = await renderWebhooks(['1']);
    const view = await until(() => endpointView(el), 'deliveries');
    const toggle = part<HTMLButtonElement>(view, 'toggle')!;
    toggle.focus();
    toggle.click();
    await waitUntil(() => text(part(view, 'toggle')) === 'Enable');
    expect(api.calls.find((c) => c.method === 'updateWebhook')!.args).to.deep.equal([1, { status: 'disabled' }]);
    expect(text(part(view, 'endpoint'))).to.contain('Disabled').and.contain('Disabled by owner@northwind.example');
    expect(text(part(view, 'announcement'))).to.contain('is disabled');
    expect(view.shadowRoot!.activeElement).to.equal(part(view, 'toggle'));
    part<HTMLButtonElement>(view, 'toggle')!.click();
    await waitUntil(() => text(part(view, 'toggle')) === 'Disable');
    expect(text(part(view, 'announcement'))).to.contain('is enabled');
  });

  it('edits at #/webhooks/1/edit and comes back to the endpoint with the changes', async () => {
    const { el, api } = await renderWebhooks(['1']);
    const view = await until(() => endpointView(el), 'deliveries');
    const navigated = oneEvent(el, 'partner-admin-navigate');
    button(view, 'Edit')!.click();
    expect((await navigated).detail.path).to.deep.equal(['1', 'edit']);
    await waitUntil(() => part(view, 'endpoint-form'));
    expect(shadow<HTMLInputElement>(view, '[name="url"]')!.value).to.equal('https://hooks.northwind.example/partner-center');
    expect([...view.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="events"]:checked')].map((i) => i.value)).to.have.length(4);
    await waitUntil(() => text(view.shadowRoot!.activeElement) === 'Edit https://hooks.northwind.example/partner-center');
    fill(view, 'description', 'Order system');
    check(view, 'lead.created');
    submit(view);
    await waitUntil(() => part(view, 'endpoint') && text(part(view, 'endpoint')).includes('lead.created'));
    expect(api.calls.find((c) => c.method === 'updateWebhook')!.args[1]).to.deep.include({ description: 'Order system' });
    expect(text(part(view, 'announcement'))).to.contain('saved');
    await expect(el).to.be.accessible();
  });

  it('deletes after a confirmation, back on the list which says so', async () => {
    const { el, api } = await renderWebhooks(['2']);
    const view = await until(() => endpointView(el), 'deliveries');
    part<HTMLButtonElement>(view, 'delete')!.click();
    await waitUntil(() => part(view, 'confirm'));
    expect(view.shadowRoot!.activeElement).to.equal(button(view, 'Delete endpoint'));
    button(view, 'Keep it')!.click();
    await waitUntil(() => !part(view, 'confirm'));
    expect(view.shadowRoot!.activeElement).to.equal(part(view, 'delete'));
    expect(api.calls.filter((c) => c.method === 'deleteWebhook')).to.have.length(0);
    part<HTMLButtonElement>(view, 'delete')!.click();
    await waitUntil(() => part(view, 'confirm'));
    button(view, 'Delete endpoint')!.click();
    await until(() => el, 'table');
    expect(parts(el, 'row')).to.have.length(1);
    expect(text(part(el, 'announcement'))).to.equal('The endpoint https://crm.example.com/webhooks/partners is deleted.');
    await waitUntil(() => deepActive(el)?.localName === 'h2');
  });

  it('says why an action failed', async () => {
    const { el } = await renderWebhooks(['1'], { fail: { resendDelivery: 'error' } });
    const view = await until(() => endpointView(el), 'deliveries');
    parts<HTMLButtonElement>(view, 'resend')[0]!.click();
    await waitUntil(() => part(view, 'error'));
    expect(part(view, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(view, 'error'))).to.contain('The server had a problem');
  });

  it('keeps saying it loads deliveries while they come', async () => {
    const { el } = await renderWebhooks(['1'], { fail: { webhookDeliveries: 'pending' } });
    const view = await until(() => endpointView(el), 'spinner');
    await waitUntil(() => part(view, 'endpoint'));
    expect(text(part(view, 'spinner'))).to.equal('Loading deliveries…');
  });
});

describe('<partner-admin> and the Webhooks section', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));
  afterEach(() => history.replaceState(null, '', location.pathname));
  const shell = async (role: 'owner' | 'staff') => {
    const el = await fixture<PartnerAdminElement>(html`<partner-admin .api=${fakeAdminApi({ role })} .adminSession=${fakeAdminSession(true, role)}></partner-admin>`);
    await waitUntil(() => part(el, 'nav'));
    return [...part(el, 'nav')!.querySelectorAll('a')].map((a) => text(a));
  };

  it('opens an endpoint from the URL (#/webhooks/1), and its edit form from #/webhooks/1/edit', async () => {
    history.replaceState(null, '', '#/webhooks/1');
    const el = await fixture<PartnerAdminElement>(html`<partner-admin .api=${fakeAdminApi()} .adminSession=${fakeAdminSession()}></partner-admin>`);
    const section = () => el.shadowRoot!.querySelector('partner-admin-webhooks');
    const view = await until(() => (section() ? endpointView(section()!) : null), 'deliveries');
    expect(text(shadow(view, 'h3'))).to.equal('https://hooks.northwind.example/partner-center');
    button(view, 'Edit')!.click();
    await waitUntil(() => location.hash === '#/webhooks/1/edit');
    await waitUntil(() => part(view, 'endpoint-form'));
    history.back();
    await waitUntil(() => location.hash === '#/webhooks/1' && part(view, 'deliveries'));
  });

  it('offers Webhooks to an owner, not to staff', async () => {
    expect(await shell('owner')).to.include('Webhooks');
    history.replaceState(null, '', '#/webhooks');
    expect(await shell('staff')).to.not.include('Webhooks');
  });
});

