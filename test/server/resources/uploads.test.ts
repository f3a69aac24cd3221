import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { encodePng } from '../../../server/demo/png.js';
import { detectImage, MAX_UPLOAD_BYTES } from '../../../server/resources/uploads.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { one, sql } from '../../helpers/sql.js';
import { gif, jpeg, pngClaiming, webp } from '../../helpers/image-fixtures.js';
import { ADMIN_KEY, png } from '../../helpers/resource-fixtures.js';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
const html = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('detectImage reads the magic bytes', () => {
  test('PNG, GIF, JPEG and WebP with their pixel sizes', () => {
    assert.deepEqual(detectImage(png(728, 90)), { contentType: 'image/png', width: 728, height: 90 });
    assert.deepEqual(detectImage(gif(120, 60)), { contentType: 'image/gif', width: 120, height: 60 });
    assert.deepEqual(detectImage(jpeg(300, 250)), { contentType: 'image/jpeg', width: 300, height: 250 });
    assert.deepEqual(detectImage(webp(160, 600)), { contentType: 'image/webp', width: 160, height: 600 });
  });

  test('SVG, HTML, text, empty and truncated files are no images', () => {
    for (const bytes of [svg, html, Buffer.from('hello'), Buffer.alloc(0), png(4, 4).subarray(0, 10), Buffer.from('GIF8')]) {
      assert.equal(detectImage(bytes), undefined);
    }
  });
});

let s: TestServer;
beforeEach(async () => {
  s = await testServer({ adminKey: ADMIN_KEY });
});
afterEach(() => s.close());

async function upload(body: Uint8Array, type?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_KEY}` };
  if (type) headers['Content-Type'] = type;
  const res = await s.app.request('/api/v1/admin/uploads', { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: res.status, json: (await res.json()) as any };
}
const uploads = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM uploads`))!.n;

describe('POST /api/v1/admin/uploads', () => {
  test('stores a PNG larger than the 100 KB JSON limit and serves it back byte for byte', async () => {
    // noise does not compress: well over 100 KB
    const big = encodePng(400, 300, () => [Math.floor(Math.random() * 256), Math.floor(Math.random() * 256), Math.floor(Math.random() * 256)]);
    assert.ok(big.length > 200 * 1024);
    const res = await upload(big, 'image/png');
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.contentType, 'image/png');
    assert.equal(res.json.size, big.length);
    assert.equal(res.json.width, 400);
    assert.equal(res.json.height, 300);
    assert.equal(res.json.url, `http://localhost/uploads/${res.json.id}`);

    const served = await s.app.request(`/uploads/${res.json.id}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Content-Type'), 'image/png');
    assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(served.headers.get('Content-Security-Policy') ?? '', /default-src 'none'.*sandbox/);
    assert.ok(Buffer.from(await served.arrayBuffer()).equals(big));

    const again = await s.app.request(`/uploads/${res.json.id}`, { headers: { 'If-None-Match': served.headers.get('ETag')! } });
    assert.equal(again.status, 304);
  });

  test('GIF, JPEG and WebP are stored with the type their bytes say; octet-stream is fine', async () => {
    for (const [bytes, type] of [[gif(10, 10), 'image/gif'], [jpeg(20, 10), 'image/jpeg'], [webp(30, 40), 'image/webp']] as const) {
      const res = await upload(bytes, 'application/octet-stream');
      assert.equal(res.status, 201);
      assert.equal(res.json.contentType, type);
      const served = await s.app.request(`/uploads/${res.json.id}`);
      assert.equal(served.headers.get('Content-Type'), type);
    }
  });

  const refused: [string, Uint8Array, string | undefined, number, string][] = [
    ['an SVG (even one that says so)', svg, 'image/svg+xml', 422, 'unsupported_image'],
    ['an SVG sent as a PNG', svg, 'image/png', 422, 'unsupported_image'],
    ['HTML sent as a GIF', html, 'image/gif', 422, 'unsupported_image'],
    ['a GIF that claims to be a PNG', gif(5, 5), 'image/png', 422, 'type_mismatch'],
    ['an empty body', new Uint8Array(), 'image/png', 400, 'empty_upload'],
    ['a body over 2 MB', Buffer.concat([png(2, 2), Buffer.alloc(MAX_UPLOAD_BYTES)]), 'image/png', 413, 'payload_too_large'],
  ];
  for (const [name, body, type, status, code] of refused) {
    test(`${name} → ${status} ${code}, nothing stored`, async () => {
      const res = await upload(body, type);
      assert.equal(res.status, status, JSON.stringify(res.json));
      assert.equal(res.json.error.code, code);
      assert.ok(res.json.error.message.length > 0);
      assert.equal(await uploads(), 0);
    });
  }

  test('the stored size is the real one: JPEG and an extended WebP report their frame sizes', async () => {
    const j = await upload(jpeg(300, 250), 'image/jpeg');
    assert.deepEqual([j.status, j.json.width, j.json.height], [201, 300, 250]);
    const w = await upload(webp(16, 6, { extended: true }), 'image/webp');
    assert.deepEqual([w.status, w.json.width, w.json.height], [201, 16, 6]);
  });

  const truncatedPng = png(20, 20).subarray(0, png(20, 20).length - 12);
  const noIdat = (() => {
    const file = png(4, 4);
    const idat = file.indexOf('IDAT') - 4;
    return Buffer.concat([file.subarray(0, idat), file.subarray(idat + 12 + file.readUInt32BE(idat))]);
  })();
  const jpegNoScan = (() => {
    const file = jpeg(10, 10);
    const sos = file.indexOf(Buffer.from([0xff, 0xda]));
    return Buffer.concat([file.subarray(0, sos), Buffer.from([0xff, 0xd9])]);
  })();
  const gifSizedFrame = (() => {
    const file = gif(4, 4);
    file.writeUInt16LE(40, 6); // the screen is 40×4 …
    file.writeUInt16LE(400, 30); // … but the frame claims 400 wide
    return file;
  })();
  const webpBadRiff = (() => {
    const file = webp(10, 10);
    file.writeUInt32LE(10_000, 4);
    return file;
  })();
  const crafted: [string, Uint8Array, string, string, RegExp][] = [
    ['a PNG claiming 4294967295×4294967295', pngClaiming(4294967295, 4294967295), 'image/png', 'image_too_large', /4294967295×4294967295.*at most 8000×8000/],
    ['a PNG claiming 8000×8000 with 4×4 pixel data', pngClaiming(8000, 8000), 'image/png', 'invalid_image', /pixel data holds less than a 8000×8000 image/],
    ['a PNG whose IHDR was edited without its checksum', pngClaiming(100, 100, false), 'image/png', 'invalid_image', /IHDR chunk's checksum is wrong/],
    ['a PNG cut short', truncatedPng, 'image/png', 'invalid_image', /ends before its IEND|runs past the end/],
    ['a PNG without pixel data', noIdat, 'image/png', 'invalid_image', /no IDAT pixel data/],
    ['a GIF claiming 65535×65535', (() => { const g = gif(4, 4); g.writeUInt16LE(65535, 6); g.writeUInt16LE(65535, 8); return g; })(), 'image/gif', 'image_too_large', /65535×65535/],
    ['a GIF header and nothing else', gif(4, 4).subarray(0, 13 + 12), 'image/gif', 'invalid_image', /ends without its trailer/],
    ['a GIF frame larger than its screen', gifSizedFrame, 'image/gif', 'invalid_image', /frame .* does not fit/],
    ['a JPEG claiming 65000×65000', jpeg(65000, 65000), 'image/jpeg', 'image_too_large', /65000×65000/],
    ['a JPEG without image data', jpegNoScan, 'image/jpeg', 'invalid_image', /no image data/],
    ['a JPEG cut short', jpeg(10, 10).subarray(0, 30), 'image/jpeg', 'invalid_image', /runs past the end|ends/],
    ['a WebP canvas of 16777216×16777216', webp(10, 10, { extended: true, canvas: [16777216, 16777216] }), 'image/webp', 'image_too_large', /16777216×16777216/],
    ['a WebP canvas that does not match its image', webp(10, 10, { extended: true, canvas: [5000, 5000] }), 'image/webp', 'invalid_image', /10×10 image does not match its 5000×5000 canvas/],
    ['a WebP whose RIFF size is wrong', webpBadRiff, 'image/webp', 'invalid_image', /RIFF size/],
  ];
  for (const [name, body, type, code, message] of crafted) {
    test(`${name} → 400 ${code} naming the problem, nothing stored`, async () => {
      const res = await upload(body, type);
      assert.equal(res.status, 400, JSON.stringify(res.json));
      assert.equal(res.json.error.code, code);
      assert.equal(res.json.error.field, 'body');
      assert.match(res.json.error.message, message);
      assert.equal(await uploads(), 0);
    });
  }

  test('uploads are listed without their bytes and deleted when unused', async () => {
    const { json } = await upload(png(3, 3), 'image/png');
    const list = await s.call('GET', '/api/v1/admin/uploads', { token: ADMIN_KEY });
    assert.deepEqual(list.json.uploads.map((u: any) => [u.id, u.contentType, u.size]), [[json.id, 'image/png', json.size]]);
    assert.equal((await s.call('DELETE', `/api/v1/admin/uploads/${json.id}`, { token: ADMIN_KEY })).status, 204);
    assert.equal((await s.app.request(`/uploads/${json.id}`)).status, 404);
    assert.equal((await s.call('DELETE', `/api/v1/admin/uploads/${json.id}`, { token: ADMIN_KEY })).status, 404);
  });

  test('unknown and malformed upload ids answer JSON errors', async () => {
    const missing = await s.call('GET', '/uploads/999');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    const bad = await s.call('GET', '/uploads/..%2Fetc%2Fpasswd');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'id');
  });

  test('other JSON routes keep the 100 KB limit', async () => {
    const res = await s.call('POST', '/api/v1/admin/resource-pages', { token: ADMIN_KEY, body: { title: 'T', body: 'x'.repeat(101 * 1024) } });
    assert.equal(res.status, 413);
  });
});
