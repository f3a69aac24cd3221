import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../helpers/cli.js';
import { testDatabaseLocation } from '../../helpers/database.js';

test('partner-center sale record --coupon credits the partner the merchant gave the code', async () => {
  const where = await testDatabaseLocation();
  // --db takes the SQLite file or the postgres:// URL
  const db = where.args[1]!;
  try {
    assert.equal((await runCli(db, 'program', 'add', '--name', 'Standard', '--sale-percent', '10', '--hold', '0')).code, 0);
    assert.equal((await runCli(db, 'partner', 'add', '--code', 'alice', '--name', 'Alice', '--email', 'alice@example.com', '--password', 'partner-password', '--program', '1')).code, 0);
    const opened = await where.open();
    await opened.kysely.insertInto('coupons').values({ partner_id: 1, code: 'ALICE10', created_at: 0 }).execute();
    await opened.close();
    const res = await runCli(db, 'sale', 'record', '--order', 'CLI-1', '--amount', '50.00', '--coupon', 'alice10');
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /credited to alice by partner_code/);
    assert.match((await runCli(db, 'sale', 'record', '--help')).out, /--coupon <code>/);
  } finally {
    await where.drop();
  }
});
