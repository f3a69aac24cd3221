import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configSchema } from '../../../server/config.js';
import { runCli } from '../../helpers/cli.js';
import { testDatabaseLocation } from '../../helpers/database.js';
import { addLink, addProgram, png } from '../../helpers/resource-fixtures.js';

let dir: string;
/** the CLI's --db: a SQLite file in `dir`, or a postgres:// URL (PC_TEST_DB=postgres) */
let dbPath: string;
let location: Awaited<ReturnType<typeof testDatabaseLocation>>;
let program: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pc-cli-'));
  location = await testDatabaseLocation(dir);
  dbPath = location.args[1]!;
  const db = await location.open();
  const deps = { db, config: configSchema.parse(location.config), clock: Date.now };
  await addLink(deps, { slug: 'home', destination: 'https://shop.example.com/' });
  program = await addProgram(deps);
  await db.close();
});
after(async () => {
  await location.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dbPath, ...argv);

describe('partner-center banner|email|page add|list', () => {
  test('lists say so when there is nothing yet', async () => {
    assert.match((await cli('banner', 'list')).out, /No banners yet/);
    assert.match((await cli('email', 'list')).out, /No email copy yet/);
    assert.match((await cli('page', 'list')).out, /No resource pages yet/);
  });

  test('banner add from a URL and from a local file; banner list shows both', async () => {
    const byUrl = await cli('banner', 'add', '--name', 'Leaderboard', '--image-url', 'https://cdn.example.com/l.png', '--width', '728', '--height', '90', '--alt', 'Shop boots', '--link', 'home', '--programs', String(program));
    assert.equal(byUrl.code, 0, byUrl.err);
    assert.match(byUrl.out, /^Added banner 1 "Leaderboard" \(728×90\) → link home; programs: 1$/);
    const file = join(dir, 'box.png');
    writeFileSync(file, png(300, 250));
    const byFile = await cli('banner', 'add', '--name', 'Box', '--image-file', file, '--alt', 'Boots', '--link', '1');
    assert.equal(byFile.code, 0, byFile.err);
    assert.match(byFile.out, /\(300×250\) → link home; programs: all/);
    const list = await cli('banner', 'list');
    assert.match(list.out, /^id\s+name\s+size/);
    assert.match(list.out, /1\s+Leaderboard\s+728×90\s+home\s+active\s+1\s+https:\/\/cdn.example.com\/l.png/);
    assert.match(list.out, /2\s+Box\s+300×250\s+home\s+active\s+all\s+http:\/\/localhost:3000\/uploads\/1/);
  });

  test('banner add refuses bad input with a one-line message and a non-zero exit', async () => {
    const svg = join(dir, 'x.svg');
    writeFileSync(svg, '<svg onload="alert(1)"></svg>');
    const cases: [string[], number, RegExp][] = [
      [['--name', 'X', '--alt', 'A', '--link', 'home'], 2, /give --image-url or --image-file/],
      [['--name', 'X', '--image-url', 'https://a.example/x.png', '--width', '1', '--height', '1', '--link', 'home'], 2, /--alt is required/],
      [['--name', 'X', '--image-url', 'https://a.example/x.png', '--width', 'wide', '--height', '1', '--alt', 'A', '--link', 'home'], 2, /--width must be a whole number/],
      [['--name', 'X', '--image-file', svg, '--alt', 'A', '--link', 'home'], 1, /not a PNG, JPEG, GIF or WebP/],
      [['--name', 'X', '--image-url', 'javascript:alert(1)', '--width', '1', '--height', '1', '--alt', 'A', '--link', 'home'], 1, /imageUrl: is not an http or https address/],
      [['--name', 'X', '--image-url', 'https://a.example/x.png', '--width', '1', '--height', '1', '--alt', 'A', '--link', 'nope'], 1, /No merchant link with slug "nope"/],
      [['--name', 'X', '--image-url', 'https://a.example/x.png', '--width', '1', '--height', '1', '--alt', 'A', '--link', 'home', '--programs', '99'], 1, /No program with id 99/],
      [['--bogus'], 2, /Unknown option/],
    ];
    for (const [args, code, message] of cases) {
      const res = await cli('banner', 'add', ...args);
      assert.equal(res.code, code, `${args.join(' ')}: ${res.err}`);
      assert.match(res.err, message);
    }
    assert.equal((await cli('banner', 'list')).out.split('\n').length, 3, 'still two banners');
  });

  test('email add with a body file, and its placeholder rules', async () => {
    const file = join(dir, 'email.txt');
    writeFileSync(file, 'Hi!\n\nSee {{link}} — {{partner.name}}');
    const ok = await cli('email', 'add', '--name', 'Launch', '--subject', 'New boots', '--body-file', file, '--link', 'home');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^Added email 1 "Launch" → link home; programs: all$/);
    const noLink = await cli('email', 'add', '--name', 'X', '--subject', 'S', '--body', 'Go {{link}}');
    assert.equal(noLink.code, 1);
    assert.match(noLink.err, /uses \{\{link\}\}/);
    const typo = await cli('email', 'add', '--name', 'X', '--subject', 'S', '--body', 'Hi {{partner.nmae}}');
    assert.match(typo.err, /unknown placeholder \{\{partner.nmae\}\}/);
    assert.match((await cli('email', 'list')).out, /1\s+Launch\s+New boots\s+home\s+active\s+all/);
  });

  test('page add and page list in order', async () => {
    assert.equal((await cli('page', 'add', '--title', 'FAQ', '--body', '# Questions', '--order', '2')).code, 0);
    const second = await cli('page', 'add', '--title', 'Getting started', '--body', 'Welcome', '--order', '1');
    assert.match(second.out, /slug getting-started/);
    const dup = await cli('page', 'add', '--title', 'FAQ again', '--slug', 'faq', '--body', 'x');
    assert.equal(dup.code, 1);
    assert.match(dup.err, /slug "faq" exists already/);
    const list = (await cli('page', 'list')).out.split('\n');
    assert.match(list[1]!, /getting-started/);
    assert.match(list[2]!, /faq/);
  });

  test('the commands are in the help', async () => {
    const res = await cli('--help');
    for (const name of ['banner add', 'banner list', 'email add', 'email list', 'page add', 'page list']) assert.match(res.out, new RegExp(name));
  });
});
