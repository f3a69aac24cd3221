import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { parseCsv } from '../../helpers/csv.js';
import { ADMIN_KEY, assertError, engineServer, type EngineServer } from '../../helpers/engine.js';
import { run, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
  // no hold: every commission is payable at once
  const program = await s.program({ holdDays: 0 });
  for (const code of ['alice', 'bob', 'carol']) await s.partner(code, { programIds: [program.id] });
  const payout = (method: string, details: string, code: string) => run(s.db, sql`UPDATE partners SET payout_method = ${method}, payout_details = ${details} WHERE code = ${code}`);
  await payout('paypal', 'alice.pp@example.com', 'alice');
  await payout('bank_transfer', 'DE89 3704 0044 0532 0130 00', 'bob');
  await s.sale({ orderId: 'A-1', amount: 100_000, partnerCode: 'alice' }); // earns 10,000
  await s.sale({ orderId: 'B-1', amount: 250_000, partnerCode: 'bob' }); // 25,000
  await s.sale({ orderId: 'C-1', amount: 60_000, partnerCode: 'carol' }); // 6,000
});
afterEach(() => s.close());

const balanceOf = async (code: string) => (await s.admin('GET', `/api/v1/admin/partners/${code}`)).json.balance;

describe('POST /api/v1/admin/payments/batch', () => {
  test('one row that cannot be paid refuses the whole batch, naming it, and records nothing', async () => {
    const before = { alice: (await s.ledgerOf('alice')), bob: (await s.ledgerOf('bob')) };
    const tooMuch = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice', amount: 1000 }, { partner: 'bob', amount: 25_001 }] });
    assertError(tooMuch, 422, 'exceeds_approved_balance', 'payments.1.amount');
    assert.match(tooMuch.json.error.message, /^payments\[1\] \(bob\): bob has \$250\.00 payable now; \$250\.01 is more$/);

    const unknown = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice' }, { partner: 'bob' }, { partner: 'zed', amount: 5 }] });
    assertError(unknown, 404, 'partner_not_found', 'payments.2.partner');
    assert.match(unknown.json.error.message, /zed/);

    // the same partner twice: the second row is checked against what the first left
    const twice = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice' }, { partner: 'alice', amount: 1 }] });
    assertError(twice, 422, 'exceeds_approved_balance', 'payments.1.amount');
    assert.match(twice.json.error.message, /alice has \$0\.00 payable now/);

    assertError(await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [] }), 400, 'invalid_request', 'payments');
    assertError(await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice', amount: -5 }] }), 400, 'invalid_request', 'payments.0.amount');
    assertError(await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice', force: true }] }), 400, 'invalid_request');

    assert.equal(await s.count('payments'), 0);
    assert.equal(await s.count('payment_batches'), 0);
    assert.deepEqual(await s.ledgerOf('alice'), before.alice);
    assert.deepEqual(await s.ledgerOf('bob'), before.bob);
    assert.deepEqual(await balanceOf('bob'), { balance: 25_000, pending: 0, payableNow: 25_000, currency: 'USD' });
  });

  test('a batch records each payment as a single payment would, under one batch id', async () => {
    const res = await s.admin('POST', '/api/v1/admin/payments/batch', {
      payments: [{ partner: 'alice', amount: 4000 }, { partner: 'bob' }],
      method: 'PayPal',
      reference: 'PO-7',
      note: 'March',
    });
    assert.equal(res.status, 201, res.text);
    const batch = res.json;
    assert.equal(typeof batch.batchId, 'number');
    assert.equal(batch.count, 2);
    assert.equal(batch.total, 29_000);
    assert.equal(batch.currency, 'USD');
    assert.deepEqual(
      batch.payments.map((p: any) => [p.partnerCode, p.amount, p.method, p.reference, p.note, p.batchId, p.forced, p.balance]),
      [
        ['alice', 4000, 'PayPal', 'PO-7', 'March', batch.batchId, false, { balance: 6000, pending: 0, payableNow: 6000, currency: 'USD' }],
        ['bob', 25_000, 'PayPal', 'PO-7', 'March', batch.batchId, false, { balance: 0, pending: 0, payableNow: 0, currency: 'USD' }],
      ],
    );
    // the ledger: one payment entry each, running balances exact
    const alice = await s.ledgerOf('alice');
    assert.deepEqual(alice.rows.map((r) => [r.type, r.amount, r.balance]), [['commission', 10_000, 10_000], ['payment', -4000, 6000]]);
    assert.equal(alice.rows[1]!.description, 'Payment via PayPal, ref PO-7 — March');
    assert.deepEqual((await s.ledgerOf('bob')).rows.map((r) => [r.type, r.amount, r.balance]), [['commission', 25_000, 25_000], ['payment', -25_000, 0]]);
    // commissions covered are paid, the rest stay approved (as with single payments)
    assert.equal((await s.admin('GET', '/api/v1/admin/commissions?partner=bob')).json.commissions[0].status, 'paid');
    assert.equal((await s.admin('GET', '/api/v1/admin/commissions?partner=alice')).json.commissions[0].status, 'approved');

    // payment history filtered by the batch; a single payment has no batch
    const single = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'carol', amount: 100 });
    assert.equal(single.json.batchId, null);
    const listed = (await s.admin('GET', `/api/v1/admin/payments?batch=${batch.batchId}`)).json.payments;
    assert.deepEqual(listed.map((p: any) => p.partnerCode).sort(), ['alice', 'bob']);
    assert.equal((await s.admin('GET', '/api/v1/admin/payments')).json.payments.length, 3);
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/payments?batch=999')).json.payments, []);
    assertError(await s.admin('GET', '/api/v1/admin/payments?batch=x'), 400, 'invalid_request', 'batch');

    // who is due now: bob is paid in full
    const due = (await s.admin('GET', '/api/v1/admin/payouts')).json.payouts;
    assert.deepEqual(due.map((p: any) => [p.partnerCode, p.amount, p.payoutMethod]), [['alice', 6000, 'paypal'], ['carol', 5900, null]]);
  });
});

describe('GET /api/v1/admin/payouts as CSV', () => {
  const csv = async (query: string) => {
    const res = await s.app.request(`/api/v1/admin/payouts?${query}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/csv/);
    // the bytes as sent (Response.text() would drop a byte order mark)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    return { text, disposition: res.headers.get('Content-Disposition') };
  };

  test('standard: the CLI’s columns, payout details in full, amounts in dollars', async () => {
    const { text, disposition } = await csv('format=csv');
    assert.ok(text.startsWith('\uFEFF'));
    assert.match(disposition ?? '', /^attachment; filename="payouts-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.deepEqual(parseCsv(text), [
      ['code', 'name', 'email', 'amount', 'currency', 'payout_method', 'payout_details'],
      ['bob', 'Partner bob', 'bob@partners.example', '250.00', 'USD', 'bank_transfer', 'DE89 3704 0044 0532 0130 00'],
      ['alice', 'Partner alice', 'alice@partners.example', '100.00', 'USD', 'paypal', 'alice.pp@example.com'],
      ['carol', 'Partner carol', 'carol@partners.example', '60.00', 'USD', '', ''],
    ]);
    // min still applies
    assert.equal(parseCsv((await csv('format=csv&min=7000')).text).length, 3);
  });

  test('paypal: PayPal Payouts Web rows, no header, no BOM', async () => {
    const { text, disposition } = await csv('layout=paypal&note=Thanks%20for%20March');
    assert.ok(!text.startsWith('\uFEFF'));
    assert.match(disposition ?? '', /filename="payouts-paypal-/);
    assert.deepEqual(parseCsv(text), [
      ['bob@partners.example', '250.00', 'USD', 'bob', 'Thanks for March', 'PAYPAL'],
      ['alice.pp@example.com', '100.00', 'USD', 'alice', 'Thanks for March', 'PAYPAL'],
      ['carol@partners.example', '60.00', 'USD', 'carol', 'Thanks for March', 'PAYPAL'],
    ]);
  });

  test('wise: the batch template’s columns, the IBAN without spaces when the details are one', async () => {
    const { text } = await csv('format=csv&layout=wise');
    assert.ok(!text.startsWith('\uFEFF'));
    assert.deepEqual(parseCsv(text), [
      ['name', 'recipientEmail', 'paymentReference', 'receiverType', 'amountCurrency', 'amount', 'sourceCurrency', 'targetCurrency', 'IBAN'],
      ['Partner bob', 'bob@partners.example', 'Commission payout', 'PERSON', 'target', '250.00', 'USD', 'USD', 'DE89370400440532013000'],
      ['Partner alice', 'alice@partners.example', 'Commission payout', 'PERSON', 'target', '100.00', 'USD', 'USD', ''],
      ['Partner carol', 'carol@partners.example', 'Commission payout', 'PERSON', 'target', '60.00', 'USD', 'USD', ''],
    ]);
  });

  test('JSON stays as it was, and bad layouts are a 400', async () => {
    const res = await s.admin('GET', '/api/v1/admin/payouts');
    assert.deepEqual(Object.keys(res.json), ['minimum', 'currency', 'payouts', 'nextCursor', 'total']);
    assert.equal(res.json.nextCursor, null, 'without limit or cursor: every partner due, one answer');
    assert.deepEqual(res.json.total, { count: 3, amount: 41_000 });
    assert.equal((await s.admin('GET', '/api/v1/admin/payouts?format=json&layout=wise')).json.payouts.length, 3);
    assertError(await s.admin('GET', '/api/v1/admin/payouts?layout=venmo'), 400, 'invalid_request', 'layout');
  });
});

describe('GET /api/v1/admin/payouts in pages', () => {
  test('pages follow the order of the whole list, each page after its cursor, with the total of all pages', async () => {
    // dan ties with alice: ties go by who joined first
    await s.partner('dan', { programIds: [(await s.admin('GET', '/api/v1/admin/programs')).json.programs[0].id] });
    await s.sale({ orderId: 'D-1', amount: 100_000, partnerCode: 'dan' });
    const whole = (await s.admin('GET', '/api/v1/admin/payouts')).json.payouts.map((p: { partnerCode: string }) => p.partnerCode);
    assert.deepEqual(whole, ['bob', 'alice', 'dan', 'carol']);
    const codes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; json: any } = await s.admin('GET', `/api/v1/admin/payouts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      assert.equal(res.json.payouts.length, 1);
      assert.deepEqual(res.json.total, { count: 4, amount: 51_000 });
      codes.push(res.json.payouts[0].partnerCode);
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(codes, whole);
    const two = (await s.admin('GET', '/api/v1/admin/payouts?limit=2')).json;
    assert.deepEqual(two.payouts.map((p: { partnerCode: string }) => p.partnerCode), ['bob', 'alice']);
    // a partner paid meanwhile drops out without shifting the next page
    await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'bob', amount: 25_000 });
    const next = (await s.admin('GET', `/api/v1/admin/payouts?limit=2&cursor=${two.nextCursor}`)).json;
    assert.deepEqual(next.payouts.map((p: { partnerCode: string }) => p.partnerCode), ['dan', 'carol']);
    assert.equal(next.nextCursor, null);
  });

  test('a cursor from another minimum, a forged cursor and a bad limit are 400s naming the parameter', async () => {
    const first = (await s.admin('GET', '/api/v1/admin/payouts?limit=1')).json;
    assertError(await s.admin('GET', `/api/v1/admin/payouts?limit=1&min=7000&cursor=${first.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    assertError(await s.admin('GET', '/api/v1/admin/payouts?cursor=bm9wZQ'), 400, 'invalid_cursor', 'cursor');
    assertError(await s.admin('GET', '/api/v1/admin/payouts?limit=0'), 400, 'invalid_request', 'limit');
    assertError(await s.admin('GET', '/api/v1/admin/payouts?limit=501'), 400, 'invalid_request', 'limit');
  });

  test('commissions still on hold are not payable: the partner is due only what is past its hold', async () => {
    const held = await s.program({ holdDays: 30, name: 'Held' });
    await s.partner('erin', { programIds: [held.id] });
    await s.sale({ orderId: 'E-1', amount: 100_000, partnerCode: 'erin' }); // 10,000 on hold
    assert.equal((await s.admin('GET', '/api/v1/admin/payouts?limit=10')).json.payouts.some((p: { partnerCode: string }) => p.partnerCode === 'erin'), false);
    await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'erin', amount: 8_000, note: 'Bonus' });
    const due = (await s.admin('GET', '/api/v1/admin/payouts?limit=10')).json;
    const erin = due.payouts.find((p: { partnerCode: string }) => p.partnerCode === 'erin');
    assert.equal(erin.amount, 8_000);
    assert.deepEqual(erin.balance, { balance: 18_000, pending: 10_000, payableNow: 8_000, currency: 'USD' });
    assert.deepEqual(erin.balance, await balanceOf('erin'));
    assert.deepEqual(due.total, { count: 4, amount: 49_000 });
  });
});
