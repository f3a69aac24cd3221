import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { isUniqueViolation } from '../../../server/db/dialect.js';
import { assertError, DAY } from '../../helpers/engine.js';
import { all, one, run, sql } from '../../helpers/sql.js';
import { merchantServer, OWNER, STAFF } from '../merchants/helpers.js';

/**
 * Payout requests (schedule "on request"): alice has $60.00 payable (a $600 sale at 10%, its
 * 10-day hold over), the minimum payout is $50.00 and her payout details are filled in; bob has
 * nothing. The setting, the partner's routes, the merchant's list and decline, and a payment
 * settling the open request.
 */
let s: Awaited<ReturnType<typeof merchantServer>>;
let alice: string;
let bob: string;

beforeEach(async () => {
  s = await merchantServer();
  const program = await s.program({ holdDays: 10 });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await run(s.db, sql`UPDATE partners SET payout_details = 'alice@paypal.example' WHERE code = 'alice'`);
  assert.equal((await s.sale({ orderId: 'A-1', amount: 60_000, partnerCode: 'alice' })).status, 201);
  s.advance(10 * DAY);
  await signInAgain();
});

/** Partner and merchant sessions after the clock moved on. */
async function signInAgain() {
  alice = await s.login('alice', 'partner-password');
  bob = await s.login('bob', 'partner-password');
  s.ownerToken = await s.signIn(OWNER);
  s.staffToken = await s.signIn(STAFF);
}
afterEach(() => s.close());

const onRequest = async () => assert.equal((await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule: { kind: 'on-request' } })).status, 200);
const ask = (token: string) => s.call('POST', '/api/v1/partner/payout-requests', { token, body: {} });
const payouts = async (token: string) => (await s.call('GET', '/api/v1/partner/payouts', { token })).json;

describe('the payoutSchedule setting', () => {
  test('defaults to monthly on the 1st, changes through PATCH, and bad schedules are 400s naming the field', async () => {
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/settings')).json.payoutSchedule, { kind: 'monthly', day: 1 });
    const changed = await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule: { kind: 'monthly', day: 15 } });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.json.payoutSchedule, { kind: 'monthly', day: 15 });
    for (const bad of [{ kind: 'monthly', day: 29 }, { kind: 'monthly', day: 0 }, { kind: 'monthly', day: 1.5 }, { kind: 'monthly' }]) {
      const res = await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule: bad });
      assertError(res, 400, 'invalid_request', 'payoutSchedule.day');
      assert.match(res.json.error.message, /day must be a whole number from 1 to 28/);
    }
    for (const bad of [{ kind: 'weekly' }, 'monthly', {}]) {
      const res = await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule: bad });
      assert.equal(res.status, 400, res.text);
      assert.match(res.json.error.message, /"kind": "monthly", "day": 1–28 } or \{ "kind": "on-request" \}/);
    }
    assertError(await s.admin('PATCH', '/api/v1/admin/settings', { payoutSchedule: { kind: 'on-request', day: 3 } }), 400, 'invalid_request');
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/settings')).json.payoutSchedule, { kind: 'monthly', day: 15 });
    // staff may not change it
    assert.equal((await s.call('PATCH', '/api/v1/admin/settings', { token: s.staffToken, body: { payoutSchedule: { kind: 'on-request' } } })).status, 403);
  });
});

describe('a partner asks for a payout', () => {
  test('refused with the reason while the schedule is monthly, below the minimum, without payout details', async () => {
    let res = await ask(alice);
    assertError(res, 409, 'payout_request_not_allowed');
    assert.match(res.json.error.message, /every month on day 1/);
    const answer = await payouts(alice);
    assert.deepEqual([answer.canRequest, answer.schedule, answer.payableNow, answer.minimumPayout], [false, { kind: 'monthly', day: 1 }, 6000, 5000]);
    assert.match(answer.cannotRequestReason, /every month on day 1/);

    await onRequest();
    res = await ask(bob);
    assertError(res, 409, 'payout_request_not_allowed');
    assert.match(res.json.error.message, /payout details/);
    await run(s.db, sql`UPDATE partners SET payout_details = 'bob@paypal.example' WHERE code = 'bob'`);
    res = await ask(bob);
    assert.match(res.json.error.message, /nothing payable/);
    await s.admin('PATCH', '/api/v1/admin/settings', { minimumPayout: 7000 });
    res = await ask(alice);
    assertError(res, 409, 'payout_request_not_allowed');
    assert.match(res.json.error.message, /\$60\.00\) is below the minimum payout of \$70\.00/);
    assert.equal(await s.count('payout_requests'), 0);
  });

  test('an allowed request is open with what is payable now; a second is refused; cancel withdraws it', async () => {
    await onRequest();
    assert.equal((await payouts(alice)).canRequest, true);
    const res = await ask(alice);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      { ...res.json, id: 0 },
      { id: 0, amount: 6000, currency: 'USD', status: 'open', requestedAt: new Date(s.now).toISOString(), decidedAt: null, note: null, paymentId: null },
    );
    const again = await ask(alice);
    assertError(again, 409, 'payout_request_not_allowed');
    assert.match(again.json.error.message, /already have an open payout request/);
    const answer = await payouts(alice);
    assert.deepEqual([answer.canRequest, answer.requests.length, answer.requests[0].status], [false, 1, 'open']);
    assert.deepEqual((await s.call('GET', '/api/v1/partner/overview', { token: alice })).json.openRequest, res.json);

    // bob can neither cancel nor see alice's request
    assertError(await s.call('POST', `/api/v1/partner/payout-requests/${res.json.id}/cancel`, { token: bob }), 404, 'payout_request_not_found');
    assert.deepEqual((await payouts(bob)).requests, []);
    assertError(await s.call('POST', '/api/v1/partner/payout-requests/abc/cancel', { token: alice }), 400);

    s.advance(60_000);
    const cancelled = await s.call('POST', `/api/v1/partner/payout-requests/${res.json.id}/cancel`, { token: alice, body: {} });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.deepEqual([cancelled.json.status, cancelled.json.decidedAt], ['cancelled', new Date(s.now).toISOString()]);
    assertError(await s.call('POST', `/api/v1/partner/payout-requests/${res.json.id}/cancel`, { token: alice }), 404);
    assert.equal((await ask(alice)).status, 201, 'a new request after cancelling');
  });

  test('a new request is a payout_request.created webhook event for subscribed endpoints', async () => {
    await onRequest();
    // an endpoint as POST /admin/webhooks stores it (its URL checks need DNS, which tests do without)
    await run(s.db, sql`INSERT INTO webhook_endpoints (url, events, secret, created_at, updated_at) VALUES ('https://hooks.shop.example/', ${JSON.stringify(['payout_request.created'])}, 'whsec_test', 0, 0)`);
    const created = (await ask(alice)).json;
    const events = await all<{ type: string; payload: string }>(s.db, sql`SELECT type, payload FROM webhook_events ORDER BY id`);
    assert.deepEqual(events.map((e) => e.type), ['payout_request.created']);
    const { data } = JSON.parse(events[0]!.payload);
    assert.deepEqual({ ...data, partner: { ...data.partner, id: 0 } }, { ...created, partner: { id: 0, code: 'alice', name: 'Partner alice', email: 'alice@partners.example' } });
    assert.equal(await s.count('webhook_deliveries'), 1);
  });

  test('two requests at once: exactly one is open', async () => {
    await onRequest();
    const [a, b] = await Promise.all([ask(alice), ask(alice)]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409]);
    assert.equal((await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM payout_requests WHERE status = 'open'`))!.n, 1);
    // the index holds even when the check is bypassed
    const partnerId = (await one<{ id: number }>(s.db, sql`SELECT id FROM partners WHERE code = 'alice'`))!.id;
    await assert.rejects(run(s.db, sql`INSERT INTO payout_requests (partner_id, amount, currency, requested_at) VALUES (${partnerId}, 1, 'USD', 1)`), isUniqueViolation);
  });

  test('no token is a 401 on every partner route', async () => {
    assertError(await s.call('GET', '/api/v1/partner/payouts'), 401);
    assertError(await s.call('POST', '/api/v1/partner/payout-requests'), 401);
    assertError(await s.call('POST', '/api/v1/partner/payout-requests/1/cancel'), 401);
  });
});

describe('the merchant and payout requests', () => {
  test('lists them with the partner, by status and by cursor; staff may read but not decline', async () => {
    await onRequest();
    const first = (await ask(alice)).json;
    await s.call('POST', `/api/v1/partner/payout-requests/${first.id}/cancel`, { token: alice });
    s.advance(1000);
    const second = (await ask(alice)).json;
    const all = await s.admin('GET', '/api/v1/admin/payout-requests');
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(
      all.json.requests.map((r: any) => [r.id, r.status]),
      [
        [second.id, 'open'],
        [first.id, 'cancelled'],
      ],
    );
    assert.deepEqual(all.json.requests[0].partner, { id: all.json.requests[0].partner.id, code: 'alice', name: 'Partner alice', email: 'alice@partners.example' });
    const open = await s.admin('GET', '/api/v1/admin/payout-requests?status=open');
    assert.deepEqual(open.json.requests.map((r: any) => r.id), [second.id]);
    const page1 = await s.admin('GET', '/api/v1/admin/payout-requests?limit=1');
    assert.deepEqual([page1.json.requests.length, typeof page1.json.nextCursor], [1, 'string']);
    const page2 = await s.admin('GET', `/api/v1/admin/payout-requests?limit=1&cursor=${page1.json.nextCursor}`);
    assert.deepEqual([page2.json.requests[0].id, page2.json.nextCursor], [first.id, null]);
    assertError(await s.admin('GET', '/api/v1/admin/payout-requests?status=pending'), 400, undefined, 'status');
    assertError(await s.admin('GET', '/api/v1/admin/payout-requests?cursor=nonsense'), 400, 'invalid_cursor', 'cursor');
    assert.equal((await s.call('GET', '/api/v1/admin/payout-requests', { token: s.staffToken })).status, 200);
    assert.equal((await s.call('POST', `/api/v1/admin/payout-requests/${second.id}/decline`, { token: s.staffToken, body: { note: 'no' } })).status, 403);
  });

  test('decline needs a note, answers the declined request, is audit-logged, and the partner sees why', async () => {
    await onRequest();
    const request = (await ask(alice)).json;
    assertError(await s.call('POST', `/api/v1/admin/payout-requests/${request.id}/decline`, { token: s.ownerToken, body: {} }), 400, undefined, 'note');
    assertError(await s.call('POST', `/api/v1/admin/payout-requests/${request.id}/decline`, { token: s.ownerToken, body: { note: '  ' } }), 400, undefined, 'note');
    const declined = await s.call('POST', `/api/v1/admin/payout-requests/${request.id}/decline`, { token: s.ownerToken, body: { note: 'Invoice missing' } });
    assert.equal(declined.status, 200, declined.text);
    assert.deepEqual([declined.json.status, declined.json.note], ['declined', 'Invoice missing']);
    assertError(await s.call('POST', `/api/v1/admin/payout-requests/${request.id}/decline`, { token: s.ownerToken, body: { note: 'again' } }), 404, 'payout_request_not_found');
    assertError(await s.call('POST', '/api/v1/admin/payout-requests/999/decline', { token: s.ownerToken, body: { note: 'x' } }), 404);
    const log = (await s.call('GET', '/api/v1/admin/audit?limit=100', { token: s.ownerToken })).json.items;
    assert.ok(log.some((e: any) => e.action === 'payout_request.decline' && e.targetId === String(request.id)), JSON.stringify(log));
    const answer = await payouts(alice);
    assert.deepEqual([answer.requests[0].status, answer.requests[0].note, answer.canRequest], ['declined', 'Invoice missing', true]);
  });

  test('recording a payment (single or batch) marks the open request paid with the payment, and it shows in the payout history', async () => {
    await onRequest();
    const request = (await ask(alice)).json;
    const paid = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', method: 'PayPal', reference: 'PP-77', amount: 6000 });
    assert.equal(paid.status, 201, paid.text);
    const answer = await payouts(alice);
    assert.deepEqual(
      { ...answer.requests[0], decidedAt: null },
      { ...request, status: 'paid', paymentId: paid.json.id, decidedAt: null },
    );
    assert.deepEqual(answer.payouts, [{ id: paid.json.id, at: new Date(s.now).toISOString(), amount: 6000, currency: 'USD', method: 'PayPal', reference: 'PP-77' }]);
    assert.deepEqual([answer.payableNow, answer.canRequest], [0, false]);

    // a batch settles too; a reversed payment leaves the history
    assert.equal((await s.sale({ orderId: 'A-2', amount: 60_000, partnerCode: 'alice' })).status, 201);
    s.advance(10 * DAY);
    await signInAgain();
    const second = (await ask(alice)).json;
    const batch = await s.admin('POST', '/api/v1/admin/payments/batch', { payments: [{ partner: 'alice' }], method: 'Wise' });
    assert.equal(batch.status, 201, batch.text);
    const after = await payouts(alice);
    assert.deepEqual([after.requests[0].id, after.requests[0].status, after.requests[0].paymentId], [second.id, 'paid', batch.json.payments[0].id]);
    assert.equal((await s.admin('POST', `/api/v1/admin/ledger/${paid.json.ledgerEntryId}/reverse`, { note: 'bounced' })).status, 201);
    assert.deepEqual((await payouts(alice)).payouts.map((p: any) => p.id), [batch.json.payments[0].id]);
    // bob sees none of it
    assert.deepEqual([(await payouts(bob)).payouts, (await payouts(bob)).requests], [[], []]);
  });
});
