import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_KEY } from '../../helpers/engine.js';
import { fillPath, fingerprint, openApiCast, operations, OWNER_MARKERS, PASSWORD, type OpenApiCast } from '../../helpers/openapi-cast.js';

/**
 * Every operation the OpenAPI document declares with a security scheme is called with every kind
 * of wrong credential. Routes added later are covered by being in the document.
 */
let cast: OpenApiCast;
before(async () => {
  cast = await openApiCast();
});
after(() => cast.s.close());

const BAD_TOKEN = 'pcs_' + 'x'.repeat(43);
const bodyFor = (op: any) => (op.requestBody?.content?.['application/json'] ? {} : undefined);

async function callAs(method: string, path: string, op: any, token?: string) {
  return cast.s.call(method, path, { token, body: bodyFor(op) });
}

function assertRefused(res: { status: number; json: any; text: string }, name: string) {
  assert.ok(res.status === 401 || res.status === 403, `${name}: ${res.status} ${res.text.slice(0, 200)}`);
  assert.equal(typeof res.json?.error?.code, 'string', name);
  assert.doesNotMatch(res.text, OWNER_MARKERS, name);
}

describe('partner routes (security: partnerToken)', () => {
  test('no token, a bad token, a signed-out token and an admin key are refused; another partner never sees the owner', async () => {
    const partnerOps = operations(cast.doc).filter((o) => o.security === 'partnerToken');
    assert.ok(partnerOps.length >= 15, `only ${partnerOps.length} partner operations found in the document`);
    const signedOut = await cast.s.login('annika7', PASSWORD);
    assert.equal((await cast.s.call('POST', '/api/v1/auth/logout', { token: signedOut })).status, 204);
    const before = await fingerprint(cast.s.db);

    for (const { method, path, op } of partnerOps) {
      const url = fillPath(path, cast.ids);
      const name = `${method} ${path}`;
      assertRefused(await callAs(method, url, op), `${name} without a token`);
      assertRefused(await callAs(method, url, op, BAD_TOKEN), `${name} with a bad token`);
      assertRefused(await callAs(method, url, op, signedOut), `${name} with a signed-out token`);
      assertRefused(await callAs(method, url, op, ADMIN_KEY), `${name} with the admin key`);
    }
    assert.equal(await fingerprint(cast.s.db), before, 'refused calls changed nothing');

    // partner B reads and writes only their own things, even when a route would take an id
    for (const { method, path, op } of partnerOps) {
      const other = await cast.s.login('benedikt8', PASSWORD); // fresh: logout ends it
      const res = await callAs(method, fillPath(path, cast.ids), op, other);
      const name = `${method} ${path} as another partner`;
      assert.ok(res.status < 500, `${name}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.doesNotMatch(res.text, OWNER_MARKERS, `${name} showed the owner's data`);
    }
    const owner = await cast.s.call('GET', '/api/v1/me', { token: cast.ownerToken });
    assert.equal(owner.status, 200, "the owner's session survives the other partner's calls");
    assert.equal(owner.json.email, 'annika7@owner.example');
  });
});

describe('admin routes (security: adminKey)', () => {
  test('no key, a bad key and a partner token are refused and change nothing', async () => {
    const adminOps = operations(cast.doc).filter((o) => o.security === 'adminKey');
    assert.ok(adminOps.length >= 50, `only ${adminOps.length} admin operations found in the document`);
    const before = await fingerprint(cast.s.db);
    for (const { method, path, op } of adminOps) {
      const url = fillPath(path, cast.ids);
      const name = `${method} ${path}`;
      assertRefused(await callAs(method, url, op), `${name} without a key`);
      assertRefused(await callAs(method, url, op, 'pca_not-a-real-admin-key-0123456789'), `${name} with a bad key`);
      assertRefused(await callAs(method, url, op, cast.ownerToken), `${name} with a partner token`);
    }
    assert.equal(await fingerprint(cast.s.db), before);
  });

  test('the same calls with the key reach the routes (the ids used above exist)', async () => {
    const reads = operations(cast.doc).filter((o) => o.security === 'adminKey' && o.method === 'GET');
    for (const { path } of reads) {
      const res = await cast.s.call('GET', fillPath(path, cast.ids), { token: ADMIN_KEY });
      assert.equal(res.status, 200, `GET ${path}: ${res.text.slice(0, 200)}`);
    }
  });
});
