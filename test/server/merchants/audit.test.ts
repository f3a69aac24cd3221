import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_KEY, assertError } from '../../helpers/engine.js';
import { parseCsv } from '../../helpers/csv.js';
import { all, run, sql } from '../../helpers/sql.js';
import { merchantServer, OWNER, STAFF } from './helpers.js';

/** Password hashes, passwords, keys and tokens in full (a key's 10-character prefix is shown to recognise it), payout details. */
const SECRETS = /scrypt\$|partner-password|new-partner-pw|pc[ame]_[\w-]{11,}|alice\.anders@paypal/;

test('every admin change is recorded once with who, what, target, before and after — and no secrets', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  const program = await s.call('POST', '/api/v1/admin/programs', { token: t, body: { name: 'Affiliates', saleCommission: { type: 'percent', value: 1000 } } });
  await s.call('PATCH', `/api/v1/admin/programs/${program.json.id}`, { token: s.staffToken, body: { name: 'Affiliates+' } });
  await s.call('POST', '/api/v1/admin/partners', { token: ADMIN_KEY, body: { code: 'alice', name: 'Alice', email: 'alice@p.example', password: 'partner-password', programIds: [program.json.id] } });
  await s.call('PUT', '/api/v1/admin/partners/alice/password', { token: t, body: { password: 'new-partner-pw' } });
  await s.call('PATCH', '/api/v1/admin/partners/alice', { token: t, body: { status: 'disabled' } });
  await s.call('PATCH', '/api/v1/admin/settings', { token: t, body: { merchantName: 'Northwind' } });
  const link = await s.call('POST', '/api/v1/admin/links', { token: t, body: { slug: 'shop', name: 'Shop', destination: 'https://shop.example.com/' } });
  await s.call('DELETE', `/api/v1/admin/links/${link.json.id}`, { token: t });
  const key = await s.call('POST', '/api/v1/admin/admin-keys', { token: t, body: { name: 'Backend' } });
  await s.call('DELETE', `/api/v1/admin/admin-keys/${key.json.id}`, { token: t });
  await s.call('PATCH', '/api/v1/admin/partners/alice', { token: t, body: { status: 'active' } });
  await s.call('POST', '/api/v1/admin/embed-tokens', { token: t, body: { partnerCode: 'alice' } });
  // reads, sign-ins and refused calls record nothing; tracking events are not audited
  await s.call('GET', '/api/v1/admin/programs', { token: t });
  await s.call('PATCH', '/api/v1/admin/settings', { token: s.staffToken, body: { merchantName: 'Nope' } });
  await s.call('POST', '/api/v1/track/sales', { token: ADMIN_KEY, body: { orderId: 'O-1', amount: 1000, currency: 'USD' } });

  const log = await s.call('GET', '/api/v1/admin/audit?limit=100', { token: t });
  assert.equal(log.status, 200, log.text);
  assert.deepEqual(
    log.json.items.map((e: any) => [e.actor, e.action, e.targetType, e.targetId]).reverse(),
    [
      [OWNER.email, 'program.create', 'program', String(program.json.id)],
      [STAFF.email, 'program.update', 'program', String(program.json.id)],
      ['PARTNER_CENTER_ADMIN_KEY', 'partner.create', 'partner', 'alice'],
      [OWNER.email, 'partner.set_password', 'partner', 'alice'],
      [OWNER.email, 'partner.status', 'partner', 'alice'],
      [OWNER.email, 'settings.update', 'settings', null],
      [OWNER.email, 'link.create', 'link', String(link.json.id)],
      [OWNER.email, 'link.delete', 'link', String(link.json.id)],
      [OWNER.email, 'admin_key.create', 'admin_key', String(key.json.id)],
      [OWNER.email, 'admin_key.revoke', 'admin_key', String(key.json.id)],
      [OWNER.email, 'partner.status', 'partner', 'alice'],
      [OWNER.email, 'embed_token.create', 'partner', 'alice'],
    ],
  );
  assert.equal(log.json.nextCursor, null);
  const byAction = (action: string) => log.json.items.find((e: any) => e.action === action);
  assert.deepEqual([byAction('program.update').before.name, byAction('program.update').after.name], ['Affiliates', 'Affiliates+']);
  assert.deepEqual([byAction('settings.update').before, byAction('settings.update').after], [{ merchantName: 'Partner Program' }, { merchantName: 'Northwind' }], 'only the settings changed');
  assert.equal(byAction('partner.set_password').after.password, '[redacted]', 'a password change shows, the password never');
  assert.equal(byAction('partner.create').before, null);
  assert.equal(byAction('link.delete').after, null);
  assert.equal(byAction('program.update').actorType, 'user');
  assert.equal(byAction('partner.create').actorType, 'key');
  assert.doesNotMatch(log.text, SECRETS);
  assert.doesNotMatch(JSON.stringify(await all(s.db, sql`SELECT * FROM audit_log`)), SECRETS);
  s.close();
});

test('payments, adjustments, reversals, commissions and payout details are audited without the details in full', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  await s.program();
  await s.partner('alice', { programIds: [1] });
  await s.call('PATCH', '/api/v1/admin/partners/alice', { token: t, body: { name: 'Alice A' } });
  await run(s.db, sql`UPDATE partners SET payout_method = 'paypal', payout_details = 'alice.anders@paypal.example' WHERE code = 'alice'`);
  await s.sale({ orderId: 'A-1', amount: 50_000, partnerCode: 'alice' });
  const commission = (await s.call('GET', '/api/v1/admin/commissions', { token: t })).json.commissions[0];
  assert.equal((await s.call('POST', `/api/v1/admin/commissions/${commission.id}/approve`, { token: t })).status, 200);
  const payment = await s.call('POST', '/api/v1/admin/payments', { token: t, body: { partnerCode: 'alice', amount: 1000 } });
  assert.equal(payment.status, 201, payment.text);
  const adjustment = await s.call('POST', '/api/v1/admin/adjustments', { token: t, body: { partnerCode: 'alice', amount: 700, note: 'bonus' } });
  await s.call('POST', `/api/v1/admin/ledger/${adjustment.json.entry.id}/reverse`, { token: t, body: { note: 'oops' } });
  await s.call('POST', `/api/v1/admin/commissions/${commission.id}/reverse`, { token: t, body: { note: 'fraud' } });
  await s.call('PATCH', '/api/v1/admin/partners/alice', { token: t, body: { name: 'Alice B' } });

  const log = (await s.call('GET', '/api/v1/admin/audit?limit=100', { token: t })).json.items.reverse();
  assert.deepEqual(log.map((e: any) => e.action).filter((a: string) => !a.startsWith('program') && a !== 'partner.create'), [
    'partner.update',
    'commission.approve',
    'payment.record',
    'adjustment.record',
    'ledger.reverse',
    'commission.reverse',
    'partner.update',
  ]);
  const approve = log.find((e: any) => e.action === 'commission.approve');
  assert.deepEqual([approve.before, approve.after], [{ status: 'pending' }, { status: 'approved' }]);
  assert.equal(log.find((e: any) => e.action === 'payment.record').after.amount, 1000);
  assert.equal(log.find((e: any) => e.action === 'commission.reverse').after.note, 'fraud');
  const last = log.at(-1);
  assert.equal(last.before.payoutDetails, '[redacted]');
  assert.equal(last.before.payoutMethod, 'paypal');
  assert.doesNotMatch(JSON.stringify(log), SECRETS);
  s.close();
});

test('filters, keyset paging and CSV export', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  for (let i = 1; i <= 5; i++) {
    await s.call('POST', '/api/v1/admin/programs', { token: i % 2 ? t : s.staffToken, body: { name: `P${i}`, saleCommission: { type: 'percent', value: 100 * i } } });
    s.advance(60_000);
  }
  await s.call('PATCH', '/api/v1/admin/programs/2', { token: t, body: { name: 'P2, "renamed"' } });

  const page1 = await s.call('GET', '/api/v1/admin/audit?limit=2', { token: t });
  assert.deepEqual(page1.json.items.map((e: any) => e.action), ['program.update', 'program.create']);
  const page2 = await s.call('GET', `/api/v1/admin/audit?limit=2&cursor=${page1.json.nextCursor}`, { token: t });
  const page3 = await s.call('GET', `/api/v1/admin/audit?limit=2&cursor=${page2.json.nextCursor}`, { token: t });
  assert.deepEqual(page3.json.items.map((e: any) => e.after.name), ['P2', 'P1']);
  assert.equal(page3.json.nextCursor, null);

  const q = async (query: string) => (await s.call('GET', `/api/v1/admin/audit?${query}`, { token: t })).json.items.map((e: any) => e.targetId + e.action.slice('program.'.length));
  assert.deepEqual(await q(`actor=${STAFF.email}`), ['4create', '2create']);
  assert.deepEqual(await q('action=program.update'), ['2update']);
  assert.deepEqual(await q('targetType=program&targetId=2'), ['2update', '2create']);
  const start = new Date(Date.UTC(2026, 0, 15, 12, 1)).toISOString();
  const end = new Date(Date.UTC(2026, 0, 15, 12, 3)).toISOString();
  assert.deepEqual(await q(`from=${start}&to=${end}`), ['3create', '2create']);
  assert.deepEqual(await q('from=2026-01-16'), []);

  const csv = await s.app.request('/api/v1/admin/audit?format=csv&targetId=2', { headers: { Authorization: `Bearer ${t}` } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('Content-Type')!, /^text\/csv/);
  assert.match(csv.headers.get('Content-Disposition')!, /attachment; filename="audit-log\.csv"/);
  const bytes = new Uint8Array(await csv.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark for spreadsheets');
  const rows = parseCsv(new TextDecoder().decode(bytes));
  assert.deepEqual(rows[0], ['id', 'at', 'actor_type', 'actor', 'action', 'target_type', 'target_id', 'before', 'after']);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1]!.slice(1, 7), ['2026-01-15T12:05:00.000Z', 'user', OWNER.email, 'program.update', 'program', '2']);
  assert.deepEqual([JSON.parse(rows[1]![7]!).name, JSON.parse(rows[1]![8]!).name], ['P2', 'P2, "renamed"']);
  assert.deepEqual([rows[2]![4], rows[2]![7], JSON.parse(rows[2]![8]!).name], ['program.create', '', 'P2']);

  assertError(await s.call('GET', '/api/v1/admin/audit?cursor=abc', { token: t }), 400, 'invalid_request', 'cursor');
  assertError(await s.call('GET', '/api/v1/admin/audit?limit=0', { token: t }), 400, 'invalid_request', 'limit');
  assertError(await s.call('GET', '/api/v1/admin/audit?from=yesterday', { token: t }), 400, 'invalid_request', 'from');
  assertError(await s.call('GET', '/api/v1/admin/audit?format=xml', { token: t }), 400, 'invalid_request', 'format');
  s.close();
});

test('the console’s batch actions are audited too: sign-up decisions, batch approval, payment batches', async () => {
  const s = await merchantServer();
  const t = s.ownerToken;
  const program = await s.call('POST', '/api/v1/admin/programs', { token: t, body: { name: 'Affiliates', saleCommission: { type: 'percent', value: 1000 }, holdDays: 30 } });
  for (const code of ['ann', 'bob']) {
    const made = await s.call('POST', '/api/v1/admin/partners', { token: t, body: { code, name: code, email: `${code}@p.example`, password: 'partner-password', programIds: [program.json.id], status: 'pending' } });
    assert.equal(made.status, 201, made.text);
  }
  assert.equal((await s.call('POST', '/api/v1/admin/partners/ann/approve', { token: t })).status, 200);
  assert.equal((await s.call('POST', '/api/v1/admin/partners/bob/reject', { token: t, body: { reason: 'No website yet' } })).status, 200);
  const sale = await s.call('POST', '/api/v1/track/sales', { token: ADMIN_KEY, body: { orderId: 'O-1', amount: 10000, currency: 'USD', partnerCode: 'ann' } });
  assert.equal(sale.status, 201, sale.text);
  const pending = await s.call('GET', '/api/v1/admin/commissions?partner=ann', { token: t });
  const ids = pending.json.commissions.map((c: any) => c.id);
  assert.equal(ids.length, 1, pending.text);
  assert.equal((await s.call('POST', '/api/v1/admin/commissions/approve', { token: t, body: { ids } })).status, 200);
  const batch = await s.call('POST', '/api/v1/admin/payments/batch', { token: t, body: { payments: [{ partner: 'ann', amount: 1000 }], method: 'paypal' } });
  assert.equal(batch.status, 201, batch.text);

  const log = await s.call('GET', '/api/v1/admin/audit?limit=100', { token: t });
  const entries = log.json.items.map((e: any) => [e.action, e.targetId]).reverse();
  for (const expected of [
    ['partner.approve', 'ann'],
    ['partner.reject', 'bob'],
    ['commission.approve', String(ids[0])],
    ['payment.batch', String(batch.json.batchId)],
  ]) {
    assert.ok(entries.some((e: string[]) => e[0] === expected[0] && e[1] === expected[1]), `${expected.join(' ')} in ${JSON.stringify(entries)}`);
  }
  const rejected = log.json.items.find((e: any) => e.action === 'partner.reject');
  assert.deepEqual(rejected.after, { status: 'disabled', rejectionReason: 'No website yet' });
  const paid = log.json.items.find((e: any) => e.action === 'payment.batch');
  assert.equal(paid.after.total, 1000);
  s.close();
});
