import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commands, main } from '../../../server/cli.js';
import { withDeps } from '../../../server/cli/command.js';
import { createPartnerAccount } from '../../../server/partners/partner-admin.js';
import { updateProfile } from '../../../server/partners/partners.js';
import { recordPayment } from '../../../server/money/payments.js';
import { createProgram } from '../../../server/catalog/programs.js';
import { recordSale } from '../../../server/tracking/sales.js';
import { signUp } from '../../../server/partners/signup.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { one, sql } from '../../helpers/sql.js';

/**
 * The merchant's weekly work from the shell: each command runs as a child process of
 * bin/partner-center.js against a real SQLite file (set up through the same domain functions
 * the admin API uses), and the test reads the file afterwards.
 */

const bin = fileURLToPath(new URL('../../../bin/partner-center.js', import.meta.url));
let dir: string;
/** the CLI's --db: a SQLite file in `dir`, or a postgres:// URL (PC_TEST_DB=postgres) */
let db: string;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;

/** `--db <file>` added before any `--` (after it everything is an argument). */
function withDb(args: string[]): string[] {
  if (args.includes('--help')) return args;
  const end = args.indexOf('--');
  return end < 0 ? [...args, '--db', db] : [...args.slice(0, end), '--db', db, ...args.slice(end)];
}

function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...withDb(args)], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout.trimEnd(), err: stderr.trimEnd() });
    });
  });
}

/** The first row a query answers on the CLI's database, read by this test. */
const q = async <T>(query: ReturnType<typeof sql>): Promise<T> => {
  const conn = await location.open();
  try {
    return (await one<T>(conn, query))!;
  } finally {
    await conn.close();
  }
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partner-center-cli-admin-'));
  location = await testDatabaseLocation(dir);
  db = location.args[1]!;
  await withDeps(db, async (deps) => {
    await createProgram(deps, { name: 'Affiliates', saleCommission: { type: 'percent', value: 1000 } }); // 30 hold days
    const alice = await createPartnerAccount(deps, { code: 'alice', name: 'Alice A', email: 'alice@example.com', password: 'alice-password', programIds: [1] });
    await updateProfile(deps, alice.id, { payoutMethod: 'paypal', payoutDetails: 'alice.anders@paypal.example' });
    await signUp(deps, { code: 'nia', name: 'Nia New', email: 'nia@example.com', password: 'nia-password-1' }, { ip: '127.0.0.1' });
    await signUp(deps, { code: 'zed', name: 'Zed Z', email: 'zed@example.com', password: 'zed-password-1' }, { ip: '127.0.0.1' });
    for (const orderId of ['A-1', 'A-2', 'A-3']) await recordSale(deps, { orderId, amount: 100_000, currency: 'USD', partnerCode: 'alice' });
  });
});
after(async () => {
  await location.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('partner-center CLI: the merchant’s weekly work (child process)', () => {
  test('approve a pending partner, reject another; a non-pending partner is not rejected', async () => {
    const approve = await run('partner', 'approve', 'nia');
    assert.equal(approve.code, 0, approve.err);
    assert.equal(approve.out, 'Partner "nia" is active, in program(s) 1');
    const reject = await run('partner', 'reject', 'zed');
    assert.equal(reject.code, 0, reject.err);
    assert.match(reject.out, /"zed" is disabled/);
    assert.deepEqual(
      [(await q<{ status: string }>(sql`SELECT status FROM partners WHERE code = ${'nia'}`)).status, (await q<{ status: string }>(sql`SELECT status FROM partners WHERE code = ${'zed'}`)).status],
      ['active', 'disabled'],
    );
  });

  test('approve one commission, then every one past its hold; reverse one with a note', async () => {
    const one = await run('commission', 'approve', '1');
    assert.equal(one.code, 0, one.err);
    assert.equal(one.out, 'Commission 1: $100.00 to alice is approved');
    assert.equal((await q<{ status: string }>(sql`SELECT status FROM commissions WHERE id = 1`)).status, 'approved');

    await q(sql`UPDATE commissions SET payable_at = 0 WHERE id = 2 RETURNING id`);
    const due = await run('commission', 'approve', '--due');
    assert.equal(due.code, 0, due.err);
    assert.equal(due.out, 'Approved 1 commission past their hold.');
    assert.equal((await q<{ status: string }>(sql`SELECT status FROM commissions WHERE id = 3`)).status, 'pending', 'commission 3 is still on hold');

    const reverse = await run('commission', 'reverse', '3', '--note', 'order was fraud');
    assert.equal(reverse.code, 0, reverse.err);
    assert.equal(reverse.out, 'Commission 3 reversed: $100.00 taken back from alice. Balance now $200.00');
    assert.match((await q<{ description: string }>(sql`SELECT description FROM ledger_entries WHERE type = 'clawback'`)).description, /order was fraud/);

    const list = await run('commission', 'list', '--partner', 'alice');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^3\s+alice\s+A-3\s+Affiliates\s+direct\s+\$100\.00\s+\$100\.00\s+clawed_back/m);
  });

  test('record adjustments, reverse a payment and an adjustment', async () => {
    const fee = await run('adjustment', 'record', '--partner', 'alice', '--amount=-5.50', '--note', 'wire fee');
    assert.equal(fee.code, 0, fee.err);
    assert.match(fee.out, /^Ledger entry (\d+): -\$5\.50 to alice \(Adjustment: wire fee\)\. Balance now \$194\.50$/);
    const feeEntry = /entry (\d+)/.exec(fee.out)![1]!;

    await withDeps(db, (deps) => recordPayment(deps, { partnerCode: 'alice', amount: 10_000, method: 'PayPal' }));
    const reversed = await run('payment', 'reverse', '1', '--note', 'bounced');
    assert.equal(reversed.code, 0, reversed.err);
    assert.match(reversed.out, /^Payment 1 reversed by ledger entry \d+ \(\$100\.00\)\. Balance now \$194\.50$/);

    const undo = await run('ledger', 'reverse', feeEntry, '--note', 'fee waived');
    assert.equal(undo.code, 0, undo.err);
    assert.match(undo.out, /\(\$5\.50\)\. Balance now \$200\.00$/);
    assert.equal((await q<{ s: number }>(sql`SELECT sum(amount) AS s FROM ledger_entries l JOIN partners p ON p.id = l.partner_id WHERE p.code = 'alice'`)).s, 20_000);
  });

  test('payouts due: the table masks payout details, the CSV has them in full; partner show has them', async () => {
    const [csv, table, show] = await Promise.all([run('payouts', 'due', '--min', '0', '--csv'), run('payouts', 'due', '--min', '0'), run('partner', 'show', 'alice')]);
    assert.equal(csv.code, 0, csv.err);
    assert.equal(csv.out, 'code,name,email,amount,currency,payout_method,payout_details\nalice,Alice A,alice@example.com,200.00,USD,paypal,alice.anders@paypal.example');
    assert.match(table.out, /alice\s+Alice A\s+alice@example\.com\s+\$200\.00\s+\$0\.00\s+paypal a•••@paypal\.example/);
    assert.doesNotMatch(table.out, /anders/);
    assert.match(show.out, /payout: paypal — alice\.anders@paypal\.example/);
  });

  test('settings get and set, checked by the settings rules; nothing else moves', async () => {
    const before = JSON.parse((await run('settings', 'get')).out);
    const set = await run('settings', 'set', 'holdDays', '14');
    assert.equal(set.code, 0, set.err);
    assert.equal(set.out, 'holdDays = 14');
    assert.equal((await run('settings', 'set', 'merchantName', 'Northwind Outfitters')).out, 'merchantName = "Northwind Outfitters"');
    assert.equal((await run('settings', 'set', 'menus.programs', 'false')).out, 'menus.programs = false');
    const after = JSON.parse((await run('settings', 'get')).out);
    assert.deepEqual(after, { ...before, holdDays: 14, merchantName: 'Northwind Outfitters', menus: { ...before.menus, programs: false } });
    assert.equal((await run('settings', 'get', 'holdDays')).out, '14');
    const refused = await run('settings', 'set', 'holdDays', '4000');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^partner-center settings set: holdDays: /);
  });

  test('a noun with --help prints its subcommands and exits 0', async () => {
    const res = await run('program', '--help');
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /Usage: partner-center program <subcommand>/);
    assert.match(res.out, /program add\s+Create a program/);
  });
});

/** The same CLI in-process (cheaper than a child process): for help texts and mistakes. */
async function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await main(withDb(args)), out: out.join('\n'), err: err.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
}

describe('mistakes get one clear line, a non-zero exit and change nothing', () => {
  test('each mistake', async () => {
    const settingsBefore = (await inProcess('settings', 'get')).out;
    const ledgerRows = (await q<{ n: number }>(sql`SELECT count(*) AS n FROM ledger_entries`)).n;
    const cases: [string[], number, RegExp][] = [
      [['partner', 'reject', 'alice'], 2, /"alice" is active, not pending; use "partner-center partner disable"/],
      [['partner', 'approve', 'ghost'], 1, /Partner "ghost" not found/],
      [['partner', 'approve'], 2, /the partner code is required/],
      [['commission', 'approve'], 2, /the commission id \(or --due\) is required/],
      [['commission', 'approve', '1', '--due'], 2, /give a commission id or --due, not both/],
      [['commission', 'approve', '999'], 1, /Commission 999 not found/],
      [['commission', 'reverse', '2'], 2, /--note is required/],
      [['commission', 'reverse', 'two', '--note', 'x'], 2, /must be a positive whole number, got "two"/],
      [['commission', 'list', '--status', 'late'], 2, /--status must be pending, approved, paid or clawed_back/],
      [['adjustment', 'record', '--partner', 'alice', '--amount', 'lots', '--note', 'x'], 2, /--amount must be an amount in USD like 25\.00 or -5\.00/],
      [['adjustment', 'record', '--partner', 'alice', '--amount', '0', '--note', 'x'], 1, /amount: must not be zero/],
      [['adjustment', 'record', '--partner', 'alice', '--amount', '5'], 2, /--note is required/],
      [['payment', 'reverse', '42', '--note', 'x'], 1, /Payment 42 not found/],
      [['ledger', 'reverse', '1', '--note', 'x'], 1, /is not reversed here: reverse the commission/],
      [['settings', 'set', 'holdDays', '-1'], 2, /Unknown option '-1'/],
      [['settings', 'set', 'holdDays', '--', '-1'], 1, /holdDays: /],
      [['settings', 'set', 'allowedLinkDomains', 'shop.example.com'], 1, /allowedLinkDomains: /],
      [['settings', 'set', 'menus.reports', 'true'], 1, /menus: has unknown field\(s\): reports/],
      [['settings', 'set', 'colour', '"red"'], 2, /unknown setting "colour"; the settings are merchantName, /],
      [['settings', 'set', 'holdDays'], 2, /give a setting and its value/],
      [['settings', 'get', 'nope'], 2, /unknown setting "nope"/],
    ];
    for (const [args, code, message] of cases) {
      const res = await inProcess(...args);
      assert.equal(res.code, code, `${args.join(' ')}: ${res.err}`);
      assert.match(res.err, message, args.join(' '));
    }
    assert.equal((await inProcess('settings', 'get')).out, settingsBefore);
    assert.equal((await q<{ n: number }>(sql`SELECT count(*) AS n FROM ledger_entries`)).n, ledgerRows);
  });
});

describe('--help for every command and every noun', () => {
  test('each prints usage and exits 0', async () => {
    const names = Object.keys(commands);
    for (const name of names) {
      const res = await inProcess(...name.split(' '), '--help');
      assert.equal(res.code, 0, name);
      assert.match(res.out, new RegExp(`Usage: partner-center ${name}`), name);
    }
    for (const noun of new Set(names.filter((n) => n.includes(' ')).map((n) => n.split(' ')[0]!))) {
      const res = await inProcess(noun, '--help');
      assert.equal(res.code, 0, noun);
      assert.match(res.out, new RegExp(`Usage: partner-center ${noun} <subcommand>`), noun);
    }
  });
});
