import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createProgram } from '../../../server/catalog/programs.js';
import { withDeps } from '../../../server/cli/command.js';
import { merchantLogin } from '../../../server/merchants/users.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { all, sql } from '../../helpers/sql.js';

/** `merchant-user add|list|set-password` as child processes of bin/partner-center.js against a real SQLite file (or PostgreSQL database). */

const bin = fileURLToPath(new URL('../../../bin/partner-center.js', import.meta.url));
let dir: string;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
/** what `--db` names: the SQLite file or the postgres:// URL */
let db: string;

function run(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args, ...(args.includes('--help') ? [] : ['--db', db])], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout.trimEnd(), err: stderr.trimEnd() });
    });
    child.stdin!.end(stdin ?? '');
  });
}

const rows = async (query: Parameters<typeof all>[1]) => {
  const database = await location.open();
  try {
    return await all(database, query);
  } finally {
    await database.close();
  }
};

const signIn = (email: string, password: string) => withDeps(db, (deps) => merchantLogin(deps, { email, password, ip: '127.0.0.1' }));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partner-center-cli-merchant-'));
  location = await testDatabaseLocation(dir);
  db = location.args[1]!;
});
after(async () => {
  await location.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('merchant-user add generates a password printed once, or reads it from stdin; list shows the users', async () => {
  const owner = await run(['merchant-user', 'add', '--email', 'Olivia@Shop.Example', '--role', 'owner']);
  assert.equal(owner.code, 0, owner.err);
  const [added, shown] = owner.out.split('\n');
  assert.equal(added, 'Added owner olivia@shop.example (id 1)');
  const password = /^Password \(shown once\): (\S{20,})$/.exec(shown!)?.[1];
  assert.ok(password, owner.out);
  assert.equal((await signIn('olivia@shop.example', password)).user.role, 'owner');

  const staff = await run(['merchant-user', 'add', '--email', 'sam@shop.example', '--role', 'staff', '--password-stdin'], 'sams-secret-pw\n');
  assert.equal(staff.out, 'Added staff sam@shop.example (id 2)', 'no password printed when it came from stdin');
  assert.equal((await signIn('sam@shop.example', 'sams-secret-pw')).user.role, 'staff');

  const list = await run(['merchant-user', 'list']);
  assert.equal(list.code, 0, list.err);
  assert.deepEqual(list.out.split('\n').map((l) => l.split(/\s+/).slice(0, 4)), [
    ['ID', 'EMAIL', 'ROLE', 'STATUS'],
    ['1', 'olivia@shop.example', 'owner', 'active'],
    ['2', 'sam@shop.example', 'staff', 'active'],
  ]);
});

test('merchant-user set-password ends sessions; bad input exits non-zero with one line', async () => {
  await signIn('sam@shop.example', 'sams-secret-pw');
  const set = await run(['merchant-user', 'set-password', 'SAM@shop.example', '--password-stdin'], 'sams-new-password');
  assert.equal(set.code, 0, set.err);
  assert.equal(set.out, 'Password set for sam@shop.example; their sessions have ended');
  assert.deepEqual(await rows(sql`SELECT count(*) AS open FROM merchant_sessions WHERE user_id = 2 AND revoked_at IS NULL`), [{ open: 0 }]);
  await signIn('sam@shop.example', 'sams-new-password');

  const generated = await run(['merchant-user', 'set-password', 'sam@shop.example']);
  assert.match(generated.out, /\nPassword \(shown once\): \S{20,}$/);

  const cases: [string[], string | undefined, number, RegExp][] = [
    [['merchant-user', 'add', '--email', 'x@shop.example'], undefined, 2, /--role owner\|staff is required/],
    [['merchant-user', 'add', '--email', 'x@shop.example', '--role', 'boss'], undefined, 2, /--role is owner or staff, not "boss"/],
    [['merchant-user', 'add', '--email', 'nope', '--role', 'staff'], undefined, 1, /email: Enter a valid email address/],
    [['merchant-user', 'add', '--email', 'x@shop.example', '--role', 'staff', '--password-stdin'], 'short', 1, /password: Use at least 12 characters/],
    [['merchant-user', 'add', '--email', 'sam@shop.example', '--role', 'staff'], undefined, 1, /sam@shop\.example exists already/],
    [['merchant-user', 'set-password', 'who@shop.example'], undefined, 1, /Merchant user "who@shop\.example" not found/],
  ];
  for (const [args, stdin, code, message] of cases) {
    const res = await run(args, stdin);
    assert.equal(res.code, code, `${args.join(' ')}: ${res.err}`);
    assert.match(res.err, message);
    assert.equal(res.err.split('\n').length, 1, res.err);
  }
});

test('--help says where the password comes from', async () => {
  const help = await run(['merchant-user', 'add', '--help']);
  assert.match(help.out, /--password-stdin\s+read the password from standard input \(else one is generated and printed once\)/);
  assert.match(help.out, /--role owner\|staff/);
  const group = await run(['merchant-user', '--help']);
  assert.match(group.out, /merchant-user add\s+Add a merchant user/);
  assert.match(group.out, /merchant-user list/);
  assert.match(group.out, /merchant-user set-password/);
});

test('changes from the CLI are audited as cli, without passwords', async () => {
  await withDeps(db, (deps) => createProgram(deps, { name: 'From the shell', saleCommission: { type: 'percent', value: 500 } }));
  const log = await rows(sql`SELECT actor_type, actor, action, target_type, target_id, before, after FROM audit_log ORDER BY id`);
  assert.deepEqual(
    log.map((e) => [e.actor_type, e.actor, e.action, e.target_id]),
    [
      ['cli', 'cli', 'merchant_user.create', '1'],
      ['cli', 'cli', 'merchant_user.create', '2'],
      ['cli', 'cli', 'merchant_user.set_password', '2'],
      ['cli', 'cli', 'merchant_user.set_password', '2'],
      ['cli', 'cli', 'program.create', '1'],
    ],
  );
  assert.equal(JSON.parse(log[2]!.after as string).password, '[redacted]');
  assert.doesNotMatch(JSON.stringify(log), /sams-|scrypt/);
});
