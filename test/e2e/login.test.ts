import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

test('the demo partner signs in on the merchant page, stays signed in over a reload, and signs out', async () => {
  const page = await env.page();
  const response = await page.goto(`${env.url}/`);
  assert.equal(response?.status(), 200);

  const login = page.locator('partner-login').first();
  await login.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await login.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await login.getByLabel('Password', { exact: true }).press('Enter');

  await login.getByText('Signed in as Dana Demo').waitFor();
  const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('partner-center:session') ?? 'null'));
  assert.equal(stored.partner.code, 'demo');
  assert.match(stored.token, /^pc_/);

  // the token works against the real API
  const me = await page.evaluate(async (token) => (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).json(), stored.token);
  assert.equal(me.name, 'Dana Demo');

  await page.reload();
  await login.getByText('Signed in as Dana Demo').waitFor();

  await login.getByRole('button', { name: 'Sign out' }).click();
  await login.getByLabel('Partner code').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('partner-center:session')), null);

  assert.deepEqual(env.errors, [], 'no page or console errors');
  // the server revoked the token
  const after = await page.evaluate(async (token) => (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status, stored.token);
  assert.equal(after, 401);
});

test('a wrong password shows the server error on the page', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/`);
  const login = page.locator('partner-login').first();
  await login.getByLabel('Partner code').fill('demo');
  await login.getByLabel('Password', { exact: true }).fill('not-the-password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const alert = login.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), 'The partner code or password is incorrect');
  await page.close();
});

test('the one-tag portal: sign in inside <partner-center>, then Home, Resources and Reports show real data', async () => {
  env.errors.length = 0; // the earlier tests' deliberate 401s
  const page = await env.page();
  await page.goto(`${env.url}/portal`);
  const center = page.locator('partner-center');
  await center.getByRole('heading', { name: 'Northwind Outfitters Partner Center' }).waitFor();
  await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await center.getByLabel('Password', { exact: true }).press('Enter');

  await center.getByRole('link', { name: 'Home' }).waitFor();
  await center.locator('partner-programs').getByRole('heading', { name: 'Affiliate Program' }).waitFor();
  await center.locator('partner-welcome').getByRole('heading', { name: 'Welcome to Northwind Outfitters' }).waitFor();

  await center.getByRole('link', { name: 'Resources' }).click();
  await center.locator('partner-links').getByRole('heading', { name: 'Spring sale: 20% off boots' }).waitFor();

  await center.getByRole('link', { name: 'Reports' }).click();
  await center.locator('partner-ledger').getByText('Ending balance').first().waitFor();
  assert.equal(await center.getByRole('link', { name: 'Reports' }).getAttribute('aria-current'), 'page');
  assert.deepEqual(env.errors, []);
});
