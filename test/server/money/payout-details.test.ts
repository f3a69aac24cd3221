import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { maskPayoutDetails } from '../../../server/money/payout-details.js';
import { engineServer, type EngineServer } from '../../helpers/engine.js';

/** The merchant sees where to send the money: whole in the partner's record, masked in lists. */

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
  const program = await s.program({ holdDays: 0 });
  await s.partner('alice', { programIds: [program.id] });
  await s.partner('bob', { programIds: [program.id] });
  await s.partner('cleo', { programIds: [program.id] });
  await profile('alice', { payoutMethod: 'paypal', payoutDetails: 'alice.anders@paypal.example' });
  await profile('bob', { payoutMethod: 'bank_transfer', payoutDetails: 'DE89 3704 0044 0532 0130 00' });
  for (const [order, code] of [['A-1', 'alice'], ['B-1', 'bob'], ['C-1', 'cleo']] as const) {
    assert.equal((await s.sale({ orderId: order, amount: 100_000, partnerCode: code })).status, 201);
  }
});
afterEach(() => s.close());

async function profile(code: string, body: Record<string, unknown>) {
  const token = await s.login(code, 'partner-password');
  const res = await s.call('PATCH', '/api/v1/me', { token, body: { ...body, currentPassword: 'partner-password' } });
  assert.equal(res.status, 200, res.text);
}

describe('payout method and details for the merchant', () => {
  test('GET /api/v1/admin/partners/:code shows them in full', async () => {
    const alice = await s.admin('GET', '/api/v1/admin/partners/alice');
    assert.equal(alice.status, 200, alice.text);
    assert.equal(alice.json.payoutMethod, 'paypal');
    assert.equal(alice.json.payoutDetails, 'alice.anders@paypal.example');
    const bob = await s.admin('GET', '/api/v1/admin/partners/bob');
    assert.deepEqual([bob.json.payoutMethod, bob.json.payoutDetails], ['bank_transfer', 'DE89 3704 0044 0532 0130 00']);
    const cleo = await s.admin('GET', '/api/v1/admin/partners/cleo');
    assert.deepEqual([cleo.json.payoutMethod, cleo.json.payoutDetails], [null, null]);
  });

  test('the partners list masks them', async () => {
    const list = await s.admin('GET', '/api/v1/admin/partners');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(
      list.json.partners.map((p: any) => [p.code, p.payoutMethod, p.payoutDetailsMasked]),
      [
        ['alice', 'paypal', 'a•••@paypal.example'],
        ['bob', 'bank_transfer', '•••• 3000'],
        ['cleo', null, null],
      ],
    );
    assert.ok(list.json.partners.every((p: any) => !('payoutDetails' in p)), 'no whole details in a list');
    assert.doesNotMatch(list.text, /anders|0532/);
  });

  test('the payouts-due answer masks them', async () => {
    const due = await s.admin('GET', '/api/v1/admin/payouts');
    assert.equal(due.status, 200, due.text);
    assert.deepEqual(
      due.json.payouts.map((p: any) => [p.partnerCode, p.amount, p.payoutMethod, p.payoutDetailsMasked]),
      [
        ['alice', 10_000, 'paypal', 'a•••@paypal.example'],
        ['bob', 10_000, 'bank_transfer', '•••• 3000'],
        ['cleo', 10_000, null, null],
      ],
    );
    assert.doesNotMatch(due.text, /anders|0532/);
  });

  test('masking keeps too little to use', () => {
    assert.equal(maskPayoutDetails('jane@example.com'), 'j•••@example.com');
    assert.equal(maskPayoutDetails('GB33BUKB20201555555555'), '•••• 5555');
    assert.equal(maskPayoutDetails('12345'), '••••', 'short values are hidden whole');
    assert.equal(maskPayoutDetails(null), null);
  });
});
