import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_CREDENTIALS, seedDemo } from '../../../server/demo/seed.js';
import { parseCsv } from '../../helpers/csv.js';
import { engineServer, type EngineServer } from '../../helpers/engine.js';
import { one, sql } from '../../helpers/sql.js';

/**
 * PRODUCT.md's money words, computed for the demo partner straight from the database rows,
 * and every endpoint that shows one of them must answer that figure under that name.
 */

let s: EngineServer;
let token: string;
let demoId: number;

before(async () => {
  s = await engineServer();
  await seedDemo(s.deps);
  token = await s.login(DEMO_CREDENTIALS.code, DEMO_CREDENTIALS.password);
  demoId = (await one<{ id: number }>(s.db, sql`SELECT id FROM partners WHERE code = 'demo'`))!.id;
});
after(() => s.close());

const value = async (query: ReturnType<typeof sql>) => Number((await one<{ v: number | null }>(s.db, query))!.v ?? 0);

/** The money words of the demo partner, from SQL over the ledger and commission rows. */
async function fromTheRows(range: { from?: number; until?: number } = {}) {
  const from = range.from ?? 0;
  const until = range.until ?? Number.MAX_SAFE_INTEGER;
  const flow = (type: string) => value(sql`SELECT sum(amount) AS v FROM ledger_entries WHERE partner_id = ${demoId} AND type = ${type} AND at >= ${from} AND at < ${until}`);
  const balance = await value(sql`SELECT sum(amount) AS v FROM ledger_entries WHERE partner_id = ${demoId}`);
  const pending = await value(sql`SELECT sum(amount - clawed_back) AS v FROM commissions WHERE partner_id = ${demoId} AND status = 'pending' AND payable_at > ${s.now}`);
  return { earned: await flow('commission'), clawedBack: -(await flow('clawback')), paid: -(await flow('payment')), pending, payableNow: balance - pending, balance };
}

const partner = async (path: string) => {
  const res = await s.call('GET', path, { token });
  assert.equal(res.status, 200, res.text);
  return res;
};
const admin = async (path: string) => {
  const res = await s.admin('GET', path);
  assert.equal(res.status, 200, res.text);
  return res.json;
};
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const NOW_WORDS = ['pending', 'payableNow', 'balance'];
const PERIOD_WORDS = ['earned', 'clawedBack', 'paid'];

describe("the demo partner's money words, from the rows, in every answer", () => {
  test('the demo has every kind of money, so each word is a real figure', async () => {
    const all = await fromTheRows();
    for (const [word, value] of Object.entries(all)) assert.ok(value !== 0, `${word} is not zero in the demo`);
    assert.notEqual(all.payableNow, all.balance);
  });

  test('partner API: My Ledger, the balance and the commission report agree for all time', async () => {
    const all = await fromTheRows();
    const ledger = (await partner('/api/v1/partner/ledger?limit=1')).json.summary;
    assert.deepEqual(pick(ledger, PERIOD_WORDS), pick(all, PERIOD_WORDS));
    assert.equal(ledger.endingBalance, all.balance, 'for all time the ending balance is the balance');
    const balance = (await partner('/api/v1/partner/balance')).json;
    assert.deepEqual(pick(balance, NOW_WORDS), pick(all, NOW_WORDS));
    const totals = (await partner('/api/v1/partner/reports/commissions?limit=1')).json.totals;
    assert.deepEqual(pick(totals, [...PERIOD_WORDS, ...NOW_WORDS]), all);
    assert.equal(totals.approved, undefined, 'no second name for payable now');
    assert.equal(totals.net, undefined);
  });

  test('partner API, a period: earned, clawed back and paid follow it; pending, payable now and balance do not', async () => {
    const from = Date.UTC(2025, 9, 1);
    const until = Date.UTC(2025, 11, 1);
    const period = await fromTheRows({ from, until });
    const all = await fromTheRows();
    assert.notDeepEqual(pick(period, PERIOD_WORDS), pick(all, PERIOD_WORDS), 'the period is not all time');
    const q = 'from=2025-10-01&to=2025-11-30';
    const ledger = (await partner(`/api/v1/partner/ledger?${q}&limit=1`)).json.summary;
    assert.deepEqual(pick(ledger, PERIOD_WORDS), pick(period, PERIOD_WORDS));
    const totals = (await partner(`/api/v1/partner/reports/commissions?${q}&limit=1`)).json.totals;
    assert.deepEqual(pick(totals, PERIOD_WORDS), pick(period, PERIOD_WORDS));
    assert.deepEqual(pick(totals, NOW_WORDS), pick(all, NOW_WORDS));
  });

  test('admin API: the partner record, its ledger, the partner list and payouts due say payableNow, with the same figures', async () => {
    const all = pick(await fromTheRows(), NOW_WORDS);
    const expected = { ...all, currency: 'USD' };
    assert.deepEqual((await admin('/api/v1/admin/partners/demo')).balance, expected);
    assert.deepEqual((await admin('/api/v1/admin/partners/demo/ledger?limit=1')).balance, expected);
    const listed = (await admin('/api/v1/admin/partners?q=demo')).partners.find((p: { code: string }) => p.code === 'demo');
    assert.deepEqual(listed.balance, expected);
    const due = (await admin('/api/v1/admin/payouts?min=0')).payouts.find((p: { partnerCode: string }) => p.partnerCode === 'demo');
    assert.equal(due.amount, all.payableNow, 'what to pay is payable now');
    assert.deepEqual(due.balance, expected);
  });

  test('CSV: the ledger file adds up to the same earned, clawed back and paid', async () => {
    const all = await fromTheRows();
    const [header, ...rows] = parseCsv((await partner('/api/v1/partner/ledger?format=csv')).text);
    const type = header!.indexOf('Type');
    const amount = header!.indexOf('Amount');
    const sum = (t: string) => rows.filter((r) => r[type] === t).reduce((total, r) => total + Math.round(Number(r[amount]) * 100), 0);
    assert.deepEqual({ earned: sum('commission'), clawedBack: -sum('clawback'), paid: -sum('payment') }, pick(all, PERIOD_WORDS));
  });
});
