import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * The demo partner signs in on the demo page, where My Ledger and the commission report sit
 * side by side: each money word (earned, clawed back, paid, pending, payable now, balance) has
 * the same label and the same formatted figure in both, and that figure is the database's.
 */
let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
const usdSigned = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' });
const money = (cents: number, signed = false) => (signed ? usdSigned : usd).format(cents / 100).replace('-', '−');

type Shown = Record<string, { label: string; value: string }>;

/** Every figure an element marks with `data-money`, by term. */
const moneyOf = (page: Page, tag: string) =>
  page.locator(tag).evaluate((el) => {
    const out: Record<string, { label: string; value: string }> = {};
    for (const div of el.shadowRoot!.querySelectorAll<HTMLElement>('[data-money]')) {
      out[div.dataset.money!] = { label: div.querySelector('dt')!.textContent!.trim(), value: div.querySelector('dd')!.textContent!.trim() };
    }
    return out;
  }) as Promise<Shown>;

/** The demo partner's money words for all time, straight from the rows. */
function fromTheDatabase() {
  const sqlite = env.server.deps.db.sqlite;
  const id = (sqlite.prepare("SELECT id FROM partners WHERE code = 'demo'").get() as { id: number }).id;
  const one = (sql: string, ...params: unknown[]) => Number((sqlite.prepare(sql).get(...params) as { v: number | null }).v ?? 0);
  const flow = (type: string) => one('SELECT sum(amount) AS v FROM ledger_entries WHERE partner_id = ? AND type = ?', id, type);
  const balance = one('SELECT sum(amount) AS v FROM ledger_entries WHERE partner_id = ?', id);
  const pending = one("SELECT sum(amount - clawed_back) AS v FROM commissions WHERE partner_id = ? AND status = 'pending' AND payable_at > ?", id, Date.now());
  return {
    earned: { label: 'Earned', value: money(flow('commission'), true) },
    clawedBack: { label: 'Clawed back', value: money(flow('clawback'), true) },
    paid: { label: 'Paid', value: money(flow('payment'), true) },
    balance: { label: 'Balance', value: money(balance) },
    pending: { label: 'Pending', value: money(pending) },
    payableNow: { label: 'Payable now', value: money(balance - pending) },
  };
}

test('My Ledger and the commission report show each money word with one label and one figure, the database’s', async () => {
  const page = await env.signedInDemoPage();

  const ledger = page.locator('partner-ledger');
  const reports = page.locator('partner-reports');
  await ledger.getByRole('table', { name: 'Entries, all time, newest first' }).waitFor();
  await reports.getByRole('table', { name: 'Commissions, all time, newest first' }).waitFor();

  const expected = fromTheDatabase();
  assert.deepEqual(await moneyOf(page, 'partner-ledger'), expected);
  assert.deepEqual(await moneyOf(page, 'partner-reports'), expected);

  // where figures follow the period and where they do not, each element says so
  const why = "Earned, clawed back and paid count the period shown (all time); balance, pending and payable now are today's figures, whatever the period.";
  for (const el of [ledger, reports]) assert.match(await el.locator('[part~="note"]').first().innerText(), new RegExp(why.replace(/[.()]/g, '\\$&')));
  // and no second name for the same money anywhere on the page
  for (const el of [ledger, reports]) {
    const labels = await el.evaluate((host) => [...host.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent!.trim()));
    for (const old of ['Approved', 'On hold', 'Net', 'Commissions earned', 'Payments', 'Clawbacks']) assert.ok(!labels.includes(old), `no "${old}" label: ${labels.join(', ')}`);
  }
  assert.deepEqual(env.errors, []);
});

test('the sales report says, in words, why each demo sale that earned $0.00 earned nothing', async () => {
  const page = await env.signedInDemoPage();
  const reports = page.locator('partner-reports');
  await reports.getByRole('tab', { name: 'Sales' }).click();
  await reports.getByRole('table', { name: 'Sales, all time, newest first' }).waitFor();
  while (await reports.getByRole('button', { name: 'Load more sales' }).isVisible()) await reports.getByRole('button', { name: 'Load more sales' }).click();
  await reports.getByText(/that is all of them/).waitFor();

  const rows = await reports.evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => {
      const why = tr.querySelector('[part~="no-commission"]')?.textContent!.trim() ?? null;
      const cell = tr.querySelector('[data-label="Commission"]')!.textContent!;
      return { order: tr.querySelector('[data-label="Order"]')!.textContent!.trim(), commission: cell.replace(why ?? '', '').trim(), why };
    }),
  );
  // the demo's gear-club link counts only for the Gear Club program, which pays on club boxes only
  const sqlite = env.server.deps.db.sqlite;
  const viaClubLink = (
    sqlite
      .prepare("SELECT s.order_id FROM sales s JOIN clicks k ON k.id = s.click_id JOIN links l ON l.id = k.link_id JOIN partners p ON p.id = s.partner_id WHERE p.code = 'demo' AND l.slug = 'gear-club' AND NOT EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id AND i.product_id = 'gear-club-box')")
      .all() as { order_id: string }[]
  ).map((r) => r.order_id);
  assert.ok(viaClubLink.length > 0, 'the demo has such sales');
  for (const order of viaClubLink) {
    assert.deepEqual(
      rows.find((r) => r.order === order),
      { order, commission: '$0.00', why: 'The link used counts only for programs that do not cover these products.' },
    );
  }
  const unexplained = rows.filter((r) => r.commission === '$0.00' && !r.why);
  assert.deepEqual(unexplained, [], 'every sale that earned nothing says why');
  assert.ok(rows.some((r) => r.why === 'Your program pays no commission on these products.'), 'a gift card order');
  assert.deepEqual(rows.filter((r) => r.commission !== '$0.00' && r.why), [], 'a sale that earns says nothing more');
  assert.deepEqual(env.errors, []);
});
