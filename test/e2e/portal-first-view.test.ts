import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * Issue 14's Done-when, first half: the demo partner signs in on /portal and finds, without
 * scrolling, what they earned this month, what is payable and when it will be paid, and their
 * link with a copy button that really copies it — on a laptop (1280×800) and a phone (375×812).
 */
let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

async function signIn(page: Page) {
  await page.goto(`${env.url}/portal`);
  const center = page.locator('partner-center');
  await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await center.getByLabel('Password', { exact: true }).press('Enter');
  const overview = center.locator('partner-overview');
  await overview.locator('[part~="tiles"]').waitFor();
  return overview;
}

/** The box lies entirely inside the first viewport (the page is not scrolled). */
async function assertInFirstViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is rendered`);
  const { width, height } = page.viewportSize()!;
  const scroll = await page.evaluate(() => window.scrollY);
  assert.equal(scroll, 0, 'the page was not scrolled');
  assert.ok(box.y >= 0 && box.y + box.height <= height, `${what} is inside the first ${height}px (it spans ${Math.round(box.y)}–${Math.round(box.y + box.height)})`);
  assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `${what} is inside the ${width}px width (it spans ${Math.round(box.x)}–${Math.round(box.x + box.width)})`);
}

const money = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`at ${viewport.width}×${viewport.height} the first view answers: earned this month, payable now and when, and the link to copy`, async () => {
    const context = await env.browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      const overview = await signIn(page);

      const earned = overview.locator('[part~="earned"]');
      assert.match((await earned.locator('h3').textContent())!.trim(), /^Earned this month$/);
      assert.match((await earned.locator('[part~="figure"]').textContent())!.trim(), money);
      await assertInFirstViewport(page, earned.locator('[part~="figure"]'), 'earned this month');

      const payable = overview.locator('[part~="payable"]');
      assert.match((await payable.locator('[part~="figure"]').textContent())!.trim(), money);
      await assertInFirstViewport(page, payable.locator('[part~="figure"]'), 'payable now');

      // the demo merchant pays monthly: the next payout's date and its estimate
      const next = overview.locator('[part~="next-payout"]');
      const date = (await next.locator('[part~="figure"]').textContent())!.trim();
      assert.notEqual(date, '—');
      assert.ok(!Number.isNaN(Date.parse(`${date} 12:00`)) || /\d/.test(date), `a date: ${date}`);
      await assertInFirstViewport(page, next.locator('[part~="figure"]'), 'the next payout date');

      const url = overview.locator('[part~="url"]');
      const link = await url.inputValue();
      assert.match(link, new RegExp(`^${env.url.replace(/[.]/g, '\\.')}/r/demo/`));
      const copy = overview.locator('[part~="copy-button"]');
      await assertInFirstViewport(page, copy, 'the copy button');
      await assertInFirstViewport(page, url, 'the link');
      await copy.click();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

      // the link works: it redirects and records the click
      const response = await page.request.get(link, { maxRedirects: 0 });
      assert.equal(response.status(), 302);
    } finally {
      await context.close();
    }
    assert.deepEqual(env.errors, [], 'no page or console errors');
  });
}
