import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { partnerByCode } from '../../../server/partners/partner-admin.js';
import { createDeepLink } from '../../../server/resources/partner-links.js';
import { DAY, engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
  await s.program({ name: 'Standard' });
  await s.partner('alice');
  await s.link('shop', { destination: 'https://shop.example.com/landing?utm=partner#top' });
});
afterEach(() => s.close());

const clicks = () => all<any>(s.db, sql`SELECT c.*, p.code FROM clicks c LEFT JOIN partners p ON p.id = c.partner_id ORDER BY c.id`);

describe('GET /r/:code/:slug', () => {
  test('records the click and redirects to the destination with the click id before the fragment', async () => {
    const res = await s.click('alice', 'shop', {
      query: '?sub=spring_fb-1',
      headers: { 'User-Agent': 'Mozilla/5.0 test', Referer: 'https://blog.example.net/post', 'X-Forwarded-For': '203.0.113.9' },
    });
    assert.equal(res.status, 302);
    assert.match(res.clickId!, /^[a-f0-9]{32}$/);
    assert.equal(res.location, `https://shop.example.com/landing?utm=partner&pc_click=${res.clickId}#top`);
    const [click] = await clicks();
    assert.equal(click.click_key, res.clickId);
    assert.equal(click.code, 'alice');
    assert.equal(click.user_agent, 'Mozilla/5.0 test');
    assert.equal(click.referrer, 'https://blog.example.net/post');
    assert.equal(click.sub, 'spring_fb-1');
    assert.equal(click.at, s.now);
    assert.equal(click.first_click_id, null);
  });

  test('sets a first-party attribution cookie for the attribution window', async () => {
    const res = await s.click('alice');
    assert.match(res.cookie!, new RegExp(`^pc_click_first=${res.clickId}; Max-Age=${30 * 86400}; Path=/; HttpOnly; SameSite=Lax`));
    await s.program({ name: 'Long', attributionWindowDays: 90 });
    const longer = await s.click('alice');
    assert.match(longer.cookie!, new RegExp(`Max-Age=${90 * 86400};`));
  });

  test('keeps a hash of the address, never the address; the same address hashes the same', async () => {
    const s2 = await engineServer();
    try {
      await s2.partner('bob');
      await s2.link('shop');
      // app.request has no socket: the address is "unknown" unless a trusted proxy says otherwise
      await s2.click('bob');
      await s2.click('bob');
      const rows = await all<{ ip_hash: string }>(s2.db, sql`SELECT ip_hash FROM clicks ORDER BY id`);
      assert.equal(rows.length, 2);
      assert.equal(rows[0]!.ip_hash, rows[1]!.ip_hash);
      assert.doesNotMatch(rows[0]!.ip_hash, /unknown/);
      assert.equal(rows[0]!.ip_hash.length, 22);
    } finally {
      await s2.close();
    }
  });

  test('behind a trusted proxy the hashed address is the one the proxy saw, whatever the visitor wrote to the left', async () => {
    s.deps.config.trustProxy = 1;
    const viaProxy = (forwardedFor: string) => s.click('alice', 'shop', { headers: { 'X-Forwarded-For': forwardedFor } });
    await viaProxy('1.1.1.1, 203.0.113.9');
    await viaProxy('8.8.8.8, 203.0.113.9');
    await viaProxy('203.0.113.9');
    await viaProxy('1.1.1.1, 203.0.113.10');
    const hashes = (await clicks()).map((c) => c.ip_hash);
    assert.equal(new Set(hashes.slice(0, 3)).size, 1, 'the same visitor, whatever they wrote');
    assert.notEqual(hashes[3], hashes[0], 'another visitor');
  });

  test('an invalid sub is ignored, the click still counts', async () => {
    const res = await s.click('alice', 'shop', { query: `?sub=${encodeURIComponent('<script>x</script>')}` });
    assert.equal(res.status, 302);
    assert.equal((await clicks())[0].sub, null);
    await s.click('alice', 'shop', { query: `?sub=${'a'.repeat(41)}` });
    assert.equal((await clicks())[1].sub, null);
  });

  test('codes and slugs match regardless of case', async () => {
    const res = await s.click('ALICE', 'Shop');
    assert.equal(res.status, 302);
    assert.ok(res.clickId);
  });

  test('the click parameter follows settings.clickParam', async () => {
    await s.admin('PATCH', '/api/v1/admin/settings', { clickParam: 'ref_click' });
    const res = await s.app.request('/r/alice/shop');
    const location = new URL(res.headers.get('Location')!);
    assert.match(location.searchParams.get('ref_click')!, /^[a-f0-9]{32}$/);
    assert.equal(location.searchParams.get('pc_click'), null);
  });

  test('unknown or disabled partner: redirect to the destination without a click id, no click, no cookie', async () => {
    await s.partner('gone', { status: 'disabled' });
    for (const code of ['nobody', 'gone', "x' OR 1=1 --"]) {
      const res = await s.click(code);
      assert.equal(res.status, 302, code);
      assert.equal(res.location, 'https://shop.example.com/landing?utm=partner#top');
      assert.equal(res.cookie, null);
    }
    assert.equal((await clicks()).length, 0);
  });

  test('unknown or disabled link: a plain 404 page that echoes nothing', async () => {
    const link = await s.link('old');
    await s.admin('PATCH', `/api/v1/admin/links/${link.id}`, { status: 'disabled' });
    for (const slug of ['nothing', 'old', '%3Cscript%3Ealert(1)%3C%2Fscript%3E']) {
      const res = await s.click('alice', slug);
      assert.equal(res.status, 404, slug);
      assert.equal(res.location, null);
      assert.match(res.text, /Link not found/);
      assert.doesNotMatch(res.text, /script/);
    }
    assert.equal((await clicks()).length, 0);
  });

  test('?to= deep links work on the allowed domains and are refused anywhere else — never an open redirect', async () => {
    const ok = await s.click('alice', 'shop', { query: `?to=${encodeURIComponent('https://shop.example.com/products/42?color=red')}` });
    assert.equal(ok.status, 302);
    assert.equal(ok.location, `https://shop.example.com/products/42?color=red&pc_click=${ok.clickId}`);
    for (const to of ['https://evil.example/phish', 'javascript:alert(1)', '//evil.example', 'https://shop.example.com.evil.example/']) {
      const res = await s.click('alice', 'shop', { query: `?to=${encodeURIComponent(to)}` });
      assert.equal(res.status, 400, to);
      assert.equal(res.location, null);
      assert.match(res.text, /outside the merchant/);
    }
    assert.equal((await clicks()).length, 1);
    await s.admin('PATCH', '/api/v1/admin/settings', { allowedLinkDomains: ['*.example.org'] });
    assert.equal((await s.click('alice', 'shop', { query: `?to=${encodeURIComponent('https://blog.example.org/a')}` })).status, 302);
    assert.equal((await s.click('alice', 'shop', { query: `?to=${encodeURIComponent('https://shop.example.com/a')}` })).status, 400);
  });

  test("a partner's own deep link carries their code only", async () => {
    const alice = await partnerByCode(s.deps, 'alice');
    const { link: deep } = await createDeepLink(s.deps, alice, { slug: 'alice-boots', name: 'Boots', destination: 'https://shop.example.com/boots', sub: 'newsletter' }, 'https://p.example');
    assert.equal(deep.url, 'https://p.example/r/alice/alice-boots?sub=newsletter');
    const own = await s.click('alice', 'alice-boots');
    assert.equal(own.location, `https://shop.example.com/boots?pc_click=${own.clickId}`);
    assert.equal((await clicks())[0].sub, 'newsletter');
    await s.partner('bob');
    const other = await s.click('bob', 'alice-boots');
    assert.equal(other.location, 'https://shop.example.com/boots');
    assert.equal((await clicks()).length, 1);
    await assert.rejects(
      createDeepLink(s.deps, alice, { slug: 'alice-evil', name: 'x', destination: 'https://evil.example/' }, 'https://p.example'),
      /only point to the merchant's own sites/,
    );
  });

  test('a later click from the same browser remembers the first click within the window', async () => {
    await s.partner('bob');
    const first = await s.click('alice');
    s.advance(DAY);
    const second = await s.click('bob', 'shop', { headers: { Cookie: `pc_click=somethingelse; pc_click_first=${first.clickId}` } });
    assert.equal(second.cookie, null, 'the first click keeps the cookie');
    const [a, b] = await clicks();
    assert.equal(b.first_click_id, a.id);
    const third = await s.click('alice', 'shop', { headers: { Cookie: `pc_click_first=${first.clickId}` } });
    assert.ok(third.clickId);
    assert.equal((await clicks())[2].first_click_id, a.id);
    s.advance(31 * DAY);
    const fresh = await s.click('bob', 'shop', { headers: { Cookie: `pc_click_first=${first.clickId}` } });
    assert.match(fresh.cookie!, new RegExp(`^pc_click_first=${fresh.clickId};`));
    assert.equal((await clicks())[3].first_click_id, null);
    // a forged cookie is ignored
    await s.click('bob', 'shop', { headers: { Cookie: "pc_click_first=' OR 1=1" } });
    assert.equal((await clicks())[4].first_click_id, null);
  });
});

describe('GET /track.js', () => {
  test('serves the merchant-site script with the click parameter and the window', async () => {
    const res = await s.app.request('/track.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type')!, /^text\/javascript/);
    const js = await res.text();
    assert.match(js, /var P = "pc_click", AGE = 2592000;/);
    assert.match(js, /api\.clickId = clickId/);
    assert.ok(js.length < 2048, `track.js is ${js.length} bytes`);
    // it is valid JavaScript
    assert.doesNotThrow(() => new Function(js));
  });

  test('in a page it keeps the click id from the URL and exposes it', async () => {
    const js = await (await s.app.request('/track.js')).text();
    const cookies: string[] = [];
    const inputs = [{ value: '' }, { value: 'kept' }];
    const window: any = {};
    const document = {
      currentScript: { getAttribute: () => '.shop.example.com' },
      readyState: 'complete',
      get cookie() {
        return cookies.map((c) => c.split(';')[0]).join('; ');
      },
      set cookie(v: string) {
        cookies.push(v);
      },
      querySelectorAll: (selector: string) => (selector.startsWith('input') ? inputs : []),
      addEventListener() {},
    };
    const key = 'a'.repeat(32);
    new Function('window', 'document', 'location', js)(window, document, { search: `?x=1&pc_click=${key}`, protocol: 'https:' });
    assert.equal(window.PartnerCenter.clickId(), key);
    assert.match(cookies[0]!, new RegExp(`^pc_click=${key}; Max-Age=2592000; Path=/; SameSite=Lax; Domain=.shop.example.com; Secure$`));
    assert.deepEqual(inputs.map((i) => i.value), [key, 'kept']);
  });
});
