import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueueMail } from '../../../server/mail/outbox.js';
import { sendDue } from '../../../server/mail/worker.js';
import { testServer } from '../../helpers/server.js';

test('the demo outbox page lists the kept mail newest first, links clickable; the demo page links to it; only with --demo', async () => {
  const s = await testServer({ demo: true });
  const alice = await s.addPartner({ code: 'ALICE', name: 'Alice <b>Archer</b>' });
  await enqueueMail(s.deps, { kind: 'signup_received', to: alice.email, partnerId: alice.id, data: {} });
  s.advance(1000);
  await enqueueMail(s.deps, { kind: 'password_reset', to: alice.email, partnerId: alice.id, data: { link: 'http://localhost:3000/?pc_reset=abc123', expiresIn: '1 hour' } });
  await sendDue(s.deps);

  const res = await s.app.request('/demo/outbox');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<a href="http:\/\/localhost:3000\/\?pc_reset=abc123">http:\/\/localhost:3000\/\?pc_reset=abc123<\/a>/);
  assert.ok(html.indexOf('Reset your') < html.indexOf('We received your application'), 'newest first');
  assert.match(html, /kept/);
  assert.match(html, /Alice &lt;b&gt;Archer&lt;\/b&gt;/);
  assert.doesNotMatch(html, /<b>Archer/);

  const demo = await (await s.app.request('/')).text();
  assert.match(demo, /<a href="\/demo\/outbox">/);
  s.close();

  const plain = await testServer();
  assert.equal((await plain.app.request('/demo/outbox')).status, 404);
  plain.close();
});
