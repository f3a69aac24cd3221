import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/** The real server with ALLOWED_ORIGINS unset, and a merchant's page served from another port. */
let env: E2E;
let shopServer: Server;
let shop: string;
before(async () => {
  env = await e2e();
  shopServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Shop</title>
      <script type="module" src="${env.url}/partner-center.js"></script></head>
      <body><main><partner-login></partner-login></main></body></html>`);
  });
  await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
  shop = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}`;
});
after(async () => {
  shopServer?.closeAllConnections();
  await new Promise((resolve) => shopServer?.close(resolve));
  await env?.close();
});

test("a page whose origin the server does not allow says it can't reach the server, and logs the origin to allow", async () => {
  const page = await env.page();
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') logged.push(m.text());
  });
  await page.goto(`${shop}/partners`);
  assert.notEqual(new URL(shop).origin, new URL(env.url).origin);
  const login = page.locator('partner-login');
  await login.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await login.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  const alert = login.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), "This page can't reach the partner server.");
  const hint = logged.find((line) => line.includes('[partner-center]'));
  assert.ok(hint, `no hint for the developer in the console:\n${logged.join('\n')}`);
  assert.match(hint, new RegExp(`ALLOWED_ORIGINS=${shop.replace(/[.]/g, '\\.')}`));
});
