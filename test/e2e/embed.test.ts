import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { e2e, type E2E } from '../helpers/e2e.js';

const ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';
let env: E2E;
before(async () => {
  env = await e2e({ adminKey: ADMIN_KEY });
});
after(() => env?.close());

test("a partner signed in on the merchant's own site is signed in to the widgets by an embed token", async () => {
  // the merchant's backend mints the token…
  const res = await fetch(`${env.url}/api/v1/admin/embed-tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerCode: 'demo' }),
  });
  assert.equal(res.status, 201);
  const { embedToken } = (await res.json()) as { embedToken: string };

  // …and renders it into its own account page, next to the script tag
  const page = await env.page();
  await page.route(`${env.url}/my-account`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>My account</title>
        <meta name="partner-center:embed-token" content="${embedToken}">
        <script type="module" src="/partner-center.js"></script></head>
        <body><main><partner-login></partner-login></main></body></html>`,
    }),
  );
  await page.goto(`${env.url}/my-account`);
  await page.locator('partner-login').getByText('Signed in as Dana Demo').waitFor();

  // a reload keeps the session and does not spend the token again
  await page.reload();
  await page.locator('partner-login').getByText('Signed in as Dana Demo').waitFor();
  assert.deepEqual(env.errors, []);

  // the token was single-use
  const again = await fetch(`${env.url}/api/v1/auth/embed`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ embedToken }),
  });
  assert.equal(again.status, 401);
});
