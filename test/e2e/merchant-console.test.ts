import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_OWNER } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/** The merchant console at /admin against the real server and the demo data, as a merchant uses it. */
let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

const api = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(`${env.url}/api/v1${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

/** The text a user reads in it, whitespace folded. */
const text = async (l: Locator) => (await l.textContent())!.replace(/\s+/g, ' ').trim();

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${env.url}/admin`);
  const console = page.locator('partner-admin');
  await console.getByLabel('Email').fill(email);
  await console.getByLabel('Password', { exact: true }).fill(password);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.locator('[part~="user"]').waitFor();
  return console;
}

test('the owner signs in, finds and opens the demo partner, approves a sign-up and a commission', async () => {
  // a sign-up waiting for approval (the demo's sign-up mode is "approval")
  const signup = await api('/auth/signup', { body: { name: 'Sam Signup', email: 'sam@example.com', code: 'sam-signup', password: 'sam-password-1', acceptTerms: true } });
  assert.equal(signup.status, 201, await signup.clone().text());

  const page = await env.page();
  const console = await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  assert.equal((await console.locator('[part~="user"]').textContent())?.replace(/\s+/g, ' ').trim(), `Signed in as ${DEMO_OWNER.email} (owner)`);

  // Partners: search, open the demo partner
  await console.getByRole('link', { name: 'Partners' }).click();
  const partners = console.locator('partner-admin-partners');
  await partners.getByRole('searchbox').fill('demo');
  await partners.getByRole('link', { name: 'Dana Demo' }).click();
  const detail = partners.locator('partner-admin-partner');
  await detail.getByRole('heading', { name: 'Dana Demo (demo)' }).waitFor();
  const profile = detail.locator('[part~="profile"]');
  const facts = (await profile.textContent())!.replace(/\s+/g, ' ');
  assert.match(facts, /Status Active Email dana\.demo@example\.com /);
  assert.match(facts, / Programs Affiliate Program, Gear Club Subscriptions Parent Morgan Reyes \(morgan\) /);
  // the children come from the detail answer
  assert.equal((await detail.locator('[part~="children"]').textContent())!.replace(/\s+/g, ' ').trim(), 'Riley Chen (riley)');
  const ledger = detail.locator('[part~="ledger"]');
  await ledger.waitFor();
  assert.ok((await ledger.locator('tbody tr').count()) > 0, 'the ledger shows entries');
  assert.match((await ledger.textContent())!, /Commission/);

  // the pending sign-up: open it and approve it
  await detail.getByRole('link', { name: '← All partners' }).click();
  await partners.getByRole('searchbox').fill('sam-signup');
  await partners.getByRole('link', { name: 'Sam Signup' }).click();
  await detail.getByRole('heading', { name: 'Sam Signup (sam-signup)' }).waitFor();
  assert.match((await profile.textContent())!.replace(/\s+/g, ' '), /Status Waiting for approval/);
  await detail.getByRole('button', { name: 'Approve' }).click();
  await detail.getByRole('status').getByText('Sam Signup is approved and can sign in.').waitFor();
  await profile.getByText('Active').waitFor();
  const signedIn = await api('/auth/login', { body: { code: 'sam-signup', password: 'sam-password-1' } });
  assert.equal(signedIn.status, 200, 'the approved partner can sign in');

  // Commissions: approve one pending commission
  await console.getByRole('link', { name: 'Commissions' }).click();
  const commissions = console.locator('partner-admin-commissions');
  await commissions.locator('select[name="status"]').selectOption('pending');
  const approve = commissions.getByRole('button', { name: /^Approve commission \d+ of / }).first();
  await approve.waitFor();
  const label = (await approve.getAttribute('aria-label'))!;
  const [, id, partner] = /^Approve commission (\d+) of (\S+)$/.exec(label)!;
  const why = (await commissions.locator(`[part~="row"][data-id="${id}"] [part~="why"]`).textContent())!.trim();
  assert.match(why, / at /, 'the why sentence names the program and rate');
  await approve.click();
  await commissions.getByRole('status').getByText(`Commission ${id} of ${partner} approved.`).waitFor();
  assert.equal((await commissions.locator(`[part~="row"][data-id="${id}"] td.status`).textContent())?.trim(), 'Approved');

  // the server agrees
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('partner-center:admin-session') ?? 'null').token as string);
  const stored = await (await api(`/admin/commissions/${id}`, { token })).json();
  assert.equal(stored.status, 'approved');
  assert.deepEqual(env.errors, []);
  await page.close();
});

test('a staff user signs in and is refused what only an owner may do, in words', async () => {
  // the owner adds a staff user in Settings
  const ownerPage = await env.page();
  const ownerConsole = await signIn(ownerPage, DEMO_OWNER.email, DEMO_OWNER.password);
  await ownerConsole.getByRole('link', { name: 'Settings' }).click();
  const addUser = ownerConsole.getByRole('form', { name: 'Add a merchant user' });
  await addUser.getByLabel('Email', { exact: true }).fill('staff@northwind.example');
  await addUser.getByLabel('Role').selectOption('staff');
  await addUser.getByLabel(/^Password/).fill('staff-password-1');
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await ownerConsole.locator('partner-admin-users').getByRole('status').getByText(/^staff@northwind\.example is added as staff; they can sign in now\.$/).waitFor();
  await ownerPage.close();

  const page = await env.page();
  const console = await signIn(page, 'staff@northwind.example', 'staff-password-1');
  assert.equal((await console.locator('[part~="user"]').textContent())?.replace(/\s+/g, ' ').trim(), 'Signed in as staff@northwind.example (staff)');
  // staff may work with partners
  await console.getByRole('link', { name: 'Partners' }).click();
  await console.locator('partner-admin-partners').getByRole('link', { name: 'Dana Demo' }).waitFor();

  // but not record a payment: the server's 403 says why
  const refused = await page.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('partner-center:admin-session') ?? 'null') as { token: string };
    const r = await fetch('/api/v1/admin/payments', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerCode: 'demo', amount: 100 }),
    });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.message, 'Only an owner can record payments and balance adjustments; you are signed in as staff.');

  // and the console's Payouts section says so before they try: no one to pay, no Pay button
  await console.getByRole('link', { name: 'Payouts' }).click();
  const payouts = console.locator('partner-admin-payouts');
  await payouts.locator('[part~="owner-only"]').waitFor();
  assert.match(await text(payouts.locator('[part~="owner-only"]')), /^Only an owner can record payments\. Payouts due and partners’ payout details are for owners/);
  assert.equal(await payouts.getByRole('button', { name: /^(Pay|Record)/ }).count(), 0);
  await page.close();
});

/** The whole console, the way a merchant meets it: no API docs, only what the screens say. */
test('the owner runs a program from the console while the partner watches their portal', async () => {
  // a partner who signed up on the merchant's site and waits for approval
  const signup = await api('/auth/signup', { body: { name: 'Quinn Waiting', email: 'quinn@example.com', code: 'quinn', password: 'quinn-password-1', acceptTerms: true } });
  assert.equal(signup.status, 201, await signup.clone().text());

  const errorsBefore = env.errors.length; // the staff user's refusal above is logged by Chromium
  const page = await env.page();
  const console = await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);

  // Programs: a new program paying 20% of each sale
  await console.getByRole('link', { name: 'Programs' }).click();
  const programs = console.locator('partner-admin-programs');
  await programs.getByRole('button', { name: 'New program' }).click();
  const program = programs.locator('partner-admin-program');
  await program.getByLabel('Name', { exact: true }).fill('Trail Ambassadors');
  await program.getByLabel(/^Percent/).fill('20');
  await program.getByRole('button', { name: 'Create program' }).click();
  await program.getByRole('status').getByText('Trail Ambassadors is created.').waitFor();

  // Partners: a new partner in that program, with a password to sign in with
  await console.getByRole('link', { name: 'Partners' }).click();
  const partners = console.locator('partner-admin-partners');
  await partners.getByRole('button', { name: 'New partner' }).click();
  const form = partners.getByRole('form', { name: 'New partner' });
  await form.getByLabel('Name', { exact: true }).fill('Pat Trail');
  await form.getByLabel('Email', { exact: true }).fill('pat.trail@example.com');
  await form.getByLabel('Partner code', { exact: true }).fill('pat');
  await form.getByLabel('Password', { exact: true }).fill('pat-password-1');
  await form.getByLabel('Trail Ambassadors').check();
  await form.getByRole('button', { name: 'Create partner' }).click();
  const detail = partners.locator('partner-admin-partner');
  await detail.getByRole('heading', { name: 'Pat Trail (pat)' }).waitFor();
  assert.match(await text(detail.locator('[part~="profile"]')), /Status Active Email pat\.trail@example\.com .* Programs Trail Ambassadors Parent None/);

  // the partner signs in to their portal in another browser
  const portal = await env.page();
  await portal.goto(`${env.url}/portal`);
  const center = portal.locator('partner-center');
  await center.getByLabel('Partner code').fill('pat');
  await center.getByLabel('Password', { exact: true }).fill('pat-password-1');
  await center.getByLabel('Password', { exact: true }).press('Enter');
  await center.getByText('Signed in as Pat Trail (pat)').waitFor();
  await center.locator('partner-profile').waitFor();
  const welcomeText = center.locator('partner-welcome [part~="content"]');
  assert.doesNotMatch(await text(welcomeText), /Trail Ambassadors' base camp/);

  // Settings: a new welcome message (with its preview) and no Profile on Home
  await console.getByRole('link', { name: 'Settings' }).click();
  const settings = console.locator('partner-admin-settings');
  await settings.getByLabel('Message (Markdown)').fill("# Trail Ambassadors' base camp\n\nShare your link: **20%** of every sale is yours.");
  await settings.getByRole('region', { name: 'Welcome message preview' }).getByRole('heading', { name: "Trail Ambassadors' base camp" }).waitFor();
  await settings.getByRole('group', { name: 'What partners see on Home' }).getByLabel('Profile').uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByRole('status').getByText('Settings saved. Partners see the changes the next time their page loads.').waitFor();

  // the partner's next page load shows both
  await portal.reload();
  const welcome = center.locator('partner-welcome');
  await welcome.getByRole('heading', { name: "Trail Ambassadors' base camp" }).waitFor();
  assert.match(await text(welcomeText), /Share your link: 20% of every sale is yours\./);
  await center.locator('partner-programs').waitFor();
  assert.equal(await center.locator('partner-profile').count(), 0, 'the Profile item is hidden on Home');

  // Partners: approve the waiting sign-up
  await console.getByRole('link', { name: 'Partners' }).click();
  await partners.getByRole('combobox', { name: 'Status' }).selectOption('pending');
  await partners.getByRole('link', { name: 'Quinn Waiting' }).click();
  await detail.getByRole('heading', { name: 'Quinn Waiting (quinn)' }).waitFor();
  await detail.getByRole('button', { name: 'Approve' }).click();
  await detail.getByRole('status').getByText('Quinn Waiting is approved and can sign in.').waitFor();

  // a $1,000.00 sale from the merchant's checkout, through the tracking API (the only API call)
  const owner = await (await api('/admin/auth/login', { body: DEMO_OWNER })).json();
  const sale = await api('/track/sales', { token: owner.token, body: { orderId: 'TRAIL-1001', amount: 100_000, currency: 'USD', partnerCode: 'pat' } });
  assert.equal(sale.status, 201, await sale.clone().text());

  // Partners: Pat is credited $200.00, pending
  await detail.getByRole('link', { name: '← All partners' }).click();
  await partners.getByRole('combobox', { name: 'Status' }).selectOption('');
  await partners.getByRole('searchbox').fill('pat');
  await partners.getByRole('link', { name: 'Pat Trail' }).click();
  await detail.getByRole('heading', { name: 'Pat Trail (pat)' }).waitFor();
  const ledger = detail.locator('[part~="ledger"]');
  await ledger.waitFor();
  assert.match(await text(ledger.locator('tbody tr').first()), /Commission .*TRAIL-1001.* \+\$200\.00 \$200\.00/);
  assert.match(await text(detail.locator('[part~="balance"]')), /\$200\.00/);

  // the partner sees the commission in their ledger (Reports)
  await portal.reload();
  await center.getByRole('link', { name: 'Reports' }).click();
  const partnerLedger = center.locator('partner-ledger');
  await partnerLedger.locator('[part~="row"]').first().waitFor();
  assert.match(await text(partnerLedger.locator('[part~="row"]').first()), /Commission.*\$200\.00/);

  // Commissions: approve Pat's commission
  await console.getByRole('link', { name: 'Commissions' }).click();
  const commissions = console.locator('partner-admin-commissions');
  await commissions.getByLabel('Partner code').fill('pat');
  await commissions.getByLabel('Partner code').press('Enter');
  await commissions.locator('select[name="status"]').selectOption('pending');
  const approve = commissions.getByRole('button', { name: /^Approve commission \d+ of pat$/ });
  await approve.waitFor();
  const [, commissionId] = /^Approve commission (\d+) of pat$/.exec((await approve.getAttribute('aria-label'))!)!;
  await approve.click();
  await commissions.getByRole('status').getByText(`Commission ${commissionId} of pat approved.`).waitFor();

  // Payouts: Pat is due $200.00; download the CSV, then pay everyone due in one batch
  await console.getByRole('link', { name: 'Payouts' }).click();
  const payouts = console.locator('partner-admin-payouts');
  const patDue = payouts.locator('[part~="row"][data-code="pat"]');
  await patDue.waitFor();
  assert.match(await text(patDue), /^Pat Trail ?pat · pat\.trail@example\.com No payout method given \$200\.00 Pay…$/);
  const dueCount = await payouts.locator('[part~="due"] tbody tr').count();
  const [download] = await Promise.all([page.waitForEvent('download'), payouts.getByRole('button', { name: 'Download CSV of payouts due' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  assert.match(download.suggestedFilename(), /^payouts-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(lines.length, dueCount + 1, 'a header and a line for each partner due');
  assert.ok(lines.includes('pat,Pat Trail,pat.trail@example.com,200.00,USD,,'), `the CSV has Pat's line:\n${csv}`);
  await payouts.getByRole('status').getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();

  await payouts.getByLabel('Reference').fill('TRAIL-BATCH-1');
  await payouts.getByRole('checkbox', { name: 'Select every partner due' }).check();
  await payouts.getByRole('button', { name: `Record payments for selected (${dueCount})…` }).click();
  await payouts.getByRole('button', { name: dueCount === 1 ? 'Record 1 payment' : `Record ${dueCount} payments` }).click();
  const recorded = payouts.getByRole('status').getByText(/^Recorded /);
  await recorded.waitFor();
  assert.match((await recorded.textContent())!, /^Recorded \d+ payments, \$[\d,.]+ in total, as batch \S+\.$/);
  await payouts.locator('[part~="empty"]').getByText(/^Nobody is due a payout/).waitFor();

  // the partner sees the payment in their ledger
  await portal.reload();
  await center.getByRole('link', { name: 'Reports' }).click();
  await partnerLedger.locator('[part~="row"][data-type="payment"]').waitFor();
  assert.match(await text(partnerLedger.locator('[part~="row"]').first()), /Payment.*\$200\.00/);

  // Audit log: each of those changes, by the owner
  await console.getByRole('link', { name: 'Audit log' }).click();
  const auditLog = console.locator('partner-admin-audit');
  await auditLog.getByLabel('Who').fill(DEMO_OWNER.email);
  await auditLog.getByLabel('Who').press('Enter');
  await auditLog.locator('[part~="row"]').first().waitFor();
  // the filter applies on the server: wait until only the owner's rows are shown
  const others = auditLog.locator('[part~="row"]').filter({ hasNotText: DEMO_OWNER.email });
  for (let tries = 0; (await others.count()) && tries < 50; tries++) await page.waitForTimeout(100);
  assert.equal(await others.count(), 0, 'only the owner\'s changes are listed');
  const entries = await auditLog.locator('[part~="row"]').evaluateAll((rows) => rows.map((r) => r.textContent!.replace(/\s+/g, ' ').trim()));
  for (const [what, change] of [
    ['program.create program ', 'name: set to “Trail Ambassadors”'],
    ['partner.create partner pat ', 'programIds: set to ['],
    ['settings.update settings ', 'menus.profile: true → changed to false'],
    ['settings.update settings ', "→ changed to “# Trail Ambassadors' base camp"],
    ['partner.approve partner quinn ', 'status: “pending” → changed to “active”'],
    [`commission.approve commission ${commissionId} `, 'status: “pending” → changed to “approved”'],
    ['payment.batch payment_batch ', '{"id":'],
  ]) {
    assert.ok(
      entries.some((e) => e.includes(DEMO_OWNER.email) && e.includes(what) && e.includes(change)),
      `the audit log shows "${what}" with "${change}":\n${entries.join('\n')}`,
    );
  }
  assert.ok(entries.some((e) => e.includes('payment.batch') && e.includes('"partner":"pat","amount":20000')), 'the batch paid Pat $200.00');
  assert.deepEqual(env.errors.slice(errorsBefore), []);
  await portal.close();
  await page.close();
});
