import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../helpers/cli.js';

test('partner-center sale record --coupon credits the partner the merchant gave the code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-coupon-cli-'));
  const db = join(dir, 'pc.sqlite');
  try {
    assert.equal((await runCli(db, 'program', 'add', '--name', 'Standard', '--sale-percent', '10', '--hold', '0')).code, 0);
    assert.equal((await runCli(db, 'partner', 'add', '--code', 'alice', '--name', 'Alice', '--email', 'alice@example.com', '--password', 'partner-password', '--program', '1')).code, 0);
    const { openDatabase } = await import('../../../server/db/connection.js');
    const opened = openDatabase(db);
    opened.sqlite.prepare("INSERT INTO coupons (partner_id, code, created_at) VALUES (1, 'ALICE10', 0)").run();
    opened.close();
    const res = await runCli(db, 'sale', 'record', '--order', 'CLI-1', '--amount', '50.00', '--coupon', 'alice10');
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /credited to alice by partner_code/);
    assert.match((await runCli(db, 'sale', 'record', '--help')).out, /--coupon <code>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
