import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { engineServer, type EngineServer } from '../../helpers/engine.js';

/** GET /api/v1/partner/recruits: the partners you brought in and what their sales earned you. */

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

const recruits = async (code: string) => {
  const res = await s.call('GET', '/api/v1/partner/recruits', { token: await s.login(code, 'partner-password') });
  assert.equal(res.status, 200, res.text);
  return res.json;
};

const signup = (code: string, body: Record<string, unknown>) =>
  s.call('POST', '/api/v1/auth/signup', { body: { name: `New ${code}`, email: `${code}@example.com`, code, password: `${code}-password-1`, acceptTerms: true, ...body } });

describe('GET /api/v1/partner/recruits', () => {
  test('off when no program of the partner pays a second tier, with the partner’s code to share all the same', async () => {
    const plain = await s.program({ name: 'Plain' });
    await s.partner('alice', { programIds: [plain.id] });
    const answer = await recruits('alice');
    assert.deepEqual(answer, { enabled: false, currency: 'USD', referralCode: 'alice', rates: [], recruits: [], earnedTotal: 0 });
  });

  test('an archived second-tier program or one the partner is not in does not turn it on', async () => {
    const plain = await s.program({ name: 'Plain' });
    await s.program({ name: 'Others', secondTier: { type: 'percent', value: 500 } });
    await s.program({ name: 'Old', status: 'archived', secondTier: { type: 'percent', value: 500 } });
    await s.partner('alice', { programIds: [plain.id] });
    assert.equal((await recruits('alice')).enabled, false);
  });

  test('a recruit who signed up with ?ref= shows with name and join date only; a second-tier sale and its refund net out', async () => {
    const program = await s.program({ name: 'Affiliates', secondTier: { type: 'percent', value: 500 }, holdDays: 0 });
    await s.program({ name: 'Flat bonus', priority: -1, secondTier: { type: 'flat', value: 300 } });
    await s.partner('alice', { programIds: [program.id] });
    await s.link('shop');

    // the sign-up form sends the ?ref= code as referrerCode
    const res = await signup('robin', { referrerCode: 'alice' });
    assert.equal(res.status, 201, res.text);
    await s.admin('PATCH', '/api/v1/admin/partners/robin', { status: 'active', programIds: [program.id] });
    s.advance(1000);
    await s.partner('sam', { programIds: [program.id], parentCode: 'alice' });
    await s.partner('stranger', { programIds: [program.id] });

    const { clickId } = await s.click('robin');
    const sale = await s.sale({ orderId: 'R-1', amount: 20_000, clickId });
    assert.deepEqual(
      sale.json.commissions.map((c: any) => [c.partnerCode, c.tier, c.amount]),
      [
        ['robin', 'direct', 2000],
        ['alice', 'second', 1000],
      ],
    );
    await s.sale({ orderId: 'S-1', amount: 10_000, partnerCode: 'stranger' }); // not alice's recruit: earns her nothing
    const refund = await s.admin('POST', '/api/v1/track/refunds', { orderId: 'R-1', amount: 5_000 });
    assert.ok(refund.status < 300, refund.text);

    const answer = await recruits('alice');
    assert.equal(answer.enabled, true);
    assert.equal(answer.referralCode, 'alice');
    assert.deepEqual(answer.rates, [{ programName: 'Affiliates', rate: { type: 'percent', value: 500 } }], 'only programs alice is in');
    assert.deepEqual(
      answer.recruits.map((r: any) => [r.name, r.earned]),
      [
        ['New robin', 750],
        ['Partner sam', 0],
      ],
      'a quarter refunded: 1000 − 250',
    );
    assert.deepEqual(Object.keys(answer.recruits[0]).sort(), ['earned', 'joinedAt', 'name'], 'never their email or code');
    assert.ok(!JSON.stringify(answer).includes('robin@example.com'));
    assert.ok(Date.parse(answer.recruits[0].joinedAt) < Date.parse(answer.recruits[1].joinedAt));
    assert.equal(answer.earnedTotal, 750);

    // each partner sees only their own recruits
    assert.deepEqual((await recruits('stranger')).recruits, []);
  });

  test('a sign-up with an unknown referrer code joins without a parent', async () => {
    const program = await s.program({ name: 'Affiliates', secondTier: { type: 'percent', value: 500 } });
    await s.partner('alice', { programIds: [program.id] });
    const res = await signup('kim', { referrerCode: 'nobody' });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual((await recruits('alice')).recruits, []);
  });

  test('without a token: 401', async () => {
    const res = await s.call('GET', '/api/v1/partner/recruits', {});
    assert.equal(res.status, 401);
  });
});
