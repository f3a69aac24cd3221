import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../../server/db/connection.js';
import { prepare } from '../../../server/db/prepared.js';
import { kyselyRunner, transactionRunner } from '../../../server/db/runner.js';
import { transaction } from '../../../server/db/dialect.js';
import { testDatabase } from '../../helpers/database.js';

/** Queries compiled once and run with each call's values, on the database the suite runs on. */
describe('prepared queries', () => {
  let db: Db;
  before(async () => {
    db = await testDatabase();
    await db.kysely
      .insertInto('settings')
      .values([
        { key: 'prepared.a', value: '"first"', updated_at: 1 },
        { key: 'prepared.b', value: '"second"', updated_at: 1 },
      ])
      .execute();
  });
  after(() => db?.close());

  it('answers each call with its own values, the builder run once per dialect', async () => {
    let built = 0;
    const byKey = prepare((k, p: { key: string }) => {
      built++;
      return k.selectFrom('settings').select(['key', 'value']).where('key', '=', p.key).limit(1);
    });
    const run = kyselyRunner(db.kysely);
    assert.deepEqual(await run.first(byKey(db.kysely, { key: 'prepared.a' })), { key: 'prepared.a', value: '"first"' });
    assert.deepEqual(await run.first(byKey(db.kysely, { key: 'prepared.b' })), { key: 'prepared.b', value: '"second"' });
    assert.equal(await run.first(byKey(db.kysely, { key: 'prepared.none' })), undefined);
    assert.equal(built, 1);
    assert.deepEqual(byKey(db.kysely, { key: 'x' }).compile().parameters, ['x', 1], 'the limit the builder fixed stays');
  });

  it('a value used twice (an upsert) takes the call value in both places, inside a transaction too', async () => {
    const put = prepare((k, p: { key: string; value: string }) =>
      k
        .insertInto('settings')
        .values({ key: p.key, value: p.value, updated_at: 2 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: p.value })),
    );
    const read = prepare((k, p: { key: string }) => k.selectFrom('settings').select('value').where('key', '=', p.key));
    await transaction(db.kysely, async (trx) => {
      const run = transactionRunner(db, trx);
      await run.all(put(run.db, { key: 'prepared.c', value: '"new"' }));
      await run.all(put(run.db, { key: 'prepared.a', value: '"changed"' }));
      assert.equal((await run.one(read(run.db, { key: 'prepared.c' }))).value, '"new"');
    });
    const run = kyselyRunner(db.kysely);
    assert.deepEqual(
      await Promise.all(['prepared.a', 'prepared.b', 'prepared.c'].map(async (key) => (await run.one(read(db.kysely, { key }))).value)),
      ['"changed"', '"second"', '"new"'],
    );
  });
});
