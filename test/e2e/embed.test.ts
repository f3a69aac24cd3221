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

test('with loader.js, the embed-token sign-in is downloaded only by a page that has the meta tag, and the login form never flashes', async () => {
  const res = await fetch(`${env.url}/api/v1/admin/embed-tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerCode: 'demo' }),
  });
  const { embedToken } = (await res.json()) as { embedToken: string };
  const page = await env.page();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const body = (meta: string) => `<!doctype html><html lang="en"><head><title>My account</title>${meta}
    <script type="module" src="/loader.js"></script></head><body><main></main></body></html>`;
  await page.route(`${env.url}/plain`, (route) => route.fulfill({ contentType: 'text/html', body: body('') }));
  await page.route(`${env.url}/my-account`, (route) =>
    route.fulfill({ contentType: 'text/html', body: body(`<meta name="partner-center:embed-token" content="${embedToken}">`) }),
  );

  // no element and no token: loader.js alone
  await page.goto(`${env.url}/plain`);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(scripts, ['/loader.js']);

  // with the token: signed in, and a <partner-login> added later never shows its form
  scripts.length = 0;
  await page.goto(`${env.url}/my-account`);
  await page.evaluate(() => {
    const el = document.createElement('partner-login');
    const forms: string[] = [];
    (window as unknown as { forms: string[] }).forms = forms;
    customElements.whenDefined('partner-login').then(() => {
      if (el.shadowRoot?.querySelector('form')) forms.push('form');
      new MutationObserver(() => el.shadowRoot?.querySelector('form') && forms.push('form')).observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    document.querySelector('main')!.append(el);
  });
  await page.locator('partner-login').getByText('Signed in as Dana Demo').waitFor();
  assert.deepEqual(await page.evaluate(() => (window as unknown as { forms: string[] }).forms), []);
  assert.ok(scripts.some((s) => /\/chunks\/embed-[\w-]+\.js$/.test(s)), `the embed chunk was loaded: ${scripts.join(', ')}`);
  assert.deepEqual(env.errors, []);
});

test('partner-center.js defines the first element on the page at once, each other one on the page in a task of its own, in page order, and the rest at once', async () => {
  const page = await env.page();
  // which tags were defined, and whether a task ended since the define before (its microtask ran)
  await page.addInitScript(() => {
    const log: [string, boolean][] = [];
    (window as unknown as { defines: typeof log }).defines = log;
    const define = customElements.define.bind(customElements);
    let sameTask = false;
    customElements.define = (name, constructor, options) => {
      log.push([name, !sameTask]);
      sameTask = true;
      queueMicrotask(() => (sameTask = false));
      define(name, constructor, options);
    };
  });
  await page.route(`${env.url}/many`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Partners</title>
        <script type="module" src="/partner-center.js"></script>
        <script type="module">window.afterBundle = ['partner-login', 'partner-ledger', 'partner-banners', 'partner-payouts'].map((t) => Boolean(customElements.get(t)));</script></head>
        <body><main><partner-login></partner-login><partner-ledger></partner-ledger><partner-banners></partner-banners></main></body></html>`,
    }),
  );
  await page.goto(`${env.url}/many`);
  await page.locator('partner-login').getByRole('button', { name: 'Sign in' }).waitFor();
  await page.locator('partner-ledger').getByText('Sign in to see your ledger').waitFor();

  await page.waitForFunction(() => document.querySelectorAll(':is(partner-login, partner-ledger, partner-banners):not(:defined)').length === 0);

  // right after the bundle ran: the first tag on the page is defined, the other two wait for their
  // turn, and a tag not on the page is defined
  assert.deepEqual(await page.evaluate(() => (window as unknown as { afterBundle: boolean[] }).afterBundle), [true, false, false, true]);
  const defines = await page.evaluate(() => (window as unknown as { defines: [string, boolean][] }).defines);
  const onPage = defines.filter(([name]) => ['partner-login', 'partner-ledger', 'partner-banners'].includes(name));
  // [tag, defined in a task of its own]
  assert.deepEqual(onPage, [
    ['partner-login', false],
    ['partner-ledger', true],
    ['partner-banners', true],
  ]);
  assert.equal(defines.length, 17, 'every element is defined once');
  assert.deepEqual(env.errors, []);
});
