import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { migrate, migrations } from '../../../server/db/migrations.js';
import { assertError, engineServer, type EngineServer } from '../../helpers/engine.js';

/** With default settings, a partner who signs up and is approved earns on the first sale they refer. */

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
});
afterEach(() => s.close());

const signup = (code: string) =>
  s.call('POST', '/api/v1/auth/signup', { body: { name: `New ${code}`, email: `${code}@example.com`, code, password: `${code}-password-1`, acceptTerms: true } });

async function approveAndLogin(code: string) {
  const approved = await s.admin('PATCH', `/api/v1/admin/partners/${code}`, { status: 'active' });
  assert.equal(approved.status, 200, approved.text);
  return s.login(code, `${code}-password-1`);
}

describe('partners who sign themselves up', () => {
  test('fresh install: the first program is open to sign-up, so an approved sign-up earns on their first sale', async () => {
    const first = await s.admin('POST', '/api/v1/admin/programs', { name: 'Affiliates', saleCommission: { type: 'percent', value: 1000 }, holdDays: 0 });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.openToSignup, true);
    const second = await s.program({ name: 'VIP', saleCommission: { type: 'percent', value: 3000 } });
    assert.equal(second.openToSignup, false, 'only the first program is open by default');
    await s.link('shop');

    const res = await signup('nia');
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.status, 'pending');
    const token = await approveAndLogin('nia');

    const programs = await s.call('GET', '/api/v1/partner/programs', { token });
    assert.deepEqual(programs.json.programs.map((p: { name: string }) => p.name), ['Affiliates']);
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/partners/nia')).json.programIds, [first.json.id]);

    const { clickId } = await s.click('nia');
    assert.ok(clickId);
    const sale = await s.sale({ orderId: 'N-1', amount: 12_000, clickId });
    assert.equal(sale.status, 201, sale.text);
    assert.equal(sale.json.partnerCode, 'nia');
    assert.deepEqual(
      sale.json.commissions.map((c: any) => [c.partnerCode, c.programName, c.amount]),
      [['nia', 'Affiliates', 1200]],
    );
    const byCode = await s.sale({ orderId: 'N-2', amount: 5_000, partnerCode: 'nia' });
    assert.deepEqual(byCode.json.commissions.map((c: any) => c.amount), [500]);
  });

  test('the flag is set on create and changed by PATCH; sign-ups join every open active program', async () => {
    const closed = await s.program({ name: 'Closed', openToSignup: false });
    assert.equal(closed.openToSignup, false, 'an explicit false wins, even for the first program');
    const open = await s.program({ name: 'Open', openToSignup: true });
    const archived = await s.program({ name: 'Old', openToSignup: true, status: 'archived' });
    const patched = await s.admin('PATCH', `/api/v1/admin/programs/${closed.id}`, { openToSignup: true });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.openToSignup, true);
    assertError(await s.admin('PATCH', `/api/v1/admin/programs/${open.id}`, { openToSignup: 'yes' }), 400, 'invalid_request', 'openToSignup');

    await signup('nia');
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/partners/nia')).json.programIds, [closed.id, open.id]);
    assert.ok(archived.id);
  });

  test('settings.signupProgramIds, when it names programs, wins over the flags', async () => {
    await s.program({ name: 'Open' });
    const chosen = await s.program({ name: 'Chosen' });
    await s.admin('PATCH', '/api/v1/admin/settings', { signupProgramIds: [chosen.id] });
    await signup('nia');
    assert.deepEqual((await s.admin('GET', '/api/v1/admin/partners/nia')).json.programIds, [chosen.id]);
  });

  test('a partner in no program gets an empty program list (the portal says so)', async () => {
    await s.program({ name: 'Invite only', openToSignup: false });
    await signup('nia');
    const token = await approveAndLogin('nia');
    const programs = await s.call('GET', '/api/v1/partner/programs', { token });
    assert.equal(programs.status, 200, programs.text);
    assert.deepEqual(programs.json.programs, []);
  });
});

describe('migration: programs open to sign-up', () => {
  const program = (sqlite: Sqlite.Database, name: string, status = 'active') =>
    sqlite
      .prepare(
        `INSERT INTO programs (name, description, priority, sale_commission_type, sale_commission_value, recurring_mode, attribution_model, status, created_at, updated_at)
         VALUES (?, '', 0, 'percent', 1000, 'every', 'last_click', ?, 0, 0)`,
      )
      .run(name, status);
  const flags = (sqlite: Sqlite.Database) => sqlite.prepare('SELECT name, open_to_signup AS open FROM programs ORDER BY id').all();
  const before = migrations.findIndex((m) => m.name === 'programs open to sign-up');

  test('an installation that never named sign-up programs opens its oldest active program', () => {
    const sqlite = new Sqlite(':memory:');
    migrate(sqlite, migrations.slice(0, before));
    program(sqlite, 'Retired', 'archived');
    program(sqlite, 'Main');
    program(sqlite, 'Later');
    sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('signupProgramIds', '[]', 0)`).run();
    migrate(sqlite);
    assert.deepEqual(flags(sqlite), [
      { name: 'Retired', open: 0 },
      { name: 'Main', open: 1 },
      { name: 'Later', open: 0 },
    ]);
  });

  test('an installation that named sign-up programs keeps exactly those', () => {
    const sqlite = new Sqlite(':memory:');
    migrate(sqlite, migrations.slice(0, before));
    program(sqlite, 'Main');
    program(sqlite, 'Later');
    sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('signupProgramIds', '[2]', 0)`).run();
    migrate(sqlite);
    assert.deepEqual(flags(sqlite), [
      { name: 'Main', open: 0 },
      { name: 'Later', open: 0 },
    ]);
  });
});
