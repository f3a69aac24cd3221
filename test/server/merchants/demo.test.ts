import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_OWNER, seedDemo } from '../../../server/demo/seed.js';
import { testServer } from '../../helpers/server.js';

test('the demo seeds an owner who signs in to the admin API; seeding records nothing in the audit log', async () => {
  const s = await testServer({ demo: true });
  assert.equal(await seedDemo(s.deps), true);
  assert.deepEqual(DEMO_OWNER, { email: 'owner@northwind.example', password: 'demo-owner-password' });
  const res = await s.call('POST', '/api/v1/admin/auth/login', { body: DEMO_OWNER });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.user.role, 'owner');
  const audit = await s.call('GET', '/api/v1/admin/audit', { token: res.json.token });
  assert.deepEqual(audit.json, { items: [], nextCursor: null });
  s.close();
});
