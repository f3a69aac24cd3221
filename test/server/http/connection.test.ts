import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { configSchema } from '../../../server/config.js';
import { startServer, type RunningServer } from '../../../server/main.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { ADMIN_KEY, png } from '../../helpers/resource-fixtures.js';

/** One keep-alive connection: every request reuses the same socket when the server lets it. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over the shared keep-alive agent; `chunks` are written one by one (chunked when no length is given). */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: Buffer[]; gapMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed) return;
        // a refused upload may close the connection while we still write: that is the point
        await new Promise<void>((done) => req.write(chunk, () => done()));
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      req.end();
    })().catch(() => {});
  });
}

let server: RunningServer;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
before(async () => {
  location = await testDatabaseLocation();
  server = await startServer({ ...configSchema.parse({}), port: 0, host: '127.0.0.1', ...location.config, adminKey: ADMIN_KEY }, { quiet: true });
});
after(async () => {
  agent.destroy();
  await server.close();
  await location.drop();
});

describe('a refused body does not break the keep-alive connection', () => {
  const big = Buffer.alloc(300 * 1024, 'a');
  const cases: [string, { headers: Record<string, string>; chunks: Buffer[]; gapMs?: number }][] = [
    ['a JSON body over 100 KB with Content-Length', { headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) }, chunks: [big] }],
    ['a chunked JSON body over 100 KB', { headers: { 'Content-Type': 'application/json' }, chunks: Array.from({ length: 6 }, () => big.subarray(0, 50 * 1024)) }],
    [
      'a slow JSON body over 100 KB (the rest arrives after the answer)',
      { headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) }, chunks: Array.from({ length: 6 }, () => big.subarray(0, 50 * 1024)), gapMs: 150 },
    ],
  ];
  for (const [name, options] of cases) {
    test(`${name}: 413 with Connection: close, then the next request on the agent works`, async () => {
      const refused = await send(server.url, '/api/v1/auth/login', { method: 'POST', ...options });
      assert.equal(refused.status, 413);
      assert.equal(JSON.parse(refused.body).error.code, 'payload_too_large');
      assert.equal(refused.headers.connection, 'close');
      for (let i = 0; i < 3; i++) {
        const next = await send(server.url, '/api/v1/health');
        assert.equal(next.status, 200, next.body);
      }
    });
  }

  test('an image upload over 2 MB: 413 with Connection: close, then the next request works', async () => {
    const huge = Buffer.alloc(3 * 1024 * 1024);
    const refused = await send(server.url, '/api/v1/admin/uploads', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'image/png', 'Content-Length': String(huge.length) },
      chunks: [huge],
    });
    assert.equal(refused.status, 413);
    assert.equal(refused.headers.connection, 'close');
    const next = await send(server.url, '/api/v1/health');
    assert.equal(next.status, 200);
  });
});

describe('a body over real HTTP reaches the route as it was sent', () => {
  const admin = { Authorization: `Bearer ${ADMIN_KEY}` };

  test('JSON in chunks that split a character, with a byte-order mark: every byte decoded once', async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify({ code: 'bytes1', name: 'Zoë Ünal — 😀', email: 'zoe@example.com', password: 'zoe-password' })),
    ]);
    const split = body.indexOf(Buffer.from('ë')) + 1; // inside the two bytes of ë
    const created = await send(server.url, '/api/v1/admin/partners', {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      chunks: [body.subarray(0, split), body.subarray(split, split + 7), body.subarray(split + 7)],
      gapMs: 20,
    });
    assert.equal(created.status, 201, created.body);
    assert.equal(JSON.parse(created.body).name, 'Zoë Ünal — 😀');
  });

  test('malformed JSON, an empty body and a NUL in JSON: 400 naming the problem, and the connection goes on', async () => {
    const json = { ...admin, 'Content-Type': 'application/json' };
    const malformed = await send(server.url, '/api/v1/admin/partners', { method: 'POST', headers: json, chunks: [Buffer.from('{"code": "x",')] });
    assert.equal(malformed.status, 400);
    assert.equal(JSON.parse(malformed.body).error.code, 'invalid_json');
    const empty = await send(server.url, '/api/v1/admin/partners', { method: 'POST', headers: { ...json, 'Content-Length': '0' } });
    assert.equal(empty.status, 400);
    assert.equal(JSON.parse(empty.body).error.code, 'invalid_json');
    const nul = await send(server.url, '/api/v1/admin/partners', {
      method: 'POST',
      headers: json,
      chunks: [Buffer.from('{"code":"nul1","name":"a\\u0000b","email":"n@example.com","password":"nul-password"}')],
    });
    assert.equal(nul.status, 400);
    assert.match(JSON.parse(nul.body).error.message, /NUL/);
    assert.equal((await send(server.url, '/api/v1/health')).status, 200);
  });

  test('an image sent in chunks is stored byte for byte', async () => {
    const image = png(300, 250);
    const third = Math.ceil(image.length / 3);
    const uploaded = await send(server.url, '/api/v1/admin/uploads', {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'image/png' },
      chunks: [image.subarray(0, third), image.subarray(third, 2 * third), image.subarray(2 * third)],
      gapMs: 10,
    });
    assert.equal(uploaded.status, 201, uploaded.body);
    const served = await fetch(`${server.url}/uploads/${JSON.parse(uploaded.body).id}`);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), Buffer.from(image));
  });
});
