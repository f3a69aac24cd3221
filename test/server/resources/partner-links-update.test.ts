import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';

/** Custom link names, PATCH /api/v1/partner/links/{id} (rename, disable, enable), and what a disabled link does. */

let s: EngineServer;
let alice: string;
let bob: string;
beforeEach(async () => {
  s = await engineServer();
  const program = await s.program({ name: 'Affiliates' });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await s.link('shop');
  alice = await s.login('alice', 'partner-password');
  bob = await s.login('bob', 'partner-password');
});
afterEach(() => s.close());

const create = (token: string, body: Record<string, unknown>) => s.call('POST', '/api/v1/partner/links', { token, body });
const patch = (token: string, id: number | string, body: unknown) => s.call('PATCH', `/api/v1/partner/links/${id}`, { token, body });
const list = async (token: string) => (await s.call('GET', '/api/v1/partner/links', { token })).json.links as any[];

describe('POST /api/v1/partner/links with a name', () => {
  test('keeps the trimmed name; without one the name is the page’s host and path, as before', async () => {
    const named = await create(alice, { destination: 'https://shop.example.com/boots', name: '  Boots, newsletter  ' });
    assert.equal(named.status, 201, named.text);
    assert.equal(named.json.name, 'Boots, newsletter');
    assert.equal(named.json.disabled, false);
    const plain = await create(alice, { destination: 'https://shop.example.com/tents' });
    assert.equal(plain.json.name, 'shop.example.com/tents');
  });

  test('an empty or too long name is refused naming the field', async () => {
    assertError(await create(alice, { destination: 'https://shop.example.com/boots', name: '   ' }), 400, 'invalid_request', 'name');
    assertError(await create(alice, { destination: 'https://shop.example.com/boots', name: 'x'.repeat(121) }), 400, 'invalid_request', 'name');
  });
});

describe('PATCH /api/v1/partner/links/{id}', () => {
  test('renames and disables the partner’s own link; the list shows it, disabled ones last', async () => {
    const first = (await create(alice, { destination: 'https://shop.example.com/boots' })).json;
    s.advance(1000);
    const second = (await create(alice, { destination: 'https://shop.example.com/tents' })).json;

    const renamed = await patch(alice, first.id, { name: ' Boots ' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.json.name, 'Boots');
    assert.equal(renamed.json.url, first.url, 'the address does not change');

    const disabled = await patch(alice, second.id, { disabled: true });
    assert.equal(disabled.json.disabled, true);
    assert.equal(disabled.json.name, 'shop.example.com/tents', 'the name stays');
    assert.deepEqual(
      (await list(alice)).map((l) => [l.kind, l.name, l.disabled]),
      [
        ['merchant', 'Link shop', false],
        ['custom', 'Boots', false],
        ['custom', 'shop.example.com/tents', true],
      ],
    );

    const enabled = await patch(alice, second.id, { disabled: false });
    assert.equal(enabled.json.disabled, false);
    assert.deepEqual((await list(alice)).map((l) => l.name), ['Link shop', 'shop.example.com/tents', 'Boots'], 'newest first again');
  });

  test('another partner’s link and a merchant link answer 404 and stay as they were', async () => {
    const mine = (await create(alice, { destination: 'https://shop.example.com/boots' })).json;
    const merchant = (await list(alice))[0];
    assertError(await patch(bob, mine.id, { name: 'Taken' }), 404, 'not_found');
    assertError(await patch(bob, mine.id, { disabled: true }), 404, 'not_found');
    assertError(await patch(alice, merchant.id, { disabled: true }), 404, 'not_found');
    assertError(await patch(alice, 99_999, { name: 'Nothing' }), 404, 'not_found');
    const after = await list(alice);
    assert.equal(after.find((l) => l.id === mine.id).name, 'shop.example.com/boots');
    assert.equal(after.find((l) => l.id === merchant.id).disabled, false);
  });

  test('bad input is a 400 naming the field', async () => {
    const mine = (await create(alice, { destination: 'https://shop.example.com/boots' })).json;
    assertError(await patch(alice, mine.id, { name: '' }), 400, 'invalid_request', 'name');
    assertError(await patch(alice, mine.id, { name: 'x'.repeat(121) }), 400, 'invalid_request', 'name');
    assertError(await patch(alice, mine.id, { name: 42 }), 400, 'invalid_request', 'name');
    assertError(await patch(alice, mine.id, { disabled: 'yes' }), 400, 'invalid_request', 'disabled');
    assertError(await patch(alice, mine.id, { slug: 'mine' }), 400, 'invalid_request');
    assertError(await patch(alice, mine.id, {}), 400, 'invalid_request', 'name');
    assertError(await patch(alice, 'abc', { name: 'Boots' }), 400, 'invalid_request', 'id');
  });

  test('without a token: 401', async () => {
    const res = await s.call('PATCH', '/api/v1/partner/links/1', { body: { name: 'x' } });
    assert.equal(res.status, 401);
  });
});

describe('a visitor of a disabled link', () => {
  test('still reaches the page, but no click, cookie or sale is recorded for the partner; enabled again, it counts', async () => {
    const mine = (await create(alice, { destination: 'https://shop.example.com/boots' })).json;
    await patch(alice, mine.id, { disabled: true });
    const clicksBefore = await s.count('clicks');
    const visit = await s.click('alice', mine.slug);
    assert.equal(visit.status, 302);
    assert.equal(visit.location, 'https://shop.example.com/boots', 'straight to the page, no click id');
    assert.equal(visit.cookie, null);
    assert.equal(await s.count('clicks'), clicksBefore);
    const sale = await s.sale({ orderId: 'D-1', amount: 10_000 });
    assert.equal(sale.status, 201, sale.text);
    assert.equal(sale.json.partnerCode ?? null, null, 'nothing to attribute');

    const qr = await s.call('GET', `/api/v1/qr.svg?url=${encodeURIComponent(mine.url)}`, {});
    assert.equal(qr.status, 200, 'its QR code still draws: it still leads to the page');

    await patch(alice, mine.id, { disabled: false });
    const again = await s.click('alice', mine.slug);
    assert.ok(again.clickId, 'counted again');
    assert.equal((await list(alice)).find((l) => l.id === mine.id).clicks, 1);
  });

  test('a merchant link the merchant disabled is still a 404 page', async () => {
    await s.link('old', { status: 'disabled' });
    const visit = await s.click('alice', 'old');
    assert.equal(visit.status, 404);
  });
});
