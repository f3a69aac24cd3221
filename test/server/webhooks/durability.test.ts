import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { CHILD_ADMIN_KEY, httpRequest, spawnServer } from '../../helpers/child-server.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { freePort } from '../mail/smtp.js';
import { startReceiver } from './receiver.js';

const auth = { Authorization: `Bearer ${CHILD_ADMIN_KEY}` };

test('a delivery survives a SIGKILL of the server between commit and delivery: after a restart it arrives, signed', async (t) => {
  const where = await testDatabaseLocation();
  t.after(() => where.drop());
  // --db takes the SQLite file or the postgres:// URL
  const path = where.args[1]!;
  const port = await freePort(); // the receiver is down at first
  const env = { ALLOW_PRIVATE_WEBHOOK_URLS: '1', WEBHOOK_RETRY_BASE_SECONDS: '1' };
  const first = await spawnServer(path, [], env);
  // a failed step before the kill must not leave the server running (a no-op once it is dead)
  t.after(() => void first.child.kill('SIGKILL'));
  const endpoint = await httpRequest(`${first.url}/api/v1/admin/webhooks`, {
    method: 'POST',
    headers: auth,
    body: { url: `http://127.0.0.1:${port}/hooks`, events: ['sale.created'] },
  });
  assert.equal(endpoint.status, 201, endpoint.text);
  const sale = await httpRequest(`${first.url}/api/v1/track/sales`, { method: 'POST', headers: auth, body: { orderId: 'K-1', amount: 4200, currency: 'USD' } });
  assert.equal(sale.status, 201, sale.text);
  // committed with the sale; the process dies before anything reached the receiver
  first.child.kill('SIGKILL');
  assert.equal((await first.exited).signal, 'SIGKILL');

  const receiver = await startReceiver(() => 200, port);
  const second = await spawnServer(path, [], env);
  try {
    const until = Date.now() + 15_000;
    while (!receiver.received.length) {
      assert.ok(Date.now() < until, `nothing arrived after the restart:\n${second.output()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const got = new Webhook(endpoint.json.secret).verify(receiver.received[0]!.body, receiver.headersOf(receiver.received[0]!)) as { type: string; data: { orderId: string; amount: number } };
    assert.equal(got.type, 'sale.created');
    assert.deepEqual([got.data.orderId, got.data.amount], ['K-1', 4200]);
    await new Promise((done) => setTimeout(done, 1500));
    assert.equal(receiver.received.length, 1, 'delivered once');
    const log = await httpRequest(`${second.url}/api/v1/admin/webhooks/${endpoint.json.id}/deliveries`, { headers: auth });
    assert.equal(log.json.deliveries[0].status, 'delivered');
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
    await receiver.close();
  }
});
