import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createAdminKey } from '../../../server/merchants/admin-keys.js';
import { partnerByCode } from '../../../server/partners/partner-admin.js';
import { createDeepLink } from '../../../server/resources/partner-links.js';
import { ADMIN_KEY, assertError, engineServer, EVERY_PROGRAM_RULE, type EngineServer } from '../../helpers/engine.js';
import { run, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

describe('admin authorisation', () => {
  test('no key, a wrong key and a partner token are all refused with 401', async () => {
    await s.partner('alice');
    const token = await s.login('alice', 'partner-password');
    assertError(await s.call('GET', '/api/v1/admin/programs'), 401, 'unauthorized');
    assertError(await s.call('GET', '/api/v1/admin/programs', { token: 'pca_not-a-real-key' }), 401, 'invalid_admin_key');
    assertError(await s.call('GET', '/api/v1/admin/programs', { token }), 401, 'invalid_admin_key');
    assertError(await s.call('POST', '/api/v1/admin/programs', { token, body: { name: 'x', saleCommission: { type: 'flat', value: 1 } } }), 401);
    assert.equal(await s.count('programs'), 0);
  });

  test('a stored admin key works until revoked; admin keys never work on partner routes', async () => {
    const { key, id } = await createAdminKey(s.deps, 'ci');
    assert.equal((await s.call('GET', '/api/v1/admin/programs', { token: key })).status, 200);
    assertError(await s.call('GET', '/api/v1/me', { token: key }), 401);
    assertError(await s.call('GET', '/api/v1/me', { token: ADMIN_KEY }), 401);
    await run(s.db, sql`UPDATE admin_keys SET revoked_at = 1 WHERE id = ${id}`);
    assertError(await s.call('GET', '/api/v1/admin/programs', { token: key }), 401, 'invalid_admin_key');
  });
});

describe('programs', () => {
  test('POST with the fixed contract answers 201 with the program and its id', async () => {
    const res = await s.admin('POST', '/api/v1/admin/programs', {
      name: 'Affiliates',
      description: 'Our main program',
      priority: 10,
      saleCommission: { type: 'percent', value: 1000 },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(typeof res.json.id, 'number');
    assert.deepEqual(
      { name: res.json.name, description: res.json.description, priority: res.json.priority, sale: res.json.saleCommission },
      { name: 'Affiliates', description: 'Our main program', priority: 10, sale: { type: 'percent', value: 1000 } },
    );
    assert.equal(res.json.attributionModel, 'last_click');
    assert.equal(res.json.status, 'active');
    const got = await s.admin('GET', `/api/v1/admin/programs/${res.json.id}`);
    assert.deepEqual(got.json, res.json);
  });

  test('every rule can be set, changed, listed by priority and archived', async () => {
    const low = await s.program({ name: 'Low', priority: 1 });
    const high = await s.program({ name: 'High', priority: 5, ...EVERY_PROGRAM_RULE });
    assert.deepEqual(high.recurring, { mode: 'first_n', payments: 3 });
    assert.deepEqual(high.productRates, [{ productId: 'pro-plan', type: 'percent', value: 2000 }]);
    const list = await s.admin('GET', '/api/v1/admin/programs');
    assert.deepEqual(list.json.programs.map((p: any) => p.name), ['High', 'Low']);

    const changed = await s.admin('PATCH', `/api/v1/admin/programs/${low.id}`, { priority: 9, secondTier: null, productRates: [] });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.priority, 9);
    const archived = await s.admin('DELETE', `/api/v1/admin/programs/${high.id}`);
    assert.equal(archived.json.status, 'archived');
    const active = await s.admin('GET', '/api/v1/admin/programs?status=active');
    assert.deepEqual(active.json.programs.map((p: any) => p.name), ['Low']);
  });

  const bad: [string, unknown, string][] = [
    ['an empty body', {}, 'name'],
    ['a missing commission', { name: 'x' }, 'saleCommission'],
    ['a string value', { name: 'x', saleCommission: { type: 'percent', value: '10' } }, 'saleCommission.value'],
    ['a fractional value', { name: 'x', saleCommission: { type: 'flat', value: 10.5 } }, 'saleCommission.value'],
    ['a negative value', { name: 'x', saleCommission: { type: 'flat', value: -1 } }, 'saleCommission.value'],
    ['over 100%', { name: 'x', saleCommission: { type: 'percent', value: 10001 } }, 'saleCommission.value'],
    ['an unknown type', { name: 'x', saleCommission: { type: 'share', value: 1 } }, 'saleCommission.type'],
    ['an empty name', { name: '  ', saleCommission: { type: 'flat', value: 1 } }, 'name'],
    ['an oversized name', { name: 'n'.repeat(121), saleCommission: { type: 'flat', value: 1 } }, 'name'],
    ['a priority as text', { name: 'x', priority: 'high', saleCommission: { type: 'flat', value: 1 } }, 'priority'],
    ['first_n without a count', { name: 'x', saleCommission: { type: 'flat', value: 1 }, recurring: { mode: 'first_n' } }, 'recurring.payments'],
    ['a product listed twice', { name: 'x', saleCommission: { type: 'flat', value: 1 }, productRates: [{ productId: 'a', type: 'flat', value: 1 }, { productId: 'a', type: 'flat', value: 2 }] }, 'productRates.1.productId'],
    ['an unknown field', { name: 'x', saleCommission: { type: 'flat', value: 1 }, bonus: true }, ''],
    ['a window of 0 days', { name: 'x', saleCommission: { type: 'flat', value: 1 }, attributionWindowDays: 0 }, 'attributionWindowDays'],
  ];
  for (const [name, body, field] of bad) {
    test(`POST with ${name} → 400 naming ${field || 'the body'}, nothing stored`, async () => {
      const res = await s.admin('POST', '/api/v1/admin/programs', body);
      assertError(res, 400, 'invalid_request', field || undefined);
      assert.equal(await s.count('programs'), 0);
    });
  }

  test('script and SQL in text fields are stored as text and given back unchanged', async () => {
    const name = `<script>alert(1)</script>'; DROP TABLE programs; --`;
    const p = await s.program({ name, description: '<img src=x onerror=alert(1)>' });
    assert.equal((await s.admin('GET', `/api/v1/admin/programs/${p.id}`)).json.name, name);
    assert.equal(await s.count('programs'), 1);
  });

  test('unknown and malformed ids answer 404 and 400', async () => {
    assertError(await s.admin('GET', '/api/v1/admin/programs/999'), 404, 'program_not_found');
    assertError(await s.admin('PATCH', '/api/v1/admin/programs/999', { name: 'x' }), 404, 'program_not_found');
    assertError(await s.admin('GET', '/api/v1/admin/programs/abc'), 400, 'invalid_request', 'id');
    assertError(await s.admin('GET', '/api/v1/admin/programs/-1'), 400, 'invalid_request', 'id');
  });

  test('a non-JSON body is 415 and a body over 100 KB is 413', async () => {
    assertError(await s.admin('POST', '/api/v1/admin/programs', 'name=x', { 'Content-Type': 'text/plain' }), 415);
    assertError(await s.admin('POST', '/api/v1/admin/programs', { name: 'x', description: 'd'.repeat(101 * 1024), saleCommission: { type: 'flat', value: 1 } }), 413);
    assert.equal(await s.count('programs'), 0);
  });
});

describe('partners', () => {
  test('POST with the fixed contract answers 201 with programs, parent and an empty balance', async () => {
    const program = await s.program();
    await s.partner('parent1');
    const res = await s.admin('POST', '/api/v1/admin/partners', {
      code: 'child1',
      name: 'Chris Child',
      email: 'chris@example.com',
      password: 'chris-password',
      programIds: [program.id],
      parentCode: 'parent1',
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      { code: res.json.code, programIds: res.json.programIds, parentCode: res.json.parentCode, status: res.json.status },
      { code: 'child1', programIds: [program.id], parentCode: 'parent1', status: 'active' },
    );
    assert.deepEqual(res.json.balance, { balance: 0, pending: 0, payableNow: 0, currency: 'USD' });
    // the partner can sign in with the password the merchant set
    assert.match(await s.login('child1', 'chris-password'), /^pc_/);
  });

  test('bad input is refused with the field named and nothing created', async () => {
    const program = await s.program();
    await s.partner('taken');
    const cases: [unknown, number, string, string?][] = [
      [{}, 400, 'invalid_request', 'code'],
      [{ code: 'x', name: 'n', email: 'e@example.com', password: 'long-enough' }, 400, 'invalid_request', 'code'],
      [{ code: 'ok-code', name: 'n', email: 'not-an-email', password: 'long-enough' }, 400, 'invalid_request', 'email'],
      [{ code: 'ok-code', name: 'n', email: 'e@example.com', password: 'short' }, 400, 'invalid_request', 'password'],
      [{ code: 'ok-code', name: 'n', email: 'e@example.com', password: 'long-enough', programIds: ['1'] }, 400, 'invalid_request', 'programIds.0'],
      [{ code: "a' OR 1=1", name: 'n', email: 'e@example.com', password: 'long-enough' }, 400, 'invalid_request', 'code'],
      [{ code: 'TAKEN', name: 'n', email: 'e@example.com', password: 'long-enough' }, 409, 'code_taken', 'code'],
      [{ code: 'ok-code', name: 'n', email: 'e@example.com', password: 'long-enough', programIds: [program.id, 999] }, 422, 'unknown_program', 'programIds.1'],
      [{ code: 'ok-code', name: 'n', email: 'e@example.com', password: 'long-enough', parentCode: 'nobody' }, 422, 'unknown_parent', 'parentCode'],
    ];
    for (const [body, status, code, field] of cases) {
      assertError(await s.admin('POST', '/api/v1/admin/partners', body), status, code, field);
    }
    assert.equal(await s.count('partners'), 1);
    assert.equal(await s.count('enrollments'), 0);
  });

  test('PATCH changes status, parent and programs; disabling ends sessions; cycles are refused', async () => {
    const a = await s.program({ name: 'A' });
    const b = await s.program({ name: 'B' });
    await s.partner('top');
    await s.partner('mid', { parentCode: 'top', programIds: [a.id] });
    const token = await s.login('mid', 'partner-password');

    const moved = await s.admin('PATCH', '/api/v1/admin/partners/mid', { programIds: [b.id, a.id], name: 'Mia Mid' });
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual(moved.json.programIds, [a.id, b.id]);
    assertError(await s.admin('PATCH', '/api/v1/admin/partners/top', { parentCode: 'mid' }), 409, 'parent_cycle', 'parentCode');
    assertError(await s.admin('PATCH', '/api/v1/admin/partners/top', { parentCode: 'top' }), 409, 'parent_cycle', 'parentCode');
    assert.equal((await s.admin('PATCH', '/api/v1/admin/partners/mid', { parentCode: null })).json.parentCode, null);

    assert.equal((await s.call('GET', '/api/v1/me', { token })).status, 200);
    assert.equal((await s.admin('PATCH', '/api/v1/admin/partners/mid', { status: 'disabled' })).json.status, 'disabled');
    assertError(await s.call('GET', '/api/v1/me', { token }), 401);
    assertError(await s.admin('PATCH', '/api/v1/admin/partners/nobody', { name: 'x' }), 404, 'partner_not_found');
  });

  test('PUT password sets a new password and ends old sessions', async () => {
    await s.partner('pat');
    const token = await s.login('pat', 'partner-password');
    assertError(await s.admin('PUT', '/api/v1/admin/partners/pat/password', { password: 'short' }), 400, 'invalid_request', 'password');
    assert.equal((await s.admin('PUT', '/api/v1/admin/partners/pat/password', { password: 'a-brand-new-one' })).status, 204);
    assertError(await s.call('GET', '/api/v1/me', { token }), 401);
    assert.match(await s.login('pat', 'a-brand-new-one'), /^pc_/);
  });

  test('list, search and delete a partner without history', async () => {
    await s.partner('anna', { name: 'Anna Alpha' });
    await s.partner('bert', { name: 'Bert Beta' });
    const all = await s.admin('GET', '/api/v1/admin/partners');
    assert.deepEqual(all.json.partners.map((p: any) => p.code), ['anna', 'bert']);
    assert.equal(all.json.total, 2);
    const found = await s.admin('GET', '/api/v1/admin/partners?q=beta');
    assert.deepEqual(found.json.partners.map((p: any) => p.code), ['bert']);
    assertError(await s.admin('GET', '/api/v1/admin/partners?limit=0'), 400, 'invalid_request', 'limit');
    assert.equal((await s.admin('DELETE', '/api/v1/admin/partners/anna')).status, 204);
    assertError(await s.admin('GET', '/api/v1/admin/partners/anna'), 404, 'partner_not_found');
  });
});

describe('links', () => {
  test('POST with the fixed contract answers 201 with the shareable URL', async () => {
    const res = await s.admin('POST', '/api/v1/admin/links', { slug: 'spring-sale', name: 'Spring sale', destination: 'https://shop.example.com/spring?ref=x' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.slug, 'spring-sale');
    assert.equal(res.json.destination, 'https://shop.example.com/spring?ref=x');
    assert.equal(res.json.url, 'http://localhost/r/{code}/spring-sale');
    assert.equal(res.json.partnerCode, null);
    assert.deepEqual(res.json.programIds, []);
  });

  test('bad links are refused: not http(s), credentials, bad slugs, taken slugs, unknown programs', async () => {
    await s.link('taken');
    const cases: [unknown, number, string, string?][] = [
      [{ slug: 'a', name: 'n', destination: 'javascript:alert(1)' }, 400, 'invalid_request', 'destination'],
      [{ slug: 'a', name: 'n', destination: 'ftp://shop.example.com/' }, 400, 'invalid_request', 'destination'],
      [{ slug: 'a', name: 'n', destination: 'https://user:pw@shop.example.com/' }, 400, 'invalid_request', 'destination'],
      [{ slug: 'a', name: 'n', destination: '/relative' }, 400, 'invalid_request', 'destination'],
      [{ slug: '../etc', name: 'n', destination: 'https://shop.example.com/' }, 400, 'invalid_request', 'slug'],
      [{ slug: 'a b', name: 'n', destination: 'https://shop.example.com/' }, 400, 'invalid_request', 'slug'],
      [{ slug: 'TAKEN', name: 'n', destination: 'https://shop.example.com/' }, 409, 'slug_taken', 'slug'],
      [{ slug: 'a', name: 'n', destination: 'https://shop.example.com/', programIds: [42] }, 422, 'unknown_program', 'programIds.0'],
      [{ slug: 'a', destination: 'https://shop.example.com/' }, 400, 'invalid_request', 'name'],
    ];
    for (const [body, status, code, field] of cases) assertError(await s.admin('POST', '/api/v1/admin/links', body), status, code, field);
    assert.equal(await s.count('links'), 1);
  });

  test('PATCH, list and DELETE', async () => {
    const program = await s.program();
    const link = await s.link('promo');
    const changed = await s.admin('PATCH', `/api/v1/admin/links/${link.id}`, { destination: 'https://shop.example.com/new', programIds: [program.id] });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.destination, 'https://shop.example.com/new');
    assert.deepEqual(changed.json.programIds, [program.id]);
    assertError(await s.admin('PATCH', `/api/v1/admin/links/${link.id}`, { slug: 'other' }), 400, 'invalid_request');
    const list = await s.admin('GET', '/api/v1/admin/links');
    assert.deepEqual(list.json.links.map((l: any) => l.slug), ['promo']);
    assert.equal((await s.admin('DELETE', `/api/v1/admin/links/${link.id}`)).status, 204);
    assertError(await s.admin('GET', `/api/v1/admin/links/${link.id}`), 404, 'link_not_found');
  });

  test('DELETE refuses a link that was clicked, a merchant link or a partner\'s own, and deletes one nobody clicked', async () => {
    await s.program();
    const alice = await s.partner('alice');
    const clicked = await s.link('promo');
    const unclicked = await s.link('quiet');
    assert.equal((await s.click('alice', 'promo')).status, 302);
    assertError(await s.admin('DELETE', `/api/v1/admin/links/${clicked.id}`), 409, 'link_in_use');
    const partner = await partnerByCode(s.deps, alice.code);
    const { link: own } = await createDeepLink(s.deps, partner!, { slug: 'alice-boots', name: 'Boots', destination: 'https://shop.example.com/boots' }, 'https://p.example');
    const { link: ownQuiet } = await createDeepLink(s.deps, partner!, { slug: 'alice-hats', name: 'Hats', destination: 'https://shop.example.com/hats' }, 'https://p.example');
    assert.equal((await s.click('alice', 'alice-boots')).status, 302);
    assertError(await s.admin('DELETE', `/api/v1/admin/links/${own.id}`), 409, 'link_in_use');
    assert.equal((await s.admin('DELETE', `/api/v1/admin/links/${ownQuiet.id}`)).status, 204);
    assert.equal((await s.admin('DELETE', `/api/v1/admin/links/${unclicked.id}`)).status, 204);
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/links')).json.links.map((l: any) => l.slug).sort(), ['promo']);
  });
});

describe('settings', () => {
  test('GET has defaults; PATCH changes only what is sent; bad values are refused', async () => {
    const before = await s.admin('GET', '/api/v1/admin/settings');
    assert.equal(before.json.attributionWindowDays, 30);
    assert.equal(before.json.clickParam, 'pc_click');
    const after = await s.admin('PATCH', '/api/v1/admin/settings', { attributionWindowDays: 45, holdDays: 7, allowedLinkDomains: ['shop.example.com', '*.example.org'] });
    assert.equal(after.status, 200, after.text);
    assert.equal(after.json.attributionWindowDays, 45);
    assert.equal(after.json.holdDays, 7);
    assert.equal(after.json.currency, 'USD');
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'dollars' }), 400, 'invalid_request', 'currency');
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { holdDays: -1 }), 400, 'invalid_request', 'holdDays');
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { allowedLinkDomains: ['http://x'] }), 400, 'invalid_request', 'allowedLinkDomains.0');
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { secret: 1 }), 400, 'invalid_request');
    assert.equal((await s.admin('GET', '/api/v1/admin/settings')).json.attributionWindowDays, 45);
  });

  test('origins added in settings may call the API from the browser', async () => {
    const from = (origin: string) => s.app.request('/api/v1/health', { headers: { Origin: origin } });
    assert.equal((await from('https://shop.example.com')).headers.get('Access-Control-Allow-Origin'), null);
    await s.admin('PATCH', '/api/v1/admin/settings', { allowedOrigins: ['https://shop.example.com'] });
    assert.equal((await from('https://shop.example.com')).headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
    assert.equal((await from('https://evil.example')).headers.get('Access-Control-Allow-Origin'), null);
  });
});
