import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testServer, type TestServer } from '../../helpers/server.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const redocly = join(root, 'node_modules/@redocly/cli/bin/cli.js');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let s: TestServer;
let doc: any;
before(async () => {
  s = await testServer({ publicUrl: 'https://partners.acme.test' });
  const res = await s.call('GET', '/api/v1/openapi.json');
  assert.equal(res.status, 200);
  doc = res.json;
});
after(() => s.close());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method], name: `${method.toUpperCase()} ${path}` })),
  );

describe('GET /api/v1/openapi.json', () => {
  test('passes `redocly lint` with the recommended rules (redocly.yaml): no error, no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const run = await promisify(execFile)(process.execPath, [redocly, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((err: { stdout: string; stderr: string }) => err);
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      assert.deepEqual(problems, [], `redocly found:\n${problems.join('\n')}`);
      assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('names this server: PUBLIC_URL, else the origin the request came to', async () => {
    assert.deepEqual(doc.servers.map((x: { url: string }) => x.url), ['https://partners.acme.test']);
    const plain = await testServer();
    try {
      const res = await plain.app.request('http://partners.local:8080/api/v1/openapi.json');
      assert.deepEqual((await res.json()).servers.map((x: { url: string }) => x.url), ['http://partners.local:8080']);
    } finally {
      plain.close();
    }
  });

  test('documents the path and query parameters of the redirect link /r/{code}/{slug}', () => {
    const params = doc.paths['/r/{code}/{slug}'].get.parameters.map((p: { in: string; name: string; required?: boolean }) => `${p.in} ${p.name}${p.required ? ' (required)' : ''}`);
    assert.deepEqual(params.sort(), ['path code (required)', 'path slug (required)', 'query sub', 'query to']);
  });

  test('every operation has a unique, readable camelCase operationId', () => {
    const ids = operations().map((o) => o.op.operationId);
    assert.ok(ids.length > 50, `${ids.length} operations`);
    for (const id of ids) assert.match(id, /^[a-z][a-zA-Z0-9]*$/);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    const id = (method: string, path: string) => doc.paths[path][method].operationId;
    assert.equal(id('get', '/api/v1/admin/partners/{code}'), 'getAdminPartnersByCode');
    assert.equal(id('post', '/api/v1/auth/login'), 'postAuthLogin');
    assert.equal(id('get', '/api/v1/qr.svg'), 'getQrSvg');
    assert.equal(id('get', '/r/{code}/{slug}'), 'followPartnerLink');
  });

  test('every operation states its security: a scheme, or [] for the public ones', () => {
    const publicOps = operations().filter((o) => o.op.security.length === 0).map((o) => o.name);
    assert.ok(publicOps.includes('POST /api/v1/auth/login'));
    assert.ok(publicOps.includes('GET /api/v1/health'));
    assert.ok(!publicOps.includes('GET /api/v1/admin/settings'));
    assert.ok(!publicOps.includes('GET /api/v1/partner/ledger'));
  });

  // redocly.yaml turns these two rules off for the operations named there; every other one keeps them
  test('every operation documents a 2xx answer, but the redirect (302)', () => {
    const without = operations().filter((o) => !Object.keys(o.op.responses).some((code) => /^2/.test(code))).map((o) => o.name);
    assert.deepEqual(without, ['GET /r/{code}/{slug}']);
  });

  test('every operation documents a 4xx answer, but the three that take no input', () => {
    const without = operations().filter((o) => !Object.keys(o.op.responses).some((code) => /^4/.test(code))).map((o) => o.name);
    assert.deepEqual(without.sort(), ['GET /api/v1/health', 'GET /api/v1/portal', 'GET /track.js']);
  });
});
