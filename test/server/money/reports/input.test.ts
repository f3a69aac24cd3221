import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createAdminKey } from '../../../../server/merchants/admin-keys.js';
import { aliceAndBob } from '../../../helpers/reports-scenario.js';
import { one, sql } from '../../../helpers/sql.js';
import { testServer, type TestServer } from '../../../helpers/server.js';

let s: TestServer;
let w: Awaited<ReturnType<typeof aliceAndBob>>;
const BOOTSTRAP_KEY = 'bootstrap-admin-key-for-tests-0123456789';
const open = async () => {
  s = await testServer({ adminKey: BOOTSTRAP_KEY });
  w = await aliceAndBob(s);
};
const close = () => s.close();

const counts = () => one(s.db, sql`SELECT (SELECT count(*) FROM ledger_entries) AS l, (SELECT count(*) FROM commissions) AS c, (SELECT count(*) FROM sessions) AS s`);

function assertError(res: { status: number; json: any }, status: number, code: string, field?: string) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(res.json.error.code, code, JSON.stringify(res.json));
  assert.ok(typeof res.json.error.message === 'string' && res.json.error.message.length > 0);
  if (field !== undefined) assert.equal(res.json.error.field, field, JSON.stringify(res.json));
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const PAGED = ['/api/v1/partner/ledger', '/api/v1/partner/reports/commissions', '/api/v1/partner/reports/leads', '/api/v1/partner/reports/sales'];
const RANGED = [...PAGED, '/api/v1/partner/reports/links'];

const rangeCases: [string, string, string, string][] = [
  ['a word for a date', 'from=yesterday', 'invalid_date', 'from'],
  ['a day that does not exist', 'from=2026-02-30', 'invalid_date', 'from'],
  ['month 13', 'to=2026-13-01', 'invalid_date', 'to'],
  ['hour 25', `to=${encodeURIComponent('2026-01-01T25:00:00Z')}`, 'invalid_date', 'to'],
  ['a date-time without its offset', 'from=2026-01-01T10:00:00', 'invalid_date', 'from'],
  ['epoch milliseconds', 'from=1767225600000', 'invalid_date', 'from'],
  ['from after to', 'from=2026-02-01&to=2026-01-31', 'invalid_range', 'to'],
  ['a date before 2000', 'from=1999-12-31', 'date_out_of_range', 'from'],
  ['a date in 2100', 'to=2100-01-01', 'date_out_of_range', 'to'],
  ['script in a date', `from=${encodeURIComponent('<script>alert(1)</script>')}`, 'invalid_date', 'from'],
  ['SQL in a date', `to=${encodeURIComponent("2026-01-01' OR '1'='1")}`, 'invalid_date', 'to'],
  ['an oversized date', `from=${'2'.repeat(41)}`, 'invalid_request', 'from'],
  ['the same parameter twice', 'from=2026-01-01&from=2026-01-02', 'invalid_request', 'from'],
  ['an unknown format', 'format=xml', 'invalid_request', 'format'],
];

const pageCases: [string, string, string, string][] = [
  ['limit 0', 'limit=0', 'invalid_request', 'limit'],
  ['limit over 500', 'limit=501', 'invalid_request', 'limit'],
  ['a word for the limit', 'limit=all', 'invalid_request', 'limit'],
  ['a fractional limit', 'limit=2.5', 'invalid_request', 'limit'],
  ['a negative limit', 'limit=-1', 'invalid_request', 'limit'],
  ['a made-up cursor', 'cursor=not-a-cursor', 'invalid_cursor', 'cursor'],
  ['a cursor with symbols', `cursor=${encodeURIComponent("' OR 1=1 --")}`, 'invalid_cursor', 'cursor'],
  ['a cursor with a word inside', `cursor=${b64('ledger:abc:1')}`, 'invalid_cursor', 'cursor'],
  ['a cursor with a huge number', `cursor=${b64('ledger:99999999999999999:1')}`, 'invalid_cursor', 'cursor'],
  ['an oversized cursor', `cursor=${'a'.repeat(201)}`, 'invalid_request', 'cursor'],
];

describe('bad query parameters answer 400 naming the field, and change nothing', () => {
  // one program for all: each test checks that its refused requests changed nothing
  before(open);
  after(close);
  for (const path of RANGED) {
    for (const [name, query, code, field] of rangeCases) {
      test(`${path}: ${name} → 400 ${code} (${field})`, async () => {
        const before = await counts();
        assertError(await s.call('GET', `${path}?${query}`, { token: w.aliceToken }), 400, code, field);
        assertError(await s.call('GET', `${path}?${query}`, { token: w.aliceToken, headers: { Accept: 'text/csv' } }), 400, code, field);
        assert.deepEqual(await counts(), before);
      });
    }
  }
  for (const path of PAGED) {
    for (const [name, query, code, field] of pageCases) {
      test(`${path}: ${name} → 400 ${code} (${field})`, async () => {
        assertError(await s.call('GET', `${path}?${query}`, { token: w.aliceToken }), 400, code, field);
      });
    }
  }

  test("a cursor from another list is refused: the leads cursor on the ledger, the ledger's on sales", async () => {
    const leads = await s.call('GET', '/api/v1/partner/reports/leads?limit=1', { token: w.aliceToken });
    assertError(await s.call('GET', `/api/v1/partner/ledger?cursor=${leads.json.nextCursor}`, { token: w.aliceToken }), 400, 'invalid_cursor', 'cursor');
    const ledger = await s.call('GET', '/api/v1/partner/ledger?limit=1', { token: w.aliceToken });
    assertError(await s.call('GET', `/api/v1/partner/reports/sales?cursor=${ledger.json.nextCursor}`, { token: w.aliceToken }), 400, 'invalid_cursor', 'cursor');
  });

  test('link statistics refuse an unknown time zone', async () => {
    for (const tz of ['Mars/Olympus_Mons', '../../etc/passwd', 'x'.repeat(65)]) {
      const res = await s.call('GET', `/api/v1/partner/reports/links?timeZone=${encodeURIComponent(tz)}`, { token: w.aliceToken });
      assert.equal(res.status, 400, tz);
      assert.equal(res.json.error.field, 'timeZone');
    }
  });

  test('an empty from/to/cursor is the same as none', async () => {
    const res = await s.call('GET', '/api/v1/partner/ledger?from=&to=&cursor=', { token: w.aliceToken });
    assert.equal(res.status, 200);
    assert.equal(res.json.summary.endingBalance, 3_700);
  });
});

describe('only a partner session opens the reports', () => {
  beforeEach(open);
  afterEach(close);
  const ALL = [...RANGED, '/api/v1/partner/balance'];
  for (const path of ALL) {
    test(`${path}: no token, a made-up token, an ended session and admin keys all get 401`, async () => {
      assertError(await s.call('GET', path), 401, 'unauthorized');
      assertError(await s.call('GET', `${path}?format=csv`), 401, 'unauthorized');
      assertError(await s.call('GET', path, { token: 'pc_made-up' }), 401, 'session_expired');
      assertError(await s.call('GET', path, { token: BOOTSTRAP_KEY }), 401, 'session_expired');
      const { key } = await createAdminKey(s.deps, 'ci');
      assertError(await s.call('GET', path, { token: key }), 401, 'session_expired');
      const token = await s.login('alice', 'alice-password');
      await s.call('POST', '/api/v1/auth/logout', { token });
      assertError(await s.call('GET', path, { token }), 401, 'session_expired');
      // and the bad-input errors never leak before authentication
      assertError(await s.call('GET', `${path}?from=nonsense`), 401, 'unauthorized');
    });
  }

  test('every report route is in the OpenAPI document', async () => {
    const doc = (await s.call('GET', '/api/v1/openapi.json')).json;
    for (const path of ALL) assert.ok(doc.paths[path]?.get, path);
    const ledger = doc.paths['/api/v1/partner/ledger'].get;
    assert.ok(ledger.responses['200'].content['text/csv']);
    assert.deepEqual(
      ledger.parameters.map((p: any) => p.name),
      ['from', 'to', 'format', 'cursor', 'limit'],
    );
  });
});
