import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainPlan } from '../../../server/db/explain.js';
import { testDatabase, testDialect } from '../../helpers/database.js';
import { run, sql } from '../../helpers/sql.js';

test(`explainPlan() names the index a query uses on ${testDialect}`, async () => {
  const db = await testDatabase();
  try {
    // enough rows, spread over many codes, that a full scan would be the worse plan
    const rows = Array.from({ length: 3000 }, (_, i) => ({ bucket: `login:code${i % 300}`, at: i }));
    for (let i = 0; i < rows.length; i += 500) await db.kysely.insertInto('attempts').values(rows.slice(i, i + 500)).execute();
    if (db.dialect === 'postgres') await run(db, sql`ANALYZE attempts`);
    const plan = (await explainPlan(db, db.kysely.selectFrom('attempts').select('at').where('bucket', '=', 'login:code7').where('at', '>', 100))).join('\n');
    if (testDialect === 'sqlite') assert.match(plan, /SEARCH attempts USING (COVERING )?INDEX attempts_bucket_at/);
    else {
      assert.match(plan, /Index (Only )?Scan using attempts_bucket_at|Bitmap Index Scan on attempts_bucket_at/);
      assert.doesNotMatch(plan, /Seq Scan on attempts/);
    }
  } finally {
    await db.close();
  }
});
