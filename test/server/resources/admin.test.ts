import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, sql } from '../../helpers/sql.js';
import { addLink, addProgram, ADMIN_KEY, png } from '../../helpers/resource-fixtures.js';

let s: TestServer;
// ids of the fresh database's first rows (the case tables below are built before it exists)
const homeLink = 1;
const saleLink = 2;
const program = 1;
beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN_KEY });
  assert.equal(await addLink(s.deps, { slug: 'home', destination: 'https://shop.example.com/' }), homeLink);
  assert.equal(await addLink(s.deps, { slug: 'spring-sale', destination: 'https://shop.example.com/sale' }), saleLink);
  assert.equal(await addProgram(s.deps), program);
});
afterEach(() => s.close());

const admin = (method: string, path: string, body?: unknown) => s.call(method, `/api/v1/admin${path}`, { token: ADMIN_KEY, body });
const count = async (table: string) => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM ${sql.table(table)}`))!.n;

function assertError(res: { status: number; json: any }, status: number, code: string, field?: string) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(res.json.error.code, code, JSON.stringify(res.json));
  assert.ok(res.json.error.message.length > 0);
  if (field !== undefined) assert.equal(res.json.error.field, field, JSON.stringify(res.json));
}

async function upload(bytes: Uint8Array, type = 'image/png', token: string | null = ADMIN_KEY) {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await s.app.request('/api/v1/admin/uploads', { method: 'POST', headers, body: new Uint8Array(bytes) });
  return { status: res.status, json: (await res.json()) as any };
}

const banner = (extra: Record<string, unknown> = {}) => ({
  name: 'Leaderboard',
  imageUrl: 'https://cdn.example.com/b.png',
  width: 728,
  height: 90,
  alt: 'Spring sale: 20% off',
  linkId: saleLink,
  ...extra,
});

describe('admin banners', () => {
  test('create, read, list, change and delete a banner with an image URL', async () => {
    const created = await admin('POST', '/banners', banner({ programIds: [program] }));
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.name, 'Leaderboard');
    assert.equal(created.json.imageSrc, 'https://cdn.example.com/b.png');
    assert.equal(created.json.linkSlug, 'spring-sale');
    assert.deepEqual(created.json.programIds, [program]);
    assert.equal(created.json.status, 'active');
    const id = created.json.id;

    assert.deepEqual((await admin('GET', `/banners/${id}`)).json, created.json);
    assert.deepEqual((await admin('GET', '/banners')).json.banners.map((b: any) => b.id), [id]);

    s.advance(1000);
    const changed = await admin('PATCH', `/banners/${id}`, { alt: 'New alt', linkSlug: 'home', programIds: [], status: 'archived' });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.alt, 'New alt');
    assert.equal(changed.json.linkId, homeLink);
    assert.deepEqual(changed.json.programIds, []);
    assert.equal(changed.json.status, 'archived');
    assert.notEqual(changed.json.updatedAt, created.json.updatedAt);
    assert.equal(await count('resource_programs'), 0);

    assert.equal((await admin('DELETE', `/banners/${id}`)).status, 204);
    assertError(await admin('GET', `/banners/${id}`), 404, 'not_found');
    assertError(await admin('DELETE', `/banners/${id}`), 404, 'not_found');
  });

  test('a banner from an uploaded image takes its size from the file', async () => {
    const up = await upload(png(300, 250));
    assert.equal(up.status, 201);
    const created = await admin('POST', '/banners', { name: 'Box', uploadId: up.json.id, alt: 'Our boots', linkSlug: 'home' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.width, 300);
    assert.equal(created.json.height, 250);
    assert.equal(created.json.imageUrl, null);
    assert.match(created.json.imageSrc, new RegExp(`/uploads/${up.json.id}$`));
    // an upload in use cannot be deleted
    assertError(await admin('DELETE', `/uploads/${up.json.id}`), 409, 'upload_in_use');
  });

  const bad: [string, Record<string, unknown>, number, string, string?][] = [
    ['no name', banner({ name: undefined }), 400, 'invalid_request', 'name'],
    ['an empty name', banner({ name: '   ' }), 400, 'invalid_request', 'name'],
    ['a number for the name', banner({ name: 5 }), 400, 'invalid_request', 'name'],
    ['no alt text', banner({ alt: '' }), 400, 'invalid_request', 'alt'],
    ['both image URL and upload', banner({ uploadId: 1 }), 400, 'invalid_request', 'imageUrl'],
    ['neither image URL nor upload', banner({ imageUrl: undefined }), 400, 'invalid_request', 'imageUrl'],
    ['a javascript: image URL', banner({ imageUrl: 'javascript:alert(1)' }), 400, 'invalid_request', 'imageUrl'],
    ['a data: image URL', banner({ imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }), 400, 'invalid_request', 'imageUrl'],
    ['an unknown upload', banner({ imageUrl: undefined, uploadId: 999 }), 400, 'unknown_upload', 'uploadId'],
    ['a zero width', banner({ width: 0 }), 400, 'invalid_request', 'width'],
    ['a fractional height', banner({ height: 1.5 }), 400, 'invalid_request', 'height'],
    ['a huge width', banner({ width: 100000 }), 400, 'invalid_request', 'width'],
    ['a missing width for an image URL', banner({ width: undefined }), 400, 'invalid_request', 'width'],
    ['no link', banner({ linkId: undefined }), 400, 'invalid_request', 'linkId'],
    ['an unknown link id', banner({ linkId: 999 }), 400, 'unknown_link', 'linkId'],
    ['an unknown link slug', banner({ linkId: undefined, linkSlug: "x' OR 1=1 --" }), 400, 'unknown_link', 'linkSlug'],
    ['an unknown program', banner({ programIds: [program, 999] }), 400, 'unknown_program', 'programIds'],
    ['programIds not a list', banner({ programIds: 'all' }), 400, 'invalid_request', 'programIds'],
    ['an unknown field', banner({ onclick: 'x' }), 400, 'invalid_request'],
    ['an overlong alt', banner({ alt: 'a'.repeat(301) }), 400, 'invalid_request', 'alt'],
  ];
  for (const [name, body, status, code, field] of bad) {
    test(`${name} → ${status} ${code}, nothing stored`, async () => {
      assertError(await admin('POST', '/banners', body), status, code, field);
      assert.equal(await count('banners'), 0);
      assert.equal(await count('resource_programs'), 0);
    });
  }

  test("a partner's own deep link is no merchant link for a banner", async () => {
    const partner = await s.addPartner({ code: 'alice' });
    const own = await addLink(s.deps, { slug: 'alice-own', partnerId: partner.id });
    assertError(await admin('POST', '/banners', banner({ linkId: own })), 400, 'unknown_link', 'linkId');
  });

  test('bad ids in the path and bad patches change nothing', async () => {
    const id = (await admin('POST', '/banners', banner())).json.id;
    assertError(await admin('GET', '/banners/abc'), 400, 'invalid_request', 'id');
    assertError(await admin('GET', '/banners/-1'), 400, 'invalid_request', 'id');
    assertError(await admin('PATCH', '/banners/999', { name: 'x' }), 404, 'not_found');
    assertError(await admin('PATCH', `/banners/${id}`, { width: 'wide' }), 400, 'invalid_request', 'width');
    assertError(await admin('PATCH', `/banners/${id}`, { imageUrl: 'https://a.example/x.png', uploadId: 1 }), 400, 'invalid_request', 'imageUrl');
    assertError(await admin('PATCH', `/banners/${id}`, { programIds: [999] }), 400, 'unknown_program', 'programIds');
    const after = await admin('GET', `/banners/${id}`);
    assert.equal(after.json.width, 728);
    assert.deepEqual(after.json.programIds, []);
  });

  test('script and SQL in text fields are stored as plain text', async () => {
    const res = await admin('POST', '/banners', banner({ name: "<script>alert(1)</script>'; DROP TABLE banners; --", alt: '<img src=x onerror=alert(1)>' }));
    assert.equal(res.status, 201);
    assert.equal(res.json.name, "<script>alert(1)</script>'; DROP TABLE banners; --");
    assert.equal(await count('banners'), 1);
  });
});

describe('admin email copy', () => {
  test('create, read, change and delete; placeholders stay as written', async () => {
    const created = await admin('POST', '/email-copy', {
      name: 'Launch',
      subject: 'A gift from {{partner.name}}',
      body: 'Hi!\n\nUse my link: {{link}} (code {{ partner.code }})',
      linkSlug: 'spring-sale',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.linkId, saleLink);
    assert.equal(created.json.body, 'Hi!\n\nUse my link: {{link}} (code {{ partner.code }})');
    const id = created.json.id;
    const changed = await admin('PATCH', `/email-copy/${id}`, { subject: 'New subject', programIds: [program] });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.subject, 'New subject');
    assert.deepEqual(changed.json.programIds, [program]);
    assert.deepEqual((await admin('GET', '/email-copy')).json.emails.map((e: any) => e.id), [id]);
    assert.equal((await admin('DELETE', `/email-copy/${id}`)).status, 204);
    assert.equal(await count('resource_programs'), 0);
  });

  test('an email without {{link}} needs no link', async () => {
    const res = await admin('POST', '/email-copy', { name: 'Hello', subject: 'Hi', body: 'From {{partner.name}}' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.linkId, null);
  });

  const email = (extra: Record<string, unknown> = {}) => ({ name: 'E', subject: 'S', body: 'Go {{link}}', linkId: homeLink, ...extra });
  const bad: [string, Record<string, unknown>, number, string, string?][] = [
    ['no subject', email({ subject: undefined }), 400, 'invalid_request', 'subject'],
    ['an empty body', email({ body: '  ' }), 400, 'invalid_request', 'body'],
    ['an unknown placeholder', email({ body: 'Hi {{partner.email}}' }), 400, 'unknown_placeholder', 'body'],
    ['an unknown placeholder in the subject', email({ subject: '{{ coupon }}' }), 400, 'unknown_placeholder', 'subject'],
    ['{{link}} without a link', email({ linkId: undefined }), 400, 'link_required', 'linkId'],
    ['an unknown link', email({ linkId: 12345 }), 400, 'unknown_link', 'linkId'],
    ['a body over 20000 characters', email({ body: 'x'.repeat(20_001) }), 400, 'invalid_request', 'body'],
    ['a string for the sort order', email({ sortOrder: 'first' }), 400, 'invalid_request', 'sortOrder'],
    ['an unknown status', email({ status: 'deleted' }), 400, 'invalid_request', 'status'],
  ];
  for (const [name, body, status, code, field] of bad) {
    test(`${name} → ${status} ${code}, nothing stored`, async () => {
      assertError(await admin('POST', '/email-copy', body), status, code, field);
      assert.equal(await count('email_copy'), 0);
    });
  }

  test('removing the link of an email that uses {{link}} is refused', async () => {
    const id = (await admin('POST', '/email-copy', email())).json.id;
    assertError(await admin('PATCH', `/email-copy/${id}`, { linkId: null }), 400, 'link_required', 'linkId');
    assert.equal((await admin('GET', `/email-copy/${id}`)).json.linkId, homeLink);
  });
});

describe('admin resource pages', () => {
  test('create with a slug made from the title; order; change; delete', async () => {
    const a = await admin('POST', '/resource-pages', { title: 'Brand guidelines & logos', body: '# Logos\n\nUse them.', sortOrder: 2 });
    assert.equal(a.status, 201, a.text);
    assert.equal(a.json.slug, 'brand-guidelines-logos');
    const b = await admin('POST', '/resource-pages', { title: 'Getting started', slug: 'start', body: 'Hello', sortOrder: 1 });
    assert.equal(b.status, 201);
    assert.deepEqual((await admin('GET', '/resource-pages')).json.pages.map((p: any) => p.slug), ['start', 'brand-guidelines-logos']);
    const changed = await admin('PATCH', `/resource-pages/${a.json.id}`, { sortOrder: 0, title: 'Brand' });
    assert.equal(changed.json.title, 'Brand');
    assert.equal(changed.json.slug, 'brand-guidelines-logos');
    assert.deepEqual((await admin('GET', '/resource-pages')).json.pages.map((p: any) => p.slug), ['brand-guidelines-logos', 'start']);
    assert.equal((await admin('DELETE', `/resource-pages/${b.json.id}`)).status, 204);
  });

  test('a taken slug → 409, case-insensitively', async () => {
    await admin('POST', '/resource-pages', { title: 'FAQ', body: 'x' });
    assertError(await admin('POST', '/resource-pages', { title: 'Other', slug: 'FAQ', body: 'y' }), 409, 'slug_taken', 'slug');
    const other = await admin('POST', '/resource-pages', { title: 'Other', body: 'y' });
    assertError(await admin('PATCH', `/resource-pages/${other.json.id}`, { slug: 'faq' }), 409, 'slug_taken', 'slug');
    assert.equal(await count('resource_pages'), 2);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['no title', { body: 'x' }, 'title'],
    ['no body', { title: 'T' }, 'body'],
    ['a slug with a slash', { title: 'T', body: 'x', slug: '../etc' }, 'slug'],
    ['a slug with script', { title: 'T', body: 'x', slug: '<script>' }, 'slug'],
    ['a body over 50000 characters', { title: 'T', body: 'x'.repeat(50_001) }, 'body'],
  ];
  for (const [name, body, field] of bad) {
    test(`${name} → 400 naming ${field}`, async () => {
      assertError(await admin('POST', '/resource-pages', body), 400, 'invalid_request', field);
      assert.equal(await count('resource_pages'), 0);
    });
  }
});

describe('admin authentication', () => {
  test('no key, a wrong key and a partner token all get 401 and change nothing', async () => {
    await s.addPartner({ code: 'alice' });
    const partnerToken = await s.login('alice');
    for (const token of [undefined, 'wrong-key-0123456789', partnerToken]) {
      for (const [method, path, body] of [
        ['GET', '/banners'],
        ['POST', '/banners', banner()],
        ['POST', '/email-copy', { name: 'E', subject: 'S', body: 'B' }],
        ['POST', '/resource-pages', { title: 'T', body: 'B' }],
        ['DELETE', '/resource-pages/1'],
        ['GET', '/uploads'],
      ] as [string, string, unknown?][]) {
        const res = await s.call(method, `/api/v1/admin${path}`, { token, body });
        assert.equal(res.status, 401, `${method} ${path} with ${token}`);
      }
      assert.equal((await upload(png(2, 2), 'image/png', token ?? null)).status, 401);
    }
    assert.equal((await count('banners')) + (await count('email_copy')) + (await count('resource_pages')) + (await count('uploads')), 0);
  });

  test('the routes are in the OpenAPI document', async () => {
    const doc = (await s.call('GET', '/api/v1/openapi.json')).json;
    for (const path of ['/api/v1/admin/banners', '/api/v1/admin/banners/{id}', '/api/v1/admin/email-copy', '/api/v1/admin/resource-pages/{id}', '/api/v1/admin/uploads', '/uploads/{id}']) {
      assert.ok(doc.paths[path], `${path} documented`);
    }
    assert.ok(doc.paths['/api/v1/admin/uploads'].post.requestBody.content['image/png']);
  });
});
