import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { createApp } from '../../../server/app.js';
import { createLink } from '../../../server/catalog/links.js';
import { createProgram } from '../../../server/catalog/programs.js';
import { configSchema } from '../../../server/config.js';
import { openDatabase } from '../../../server/db/connection.js';
import type { Deps } from '../../../server/deps.js';
import { createPartnerAccount } from '../../../server/partners/partner-admin.js';

const dir = mkdtempSync(join(tmpdir(), 'partner-center-checkpoints-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Clicks in the database file alone, as a copy without its WAL shows them (0 for a copy torn by a checkpoint in progress). */
function clicksInMainFile(path: string, copy: string): number {
  copyFileSync(path, copy);
  const db = new Sqlite(copy, { readonly: true });
  try {
    // until the first checkpoint even the schema is only in the WAL
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'clicks'").get()) return 0;
    return (db.prepare('SELECT count(*) AS n FROM clicks').get() as { n: number }).n;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CORRUPT') return 0;
    throw err;
  } finally {
    db.close();
  }
}

test('once redirects run, a worker thread checkpoints the WAL into the database file, and closing the database waits for it', async () => {
  const path = join(dir, 'pc.sqlite');
  const db = openDatabase(path);
  const deps: Deps = { db, config: { ...configSchema.parse({}), databasePath: path }, clock: Date.now };
  const program = await createProgram(deps, { name: 'P', saleCommission: { type: 'percent', value: 1000 }, holdDays: 30 });
  await createPartnerAccount(deps, { code: 'ckpt', name: 'C', email: 'ckpt@example.com', password: 'ckpt-password', programIds: [program.id] });
  await createLink(deps, { slug: 'shop', name: 'Shop', destination: 'https://shop.example.com/' }, 'http://127.0.0.1');
  const app = createApp(deps);

  const answers = await Promise.all(Array.from({ length: 40 }, () => app.request('/r/ckpt/shop')));
  assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([302]));
  // far below the main connection's own checkpoint threshold: only the worker copies them over
  const copy = join(dir, 'copy.sqlite');
  let inFile = 0;
  for (let waited = 0; waited < 10_000 && inFile < 40; waited += 100) {
    await new Promise((wake) => setTimeout(wake, 100));
    inFile = clicksInMainFile(path, copy);
  }
  assert.equal(inFile, 40);
  await db.close(); // stops the worker first; resolves (an unref'd worker would leave it hanging)
});
