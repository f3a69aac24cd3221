import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { DEMO_CREDENTIALS, seedDemo } from '../../../server/demo/seed.js';
import { seedResources } from '../../../server/demo/seed-resources.js';
import { detectImage } from '../../../server/resources/uploads.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { addLink } from '../../helpers/resource-fixtures.js';
import { one, sql } from '../../helpers/sql.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(() => s.close());

test('the demo partner gets banners, email copy, pages and links that all carry their code', async () => {
  assert.equal(await seedDemo(s.deps), true);
  const token = await s.login(DEMO_CREDENTIALS.code, DEMO_CREDENTIALS.password);
  const get = async (path: string) => (await s.call('GET', `/api/v1/partner/${path}`, { token })).json;

  const links = await get('links');
  assert.deepEqual(
    links.links.map((l: any) => l.url),
    [
      'http://localhost/r/demo/home',
      'http://localhost/r/demo/spring-sale',
      'http://localhost/r/demo/gear-club',
      'http://localhost/r/demo/boots',
      'http://localhost/r/demo/dana-trail-pack?sub=review',
    ],
  );
  assert.deepEqual(links.allowedDomains, ['northwind.example']);

  const { banners } = await get('banners');
  assert.deepEqual(
    banners.map((b: any) => [b.name, b.width, b.height]),
    [
      ['Spring sale leaderboard', 728, 90],
      ['Boots rectangle', 300, 250],
      ['Skyscraper', 160, 600],
      ['Mobile banner', 320, 50],
    ],
  );
  for (const banner of banners) {
    assert.match(banner.html, /^<a href="http:\/\/localhost\/r\/demo\/[a-z-]+" rel="sponsored"><img src="http:\/\/localhost\/uploads\/\d+"/);
    const image = await s.app.request(new URL(banner.imageUrl).pathname);
    assert.equal(image.headers.get('Content-Type'), 'image/png');
    const info = detectImage(new Uint8Array(await image.arrayBuffer()));
    assert.deepEqual([info?.width, info?.height], [banner.width, banner.height]);
  }

  const { emails } = await get('email-copy');
  assert.equal(emails.length, 3);
  for (const email of emails) {
    assert.doesNotMatch(`${email.subject} ${email.body}`, /\{\{/);
    assert.match(email.body, /http:\/\/localhost\/r\/demo\//);
  }
  assert.match(emails[0].body, /Dana Demo$/);

  const { pages } = await get('resources');
  assert.deepEqual(pages.map((p: any) => p.slug), ['getting-started', 'brand-guidelines', 'faq']);
  assert.match(pages[1].html, /<img alt="Northwind Outfitters" src="http:\/\/localhost\/uploads\/\d+" \/>/);

  const deep = await s.call('POST', '/api/v1/partner/links', { token, body: { destination: 'https://northwind.example/tents' } });
  assert.equal(deep.status, 201);
});

test('existing links are reused, and a second run adds nothing', async () => {
  await addLink(s.deps, { slug: 'home', destination: 'https://shop.example.com/' });
  await seedResources(s.deps);
  await seedResources(s.deps);
  const count = async (table: string) => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM ${sql.table(table)}`))!.n;
  assert.deepEqual(await Promise.all(['links', 'banners', 'email_copy', 'resource_pages', 'uploads'].map(count)), [3, 4, 3, 3, 4]);
  const home = await one<{ destination: string }>(s.db, sql`SELECT destination FROM links WHERE slug = 'home'`);
  assert.equal(home?.destination, 'https://shop.example.com/');
});
