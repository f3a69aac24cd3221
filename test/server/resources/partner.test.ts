import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { PartnerRow } from '../../../server/db/schema.js';
import { updateSettings } from '../../../server/catalog/settings.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, run, sql } from '../../helpers/sql.js';
import { addClicks, addLink, addProgram, ADMIN_KEY, enroll, png, scopeTo } from '../../helpers/resource-fixtures.js';

let s: TestServer;
let alice: PartnerRow;
let bob: PartnerRow;
let aliceToken: string;
let bobToken: string;
let home: number;
let sale: number;
let vip: number;
let gold: number;

beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN_KEY });
  alice = await s.addPartner({ code: 'alice', name: 'Alice Archer' });
  bob = await s.addPartner({ code: 'bob', name: 'Bob Baker' });
  aliceToken = await s.login('alice');
  bobToken = await s.login('bob');
  gold = await addProgram(s.deps, 'Gold');
  await enroll(s.deps, alice.id, gold);
  home = await addLink(s.deps, { slug: 'home', name: 'Home page', destination: 'https://shop.example.com/' });
  sale = await addLink(s.deps, { slug: 'spring-sale', name: 'Spring sale', destination: 'https://shop.example.com/sale' });
  vip = await addLink(s.deps, { slug: 'vip', name: 'Gold members', destination: 'https://shop.example.com/vip' });
  await scopeTo(s.deps, 'link', vip, gold);
  await addLink(s.deps, { slug: 'old', destination: 'https://shop.example.com/old', status: 'disabled' });
});
afterEach(() => s.close());

const get = (path: string, token: string) => s.call('GET', `/api/v1/partner${path}`, { token });
const admin = (method: string, path: string, body?: unknown) => s.call(method, `/api/v1/admin${path}`, { token: ADMIN_KEY, body });
const linkCount = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM links`))!.n;

describe('GET /api/v1/partner/links', () => {
  test("lists the merchant's active links for the partner's programs with full URLs and the partner's clicks", async () => {
    await addClicks(s.deps, { linkId: home, partnerId: alice.id, count: 3 });
    await addClicks(s.deps, { linkId: home, partnerId: bob.id, count: 5 });
    await addClicks(s.deps, { linkId: sale, partnerId: alice.id, count: 1 });
    const res = await get('/links', aliceToken);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.json.links.map((l: any) => [l.kind, l.slug, l.url, l.clicks]),
      [
        ['merchant', 'home', 'http://localhost/r/alice/home', 3],
        ['merchant', 'spring-sale', 'http://localhost/r/alice/spring-sale', 1],
        ['merchant', 'vip', 'http://localhost/r/alice/vip', 0],
      ],
    );
    assert.equal(res.json.links[0].name, 'Home page');
    assert.equal(res.json.links[0].destination, 'https://shop.example.com/');
    assert.deepEqual(res.json.allowedDomains, ['shop.example.com']);
  });

  test('a partner outside the program does not see its links and sees only their own clicks', async () => {
    await addClicks(s.deps, { linkId: home, partnerId: alice.id, count: 3 });
    const res = await get('/links', bobToken);
    assert.deepEqual(
      res.json.links.map((l: any) => [l.url, l.clicks]),
      [
        ['http://localhost/r/bob/home', 0],
        ['http://localhost/r/bob/spring-sale', 0],
      ],
    );
  });

  test('PUBLIC_URL decides the links\' origin', async () => {
    s.deps.config.publicUrl = 'https://partners.example.com';
    const res = await get('/links', aliceToken);
    assert.equal(res.json.links[0].url, 'https://partners.example.com/r/alice/home');
  });

  test('no token, a wrong token and an admin key get 401', async () => {
    for (const token of [undefined, 'pc_nope', ADMIN_KEY]) {
      for (const path of ['/links', '/banners', '/email-copy', '/resources']) {
        const res = await s.call('GET', `/api/v1/partner${path}`, { token });
        assert.equal(res.status, 401, `${path} ${token}`);
        assert.ok(res.json.error.message);
      }
    }
  });
});

describe('POST /api/v1/partner/links', () => {
  test('creates a deep link on an allowed domain, with a sub-id, and lists it for its owner only', async () => {
    const res = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { destination: 'https://shop.example.com/boots?color=red', sub: 'newsletter' } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.kind, 'custom');
    assert.equal(res.json.destination, 'https://shop.example.com/boots?color=red');
    assert.equal(res.json.sub, 'newsletter');
    assert.equal(res.json.clicks, 0);
    assert.equal(res.json.name, 'shop.example.com/boots');
    assert.match(res.json.url, /^http:\/\/localhost\/r\/alice\/[a-z0-9]{10}\?sub=newsletter$/);
    assert.equal(res.json.url, `http://localhost/r/alice/${res.json.slug}?sub=newsletter`);

    await addClicks(s.deps, { linkId: res.json.id, partnerId: alice.id, count: 2 });
    const mine = await get('/links', aliceToken);
    const own = mine.json.links.find((l: any) => l.kind === 'custom');
    assert.deepEqual([own.url, own.clicks], [res.json.url, 2]);
    const theirs = await get('/links', bobToken);
    assert.equal(theirs.json.links.some((l: any) => l.kind === 'custom'), false);
  });

  test('the same destination and sub again answers the existing link with 200', async () => {
    const body = { destination: 'https://shop.example.com/boots' };
    const first = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body });
    const again = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.json.id, first.json.id);
    const other = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { ...body, sub: 'ads' } });
    assert.equal(other.status, 201);
    assert.notEqual(other.json.id, first.json.id);
  });

  test('the allowedLinkDomains setting, with wildcards, decides', async () => {
    await updateSettings(s.deps, { allowedLinkDomains: ['*.example.org'] });
    const ok = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { destination: 'https://blog.example.org/post' } });
    assert.equal(ok.status, 201, ok.text);
    const refused = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { destination: 'https://shop.example.com/' } });
    assert.equal(refused.status, 422);
    assert.equal(refused.json.error.code, 'destination_not_allowed');
    assert.match(refused.json.error.message, /\*\.example\.org/);
  });

  const bad: [string, unknown, number, string, string?][] = [
    ['another domain', { destination: 'https://evil.example.net/phish' }, 422, 'destination_not_allowed', 'destination'],
    ['a look-alike domain', { destination: 'https://shop.example.com.evil.net/' }, 422, 'destination_not_allowed', 'destination'],
    ['a javascript: URL', { destination: 'javascript:alert(document.cookie)' }, 400, 'invalid_destination', 'destination'],
    ['a data: URL', { destination: 'data:text/html,<script>alert(1)</script>' }, 400, 'invalid_destination', 'destination'],
    ['an ftp URL', { destination: 'ftp://shop.example.com/file' }, 400, 'invalid_destination', 'destination'],
    ['credentials in the URL', { destination: 'https://user:pw@shop.example.com/' }, 400, 'invalid_destination', 'destination'],
    ['no scheme', { destination: 'shop.example.com/boots' }, 400, 'invalid_destination', 'destination'],
    ['an empty destination', { destination: '  ' }, 400, 'invalid_request', 'destination'],
    ['no destination', {}, 400, 'invalid_request', 'destination'],
    ['a number', { destination: 42 }, 400, 'invalid_request', 'destination'],
    ['an oversized URL', { destination: `https://shop.example.com/${'a'.repeat(2100)}` }, 400, 'invalid_request', 'destination'],
    ['a sub with spaces', { destination: 'https://shop.example.com/', sub: 'my sub' }, 400, 'invalid_request', 'sub'],
    ['a sub with script', { destination: 'https://shop.example.com/', sub: '<script>' }, 400, 'invalid_request', 'sub'],
    ['an unknown field', { destination: 'https://shop.example.com/', partnerId: 2 }, 400, 'invalid_request'],
    ['an array body', [], 400, 'invalid_request'],
  ];
  for (const [name, body, status, code, field] of bad) {
    test(`${name} → ${status} ${code}, nothing stored`, async () => {
      const before = await linkCount();
      const res = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body });
      assert.equal(res.status, status, res.text);
      assert.equal(res.json.error.code, code);
      assert.ok(res.json.error.message.length > 0);
      if (field) assert.equal(res.json.error.field, field);
      assert.equal(await linkCount(), before);
    });
  }

  test('SQL in the destination is only a path', async () => {
    const res = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { destination: "https://shop.example.com/x'); DROP TABLE links; --" } });
    assert.equal(res.status, 201);
    assert.equal(await linkCount(), 5);
  });

  test('no token or an admin key: 401, nothing stored', async () => {
    for (const token of [undefined, ADMIN_KEY]) {
      const res = await s.call('POST', '/api/v1/partner/links', { token, body: { destination: 'https://shop.example.com/' } });
      assert.equal(res.status, 401);
    }
    assert.equal(await linkCount(), 4);
  });
});

describe('GET /api/v1/partner/banners', () => {
  test("active banners for the partner's programs, each with the partner's link in an escaped HTML snippet", async () => {
    const up = await s.app.request('/api/v1/admin/uploads', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'image/png' }, body: new Uint8Array(png(300, 250)) });
    const uploadId = ((await up.json()) as any).id;
    await admin('POST', '/banners', { name: 'Box', uploadId, alt: 'Boots "on sale" & more', linkId: sale, sortOrder: 2 });
    await admin('POST', '/banners', { name: 'Leader', imageUrl: 'https://cdn.example.com/l.png', width: 728, height: 90, alt: 'Shop', linkSlug: 'home', sortOrder: 1 });
    await admin('POST', '/banners', { name: 'Gold only', imageUrl: 'https://cdn.example.com/g.png', width: 160, height: 600, alt: 'Gold', linkId: home, programIds: [gold] });
    await admin('POST', '/banners', { name: 'Archived', imageUrl: 'https://cdn.example.com/a.png', width: 1, height: 1, alt: 'A', linkId: home, status: 'archived' });

    const res = await get('/banners', aliceToken);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.banners.map((b: any) => b.name), ['Gold only', 'Leader', 'Box']);
    const box = res.json.banners[2];
    assert.equal(box.linkUrl, 'http://localhost/r/alice/spring-sale');
    assert.equal(box.imageUrl, `http://localhost/uploads/${uploadId}`);
    assert.deepEqual([box.width, box.height], [300, 250]);
    assert.equal(
      box.html,
      `<a href="http://localhost/r/alice/spring-sale" rel="sponsored"><img src="http://localhost/uploads/${uploadId}" width="300" height="250" alt="Boots &quot;on sale&quot; &amp; more"></a>`,
    );

    const bobs = await get('/banners', bobToken);
    assert.deepEqual(bobs.json.banners.map((b: any) => b.name), ['Leader', 'Box']);
    assert.match(bobs.json.banners[0].html, /href="http:\/\/localhost\/r\/bob\/home"/);
  });

  test('an empty list when there are none', async () => {
    assert.deepEqual((await get('/banners', aliceToken)).json, { banners: [] });
  });
});

describe('GET /api/v1/partner/email-copy', () => {
  test('fills {{link}}, {{partner.name}} and {{partner.code}} for the caller', async () => {
    await admin('POST', '/email-copy', { name: 'Launch', subject: 'A tip from {{partner.name}}', body: 'Shop here: {{ link }}\nCode: {{partner.code}}', linkId: sale });
    await admin('POST', '/email-copy', { name: 'Gold', subject: 'Gold', body: 'x', programIds: [gold] });
    const res = await get('/email-copy', aliceToken);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.emails[0], {
      id: res.json.emails[0].id,
      name: 'Launch',
      subject: 'A tip from Alice Archer',
      body: 'Shop here: http://localhost/r/alice/spring-sale\nCode: alice',
      linkUrl: 'http://localhost/r/alice/spring-sale',
    });
    assert.equal(res.json.emails.length, 2);
    const bobs = await get('/email-copy', bobToken);
    assert.deepEqual(bobs.json.emails.map((e: any) => e.subject), ['A tip from Bob Baker']);
    assert.match(bobs.json.emails[0].body, /r\/bob\/spring-sale/);
  });

  test('a partner name with markup is filled in as plain text', async () => {
    const mallory = await s.addPartner({ code: 'mallory', name: '<img src=x onerror=alert(1)>' });
    void mallory;
    await admin('POST', '/email-copy', { name: 'E', subject: 'From {{partner.name}}', body: 'b' });
    const res = await get('/email-copy', await s.login('mallory'));
    assert.equal(res.json.emails[0].subject, 'From <img src=x onerror=alert(1)>');
  });

  test("when the email's link is disabled, {{link}} becomes the partner's first available link", async () => {
    const temp = await addLink(s.deps, { slug: 'temp' });
    await admin('POST', '/email-copy', { name: 'E', subject: 'S', body: 'Go {{link}}', linkId: temp });
    await run(s.db, sql`UPDATE links SET status = 'disabled' WHERE id = ${temp}`);
    const res = await get('/email-copy', aliceToken);
    assert.equal(res.json.emails[0].body, 'Go http://localhost/r/alice/home');
  });
});

describe('GET /api/v1/partner/resources', () => {
  test('pages in order, markdown rendered to sanitized HTML, scoped by program', async () => {
    await admin('POST', '/resource-pages', { title: 'FAQ', body: '# Questions\n\n**Bold** [site](https://shop.example.com) <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>', sortOrder: 2 });
    await admin('POST', '/resource-pages', { title: 'Start', body: 'Welcome', sortOrder: 1 });
    await admin('POST', '/resource-pages', { title: 'Gold guide', body: 'For gold', programIds: [gold], sortOrder: 3 });
    await admin('POST', '/resource-pages', { title: 'Draft', body: 'x', status: 'archived' });
    const res = await get('/resources', aliceToken);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.pages.map((p: any) => p.slug), ['start', 'faq', 'gold-guide']);
    assert.equal(
      res.json.pages[1].html,
      '<h4>Questions</h4>\n<p><strong>Bold</strong> <a href="https://shop.example.com/" rel="noopener noreferrer nofollow">site</a>  <a>x</a> </p>',
    );
    assert.deepEqual((await get('/resources', bobToken)).json.pages.map((p: any) => p.slug), ['start', 'faq']);
  });
});

describe('QR codes: GET /api/v1/qr.svg and /api/v1/qr.png', () => {
  const qr = (format: string, query: string) => s.app.request(`/api/v1/qr.${format}?${query}`);

  test("draws this server's partner links as SVG and PNG", async () => {
    const url = encodeURIComponent('http://localhost/r/alice/home?sub=flyer');
    const svg = await qr('svg', `url=${url}`);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('Content-Type')!, /^image\/svg\+xml/);
    assert.equal(svg.headers.get('X-Content-Type-Options'), 'nosniff');
    const text = await svg.text();
    assert.match(text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(text, /<script|on\w+=/i);

    const pngRes = await qr('png', `url=${url}&size=256&download=1`);
    assert.equal(pngRes.status, 200);
    assert.equal(pngRes.headers.get('Content-Type'), 'image/png');
    assert.equal(pngRes.headers.get('Content-Disposition'), 'attachment; filename="qr-alice-home.png"');
    const bytes = new Uint8Array(await pngRes.arrayBuffer());
    const view = new DataView(bytes.buffer);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [256, 256]);
  });

  test("a partner's own deep link gets one too, under their own code only", async () => {
    const link = await s.call('POST', '/api/v1/partner/links', { token: aliceToken, body: { destination: 'https://shop.example.com/x' } });
    assert.equal((await qr('svg', `url=${encodeURIComponent(link.json.url)}`)).status, 200);
    const stolen = link.json.url.replace('/r/alice/', '/r/bob/');
    assert.equal((await qr('svg', `url=${encodeURIComponent(stolen)}`)).status, 400);
  });

  const refused: [string, string][] = [
    ['another site', 'https://evil.example.net/r/alice/home'],
    ['another port of this host', 'http://localhost:8080/r/alice/home'],
    ['not a /r/ path', 'http://localhost/api/v1/me'],
    ['an unknown partner', 'http://localhost/r/nobody/home'],
    ['an unknown link', 'http://localhost/r/alice/nothing'],
    ['a disabled link', 'http://localhost/r/alice/old'],
    ['an extra query parameter', 'http://localhost/r/alice/home?next=https://evil.example.net'],
    ['a bad sub', 'http://localhost/r/alice/home?sub=<script>'],
    ['a fragment', 'http://localhost/r/alice/home#x'],
    ['free text', 'hello world'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ];
  for (const [name, url] of refused) {
    test(`${name} → 400, no image`, async () => {
      const res = await qr('svg', `url=${encodeURIComponent(url)}`);
      assert.equal(res.status, 400);
      const body = (await res.json()) as any;
      assert.equal(body.error.field, 'url');
    });
  }

  test('a missing url or a silly size → 400 naming it', async () => {
    const missing = (await (await qr('svg', '')).json()) as any;
    assert.equal(missing.error.field, 'url');
    const size = (await (await qr('png', `url=${encodeURIComponent('http://localhost/r/alice/home')}&size=99999`)).json()) as any;
    assert.equal(size.error.field, 'size');
  });
});
