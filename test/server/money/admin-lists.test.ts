import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, test } from 'node:test';
import { explainQueryPlan } from '../../../server/db/explain.js';
import { testDialect } from '../../helpers/database.js';
import { assertIndexScan, postgresPlan } from './postgres-plan.js';
import { commissionsQuery } from '../../../server/money/commissions.js';
import { paymentsQuery } from '../../../server/money/payments.js';
import { assertError, DAY, engineServer, type EngineServer } from '../../helpers/engine.js';

/** Follows nextCursor through `path` (which lists under `field`); every id in the order served. */
async function pageAll(s: EngineServer, path: string, field: string, limit = 2): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  for (let pages = 0; pages < 500; pages++) {
    const res = await s.admin('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, res.text);
    ids.push(...res.json[field].map((r: { id: number }) => r.id));
    cursor = res.json.nextCursor;
    if (cursor === null) return ids;
  }
  throw new Error('never ended');
}

/** The same list read in one go (the order of before: newest first). */
async function allAtOnce(s: EngineServer, path: string, field: string): Promise<number[]> {
  const sep = path.includes('?') ? '&' : '?';
  const res = await s.admin('GET', `${path}${sep}limit=500`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.nextCursor, null);
  return res.json[field].map((r: { id: number }) => r.id);
}

describe('money lists page by keyset cursor', () => {
  let s: EngineServer;
  let main: { id: number };
  let other: { id: number };
  before(async () => {
    s = await engineServer();
    main = await s.program({ name: 'Main', holdDays: 30, priority: 1 });
    other = await s.program({ name: 'Other', holdDays: 30, saleCommission: { type: 'flat', value: 500 } });
    await s.partner('alice', { programIds: [main.id] });
    await s.partner('bob', { programIds: [other.id] });
    await s.link('shop');
    for (let i = 0; i < 9; i++) {
      const code = i % 3 === 0 ? 'bob' : 'alice';
      const click = await s.click(code, 'shop');
      const sale = await s.sale({ orderId: `O-${i}`, amount: 10_000 + i, clickId: click.clickId });
      assert.equal(sale.status, 201, sale.text);
      if (i % 4 !== 0) s.advance(DAY); // some share a time: the id decides
    }
    await s.admin('POST', '/api/v1/track/refunds', { orderId: 'O-1', amount: 5000, reason: 'customer changed their mind' });
    s.advance(31 * DAY);
    for (let i = 0; i < 5; i++) await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 100 + i });
  });
  after(() => s.close());

  test('commissions, sales, payments, a ledger and links: every row once, in the order of before', async () => {
    for (const [path, field] of [
      ['/api/v1/admin/commissions', 'commissions'],
      ['/api/v1/admin/commissions?partner=alice', 'commissions'],
      ['/api/v1/admin/sales', 'sales'],
      ['/api/v1/admin/payments', 'payments'],
      ['/api/v1/admin/partners/alice/ledger', 'entries'],
      ['/api/v1/admin/links', 'links'],
    ] as const) {
      const whole = await allAtOnce(s, path, field);
      assert.ok(whole.length >= 1, path);
      for (const limit of [1, 2, 3]) assert.deepEqual(await pageAll(s, path, field, limit), whole, `${path} by ${limit}`);
    }
    assert.equal((await allAtOnce(s, '/api/v1/admin/commissions', 'commissions')).length, 9);
  });

  test('a bad cursor is a 400 naming cursor; a cursor of another list too; offset still pages', async () => {
    for (const path of ['/api/v1/admin/commissions', '/api/v1/admin/sales', '/api/v1/admin/payments', '/api/v1/admin/partners/alice/ledger', '/api/v1/admin/links']) {
      assertError(await s.admin('GET', `${path}?cursor=bm9wZQ`), 400, 'invalid_cursor', 'cursor');
    }
    const sales = await s.admin('GET', '/api/v1/admin/sales?limit=1');
    assertError(await s.admin('GET', `/api/v1/admin/payments?cursor=${sales.json.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    const ledger = await s.admin('GET', '/api/v1/admin/partners/alice/ledger?limit=1');
    assertError(await s.admin('GET', `/api/v1/admin/partners/bob/ledger?cursor=${ledger.json.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    const whole = await allAtOnce(s, '/api/v1/admin/commissions', 'commissions');
    const offset = await s.admin('GET', '/api/v1/admin/commissions?limit=3&offset=3');
    assert.deepEqual(offset.json.commissions.map((c: any) => c.id), whole.slice(3, 6));
  });

  test('commissions filter by program, partner, status and period', async () => {
    const all = (await s.admin('GET', '/api/v1/admin/commissions?limit=500')).json.commissions as any[];
    const byProgram = await pageAll(s, `/api/v1/admin/commissions?program=${other.id}`, 'commissions');
    assert.deepEqual(byProgram, all.filter((c) => c.programId === other.id).map((c) => c.id));
    assert.equal(byProgram.length, 3);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const oldest = Date.parse(all.at(-1).createdAt);
    const inPeriod = await pageAll(s, `/api/v1/admin/commissions?from=${day(oldest + DAY)}&to=${day(oldest + 3 * DAY)}`, 'commissions');
    const expected = all.filter((c) => {
      const d = day(Date.parse(c.createdAt));
      return d >= day(oldest + DAY) && d <= day(oldest + 3 * DAY);
    });
    assert.ok(expected.length > 0 && expected.length < all.length);
    assert.deepEqual(inPeriod, expected.map((c) => c.id));
    const clawed = await s.admin('GET', '/api/v1/admin/commissions?status=approved&partner=bob');
    assert.ok(clawed.json.commissions.every((c: any) => c.status === 'approved' && c.partnerCode === 'bob'));
    assertError(await s.admin('GET', '/api/v1/admin/commissions?from=yesterday'), 400, 'invalid_date', 'from');
    assertError(await s.admin('GET', '/api/v1/admin/commissions?from=2026-02-01&to=2026-01-01'), 400, 'invalid_range', 'to');
    assertError(await s.admin('GET', '/api/v1/admin/commissions?program=abc'), 400, undefined, 'program');
  });

  test('each commission says why it exists and what was clawed back', async () => {
    const all = (await s.admin('GET', '/api/v1/admin/commissions?limit=500')).json.commissions as any[];
    const refunded = all.find((c) => c.orderId === 'O-1');
    assert.equal(refunded.why.attribution, 'last_click');
    assert.deepEqual(refunded.why.link, { slug: 'shop', name: 'Link shop' });
    assert.deepEqual(refunded.why.program, { id: main.id, name: 'Main' });
    assert.equal(typeof refunded.why.clickAt, 'string');
    assert.deepEqual(refunded.clawback, { amount: refunded.clawedBack, date: refunded.clawback.date, reason: 'customer changed their mind' });
    assert.ok(refunded.clawedBack > 0);
    assert.ok(all.filter((c) => c.orderId !== 'O-1').every((c) => c.clawback === null));
    const one = await s.admin('GET', `/api/v1/admin/commissions/${refunded.id}`);
    assert.deepEqual(one.json, refunded);
  });
});

describe('approving many commissions, reversing one with a note', () => {
  let s: EngineServer;
  beforeEach(async () => {
    s = await engineServer();
  });
  afterEach(() => s.close());

  test('one call approves the pending ones and says why it skipped the rest', async () => {
    const program = await s.program({ holdDays: 30 });
    await s.partner('alice', { programIds: [program.id] });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await s.sale({ orderId: `A-${i}`, amount: 10_000, partnerCode: 'alice' })).json.commissions[0].id);
    const [first, second, third, fourth] = ids as [number, number, number, number];
    await s.admin('POST', `/api/v1/admin/commissions/${second}/approve`);
    await s.admin('POST', `/api/v1/admin/commissions/${third}/reverse`, { note: 'fraud: stolen card' });
    const res = await s.admin('POST', '/api/v1/admin/commissions/approve', { ids: [first, second, third, 999_999, fourth, first] });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.approved.map((c: any) => [c.id, c.status]), [[first, 'approved'], [fourth, 'approved']]);
    assert.deepEqual(res.json.skipped.map((k: any) => [k.id, k.reason]), [[second, 'already_approved'], [third, 'clawed_back'], [999_999, 'not_found']]);
    assert.match(res.json.skipped[2].message, /Commission 999999 does not exist/);
    const pending = await s.admin('GET', '/api/v1/admin/commissions?status=pending');
    assert.deepEqual(pending.json.commissions, []);
    const reversed = await s.admin('GET', `/api/v1/admin/commissions/${third}`);
    assert.equal(reversed.json.status, 'clawed_back');
    assert.match(reversed.json.clawback.reason, /fraud: stolen card/);
  });

  test('bad batches are 400s and change nothing', async () => {
    assertError(await s.admin('POST', '/api/v1/admin/commissions/approve', { ids: [] }), 400, undefined, 'ids');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/approve', { ids: ['1'] }), 400, undefined, 'ids.0');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/approve', {}), 400, undefined, 'ids');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/approve', { ids: Array.from({ length: 501 }, (_, i) => i + 1) }), 400, undefined, 'ids');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/1/reverse', {}), 400, undefined, 'note');
  });
});

describe('the merchant-wide lists read their indexes', () => {
  test('commissions by status, program or period, and payments, newest first without a sort', async () => {
    const s = await engineServer();
    try {
      const db = s.db.kysely;
      if (testDialect === 'postgres') {
        const byStatus = await postgresPlan(s.db, commissionsQuery(db, { status: 'pending', limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
        assertIndexScan(byStatus, 'commissions', 'commissions_status_created');
        assert.match(byStatus, /Index Cond: \(\(status = .*created_at <= /, byStatus);
        const byProgram = await postgresPlan(s.db, commissionsQuery(db, { programId: 1, range: { from: Date.UTC(2025, 0, 1), until: Date.UTC(2026, 0, 1) }, limit: 51 }));
        assertIndexScan(byProgram, 'commissions', 'commissions_program_created');
        assert.match(byProgram, /Index Cond: \(\(program_id = .*created_at >= .*created_at < /, byProgram);
        const everyone = await postgresPlan(s.db, commissionsQuery(db, { limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
        assertIndexScan(everyone, 'commissions', 'commissions_created');
        const payments = await postgresPlan(s.db, paymentsQuery(db, { limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
        assertIndexScan(payments, 'payments', 'payments_at');
        // SQLite's index on (created_at) ends in the rowid, so ties come out by id; PostgreSQL's does
        // not: at most an Incremental Sort of the rows sharing one instant, never a sort of the list
        for (const text of [byStatus, byProgram, everyone, payments]) {
          assert.doesNotMatch(text, /(?<!Incremental )\bSort\b(?! Key)/, text);
          if (/Incremental Sort/.test(text)) assert.match(text, /Presorted Key: (c\.created_at|at)\b/, text);
        }
        return;
      }
      const plan = (q: Parameters<typeof explainQueryPlan>[1]) => explainQueryPlan(s.db, q).join('\n');
      const byStatus = plan(commissionsQuery(db, { status: 'pending', limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
      assert.match(byStatus, /SEARCH c USING (COVERING )?INDEX commissions_status_created \(status=\? AND created_at<\?\)/, byStatus);
      const byProgram = plan(commissionsQuery(db, { programId: 1, range: { from: Date.UTC(2025, 0, 1), until: Date.UTC(2026, 0, 1) }, limit: 51 }));
      assert.match(byProgram, /SEARCH c USING (COVERING )?INDEX commissions_program_created \(program_id=\? AND created_at>\? AND created_at<\?\)/, byProgram);
      const everyone = plan(commissionsQuery(db, { limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
      assert.match(everyone, /SEARCH c USING (COVERING )?INDEX commissions_created \(created_at<\?\)/, everyone);
      const payments = plan(paymentsQuery(db, { limit: 51, after: [Date.UTC(2026, 0, 1), 100] }));
      assert.match(payments, /SEARCH payments USING (COVERING )?INDEX payments_at \(at<\?\)/, payments);
      for (const text of [byStatus, byProgram, everyone, payments]) assert.doesNotMatch(text, /TEMP B-TREE/, text);
    } finally {
      await s.close();
    }
  });
});
