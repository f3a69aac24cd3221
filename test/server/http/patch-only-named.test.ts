import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { assertError, engineServer, EVERY_PROGRAM_RULE, type EngineServer } from '../../helpers/engine.js';

/**
 * A PATCH changes exactly the fields it names: for every PATCH route, patch one field at a
 * time and read the whole record back — nothing else moved.
 */

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

type Json = Record<string, unknown>;
/** One field (or a few that belong together) and, when other fields follow from it, those too. */
type Case = [patch: Json, alsoChanges?: Json];

/** Without updatedAt (it moves on every change) and without keys set to undefined. */
const withoutUpdatedAt = ({ updatedAt: _, ...rest }: Json): Json => JSON.parse(JSON.stringify(rest));

/** Patches each case in turn and checks the record read back after each one. */
async function patchEachField(path: string, cases: Case[], read: () => Promise<Json>, patch: (body: Json) => Promise<{ status: number; text: string }>) {
  for (const [body, alsoChanges = {}] of cases) {
    const before = await read();
    s.advance(1000);
    const res = await patch(body);
    assert.equal(res.status, 200, `${path} ${JSON.stringify(body)}: ${res.text}`);
    const after = await read();
    assert.deepEqual(withoutUpdatedAt(after), withoutUpdatedAt({ ...before, ...body, ...alsoChanges }), `${path} ${JSON.stringify(body)} moved something else`);
  }
}

const adminRecord = (path: string) => ({
  read: async () => {
    const res = await s.admin('GET', path);
    assert.equal(res.status, 200, res.text);
    return res.json as Json;
  },
  patch: (body: Json) => s.admin('PATCH', path, body),
});

describe('PATCH /api/v1/admin/settings', () => {
  // every setting: a value different from its default, and a second one for the single patch
  const values: Record<string, [unknown, unknown]> = {
    merchantName: ['Northwind', 'Northwind Outfitters'],
    currency: ['EUR', 'GBP'],
    attributionWindowDays: [45, 60],
    holdDays: [7, 14],
    allowedLinkDomains: [['shop.example.com'], ['shop.example.com', '*.example.org']],
    allowedOrigins: [['https://shop.example.com'], ['https://www.example.com']],
    minimumPayout: [2500, 1000],
    leadPrivacy: ['full', 'masked'],
    clickParam: ['ref_click', 'nw_click'],
    welcomeMessage: ['Hello partners', 'Welcome aboard!'],
    signupMode: ['open', 'closed'],
    signupProgramIds: [[1], [1, 2]],
    menus: [
      { welcome: false, profile: true, programs: false, commissions: true },
      { welcome: true, profile: false, programs: true, commissions: false },
    ],
    payoutSchedule: [{ kind: 'on-request' }, { kind: 'monthly', day: 15 }],
  };

  test('the test names every setting', async () => {
    const defaults = (await s.admin('GET', '/api/v1/admin/settings')).json;
    assert.deepEqual(Object.keys(values).sort(), Object.keys(defaults).sort());
  });

  test('patching one setting leaves every other setting as it was', async () => {
    await s.program({ name: 'One' });
    await s.program({ name: 'Two' });
    const first = await s.admin('PATCH', '/api/v1/admin/settings', Object.fromEntries(Object.entries(values).map(([k, [a]]) => [k, a])));
    assert.equal(first.status, 200, first.text);
    const { read, patch } = adminRecord('/api/v1/admin/settings');
    await patchEachField(
      'settings',
      Object.entries(values).map(([k, [, b]]) => [{ [k]: b }]),
      read,
      patch,
    );
  });

  test('one menu section changes alone', async () => {
    const res = await s.admin('PATCH', '/api/v1/admin/settings', { menus: { programs: false } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/settings')).json.menus, { welcome: true, profile: true, programs: false, commissions: true });
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { menus: { reports: false } }), 400, 'invalid_request', 'menus');
  });

  test('with money on a non-default currency, patches that keep the currency are accepted', async () => {
    await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'EUR' });
    const program = await s.program({ holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    assert.equal((await s.sale({ orderId: 'E-1', amount: 10_000, currency: 'EUR', partnerCode: 'alice' })).status, 201);

    const welcome = await s.admin('PATCH', '/api/v1/admin/settings', { welcomeMessage: 'Hallo' });
    assert.equal(welcome.status, 200, welcome.text);
    assert.equal(welcome.json.currency, 'EUR');
    assert.equal((await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'EUR', holdDays: 3 })).status, 200);
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'USD' }), 409, 'currency_locked', 'currency');
    assert.equal((await s.admin('GET', '/api/v1/admin/settings')).json.holdDays, 3);
  });
});

describe('every other PATCH route changes only the fields it names', () => {
  test('programs', async () => {
    const program = await s.program({ name: 'Full', description: 'All rules set', priority: 4, status: 'active', ...EVERY_PROGRAM_RULE });
    const { read, patch } = adminRecord(`/api/v1/admin/programs/${program.id}`);
    await patchEachField(
      'program',
      [
        [{ name: 'Renamed' }],
        [{ description: 'New words' }],
        [{ priority: 7 }],
        [{ saleCommission: { type: 'percent', value: 1200 } }],
        [{ leadCommission: 150 }],
        [{ recurring: { mode: 'every', payments: null } }],
        [{ secondTier: { type: 'flat', value: 100 } }],
        [{ attributionWindowDays: 90 }],
        [{ attributionModel: 'last_click' }],
        [{ holdDays: 0 }],
        [{ status: 'archived' }],
        [{ openToSignup: false }],
        [{ productRates: [{ productId: 'basic', type: 'flat', value: 500 }] }],
      ],
      read,
      patch,
    );
  });

  test('partners', async () => {
    const one = await s.program({ name: 'One' });
    const two = await s.program({ name: 'Two' });
    await s.partner('mentor');
    await s.partner('coach');
    await s.partner('alice', { parentCode: 'mentor', programIds: [one.id], status: 'pending' });
    const { read, patch } = adminRecord('/api/v1/admin/partners/alice');
    await patchEachField(
      'partner',
      [
        [{ name: 'Alice Anders' }],
        [{ email: 'alice@new.example' }],
        [{ status: 'active' }],
        // the record names its parent and programs beside the codes and ids: they follow them
        [{ parentCode: 'coach' }, { parent: { code: 'coach', name: 'Partner coach' } }],
        [{ programIds: [one.id, two.id] }, { programs: [one, two].map((p) => ({ id: p.id, name: p.name, status: 'active' })) }],
        [{ password: 'another-password' }, { password: undefined }],
      ],
      read,
      patch,
    );
  });

  test('links', async () => {
    const program = await s.program();
    const link = await s.link('shop', { name: 'Shop', status: 'active', programIds: [program.id] });
    const { read, patch } = adminRecord(`/api/v1/admin/links/${link.id}`);
    await patchEachField(
      'link',
      [[{ name: 'The shop' }], [{ destination: 'https://shop.example.com/new' }], [{ status: 'disabled' }], [{ programIds: [] }]],
      read,
      patch,
    );
  });

  test('banners, email copy and resource pages', async () => {
    const program = await s.program();
    const home = await s.link('home');
    const sale = await s.link('sale');
    const banner = await s.admin('POST', '/api/v1/admin/banners', {
      name: 'Leaderboard',
      imageUrl: 'https://cdn.example.com/b.png',
      width: 728,
      height: 90,
      alt: 'Spring sale',
      linkId: sale.id,
      sortOrder: 3,
      status: 'active',
      programIds: [program.id],
    });
    assert.equal(banner.status, 201, banner.text);
    const b = adminRecord(`/api/v1/admin/banners/${banner.json.id}`);
    await patchEachField(
      'banner',
      [
        [{ name: 'Skyscraper' }],
        [{ alt: 'Our boots' }],
        [{ width: 160 }],
        [{ height: 600 }],
        [{ sortOrder: 1 }],
        [{ status: 'archived' }],
        [{ programIds: [] }],
        [{ linkId: home.id }, { linkSlug: 'home' }],
        [{ imageUrl: 'https://cdn.example.com/c.png' }, { imageSrc: 'https://cdn.example.com/c.png' }],
      ],
      b.read,
      b.patch,
    );

    const email = await s.admin('POST', '/api/v1/admin/email-copy', {
      name: 'Intro',
      subject: 'Have you seen {{partner.name}}’s pick?',
      body: 'Look: {{link}}',
      linkId: sale.id,
      sortOrder: 2,
      status: 'active',
      programIds: [program.id],
    });
    assert.equal(email.status, 201, email.text);
    const e = adminRecord(`/api/v1/admin/email-copy/${email.json.id}`);
    await patchEachField(
      'email',
      [
        [{ name: 'Intro 2' }],
        [{ subject: 'A new subject' }],
        [{ body: 'Try it: {{link}}' }],
        [{ linkId: home.id }, { linkSlug: 'home' }],
        [{ sortOrder: 5 }],
        [{ status: 'archived' }],
        [{ programIds: [] }],
      ],
      e.read,
      e.patch,
    );

    const page = await s.admin('POST', '/api/v1/admin/resource-pages', { title: 'Brand guide', slug: 'brand', body: '# Logos', sortOrder: 1, status: 'active', programIds: [program.id] });
    assert.equal(page.status, 201, page.text);
    const p = adminRecord(`/api/v1/admin/resource-pages/${page.json.id}`);
    await patchEachField(
      'page',
      [[{ title: 'Brand book' }], [{ slug: 'brand-book' }], [{ body: '# Colours' }], [{ sortOrder: 9 }], [{ status: 'archived' }], [{ programIds: [] }]],
      p.read,
      p.patch,
    );
  });

  test('the partner’s own profile (PATCH /api/v1/me)', async () => {
    await s.partner('alice');
    const token = await s.login('alice', 'partner-password');
    const full = await s.call('PATCH', '/api/v1/me', {
      token,
      body: { phone: '+1 555 0100', company: 'Acme', website: 'https://alice.example', address: '1 Main St', payoutMethod: 'paypal', payoutDetails: 'alice@paypal.example', currentPassword: 'partner-password' },
    });
    assert.equal(full.status, 200, full.text);
    await patchEachField(
      'me',
      [
        [{ name: 'Alice Anders' }],
        [{ phone: '+1 555 0199' }],
        [{ company: 'Acme Inc' }],
        [{ website: 'https://alice.example/blog' }],
        [{ address: '2 Side St' }],
        [{ payoutMethod: 'bank_transfer' }],
        [{ payoutDetails: 'DE89 3704 0044 0532 0130 00' }],
        // last: a new address is unconfirmed until its link is followed (and payout changes wait for that)
        [{ email: 'alice@new.example' }, { emailConfirmed: false }],
      ],
      async () => (await s.call('GET', '/api/v1/me', { token })).json,
      // email and payout changes need the current password (the same body carries it)
      (body) => s.call('PATCH', '/api/v1/me', { token, body: { ...(body as object), currentPassword: 'partner-password' } }),
    );
  });
});
