import assert from 'node:assert/strict';
import { CompiledQuery, type Compilable } from 'kysely';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../server/db/explain.js';
import { partnersPageQuery, PARTNER_SORTS } from '../../../server/partners/partner-list.js';
import { testDialect } from '../../helpers/database.js';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, run, sql } from '../../helpers/sql.js';

/** Inserts partners straight into the table (fast): code, name, email, status, created_at. */
async function insertPartners(s: EngineServer, rows: { code: string; name: string; status?: 'active' | 'pending' | 'disabled'; createdAt: number; parentId?: number }[]) {
  await s.db.kysely.transaction().execute(async (trx) => {
    // in the given order (ids follow it), a thousand rows a statement (under both databases' parameter limits)
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('partners')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            code: r.code,
            name: r.name,
            email: `${r.code}@partners.example`,
            status: r.status ?? 'active',
            password_hash: 'x',
            parent_id: r.parentId ?? null,
            created_at: r.createdAt,
            updated_at: r.createdAt,
          })),
        )
        .execute();
    }
  });
  // fresh statistics, so PostgreSQL plans the pages as it would for a table of this size
  if (s.db.dialect === 'postgres') await run(s.db, sql`ANALYZE partners`);
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Plan Rows'?: number; 'Presorted Key'?: string[]; Plans?: PlanNode[] };

/** PostgreSQL's plan for a query built with kysely (`EXPLAIN (FORMAT JSON)`), every node of it. */
async function postgresPlan(s: EngineServer, query: Compilable): Promise<PlanNode[]> {
  const { sql: text, parameters } = query.compile();
  const { rows } = await s.db.kysely.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${text}`, [...parameters]));
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => (nodes.push(n), n.Plans?.forEach(walk));
  walk(rows[0]!['QUERY PLAN'][0].Plan);
  return nodes;
}

/** Follows nextCursor to the end; returns every code in the order served. */
async function pageAll(s: EngineServer, query: string, limit = 7) {
  const codes: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const res = await s.admin('GET', `/api/v1/admin/partners?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, res.text);
    codes.push(...res.json.partners.map((p: { code: string }) => p.code));
    cursor = res.json.nextCursor;
    if (cursor === null) return codes;
  }
  throw new Error('never ended');
}

describe('the partner list pages by keyset cursor', () => {
  let s: EngineServer;
  type Row = { code: string; name: string; status: 'active' | 'pending' | 'disabled'; createdAt: number };
  const rows: Row[] = [];
  before(async () => {
    s = await engineServer();
    const names = ['alice', 'Bob', 'bob', 'Carol', 'dave', 'Eve', 'eve', 'Zed', 'zed', 'mallory'];
    for (let i = 0; i < 40; i++) {
      // ties on name and on creation time, mixed case, three statuses
      rows.push({ code: `p${String((i * 17) % 40).padStart(2, '0')}`, name: names[i % names.length]!, status: (['active', 'pending', 'disabled'] as const)[i % 3]!, createdAt: Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000 });
    }
    await insertPartners(s, rows);
  });
  after(() => s.close());

  const ids = async () => new Map((await all<{ id: number; code: string }>(s.db, sql`SELECT id, code FROM partners`)).map((r) => [r.code, r.id]));
  async function expected(sort: string, order: string, filter: (r: Row) => boolean = () => true) {
    const id = await ids();
    const key = (r: Row): [string | number, number] => [sort === 'created' ? r.createdAt : sort === 'name' ? r.name.toLowerCase() : r.code.toLowerCase(), id.get(r.code)!];
    const sorted = rows.filter(filter).sort((a, b) => {
      const [ka, ia] = key(a);
      const [kb, ib] = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : ia - ib;
    });
    return (order === 'desc' ? sorted.reverse() : sorted).map((r) => r.code);
  }

  for (const sort of PARTNER_SORTS) {
    for (const order of ['asc', 'desc']) {
      test(`sort=${sort}&order=${order}: every partner once, in order`, async () => {
        assert.deepEqual(await pageAll(s, `&sort=${sort}&order=${order}`), await expected(sort, order));
      });
    }
  }

  test('the default order is still by code, and offset still works', async () => {
    const all = await s.admin('GET', '/api/v1/admin/partners?limit=100');
    assert.deepEqual(all.json.partners.map((p: any) => p.code), await expected('code', 'asc'));
    assert.equal(all.json.total, 40);
    assert.equal(all.json.nextCursor, null);
    const third = await s.admin('GET', '/api/v1/admin/partners?limit=5&offset=10');
    assert.deepEqual(third.json.partners.map((p: any) => p.code), (await expected('code', 'asc')).slice(10, 15));
    assert.equal(typeof third.json.nextCursor, 'string');
  });

  test('a status filter and a search page the same way; total counts the matches', async () => {
    assert.deepEqual(await pageAll(s, '&status=pending&sort=name', 3), await expected('name', 'asc', (r) => r.status === 'pending'));
    assert.deepEqual(await pageAll(s, '&q=EVE&sort=created&order=desc', 2), await expected('created', 'desc', (r) => r.name.toLowerCase() === 'eve'));
    const first = await s.admin('GET', '/api/v1/admin/partners?q=eve&limit=1');
    assert.equal(first.json.total, rows.filter((r) => r.name.toLowerCase() === 'eve').length);
  });

  test('a bad cursor, a cursor of another order and a cursor with an offset are 400s naming the field', async () => {
    assertError(await s.admin('GET', '/api/v1/admin/partners?cursor=not-a-cursor'), 400, 'invalid_cursor', 'cursor');
    assertError(await s.admin('GET', '/api/v1/admin/partners?cursor=%%%'), 400, undefined, 'cursor');
    const page = await s.admin('GET', '/api/v1/admin/partners?limit=2&sort=name');
    assertError(await s.admin('GET', `/api/v1/admin/partners?sort=created&cursor=${page.json.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    assertError(await s.admin('GET', `/api/v1/admin/partners?sort=name&order=desc&cursor=${page.json.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    assertError(await s.admin('GET', `/api/v1/admin/partners?sort=name&offset=2&cursor=${page.json.nextCursor}`), 400, 'invalid_request', 'offset');
    assertError(await s.admin('GET', '/api/v1/admin/partners?sort=email'), 400, undefined, 'sort');
    assertError(await s.admin('GET', '/api/v1/admin/links?cursor=abc'), 400, 'invalid_cursor', 'cursor');
  });
});

describe('sign-ups: approve or reject with a reason', () => {
  let s: EngineServer;
  beforeEach(async () => {
    s = await engineServer();
  });
  afterEach(() => s.close());

  test('approving a pending partner lets them sign in; approving again is 409', async () => {
    await s.partner('newbie', { status: 'pending' });
    assertError(await s.call('POST', '/api/v1/auth/login', { body: { code: 'newbie', password: 'partner-password' } }), 403, 'account_pending');
    const approved = await s.admin('POST', '/api/v1/admin/partners/newbie/approve');
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.status, 'active');
    assert.equal(approved.json.rejection, null);
    assert.ok(await s.login('newbie', 'partner-password'));
    assertError(await s.admin('POST', '/api/v1/admin/partners/newbie/approve'), 409, 'partner_not_pending');
    assertError(await s.admin('POST', '/api/v1/admin/partners/nobody/approve'), 404, 'partner_not_found');
  });

  test('rejecting stores the reason, shows it on the partner and tells the partner at sign-in', async () => {
    await s.partner('spammer', { status: 'pending' });
    assertError(await s.admin('POST', '/api/v1/admin/partners/spammer/reject', {}), 400, undefined, 'reason');
    assertError(await s.admin('POST', '/api/v1/admin/partners/spammer/reject', { reason: '   ' }), 400, undefined, 'reason');
    const rejected = await s.admin('POST', '/api/v1/admin/partners/spammer/reject', { reason: 'Your site has no content about our products yet.' });
    assert.equal(rejected.status, 200, rejected.text);
    assert.equal(rejected.json.status, 'disabled');
    assert.deepEqual(rejected.json.rejection, { reason: 'Your site has no content about our products yet.', at: new Date(s.now).toISOString() });
    const shown = await s.admin('GET', '/api/v1/admin/partners/spammer');
    assert.deepEqual(shown.json.rejection, rejected.json.rejection);
    const login = await s.call('POST', '/api/v1/auth/login', { body: { code: 'spammer', password: 'partner-password' } });
    assertError(login, 403, 'account_rejected');
    assert.match(login.json.error.message, /not accepted: Your site has no content about our products yet\./);
    // a wrong password still says nothing about the account
    assertError(await s.call('POST', '/api/v1/auth/login', { body: { code: 'spammer', password: 'wrong-password' } }), 401, 'invalid_credentials');
    assertError(await s.admin('POST', '/api/v1/admin/partners/spammer/reject', { reason: 'again' }), 409, 'partner_not_pending');
    assertError(await s.admin('POST', '/api/v1/admin/partners/spammer/approve'), 409, 'partner_not_pending');
    // the merchant changes their mind through the usual PATCH: the rejection goes, sign-in works
    const reinstated = await s.admin('PATCH', '/api/v1/admin/partners/spammer', { status: 'active' });
    assert.equal(reinstated.status, 200, reinstated.text);
    assert.equal((await s.admin('GET', '/api/v1/admin/partners/spammer')).json.rejection, null);
    assert.ok(await s.login('spammer', 'partner-password'));
  });

  test('an active partner cannot be rejected', async () => {
    await s.partner('alice');
    assertError(await s.admin('POST', '/api/v1/admin/partners/alice/reject', { reason: 'no' }), 409, 'partner_not_pending');
    assert.equal((await s.admin('GET', '/api/v1/admin/partners/alice')).json.status, 'active');
  });
});

describe('the partner detail the console shows', () => {
  test('profile, payout details, programs, parent, children and all-time money, beside the fields of before', async () => {
    const s = await engineServer();
    try {
      const program = await s.program({ name: 'Affiliates', holdDays: 0 });
      await s.partner('mentor', { name: 'Mia Mentor' });
      await s.partner('alice', { name: 'Alice', programIds: [program.id], parentCode: 'mentor' });
      await s.partner('kid1', { name: 'Kid One', parentCode: 'alice' });
      await s.partner('kid2', { name: 'Kid Two', parentCode: 'alice' });
      await run(s.db, sql`UPDATE partners SET phone = '+1 555 0100', company = 'Alice Co', payout_method = 'paypal', payout_details = 'alice@pay.example' WHERE code = 'alice'`);
      await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 5000, note: 'welcome bonus' });
      await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 2000 });
      const res = await s.admin('GET', '/api/v1/admin/partners/alice');
      assert.equal(res.status, 200, res.text);
      const d = res.json;
      assert.equal(d.code, 'alice');
      assert.equal(d.parentCode, 'mentor');
      assert.deepEqual(d.programIds, [program.id]);
      assert.equal(d.payoutDetails, 'alice@pay.example');
      assert.equal(d.payoutDetailsMasked, 'a•••@pay.example');
      assert.deepEqual({ phone: d.phone, company: d.company, website: d.website, address: d.address }, { phone: '+1 555 0100', company: 'Alice Co', website: null, address: null });
      assert.deepEqual(d.programs, [{ id: program.id, name: 'Affiliates', status: 'active' }]);
      assert.deepEqual(d.parent, { code: 'mentor', name: 'Mia Mentor' });
      assert.deepEqual(d.children, [{ code: 'kid1', name: 'Kid One' }, { code: 'kid2', name: 'Kid Two' }]);
      assert.equal(d.childrenCount, 2);
      assert.deepEqual(d.balance, { balance: 3000, pending: 0, payableNow: 3000, currency: 'USD' });
      assert.deepEqual(d.allTime, { earned: 0, clawedBack: 0, paid: 2000, adjustments: 5000, currency: 'USD' });
      assert.equal(d.rejection, null);
    } finally {
      await s.close();
    }
  });
});

describe('100,000 partners', () => {
  let s: EngineServer;
  const N = 100_000;
  before(async () => {
    s = await engineServer();
    const start = Date.UTC(2025, 0, 1);
    const rows = Array.from({ length: N }, (_, i) => ({
      code: `p${String(i).padStart(6, '0')}`,
      name: `Partner ${String((i * 7919) % N).padStart(6, '0')}`,
      status: i % 100 === 0 ? ('pending' as const) : ('active' as const),
      createdAt: start + i * 60_000,
    }));
    rows[54_321]!.name = 'Zanzibar Needle';
    await insertPartners(s, rows);
  });
  after(() => s.close());

  test('the first page by name, the newest and a search answer the right partners', async () => {
    const byName = await s.admin('GET', '/api/v1/admin/partners?sort=name&limit=3');
    assert.equal(byName.status, 200, byName.text);
    assert.equal(byName.json.total, N);
    assert.deepEqual(byName.json.partners.map((p: any) => p.name), ['Partner 000000', 'Partner 000001', 'Partner 000002']);
    const next = await s.admin('GET', `/api/v1/admin/partners?sort=name&limit=3&cursor=${byName.json.nextCursor}`);
    assert.deepEqual(next.json.partners.map((p: any) => p.name), ['Partner 000003', 'Partner 000004', 'Partner 000005']);
    const newest = await s.admin('GET', '/api/v1/admin/partners?sort=created&order=desc&status=pending&limit=2');
    assert.deepEqual(newest.json.partners.map((p: any) => p.code), ['p099900', 'p099800']);
    assert.equal(newest.json.total, N / 100);
    const found = await s.admin('GET', '/api/v1/admin/partners?q=needle');
    assert.deepEqual(found.json.partners.map((p: any) => p.code), ['p054321']);
    assert.equal(found.json.total, 1);
    assert.equal(found.json.nextCursor, null);
  });

  test('every sort, with and without a status filter or a search, reads its index in order (no sort of the table)', async () => {
    const db = s.db.kysely;
    if (testDialect === 'postgres') {
      // PostgreSQL: an index scan of the sort's index (the status one when filtered), no sequential scan, no sort
      const indexFor = { created: ['partners_created', 'partners_status_created'], name: ['partners_name', 'partners_status_name'], code: ['partners_code_key', 'partners_status_code'] };
      for (const sort of PARTNER_SORTS) {
        for (const order of ['asc', 'desc'] as const) {
          // a cursor halfway through (PostgreSQL plans by the rows it expects after it)
          const after = sort === 'created' ? [Date.UTC(2025, 1, 1), 500] : sort === 'code' ? ['p050000', 500] : ['partner 05', 500];
          const cases: [Parameters<typeof partnersPageQuery>[1], string][] = [
            [{ sort, order, limit: 51, after }, indexFor[sort][0]],
            [{ sort, order, status: 'pending', limit: 51, after }, indexFor[sort][1]],
            // a search most partners match walks the index and stops once the page is full
            [{ sort, order, q: 'partner', limit: 51 }, indexFor[sort][0]],
          ];
          for (const [options, index] of cases) {
            const nodes = await postgresPlan(s, partnersPageQuery(db, options));
            const text = JSON.stringify(nodes);
            assert.ok(nodes.some((n) => /^Index (Only )?Scan$/.test(n['Node Type']) && n['Index Name'] === index), `${JSON.stringify(options)}: ${text}`);
            assert.ok(!nodes.some((n) => n['Node Type'] === 'Seq Scan' || n['Node Type'] === 'Sort'), `${JSON.stringify(options)}: ${text}`);
            // the code index has no id after the code (codes are unique): the id only orders within one code, as the rows come
            for (const n of nodes) if (n['Node Type'] === 'Incremental Sort') assert.deepEqual(n['Presorted Key'], ['code'], text);
          }
          // a rare term: PostgreSQL may instead filter the table and sort the few it expects to match (cheaper than a
          // walk of the whole index) — but never sorts the table
          const rare = await postgresPlan(s, partnersPageQuery(db, { sort, order, q: 'needle', limit: 51 }));
          for (const n of rare) if (n['Node Type'] === 'Sort') assert.ok(n['Plan Rows']! < 1000, JSON.stringify(rare));
        }
      }
      return;
    }
    const indexFor = { created: ['partners_created', 'partners_status_created'], name: ['partners_name', 'partners_status_name'], code: ['sqlite_autoindex_partners_1', 'partners_status_code'] };
    for (const sort of PARTNER_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const after = sort === 'created' ? [Date.UTC(2025, 3, 1), 500] : ['partner 05', 500];
        const plain = explainQueryPlan(s.db, partnersPageQuery(db, { sort, order, limit: 51, after })).join('\n');
        assert.match(plain, new RegExp(`(SEARCH|SCAN) partners USING (COVERING )?INDEX ${indexFor[sort][0]}\\b`), plain);
        const filtered = explainQueryPlan(s.db, partnersPageQuery(db, { sort, order, status: 'pending', limit: 51, after })).join('\n');
        assert.match(filtered, new RegExp(`SEARCH partners USING (COVERING )?INDEX ${indexFor[sort][1]} \\(status=\\?`), filtered);
        const search = explainQueryPlan(s.db, partnersPageQuery(db, { sort, order, q: 'needle', limit: 51 })).join('\n');
        assert.match(search, new RegExp(`SCAN partners USING (COVERING )?INDEX ${indexFor[sort][0]}\\b`), search);
        for (const text of [plain, filtered, search]) assert.doesNotMatch(text, /TEMP B-TREE/, text);
      }
    }
  });
});
