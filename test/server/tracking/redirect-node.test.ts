import assert from 'node:assert/strict';
import { request, type Server } from 'node:http';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { listen } from '../../../server/http/listen.js';
import { engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, sql } from '../../helpers/sql.js';

/**
 * The server's own redirect path (nodeRedirects, served by listen) against the app's route: the
 * same answers over real HTTP, and what it leaves to the app (pages, refusals, odd addresses).
 */

let s: EngineServer;
let server: Server;
let base: string;
beforeEach(async () => {
  s = await engineServer();
  await s.program({ name: 'Standard' });
  await s.partner('alice');
  await s.link('shop', { destination: 'https://shop.example.com/landing?utm=partner#top' });
  server = await listen(s.app, s.deps, { port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterEach(async () => {
  await new Promise((done) => server.close(done));
  await s.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over a real socket; redirects are not followed. */
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const clicks = () => all<any>(s.db, sql`SELECT * FROM clicks ORDER BY id`);
const clickIdOf = (location: string | undefined) => new URL(location!).searchParams.get('pc_click');

describe('the redirect over HTTP (the server answers it before the app)', () => {
  test('records the click and answers like the app: Location with the click id, no-store, the attribution cookie', async () => {
    const res = await get('/r/alice/shop?sub=spring_fb-1', { 'User-Agent': 'Mozilla/5.0 test', Referer: 'https://blog.example.net/post' });
    assert.equal(res.status, 302);
    const id = clickIdOf(res.headers.location as string);
    assert.match(id ?? '', /^[a-f0-9]{32}$/);
    assert.equal(res.headers.location, `https://shop.example.com/landing?utm=partner&pc_click=${id}#top`);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.headers['set-cookie'], [`pc_click_first=${id}; Max-Age=${30 * 86400}; Path=/; HttpOnly; SameSite=Lax`]);
    assert.equal(res.body, '');
    const [click] = await clicks();
    assert.equal(click.click_key, id);
    assert.equal(click.user_agent, 'Mozilla/5.0 test');
    assert.equal(click.referrer, 'https://blog.example.net/post');
    assert.equal(click.sub, 'spring_fb-1');

    // the app's own route gives the same headers for the same link
    const app = await s.app.request('/r/alice/shop?sub=spring_fb-1', { headers: { 'User-Agent': 'Mozilla/5.0 test' } });
    assert.equal(app.status, 302);
    assert.deepEqual([...app.headers.keys()].sort(), Object.keys(res.headers).filter((h) => !['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding'].includes(h)).sort());
  });

  test('a later click within the window joins the chain of the cookie it carries, and sets no new cookie', async () => {
    const first = await get('/r/alice/shop');
    const firstId = clickIdOf(first.headers.location as string);
    const again = await get('/r/alice/shop', { Cookie: `other=1; pc_click_first=${firstId}` });
    assert.equal(again.status, 302);
    assert.equal(again.headers['set-cookie'], undefined);
    const [head, next] = await clicks();
    assert.equal(next.first_click_id, head.id);
  });

  test('an unknown link, a refused deep link and a NUL are answered by the app, with its headers, and record nothing', async () => {
    const missing = await get('/r/alice/nowhere');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Link not found/);
    assert.match(String(missing.headers['content-security-policy']), /default-src 'self'/);
    const refused = await get(`/r/alice/shop?to=${encodeURIComponent('https://evil.example/')}`);
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Link refused/);
    assert.match(String(refused.headers['content-security-policy']), /default-src 'self'/);
    const nul = await get('/r/alice/shop?sub=%00');
    assert.equal(nul.status, 400);
    assert.match(nul.body, /NUL/);
    assert.deepEqual(await clicks(), []);
  });

  test('a percent-encoded address and other methods go to the app, which decodes and routes them', async () => {
    const encoded = await get('/r/alice/sh%6Fp');
    assert.equal(encoded.status, 302);
    const direct = await get('/r/alice/shop');
    const rows = await clicks();
    assert.deepEqual(
      rows.map((r) => r.click_key),
      [clickIdOf(encoded.headers.location as string), clickIdOf(direct.headers.location as string)],
    );
    // both paths see the same peer: the same salted hash of 127.0.0.1
    assert.equal(rows[0].ip_hash, rows[1].ip_hash);
    const posted = await get('/r/alice/shop', {}, 'POST');
    assert.equal(posted.status, 404);
    assert.match(posted.body, /No route POST \/r\/alice\/shop/);
    assert.equal((await clicks()).length, 2);
  });

  test('a disabled partner still gets the visitor to the page, with no click and no cookie', async () => {
    await s.admin('PATCH', '/api/v1/admin/partners/alice', { status: 'disabled' });
    const res = await get('/r/alice/shop');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, 'https://shop.example.com/landing?utm=partner#top');
    assert.equal(res.headers['set-cookie'], undefined);
    assert.deepEqual(await clicks(), []);
  });
});
