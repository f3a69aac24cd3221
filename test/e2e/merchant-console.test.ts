import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
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
  const owner = await (await api('/admin/auth/login', { body: DEMO_OWNER })).json();
  const created = await api('/admin/merchant-users', { token: owner.token, body: { email: 'staff@northwind.example', role: 'staff', password: 'staff-password-1' } });
  assert.equal(created.status, 201, await created.clone().text());

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
  await page.close();
});
