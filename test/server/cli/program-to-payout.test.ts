import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { runCli } from '../../helpers/cli.js';
import { testDatabaseLocation, testDialect } from '../../helpers/database.js';
import { one, sql } from '../../helpers/sql.js';

let dir: string;
/** the CLI's --db: a SQLite file in `dir`, or a postgres:// URL */
let db: string;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partner-center-cli-'));
  location = await testDatabaseLocation(dir);
  db = location.args[1]!;
});
after(async () => {
  await location.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** One row of a query on the CLI's database, read by this test. */
async function read<T>(query: ReturnType<typeof sql>): Promise<T> {
  const conn = await location.open();
  try {
    return (await one<T>(conn, query))!;
  } finally {
    await conn.close();
  }
}

const cli = (...args: string[]) => runCli(db, ...args);

describe('the CLI runs a program end to end over the same engine', () => {
  test('admin key, program, partners, link, sale, refund, payment, payouts, backup', async () => {
    const key = await cli('admin-key', 'create', '--name', 'checkout');
    assert.equal(key.code, 0, key.err);
    assert.match(key.out, /^pca_[\w-]{43}$/);
    assert.match(key.err, /shown only this once/);
    const stored = await read<{ key_hash: string; prefix: string; name: string }>(sql`SELECT key_hash, prefix, name FROM admin_keys`);
    assert.notEqual(stored.key_hash, key.out, 'only the hash is stored');
    assert.equal(stored.name, 'checkout');

    const program = await cli('program', 'add', '--name', 'Affiliates', '--sale-percent', '10', '--hold', '0', '--product', 'pro=20%', '--second-tier-percent', '5');
    assert.equal(program.code, 0, program.err);
    assert.equal(program.out, 'Program 1 "Affiliates" created: 10% per sale, priority 0, open to sign-up');
    assert.match((await cli('program', 'list')).out, /1\s+Affiliates\s+0\s+10% \(\+1 products\)\s+-\s+5%\s+0d\s+active/);

    assert.equal((await cli('partner', 'add', '--code', 'alice', '--name', 'Alice A', '--email', 'alice@example.com', '--password', 'alice-password', '--program', '1')).code, 0);
    const bob = await cli('partner', 'add', '--code', 'bob', '--name', 'Bob B', '--email', 'bob@example.com', '--password', 'bob-password-1', '--program', '1', '--parent', 'alice');
    assert.equal(bob.out, 'Partner "bob" created in program(s) 1, parent alice');
    assert.match((await cli('link', 'add', '--slug', 'shop', '--name', 'Shop', '--destination', 'https://shop.example.com/')).out, /Partners share: .*\/r\/<their code>\/shop/);
    assert.match((await cli('link', 'list')).out, /1\s+shop\s+Shop\s+active\s+https:\/\/shop\.example\.com\//);

    const sale = await cli('sale', 'record', '--order', 'A-1', '--amount', '120.00', '--partner', 'bob', '--item', 'pro:100', '--item', 'sock:10.00:2');
    assert.equal(sale.code, 0, sale.err);
    assert.equal(
      sale.out,
      [
        'Recorded order A-1: $120.00',
        '  credited to bob by partner_code',
        '  commission 1: $20.00 to bob (direct, Affiliates, approved)',
        '  commission 2: $1.00 to bob (direct, Affiliates, approved)',
        '  commission 3: $5.50 to alice (second, Affiliates, approved)',
      ].join('\n'),
    );
    assert.match((await cli('sale', 'record', '--order', 'A-1', '--amount', '120.00', '--partner', 'bob', '--item', 'pro:100', '--item', 'sock:10.00:2')).out, /^Already recorded order A-1/);

    const refund = await cli('refund', 'record', '--order', 'A-1', '--amount', '30');
    assert.equal(refund.code, 0, refund.err);
    assert.match(refund.out, /Refunded \$30\.00 of order A-1 \(\$30\.00 of \$120\.00 refunded\)/);
    assert.match(refund.out, /clawed back \$5\.00 from bob \(commission 1\)/);

    const tooMuch = await cli('payment', 'record', '--partner', 'bob', '--amount', '100');
    assert.equal(tooMuch.code, 1);
    assert.match(tooMuch.err, /bob has \$15\.75 payable now; \$100\.00 is more/);
    const paid = await cli('payment', 'record', '--partner', 'bob', '--amount', '10', '--method', 'PayPal');
    assert.equal(paid.out, 'Payment 1: $10.00 to bob. Balance now $5.75 ($5.75 payable now, $0.00 pending)');

    const due = await cli('payouts', 'due', '--min', '5', '--csv');
    assert.equal(due.out, 'code,name,email,amount,currency,payout_method,payout_details\nbob,Bob B,bob@example.com,5.75,USD,,');
    assert.equal((await cli('payouts', 'due', '--min', '100')).out, 'Nobody is due a payout.');
    assert.match((await cli('partner', 'list')).out, /bob\s+Bob B\s+bob@example\.com\s+active\s+alice\s+1\s+\$5\.75/);

    assert.equal((await cli('partner', 'set-password', 'bob', '--password', 'a-new-password')).code, 0);

    const file = join(dir, 'backup.sqlite');
    const backup = await cli('backup', file);
    if (testDialect === 'postgres') {
      // PostgreSQL has its own backups: the command says so, as a usage mistake, and writes nothing
      assert.equal(backup.code, 2, backup.out);
      assert.match(backup.err, /runs on PostgreSQL, which has its own backups: use pg_dump/);
      assert.equal(existsSync(file), false);
      assert.equal((await read<{ n: number }>(sql`SELECT count(*) AS n FROM sales`)).n, 1);
      assert.equal((await read<{ s: number }>(sql`SELECT sum(amount) AS s FROM ledger_entries`)).s, 575 + 412);
      return;
    }
    assert.equal(backup.code, 0, backup.err);
    const copy = new Sqlite(file, { readonly: true });
    assert.equal((copy.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n, 1);
    assert.equal((copy.prepare('SELECT sum(amount) AS s FROM ledger_entries').get() as { s: number }).s, 575 + 412); // bob $5.75, alice $5.50 − $1.38
    copy.close();
    const again = await cli('backup', file);
    assert.equal(again.code, 2);
    assert.match(again.err, /exists already/);
  });

  test('mistakes get one clear line and a non-zero exit; --help explains every command', async () => {
    const cases: [string[], number, RegExp][] = [
      [['program', 'add', '--name', 'X'], 2, /--sale-percent or --sale-flat is required/],
      [['program', 'add', '--name', 'X', '--sale-percent', '150'], 2, /percent from 0 to 100/],
      [['program', 'add', '--name', 'X', '--sale-flat', '1.234'], 2, /amount in USD like 12\.50/],
      [['partner', 'add', '--code', 'x', '--name', 'n', '--email', 'e@example.com', '--password', 'long-enough'], 1, /code: must be 2–32/],
      [['partner', 'add', '--code', 'zed'], 2, /--password <password> or --password-stdin is required/],
      [['sale', 'record', '--order', 'B-1'], 2, /--amount is required/],
      [['sale', 'record', '--order', 'B-1', '--amount', 'ten'], 2, /--amount must be an amount/],
      [['refund', 'record', '--order', 'nope'], 1, /No sale with order id nope/],
      [['payment', 'record', '--partner', 'ghost', '--amount', '1'], 1, /Partner "ghost" not found/],
      [['payouts', 'due', '--bogus'], 2, /Unknown option '--bogus'/],
      [['backup'], 2, /the backup file is required/],
    ];
    for (const [args, code, message] of cases) {
      const res = await cli(...args);
      assert.equal(res.code, code, `${args.join(' ')}: ${res.err}`);
      assert.match(res.err, message, args.join(' '));
    }
    for (const command of ['admin-key create', 'program add', 'program list', 'partner add', 'partner list', 'partner set-password', 'link add', 'link list', 'sale record', 'refund record', 'payment record', 'payouts due', 'backup']) {
      const help = await cli(...command.split(' '), '--help');
      assert.equal(help.code, 0);
      assert.match(help.out, new RegExp(`Usage: partner-center ${command}`));
    }
  });
});
