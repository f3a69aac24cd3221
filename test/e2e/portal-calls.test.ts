import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * Issue 16, item 3: a signed-in reload of /portal shows its first view after at most 4 API calls
 * — reads the elements share are sent once (the programs), and the widgets further down the page
 * read when the partner scrolls to them (or a few seconds later) — and those widgets fill in.
 */
let env: E2E;
before(async () => {
  env = await e2e();
});
after(() => env?.close());

/** The API calls (fetch/XHR to /api/) the page makes from now on; images (the QR code) are not calls. */
function recordCalls(page: Page) {
  const calls: string[] = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && ['fetch', 'xhr'].includes(request.resourceType())) calls.push(`${request.method()} ${url.pathname}`);
  };
  page.on('request', onRequest);
  return { calls, stop: () => page.off('request', onRequest) };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`at ${viewport.width}×${viewport.height} a signed-in reload of /portal shows the overview after at most 4 API calls, and the rest fills in on scrolling`, async () => {
    const context = await env.browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('pageerror', (e) => env.errors.push(`pageerror: ${e.message}`));
    try {
      await page.goto(`${env.url}/portal`);
      const center = page.locator('partner-center');
      await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
      await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
      await center.getByLabel('Password', { exact: true }).press('Enter');
      const figure = center.locator('partner-overview [part~="figure"]').first();
      await figure.waitFor();

      const reload = recordCalls(page);
      await page.reload();
      await figure.waitFor();
      const beforeFirstView = [...reload.calls];
      assert.ok(beforeFirstView.length <= 4, `at most 4 API calls before the first view, saw ${beforeFirstView.length}: ${beforeFirstView.join(', ')}`);
      assert.equal(beforeFirstView.filter((c) => c === 'GET /api/v1/partner/programs').length, 1, 'the programs are read once for the page');
      assert.match((await figure.textContent())!.trim(), /^\$\d{1,3}(,\d{3})*\.\d{2}$/);

      // scrolling down: the profile, the welcome and the recruit link fill in
      const profile = center.locator('partner-profile');
      await profile.scrollIntoViewIfNeeded();
      const details = profile.locator('[part~="details"]');
      await details.waitFor();
      assert.match((await details.textContent())!, new RegExp(`Partner code\\s*${DEMO_CREDENTIALS.code}`));
      await center.locator('partner-welcome [part~="content"]').waitFor();
      await center.locator('partner-recruits [part~="link"]').waitFor();
      reload.stop();
      assert.ok(reload.calls.includes('GET /api/v1/me') && reload.calls.includes('GET /api/v1/partner/welcome'), reload.calls.join(', '));
    } finally {
      await context.close();
    }
    assert.deepEqual(env.errors, [], 'no page errors');
  });
}
