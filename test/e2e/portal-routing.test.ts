import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

/** What has focus, looking through shadow roots: its tag, text and role. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.localName ?? '', text: (a?.textContent ?? '').replace(/\s+/g, ' ').trim(), role: a?.getAttribute('role') ?? '', host: (a?.getRootNode() as ShadowRoot | Document & { host?: Element }).host?.localName ?? '' };
  });

/** Presses Tab (or Shift+Tab) until the focused element says `text` (a bounded walk). */
async function tabTo(page: Page, text: string, { back = false, tag = 'a' } = {}) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag === tag && now.text === text) return;
  }
  assert.fail(`no <${tag}> "${text}" reached by ${back ? 'Shift+Tab' : 'Tab'}`);
}

const hash = (page: Page) => page.evaluate(() => location.hash);
const current = (page: Page) => page.locator('partner-center').locator('[part~="nav-item"][aria-current="page"]').textContent();

test('the demo partner moves through the portal by keyboard; the address follows, back/forward and reload keep the view', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/portal`);
  const center = page.locator('partner-center');
  await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await center.getByLabel('Password', { exact: true }).press('Enter');
  await center.getByRole('link', { name: 'Home' }).waitFor();
  assert.equal(await hash(page), '', 'signing in writes no address');

  // after sign-in, focus is on the portal's first heading
  await page.waitForFunction(() => {
    const c = document.querySelector('partner-center');
    return c?.shadowRoot?.activeElement?.localName === 'h2';
  });
  assert.equal((await focused(page)).text, 'Northwind Outfitters Partner Center');

  // Resources, by keyboard: the address follows, focus moves to the new view's first heading
  await tabTo(page, 'Resources');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/resources');
  await center.locator('partner-links').getByRole('heading', { name: 'Spring sale: 20% off boots' }).waitFor();
  let now = await focused(page);
  assert.equal(now.tag, 'h2');
  assert.equal(now.host, 'partner-links', 'focus on the links’ heading');
  assert.equal(await current(page), 'Resources');

  // back to the nav (Shift+Tab) and on to Reports
  await tabTo(page, 'Reports', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/reports');
  await center.locator('partner-ledger').getByText('Ending balance').first().waitFor();
  now = await focused(page);
  assert.equal(now.host, 'partner-ledger', 'focus on the ledger’s heading');

  // a report tab by keyboard: Tab to the open tab, ArrowRight to the next — the address names it
  await tabTo(page, 'Commissions', { tag: 'button' });
  assert.equal((await focused(page)).role, 'tab');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash === '#/reports/leads');

  // Payouts (its element arrives at integration; the section and address are there)
  await tabTo(page, 'Payouts', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/payouts');
  assert.equal(await current(page), 'Payouts');

  // back and forward
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/reports/leads');
  assert.equal(await current(page), 'Reports');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/reports');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/resources');
  assert.equal(await current(page), 'Resources');
  await center.locator('partner-links').getByRole('heading', { name: 'Spring sale: 20% off boots' }).waitFor();
  await page.waitForFunction(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.localName === 'h2';
  });
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/reports');
  assert.equal(await current(page), 'Reports');
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/reports/leads');

  // a reload (or the same address shared) opens the same view, still signed in
  await page.reload();
  await center.getByRole('link', { name: 'Reports' }).waitFor();
  assert.equal(await hash(page), '#/reports/leads');
  assert.equal(await current(page), 'Reports');
  await page.waitForFunction(() => {
    const reports = document.querySelector('partner-center')?.shadowRoot?.querySelector('partner-reports');
    return reports?.shadowRoot?.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim() === 'Leads';
  });

  // and Home again, by keyboard
  await center.locator('partner-ledger').getByText('Ending balance').first().waitFor();
  await page.keyboard.press('Tab');
  await tabTo(page, 'Home');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/home');
  assert.equal(await current(page), 'Home');
  await center.locator('partner-welcome').getByRole('heading', { name: 'Welcome to Northwind Outfitters' }).waitFor();

  assert.deepEqual(env.errors, [], 'no page or console errors');
  await page.close();
});

test('a shared link opens its view after signing in; an unknown address is Home', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/portal#/resources/banners`);
  const center = page.locator('partner-center');
  await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await center.getByLabel('Password', { exact: true }).press('Enter');
  await center.getByRole('link', { name: 'Resources' }).waitFor();
  assert.equal(await current(page), 'Resources');
  await center.locator('partner-banners').first().waitFor();

  await page.goto(`${env.url}/portal#/no/such/place`);
  await center.getByRole('link', { name: 'Home' }).waitFor();
  assert.equal(await current(page), 'Home');
  assert.equal(await hash(page), '#/home');
  await page.close();
});
