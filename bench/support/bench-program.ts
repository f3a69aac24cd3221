/**
 * The program every server benchmark runs on: a fresh SQLite file (WAL) in a temporary folder
 * with one program (10% of each sale, 30 hold days), the partner `bench` and the link `shop`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLink } from '../../server/catalog/links.js';
import { createProgram } from '../../server/catalog/programs.js';
import { configSchema } from '../../server/config.js';
import { openDatabase } from '../../server/db/connection.js';
import type { Deps } from '../../server/deps.js';
import { createPartnerAccount } from '../../server/partners/partner-admin.js';
import { BENCH_ADMIN_KEY, DESTINATION } from './constants.js';

export async function benchProgram(): Promise<{ deps: Deps; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-'));
  const path = join(dir, 'bench.sqlite');
  const db = openDatabase(path);
  const deps: Deps = { db, config: { ...configSchema.parse({}), adminKey: BENCH_ADMIN_KEY, databasePath: path }, clock: Date.now };
  const program = await createProgram(deps, { name: 'Bench', saleCommission: { type: 'percent', value: 1000 }, holdDays: 30 });
  await createPartnerAccount(deps, { code: 'bench', name: 'Bench Partner', email: 'bench@example.com', password: 'bench-password', programIds: [program.id] });
  await createLink(deps, { slug: 'shop', name: 'Shop', destination: DESTINATION }, 'http://127.0.0.1');
  return { deps, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
