import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateSettings } from '../../../server/catalog/settings.js';
import { SIGNUP_ADDRESS_LIMIT, SIGNUP_EMAIL_LIMIT } from '../../../server/partners/signup.js';
import { testServer, type TestServer } from '../../helpers/server.js';
import { all, one, sql } from '../../helpers/sql.js';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(() => s.close());

const valid = { name: 'Nia New', email: 'nia@example.com', code: 'nia', password: 'nia-password-1', acceptTerms: true };
const signup = (body: unknown) => s.call('POST', '/api/v1/auth/signup', { body });
const count = async () => (await one<{ n: number }>(s.db, sql`SELECT count(*) AS n FROM partners`))!.n;

describe('POST /api/v1/auth/signup', () => {
  test('by default a new partner waits for approval and cannot sign in yet', async () => {
    const res = await signup(valid);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.status, 'pending');
    assert.equal(res.json.token, undefined);
    assert.equal(res.json.partner.code, 'nia');
    // the server sends no email: it must not promise one
    assert.equal(res.json.message, 'Thanks for signing up! The program owner will review your application; sign in once approved.');
    const login = await s.call('POST', '/api/v1/auth/login', { body: { code: 'nia', password: valid.password } });
    assert.equal(login.status, 403);
    assert.equal(login.json.error.code, 'account_pending');
  });

  test('open sign-up: active at once, signed in, enrolled in the sign-up programs, under the referrer', async () => {
    const program = await s.db.kysely
      .insertInto('programs')
      .values({ name: 'Starter', description: '', priority: 0, sale_commission_type: 'percent', sale_commission_value: 500, lead_commission: null, recurring_mode: 'every', recurring_payments: null, second_tier_type: null, second_tier_value: null, attribution_window_days: null, attribution_model: 'last_click', hold_days: null, status: 'active', created_at: s.now, updated_at: s.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await updateSettings(s.deps, { signupMode: 'open', signupProgramIds: [program.id] });
    const parent = await s.addPartner({ code: 'mentor' });
    const res = await signup({ ...valid, referrerCode: 'MENTOR' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.status, 'active');
    const me = await s.call('GET', '/api/v1/me', { token: res.json.token });
    assert.equal(me.json.code, 'nia');
    const row = (await one<{ parent_id: number }>(s.db, sql`SELECT parent_id FROM partners WHERE code = ${'nia'}`))!;
    assert.equal(row.parent_id, parent.id);
    const programs = await s.call('GET', '/api/v1/partner/programs', { token: res.json.token });
    assert.deepEqual(programs.json.programs.map((p: { name: string }) => p.name), ['Starter']);
  });

  test('closed sign-up → 403, nothing created', async () => {
    await updateSettings(s.deps, { signupMode: 'closed' });
    const res = await signup(valid);
    assert.equal(res.status, 403);
    assert.equal(res.json.error.code, 'signup_closed');
    assert.equal(await count(), 0);
  });

  test('a taken code, in any case → 409 on code', async () => {
    await s.addPartner({ code: 'Nia' });
    const res = await signup(valid);
    assert.equal(res.status, 409);
    assert.equal(res.json.error.field, 'code');
    assert.equal(await count(), 1);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['terms not accepted', { acceptTerms: false }, 'acceptTerms'],
    ['a code with spaces', { code: 'my code' }, 'code'],
    ['a code with script', { code: '<script>' }, 'code'],
    ['a one-letter code', { code: 'x' }, 'code'],
    ['a short password', { password: 'short' }, 'password'],
    ['a bad email', { email: 'nia@' }, 'email'],
    ['a status field', { status: 'active' }, ''],
  ];
  for (const [name, change, field] of bad) {
    test(`${name} → 4xx naming the field, nothing created`, async () => {
      const res = await signup({ ...valid, ...change });
      assert.equal(res.status, 400, res.text);
      if (field) assert.equal(res.json.error.field, field);
      assert.equal(await count(), 0);
    });
  }

  test('the partner code itself as password → 400 weak_password', async () => {
    const res = await signup({ ...valid, code: 'nia-password-1', password: 'NIA-PASSWORD-1' });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, 'weak_password');
    assert.equal(await count(), 0);
  });

  test('the answer does not tell whether the referrer code is an active partner: unknown and inactive ones are ignored', async () => {
    await s.addPartner({ code: 'mentor' });
    await s.addPartner({ code: 'sleeper', status: 'disabled' });
    await s.addPartner({ code: 'waiting', status: 'pending' });
    const answers = [];
    for (const [i, referrerCode] of [undefined, 'mentor', 'ghost', 'sleeper', 'waiting'].entries()) {
      const res = await signup({ ...valid, code: `nia${i}`, email: `nia${i}@example.com`, ...(referrerCode ? { referrerCode } : {}) });
      assert.equal(res.status, 201, res.text);
      answers.push({ headers: [...res.headers], text: res.text.replaceAll(`nia${i}`, 'nia') });
    }
    for (const answer of answers.slice(1)) assert.deepEqual(answer, answers[0]);
    const parents = await all(s.db, sql`SELECT p.code, parent.code AS parent FROM partners p LEFT JOIN partners parent ON parent.id = p.parent_id WHERE p.code LIKE 'nia%' ORDER BY p.code`);
    assert.deepEqual(
      parents.map((r: any) => [r.code, r.parent]),
      [['nia0', null], ['nia1', 'mentor'], ['nia2', null], ['nia3', null], ['nia4', null]],
    );
  });
});

describe('sign-up limits', () => {
  beforeEach(async () => {
    await s.close();
    s = await testServer({ trustProxy: 1 });
  });
  const from = (ip: string, body: unknown) => s.call('POST', '/api/v1/auth/signup', { body, headers: { 'X-Forwarded-For': ip } });

  test(`${SIGNUP_ADDRESS_LIMIT.max} sign-ups an hour from one address, then 429 with Retry-After; other addresses go on`, async () => {
    for (let i = 0; i < SIGNUP_ADDRESS_LIMIT.max; i++) {
      assert.equal((await from('203.0.113.5', { ...valid, code: `spam${i}`, email: `spam${i}@example.com` })).status, 201);
    }
    const refused = await from('203.0.113.5', { ...valid, code: 'spam-x', email: 'spam-x@example.com' });
    assert.equal(refused.status, 429);
    assert.equal(refused.json.error.code, 'too_many_attempts');
    assert.equal(refused.headers.get('Retry-After'), '3600');
    assert.equal(await count(), SIGNUP_ADDRESS_LIMIT.max, 'nothing created');
    assert.equal((await from('198.51.100.5', valid)).status, 201);
    s.advance(SIGNUP_ADDRESS_LIMIT.windowMs);
    assert.equal((await from('203.0.113.5', { ...valid, code: 'later', email: 'later@example.com' })).status, 201);
  });

  test(`${SIGNUP_EMAIL_LIMIT.max} tries an hour with one email address, taken codes included`, async () => {
    await s.addPartner({ code: 'taken' });
    for (let i = 0; i < SIGNUP_EMAIL_LIMIT.max; i++) {
      assert.equal((await from(`192.0.2.${i}`, { ...valid, code: 'taken', email: 'NIA@example.com' })).status, 409);
    }
    const refused = await from('192.0.2.99', valid);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    assert.equal(await count(), 1);
  });
});
