import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testServer } from '../../helpers/server.js';

test('track.js hands Stripe the click id: client-reference-id on pricing tables and buy buttons, client_reference_id on Payment Links', async () => {
  const s = await testServer();
  const js = await (await s.app.request('/track.js')).text();
  s.close();
  assert.ok(js.length < 2048, `track.js is ${js.length} bytes`);
  const attributes = (initial: Record<string, string>) => {
    const attrs = { ...initial };
    return { attrs, getAttribute: (n: string) => attrs[n] ?? null, setAttribute: (n: string, v: string) => void (attrs[n] = v) };
  };
  const table = attributes({});
  const own = attributes({ 'client-reference-id': 'merchant-set' });
  const links = [{ href: 'https://buy.stripe.com/test_14k5lI' }, { href: 'https://buy.stripe.com/test_9AQ?prefilled_email=a%40b.c' }, { href: 'https://buy.stripe.com/x?client_reference_id=kept' }];
  const document = {
    currentScript: null,
    readyState: 'complete',
    cookie: '',
    querySelectorAll: (selector: string) => (selector.startsWith('stripe') ? [table, own] : selector.startsWith('a[') ? links : []),
    addEventListener() {},
  };
  const key = 'b'.repeat(32);
  const window: any = {};
  new Function('window', 'document', 'location', js)(window, document, { search: `?pc_click=${key}`, protocol: 'https:' });
  assert.equal(table.attrs['client-reference-id'], key);
  assert.equal(own.attrs['client-reference-id'], 'merchant-set');
  assert.deepEqual(
    links.map((l) => l.href),
    [
      `https://buy.stripe.com/test_14k5lI?client_reference_id=${key}`,
      `https://buy.stripe.com/test_9AQ?prefilled_email=a%40b.c&client_reference_id=${key}`,
      'https://buy.stripe.com/x?client_reference_id=kept',
    ],
  );
});
