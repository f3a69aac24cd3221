import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { approveDueCommissions } from '../../../server/money/approvals.js';
import { assertError, DAY, engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, one, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

const statuses = async (code: string) =>
  (await all<{ status: string }>(s.db, sql`SELECT c.status FROM commissions c JOIN partners p ON p.id = c.partner_id WHERE p.code = ${code} ORDER BY c.id`)).map((r) => r.status);

async function setup(holdDays = 14) {
  const program = await s.program({ holdDays });
  await s.partner('alice', { programIds: [program.id] });
  return program;
}

describe('approval', () => {
  test('commissions are pending during the hold days and approved after them; the balance counts them all along', async () => {
    await setup(14);
    const sale = await s.sale({ orderId: 'H-1', amount: 10000, partnerCode: 'alice' });
    assert.equal(sale.json.commissions[0].status, 'pending');
    assert.equal(sale.json.commissions[0].payableAt, new Date(s.now + 14 * DAY).toISOString());
    let account = await s.admin('GET', '/api/v1/admin/partners/alice');
    assert.deepEqual(account.json.balance, { balance: 1000, pending: 1000, payableNow: 0, currency: 'USD' });
    s.advance(14 * DAY - 1);
    assert.equal(await approveDueCommissions(s.deps), 0);
    s.advance(1);
    // reads approve what is due before answering
    account = await s.admin('GET', '/api/v1/admin/partners/alice');
    assert.deepEqual(account.json.balance, { balance: 1000, pending: 0, payableNow: 1000, currency: 'USD' });
    const [commission] = (await s.admin('GET', '/api/v1/admin/commissions?partner=alice')).json.commissions;
    assert.equal(commission.status, 'approved');
    assert.equal(commission.approvedAt, commission.payableAt);
    assert.equal((await s.ledgerOf('alice')).rows.length, 1, 'approval writes no ledger entry');
  });

  test('POST /commissions/:id/approve approves before the hold ends', async () => {
    await setup(30);
    const sale = await s.sale({ orderId: 'M-1', amount: 10000, partnerCode: 'alice' });
    const id = sale.json.commissions[0].id;
    const res = await s.admin('POST', `/api/v1/admin/commissions/${id}/approve`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.status, 'approved');
    assert.equal(res.json.approvedAt, new Date(s.now).toISOString());
    assert.equal((await s.admin('POST', `/api/v1/admin/commissions/${id}/approve`)).json.status, 'approved');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/999/approve'), 404, 'commission_not_found');
    assertError(await s.admin('POST', '/api/v1/admin/commissions/x/approve'), 400, 'invalid_request', 'id');
    await s.admin('POST', '/api/v1/track/refunds', { orderId: 'M-1' });
    const pending = await s.sale({ orderId: 'M-2', amount: 10000, partnerCode: 'alice' });
    await s.admin('POST', '/api/v1/track/refunds', { orderId: 'M-2' });
    assertError(await s.admin('POST', `/api/v1/admin/commissions/${pending.json.commissions[0].id}/approve`), 409, 'commission_clawed_back');
  });

  test('reversing a commission claws back what is left, with the note', async () => {
    await setup(0);
    const sale = await s.sale({ orderId: 'V-1', amount: 10000, partnerCode: 'alice' });
    const id = sale.json.commissions[0].id;
    await s.admin('POST', '/api/v1/track/refunds', { orderId: 'V-1', amount: 2500 });
    assertError(await s.admin('POST', `/api/v1/admin/commissions/${id}/reverse`, {}), 400, 'invalid_request', 'note');
    const res = await s.admin('POST', `/api/v1/admin/commissions/${id}/reverse`, { note: 'fraudulent order' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.json.status, res.json.clawedBack], ['clawed_back', 1000]);
    const ledger = await s.ledgerOf('alice');
    assert.deepEqual(ledger.rows.map((r) => r.amount), [1000, -250, -750]);
    assert.equal(ledger.rows[2]!.description, `Commission ${id} reversed: fraudulent order`);
    assertError(await s.admin('POST', `/api/v1/admin/commissions/${id}/reverse`, { note: 'again' }), 409, 'already_reversed');
  });
});

describe('payments', () => {
  test('pay the approved balance; more is refused unless forced; commissions are marked paid oldest first', async () => {
    await setup(0);
    for (const [orderId, amount] of [['P-1', 10000], ['P-2', 20000], ['P-3', 30000]] as const) {
      await s.sale({ orderId, amount, partnerCode: 'alice' });
      s.advance(DAY);
    }
    const tooMuch = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 6001 });
    assertError(tooMuch, 422, 'exceeds_approved_balance', 'amount');
    assert.match(tooMuch.json.error.message, /alice has \$60\.00 payable now; \$60\.01 is more/);
    assert.equal(await s.count('payments'), 0);

    const first = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 3500, method: 'PayPal', reference: 'TX-9', note: 'March' });
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(
      { amount: first.json.amount, forced: first.json.forced, balance: first.json.balance },
      { amount: 3500, forced: false, balance: { balance: 2500, pending: 0, payableNow: 2500, currency: 'USD' } },
    );
    assert.deepEqual(await statuses('alice'), ['paid', 'paid', 'approved']); // $10 + $20 covered, $5 towards the $30
    assert.equal((await s.ledgerOf('alice')).rows.at(-1)!.description, 'Payment via PayPal, ref TX-9 — March');

    const forced = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 5000, force: true });
    assert.equal(forced.status, 201, forced.text);
    assert.equal(forced.json.forced, true);
    assert.equal(forced.json.balance.balance, -2500);
    assert.deepEqual(await statuses('alice'), ['paid', 'paid', 'paid']);
    const list = await s.admin('GET', '/api/v1/admin/payments?partner=alice');
    assert.deepEqual(list.json.payments.map((p: any) => p.amount), [5000, 3500]);
  });

  test('a forced advance covers commissions approved later', async () => {
    await setup(10);
    await s.sale({ orderId: 'AD-1', amount: 10000, partnerCode: 'alice' });
    assertError(await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 1000 }), 422, 'exceeds_approved_balance');
    await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 1000, force: true });
    assert.deepEqual(await statuses('alice'), ['pending']);
    s.advance(10 * DAY);
    await approveDueCommissions(s.deps);
    assert.deepEqual(await statuses('alice'), ['paid']);
    assert.equal((await s.ledgerOf('alice')).balance, 0);
  });

  test('bad payments change nothing', async () => {
    await setup(0);
    await s.sale({ orderId: 'B-1', amount: 10000, partnerCode: 'alice' });
    const cases: [unknown, number, string, string?][] = [
      [{}, 400, 'invalid_request', 'partnerCode'],
      [{ partnerCode: 'alice' }, 400, 'invalid_request', 'amount'],
      [{ partnerCode: 'alice', amount: 0 }, 400, 'invalid_request', 'amount'],
      [{ partnerCode: 'alice', amount: -5 }, 400, 'invalid_request', 'amount'],
      [{ partnerCode: 'alice', amount: 1.5 }, 400, 'invalid_request', 'amount'],
      [{ partnerCode: 'alice', amount: '10' }, 400, 'invalid_request', 'amount'],
      [{ partnerCode: 'alice', amount: 10, force: 'yes' }, 400, 'invalid_request', 'force'],
      [{ partnerCode: 'alice', amount: 10, method: 'x'.repeat(61) }, 400, 'invalid_request', 'method'],
      [{ partnerCode: 'nobody', amount: 10 }, 404, 'partner_not_found'],
    ];
    for (const [body, status, code, field] of cases) assertError(await s.admin('POST', '/api/v1/admin/payments', body), status, code, field);
    assert.equal(await s.count('payments'), 0);
    assert.equal((await s.ledgerOf('alice')).rows.length, 1);
  });
});

describe('adjustments and reversals', () => {
  test('a bonus and a deduction with notes; reversals undo them with new entries', async () => {
    await setup(0);
    await s.sale({ orderId: 'J-1', amount: 10000, partnerCode: 'alice' });
    const bonus = await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 500, note: 'Launch bonus' });
    assert.equal(bonus.status, 201, bonus.text);
    assert.deepEqual([bonus.json.entry.type, bonus.json.entry.amount, bonus.json.entry.description], ['adjustment', 500, 'Adjustment: Launch bonus']);
    assert.equal(bonus.json.balance.payableNow, 1500);
    const fee = await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: -200, note: 'Bank fee' });
    assert.equal(fee.json.balance.balance, 1300);

    const pay = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 1300 });
    assert.deepEqual(await statuses('alice'), ['paid']);
    const undo = await s.admin('POST', `/api/v1/admin/ledger/${pay.json.ledgerEntryId}/reverse`, { note: 'bounced' });
    assert.equal(undo.status, 201, undo.text);
    assert.deepEqual([undo.json.entry.type, undo.json.entry.amount, undo.json.entry.reversesId], ['payment', 1300, pay.json.ledgerEntryId]);
    assert.equal(undo.json.balance.balance, 1300);
    assert.deepEqual(await statuses('alice'), ['approved']);
    assert.equal((await s.admin('GET', '/api/v1/admin/payments?partner=alice')).json.payments[0].reversed, true);
    assertError(await s.admin('POST', `/api/v1/admin/ledger/${pay.json.ledgerEntryId}/reverse`, { note: 'again' }), 409, 'already_reversed');
    assertError(await s.admin('POST', `/api/v1/admin/ledger/${undo.json.entry.id}/reverse`, { note: 'x' }), 422, 'not_reversible');
    const commissionEntry = (await one<{ id: number }>(s.db, sql`SELECT id FROM ledger_entries WHERE type = 'commission'`))!;
    assertError(await s.admin('POST', `/api/v1/admin/ledger/${commissionEntry.id}/reverse`, { note: 'x' }), 422, 'not_reversible');
    assertError(await s.admin('POST', '/api/v1/admin/ledger/9999/reverse', { note: 'x' }), 404, 'entry_not_found');

    const ledger = await s.admin('GET', '/api/v1/admin/partners/alice/ledger');
    assert.deepEqual(ledger.json.entries.map((e: any) => e.amount), [1300, -1300, -200, 500, 1000]);
    assert.equal(ledger.json.balance.balance, 1300);
  });

  test('bad adjustments are refused', async () => {
    await setup(0);
    assertError(await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 0, note: 'x' }), 400, 'invalid_request', 'amount');
    assertError(await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 5 }), 400, 'invalid_request', 'note');
    assertError(await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'alice', amount: 5, note: '   ' }), 400, 'invalid_request', 'note');
    assertError(await s.admin('POST', '/api/v1/admin/adjustments', { partnerCode: 'bob', amount: 5, note: 'x' }), 404, 'partner_not_found');
    assert.equal(await s.count('ledger_entries'), 0);
  });
});

describe('payouts due and the currency lock', () => {
  test('lists partners whose approved balance reaches the minimum', async () => {
    const program = await s.program({ holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    await s.partner('bob', { programIds: [program.id] });
    await s.sale({ orderId: 'D-1', amount: 80000, partnerCode: 'alice' });
    await s.sale({ orderId: 'D-2', amount: 30000, partnerCode: 'bob' });
    const due = await s.admin('GET', '/api/v1/admin/payouts');
    assert.equal(due.json.minimum, 5000);
    assert.deepEqual(due.json.payouts.map((p: any) => [p.partnerCode, p.amount]), [['alice', 8000]]);
    const all = await s.admin('GET', '/api/v1/admin/payouts?min=100');
    assert.deepEqual(all.json.payouts.map((p: any) => [p.partnerCode, p.amount]), [['alice', 8000], ['bob', 3000]]);
    assertError(await s.admin('GET', '/api/v1/admin/payouts?min=-1'), 400, 'invalid_request', 'min');
    assertError(await s.admin('GET', '/api/v1/admin/payouts?min=abc'), 400, 'invalid_request', 'min');
  });

  test('the currency cannot change once money is on a ledger', async () => {
    assert.equal((await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'EUR' })).json.currency, 'EUR');
    await setup(0);
    const usd = await s.sale({ orderId: 'Q-0', amount: 100, currency: 'USD', partnerCode: 'alice' });
    assertError(usd, 422, 'currency_mismatch', 'currency');
    await s.sale({ orderId: 'Q-1', amount: 100, currency: 'EUR', partnerCode: 'alice' });
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { currency: 'USD' }), 409, 'currency_locked', 'currency');
  });
});

describe('tracking API: authorisation and bad input', () => {
  test('partner tokens and missing keys never record anything', async () => {
    await setup(0);
    const token = await s.login('alice', 'partner-password');
    for (const path of ['/api/v1/track/sales', '/api/v1/track/refunds', '/api/v1/track/leads']) {
      assertError(await s.call('POST', path, { token, body: { orderId: 'Z', amount: 1, currency: 'USD', email: 'a@b.co' } }), 401);
      assertError(await s.call('POST', path, { body: { orderId: 'Z', amount: 1, currency: 'USD' } }), 401);
    }
    assert.equal(await s.count('sales'), 0);
  });

  const sales: [string, unknown, string | undefined][] = [
    ['an empty body', {}, 'orderId'],
    ['no amount', { orderId: 'a', currency: 'USD' }, 'amount'],
    ['a decimal amount', { orderId: 'a', amount: 19.99, currency: 'USD' }, 'amount'],
    ['a string amount', { orderId: 'a', amount: '1999', currency: 'USD' }, 'amount'],
    ['a negative amount', { orderId: 'a', amount: -1, currency: 'USD' }, 'amount'],
    ['an absurd amount', { orderId: 'a', amount: 1e15, currency: 'USD' }, 'amount'],
    ['a bad currency', { orderId: 'a', amount: 1, currency: 'US Dollar' }, 'currency'],
    ['an empty order id', { orderId: ' ', amount: 1, currency: 'USD' }, 'orderId'],
    ['an oversized order id', { orderId: 'o'.repeat(129), amount: 1, currency: 'USD' }, 'orderId'],
    ['a click id with script', { orderId: 'a', amount: 1, currency: 'USD', clickId: '<script>' }, 'clickId'],
    ['a bad customer email', { orderId: 'a', amount: 1, currency: 'USD', customer: { email: 'nope' } }, 'customer.email'],
    ['items above the amount', { orderId: 'a', amount: 100, currency: 'USD', items: [{ productId: 'p', amount: 101, quantity: 1 }] }, 'items'],
    ['an item without a product', { orderId: 'a', amount: 100, currency: 'USD', items: [{ amount: 100, quantity: 1 }] }, 'items.0.productId'],
    ['a zero quantity', { orderId: 'a', amount: 100, currency: 'USD', items: [{ productId: 'p', amount: 100, quantity: 0 }] }, 'items.0.quantity'],
    ['an empty item list', { orderId: 'a', amount: 100, currency: 'USD', items: [] }, 'items'],
    ['an unknown field', { orderId: 'a', amount: 1, currency: 'USD', coupon: 'x' }, undefined],
  ];
  for (const [name, body, field] of sales) {
    test(`POST /track/sales with ${name} → 400${field ? ` naming ${field}` : ''}, nothing recorded`, async () => {
      assertError(await s.admin('POST', '/api/v1/track/sales', body), 400, 'invalid_request', field);
      assert.equal(await s.count('sales'), 0);
    });
  }

  test('SQL and script in text fields are stored as text', async () => {
    await setup(0);
    const orderId = `'); DROP TABLE sales; --<script>`;
    const res = await s.sale({ orderId, amount: 100, partnerCode: 'alice', customer: { email: 'x@example.com', name: '<img src=x onerror=alert(1)>' } });
    assert.equal(res.status, 201, res.text);
    assert.equal((await s.admin('GET', `/api/v1/admin/sales/${encodeURIComponent(orderId)}`)).json.customerEmail, 'x@example.com');
    assert.equal(await s.count('sales'), 1);
  });

  test('bad refunds and leads are refused', async () => {
    const cases: [string, unknown, number, string, string?][] = [
      ['/api/v1/track/refunds', {}, 400, 'invalid_request', 'orderId'],
      ['/api/v1/track/refunds', { orderId: 'a', amount: 0 }, 400, 'invalid_request', 'amount'],
      ['/api/v1/track/refunds', { orderId: 'a', amount: 'all' }, 400, 'invalid_request', 'amount'],
      ['/api/v1/track/refunds', { orderId: 'a', reason: 'r'.repeat(501) }, 400, 'invalid_request', 'reason'],
      ['/api/v1/track/refunds', { orderId: 'missing' }, 404, 'order_not_found', 'orderId'],
      ['/api/v1/track/leads', {}, 400, 'invalid_request', 'email'],
      ['/api/v1/track/leads', { email: 'not-mail' }, 400, 'invalid_request', 'email'],
      ['/api/v1/track/leads', { email: 'a@b.co', clickId: 5 }, 400, 'invalid_request', 'clickId'],
    ];
    for (const [path, body, status, code, field] of cases) assertError(await s.admin('POST', path, body), status, code, field);
    assert.equal((await s.count('refunds')) + (await s.count('leads')), 0);
  });

  test('leads: first partner keeps the email; unattributed leads are not recorded', async () => {
    await setup(0);
    await s.partner('bob');
    const first = await s.admin('POST', '/api/v1/track/leads', { email: 'new@example.com', partnerCode: 'alice' });
    assert.equal(first.status, 201);
    const second = await s.admin('POST', '/api/v1/track/leads', { email: 'NEW@example.com', partnerCode: 'bob' });
    assert.equal(second.status, 200);
    assert.equal(second.json.partnerCode, 'alice');
    const none = await s.admin('POST', '/api/v1/track/leads', { email: 'other@example.com' });
    assert.deepEqual([none.status, none.json.attributed, none.json.notAttributedReason], [200, false, 'no_referral']);
    assert.equal(await s.count('leads'), 1);
  });
});

describe('unknown ids on the admin routes', () => {
  test('answer 404 with a code naming what is missing, and malformed ones 400', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/v1/admin/commissions/4242', undefined, 404, 'commission_not_found'],
      ['POST', '/api/v1/admin/commissions/4242/reverse', { note: 'x' }, 404, 'commission_not_found'],
      ['GET', '/api/v1/admin/sales/NO-SUCH-ORDER', undefined, 404, 'order_not_found'],
      ['GET', '/api/v1/admin/partners/ghost/ledger', undefined, 404, 'partner_not_found'],
      ['GET', '/api/v1/admin/commissions?partner=ghost', undefined, 404, 'partner_not_found'],
      ['GET', '/api/v1/admin/payments?partner=ghost', undefined, 404, 'partner_not_found'],
      ['GET', '/api/v1/admin/links/4242', undefined, 404, 'link_not_found'],
      ['DELETE', '/api/v1/admin/links/4242', undefined, 404, 'link_not_found'],
      ['GET', '/api/v1/admin/commissions/1.5', undefined, 400, 'invalid_request'],
      ['GET', '/api/v1/admin/commissions?status=lost', undefined, 400, 'invalid_request'],
      ['GET', '/api/v1/admin/partners/a%20b', undefined, 400, 'invalid_request'],
      ['POST', '/api/v1/admin/ledger/abc/reverse', { note: 'x' }, 400, 'invalid_request'],
    ];
    for (const [method, path, body, status, code] of cases) assertError(await s.admin(method, path, body), status, code);
  });
});
