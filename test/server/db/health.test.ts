import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testServer } from '../../helpers/server.js';

test('GET /api/v1/health: 200 while the database answers, 503 naming the problem once it cannot be reached', async () => {
  const s = await testServer();
  const up = await s.call('GET', '/api/v1/health');
  assert.equal(up.status, 200);
  assert.equal(up.json.status, 'ok');
  await s.db.close();
  const down = await s.call('GET', '/api/v1/health');
  assert.equal(down.status, 503, down.text);
  assert.equal(down.json.error.code, 'database_unavailable');
});
