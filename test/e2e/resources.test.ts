import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * Issue 5, done when: the demo partner copies a link, a banner snippet and an email from the
 * demo page, each carrying their own link (read back from the real clipboard in Chromium).
 */
let env: E2E;
let tab: Page;
const pageErrors: string[] = [];

before(async () => {
  env = await e2e();
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  tab = await context.newPage();
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  await tab.goto(`${env.url}/`);
  const login = tab.locator('partner-login').first();
  await login.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await login.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await login.getByLabel('Password', { exact: true }).press('Enter');
  await login.getByText('Signed in as Dana Demo').waitFor();
});
after(() => env?.close());

const clipboard = () => tab.evaluate(() => navigator.clipboard.readText());

test('the demo partner copies a tracking link, with and without a sub-id', async () => {
  const links = tab.locator('partner-links');
  const sale = links.locator('[part~="link"]').filter({ has: tab.getByRole('heading', { name: 'Spring sale: 20% off boots' }) });
  await sale.getByRole('button', { name: 'Copy Spring sale: 20% off boots' }).click();
  await sale.getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await clipboard(), `${env.url}/r/demo/spring-sale`);
  assert.equal((await links.locator('[part~="announcer"]').textContent())?.trim(), 'Link copied to the clipboard');
  assert.match((await sale.locator('[part~="clicks"]').textContent())?.trim() ?? '', /^\d+ clicks?$/);

  await links.getByLabel('Sub-id (optional)').first().fill('newsletter');
  const home = links.locator('[part~="link"]').filter({ has: tab.getByRole('heading', { name: 'Northwind home page' }) });
  await home.getByRole('button', { name: 'Copy Northwind home page' }).click();
  await home.getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await clipboard(), `${env.url}/r/demo/home?sub=newsletter`);
  await links.getByLabel('Sub-id (optional)').first().fill('');
});

test('the demo partner builds a custom deep link, copies it, and downloads its QR code', async () => {
  const links = tab.locator('partner-links');
  await links.getByLabel('Page address').fill('https://northwind.example/tents/4-season');
  await links.getByRole('button', { name: 'Create link' }).click();
  const created = links.locator('[part~="link"]').filter({ has: tab.getByRole('heading', { name: 'northwind.example/tents/4-season' }) });
  await created.getByText('Your link').waitFor();
  // the new link's copy button has focus: Enter copies it
  await tab.keyboard.press('Enter');
  await created.getByRole('button', { name: 'Copied' }).waitFor();
  const url = await clipboard();
  assert.match(url, new RegExp(`^${env.url}/r/demo/[a-z0-9]{10}$`));

  await created.getByRole('button', { name: /^QR code/ }).click();
  const qr = created.locator('[part~="qr"] img');
  await tab.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await qr.elementHandle());
  const [download] = await Promise.all([tab.waitForEvent('download'), created.getByRole('link', { name: /^Download PNG/ }).click()]);
  const png = readFileSync((await download.path())!);
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.match(download.suggestedFilename(), /^qr-.+\.png$/);
});

test('the demo partner copies a banner snippet carrying their link', async () => {
  const banners = tab.locator('partner-banners');
  const first = banners.locator('[part~="banner"]').first();
  const image = first.locator('[part~="image"]');
  await tab.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 728, await image.elementHandle());
  await first.getByRole('button', { name: 'Copy HTML for Spring sale leaderboard' }).click();
  await first.getByRole('button', { name: 'Copied' }).waitFor();
  const html = await clipboard();
  assert.match(html, new RegExp(`^<a href="${env.url}/r/demo/spring-sale" rel="sponsored"><img src="${env.url}/uploads/\\d+" width="728" height="90" alt="[^"]+"></a>$`));

  await banners.getByLabel('Size').selectOption('160x600');
  assert.equal(await banners.locator('[part~="banner"]').count(), 1);
});

test('the demo partner copies an email text with their link and name filled in', async () => {
  const emails = tab.locator('partner-email-copy');
  const first = emails.locator('[part~="email"]').first();
  await first.getByRole('button', { name: 'Copy text of Spring sale announcement' }).click();
  await first.getByRole('button', { name: 'Copied' }).waitFor();
  const body = await clipboard();
  assert.ok(body.includes(`${env.url}/r/demo/spring-sale`), body);
  assert.ok(body.trimEnd().endsWith('Dana Demo'), body);
  assert.doesNotMatch(body, /\{\{/);
  await first.getByRole('button', { name: 'Copy subject of Spring sale announcement' }).click();
  assert.equal(await clipboard(), '20% off hiking boots at Northwind Outfitters');
  const mailto = new URL((await first.getByRole('link', { name: /^Open in mail app/ }).getAttribute('href'))!);
  assert.equal(mailto.searchParams.get('subject'), '20% off hiking boots at Northwind Outfitters');
  assert.ok(mailto.searchParams.get('body')!.includes(`${env.url}/r/demo/spring-sale`));
});

test('the demo partner reads the resource pages', async () => {
  const resources = tab.locator('partner-resources');
  await resources.getByRole('button', { name: 'Brand guidelines' }).click();
  await resources.getByRole('heading', { name: 'Brand guidelines', level: 3 }).waitFor();
  const logo = resources.locator('[part~="content"] img');
  await tab.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 320, await logo.elementHandle());
  assert.equal(await resources.getByRole('link', { name: 'partners@northwind.example' }).getAttribute('href'), 'mailto:partners@northwind.example');
  assert.deepEqual(pageErrors, []);
});

test('following the copied link through /r/ shows the click in <partner-links>', async () => {
  const links = tab.locator('partner-links');
  const sale = links.locator('[part~="link"]').filter({ has: tab.getByRole('heading', { name: 'Spring sale: 20% off boots' }) });
  const clicks = sale.locator('[part~="clicks"]');
  const before = Number((await clicks.textContent())!.replace(/\D/g, ''));
  await sale.getByRole('button', { name: 'Copy Spring sale: 20% off boots' }).click();
  await sale.getByRole('button', { name: 'Copied' }).waitFor();
  const copied = await clipboard();
  assert.equal(copied, `${env.url}/r/demo/spring-sale`);

  // a visitor opens the copied link in their own browser: the server records the click and
  // redirects to the merchant's page (northwind.example, which does not resolve here)
  const visitor = await env.browser.newContext();
  const page = await visitor.newPage();
  const redirect = page.waitForResponse(copied);
  await page.goto(copied).catch((error: Error) => {
    if (!/net::ERR_NAME_NOT_RESOLVED/.test(error.message)) throw error;
  });
  const response = await redirect;
  assert.equal(response.status(), 302);
  assert.match(response.headers().location ?? '', /^https:\/\/northwind\.example\/sale\/spring\b/);
  await visitor.close();

  await links.getByRole('button', { name: 'Refresh links and clicks' }).click();
  const after = before + 1;
  await clicks.filter({ hasText: new RegExp(`^\\s*${after} clicks?\\s*$`) }).waitFor();
  assert.equal((await clicks.textContent())?.trim(), after === 1 ? '1 click' : `${after} clicks`);
});
