import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/db/schema.js';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { findPartnerByCode } from '../../server/partners/partners.js';
import { parseCsv } from '../helpers/csv.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * The demo partner opens the demo page, goes to My Ledger and sees balances that match the
 * database to the cent; switches the period, pages through the entries, and downloads a CSV
 * with the same numbers. The data is the demo's six months of history, written by the
 * commission engine (clicks, sales, refunds, approvals, payments, an adjustment).
 */
let env: E2E;
let db: Kysely<Database>;
let partnerId: number;
before(async () => {
  env = await e2e();
  db = env.server.deps.db.kysely;
  partnerId = (await findPartnerByCode(env.server.deps, DEMO_CREDENTIALS.code))!.id;
});
after(() => env?.close());

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
const usdSigned = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' });
/** Cents as the page shows them (en, USD, a real minus sign). */
const money = (cents: number, signed = false) => (signed ? usdSigned : usd).format(cents / 100).replace('-', '−');
/** "−12.50" in the page → -1250 cents, without floating point. */
const centsOf = (text: string) => {
  const m = /^([+−-]?)\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  assert.ok(m, `money: ${text}`);
  return (m[1] === '−' || m[1] === '-' ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
};
const decimalCents = (text: string) => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  assert.ok(m, `decimal: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

/** What the database says for a period: the summary computed straight from ledger_entries. */
async function expected(from?: number, to?: number) {
  let q = db.selectFrom('ledger_entries').select(['id', 'at', 'type', 'amount', 'balance']).where('partner_id', '=', partnerId);
  if (from !== undefined) q = q.where('at', '>=', from);
  if (to !== undefined) q = q.where('at', '<=', to);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').execute();
  const before = from === undefined
    ? undefined
    : await db.selectFrom('ledger_entries').select('balance').where('partner_id', '=', partnerId).where('at', '<', from).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const sum = (type: string) => rows.filter((r) => r.type === type).reduce((s, r) => s + r.amount, 0);
  const beginning = before?.balance ?? 0;
  return {
    rows,
    summary: {
      'Beginning balance': money(beginning),
      Earned: money(sum('commission'), true),
      'Clawed back': money(sum('clawback'), true),
      Paid: money(sum('payment'), true),
      Adjustments: money(sum('adjustment'), true),
      'Ending balance': money(rows[0]?.balance ?? beginning),
    },
  };
}

async function figures(page: Page, part: string): Promise<Record<string, string>> {
  return page.locator('partner-ledger').evaluate((el, name) => {
    const dl = el.shadowRoot!.querySelector(`[part~="${name}"]`)!;
    const list = dl.tagName === 'DL' ? dl : dl.querySelector('dl')!;
    return Object.fromEntries([...list.querySelectorAll(':scope > div')].map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]));
  }, part);
}

const tableRows = (page: Page) =>
  page.locator('partner-ledger').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      return { datetime: tr.querySelector('time')!.getAttribute('datetime')!, amount: cells[3]!, balance: cells[4]! };
    }),
  );

test('My Ledger on the demo page matches the database to the cent: summary, every row, another period, and the CSV', async () => {
  const page = await env.signedInDemoPage();

  // My Ledger, all time
  const ledger = page.locator('partner-ledger');
  await ledger.scrollIntoViewIfNeeded();
  await ledger.getByRole('table', { name: 'Entries, all time, newest first' }).waitFor();
  const all = await expected();
  assert.ok(all.rows.length > 100, `a history long enough to page through (${all.rows.length})`);
  assert.deepEqual(await figures(page, 'summary'), all.summary);

  // today's balance, pending and payable now, from the ledger and the commissions table
  const now = Date.now();
  const held = await db.selectFrom('commissions').select(['amount', 'clawed_back']).where('partner_id', '=', partnerId).where('status', '=', 'pending').where('payable_at', '>', now).execute();
  const pending = held.reduce((s, c) => s + c.amount - c.clawed_back, 0);
  assert.deepEqual(await figures(page, 'payout'), {
    Balance: money(all.rows[0]!.balance),
    Pending: money(pending),
    'Payable now': money(all.rows[0]!.balance - pending),
    'Minimum payout': '$50.00',
  });

  // page through every entry: each row's amount and running balance match its database row
  const loadMore = ledger.getByRole('button', { name: 'Load more entries' });
  while (await loadMore.isVisible()) {
    const before = (await tableRows(page)).length;
    await loadMore.click();
    await page.waitForFunction(
      (n) => document.querySelector('partner-ledger')!.shadowRoot!.querySelectorAll('tbody tr').length > n,
      before,
    );
  }
  const shown = await tableRows(page);
  assert.equal(shown.length, all.rows.length, 'every entry, none twice');
  assert.deepEqual(
    shown.map((r) => [Date.parse(r.datetime), centsOf(r.amount), centsOf(r.balance)]),
    all.rows.map((r) => [r.at, r.amount, r.balance]),
  );
  await ledger.getByText(`Showing ${all.rows.length} entries — that is all of them.`).waitFor();

  // another period: last month, in the browser's own calendar
  const [from, to] = await page.evaluate(() => {
    const n = new Date();
    return [new Date(n.getFullYear(), n.getMonth() - 1, 1).getTime(), new Date(n.getFullYear(), n.getMonth(), 0, 23, 59, 59, 999).getTime()];
  });
  await ledger.getByLabel('Period').selectOption({ label: 'Last month' });
  await ledger.locator('caption').filter({ hasNotText: 'all time' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('partner-ledger')!.shadowRoot!.querySelector('[part~="spinner"]'));
  const month = await expected(from, to);
  assert.ok(month.rows.length > 0, 'last month has activity');
  assert.deepEqual(await figures(page, 'summary'), month.summary);
  assert.deepEqual(
    (await tableRows(page)).map((r) => [centsOf(r.amount), centsOf(r.balance)]),
    month.rows.map((r) => [r.amount, r.balance]),
  );

  // the CSV of that period: fetched with the token, saved as a file, same numbers
  const [download] = await Promise.all([page.waitForEvent('download'), ledger.getByRole('button', { name: 'Download CSV' }).click()]);
  const fmt = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `ledger-${fmt(from)}-to-${fmt(to)}.csv`);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
  assert.deepEqual(csv[0], ['Date (UTC)', 'Type', 'Description', 'Amount', 'Balance', 'Currency', 'Entry ID']);
  const lines = csv.slice(1);
  assert.deepEqual(
    lines.map((l) => [Number(l[6]), l[1], decimalCents(l[3]!), decimalCents(l[4]!), l[5]]),
    month.rows.map((r) => [r.id, r.type, r.amount, r.balance, 'USD']),
  );
  const total = lines.reduce((s, l) => s + decimalCents(l[3]!), 0);
  assert.equal(money(centsOf(month.summary['Beginning balance']) + total), month.summary['Ending balance'], 'beginning + the CSV amounts = ending');

  assert.deepEqual(env.errors, [], 'no page or console errors');
  await page.close();
});

test('signed out, the ledger and the reports ask to sign in and request nothing', async () => {
  const page = await env.page();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.url}/`);
  await page.locator('partner-ledger').getByText('Sign in to see your ledger.').waitFor();
  await page.locator('partner-reports').getByText('Sign in to see your reports.').waitFor();
  assert.deepEqual(requests.filter((p) => p.startsWith('/api/')), []);
  await page.close();
});
