import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPartnerAccount } from '../../server/partners/partner-admin.js';
import { e2e, type E2E } from '../helpers/e2e.js';
import { addLink } from '../helpers/resource-fixtures.js';
import { FIELD_PAYLOADS, PAYLOADS } from '../helpers/xss-payloads.js';

/**
 * Issue 5, item 7: script payloads in every merchant field (and in the partner's own name)
 * reach the demo page in real Chromium; nothing runs and the markup stays inert. Partner-supplied
 * URLs are refused by the server even when the browser's own checks are bypassed.
 */
const KEY = 'e2e-admin-key-0123456789abcdef';
/** For names, titles and subjects (at most 120 characters). */
const NAME = FIELD_PAYLOADS.slice(0, 3).join(' ');
/** For alt texts and bodies. */
const TEXT = FIELD_PAYLOADS.join(' ');
const PARTNER_NAME = '<img src=x onerror="window.__pwned=\'partner name\'">';

let env: E2E;
before(async () => {
  env = await e2e({ adminKey: KEY });
  const deps = env.server.deps;
  // in a program, so <partner-links> lists the links (a partner in none is told their links earn nothing)
  await createPartnerAccount(deps, { code: 'mallory', name: PARTNER_NAME, email: 'mallory@example.com', password: 'mallory-password', programIds: [1] });
  await addLink(deps, { slug: 'xss', name: NAME, destination: 'https://northwind.example/xss' });
});
after(() => env?.close());

async function admin(method: string, path: string, body: unknown, type = 'application/json') {
  const res = await fetch(`${env.url}/api/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': type },
    body: type === 'application/json' ? JSON.stringify(body) : (body as BodyInit),
  });
  return { status: res.status, json: (await res.json()) as any };
}

test('script in every merchant field never runs on the partner page, and the markup is inert', async () => {
  // the merchant's fields, each full of payloads
  const imageUrl = `${env.url}/uploads/1?q="><img src=x onerror=window.__pwned=1>`;
  const banner = await admin('POST', '/banners', { name: NAME, alt: TEXT, imageUrl, width: 300, height: 250, linkSlug: 'xss', sortOrder: -1 });
  assert.equal(banner.status, 201, JSON.stringify(banner.json));
  const email = await admin('POST', '/email-copy', {
    name: NAME,
    subject: `${NAME} {{partner.name}}`,
    body: `${TEXT}\n${PAYLOADS.join('\n')}\nFrom {{partner.name}}: {{link}}`,
    linkSlug: 'xss',
    sortOrder: -1,
  });
  assert.equal(email.status, 201, JSON.stringify(email.json));
  const page = await admin('POST', '/resource-pages', { title: NAME, body: PAYLOADS.join('\n\n'), sortOrder: -1 });
  assert.equal(page.status, 201, JSON.stringify(page.json));
  // what cannot even be stored
  assert.equal((await admin('POST', '/banners', { name: 'x', alt: 'x', imageUrl: 'javascript:window.__pwned=1', width: 1, height: 1, linkSlug: 'xss' })).status, 400);
  const svg = await admin('POST', '/uploads', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>'), 'image/svg+xml');
  assert.equal(svg.status, 422);

  const context = await env.browser.newContext();
  const tab = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  tab.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  await tab.goto(`${env.url}/`);
  const login = tab.locator('partner-login').first();
  await login.getByLabel('Partner code').fill('mallory');
  await login.getByLabel('Password', { exact: true }).fill('mallory-password');
  await login.getByLabel('Password', { exact: true }).press('Enter');

  // every element shows the material…
  await tab.locator('partner-links [part~="list"]').waitFor();
  await tab.locator('partner-banners [part~="gallery"]').waitFor();
  await tab.locator('partner-email-copy [part~="list"]').waitFor();
  await tab.locator('partner-resources [part~="content"]').waitFor();
  // …and the partner pokes at it: QR codes, every resource page, focus and hover everywhere
  for (const button of await tab.locator('partner-links [part~="qr-button"]').all()) await button.click();
  for (const button of await tab.locator('partner-resources [part~="page-button"]').all()) {
    await button.click();
    await tab.locator('partner-resources [part~="content"] *').first().hover().catch(() => {});
  }
  await tab.locator('partner-resources [part~="page-button"]').first().click();
  for (let i = 0; i < 40; i++) await tab.keyboard.press('Tab');
  await tab.waitForTimeout(1500); // failed images, lazy loads, timers

  assert.equal(await tab.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(pageErrors, [], 'no page errors');

  // the markup is inert: nothing script-capable anywhere in the four elements
  const problems = await tab.evaluate(() => {
    const found: string[] = [];
    for (const tag of ['partner-links', 'partner-banners', 'partner-email-copy', 'partner-resources']) {
      const root = document.querySelector(tag)!.shadowRoot!;
      for (const el of root.querySelectorAll('*')) {
        const name = el.localName;
        if (['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'meta', 'link', 'style', 'template', 'noscript'].includes(name)) found.push(`${tag}: <${name}>`);
        if (name === 'form' && el.getAttribute('part') !== 'form') found.push(`${tag}: a foreign <form>`);
        for (const attr of el.attributes) {
          if (attr.name.startsWith('on') || attr.name === 'style' || attr.name === 'srcdoc' || attr.name === 'formaction') found.push(`${tag}: ${name}[${attr.name}]`);
          if (['href', 'src', 'action'].includes(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) found.push(`${tag}: ${name}[${attr.name}=${attr.value}]`);
        }
      }
    }
    return found;
  });
  assert.deepEqual(problems, []);

  // the merchant's words are shown, as text
  assert.equal((await tab.locator('partner-banners [part~="banner"] h3').first().textContent())?.trim(), NAME);
  assert.equal(await tab.locator('partner-banners [part~="image"]').first().getAttribute('alt'), TEXT);
  assert.equal((await tab.locator('partner-resources [part~="page-title"]').textContent())?.trim(), NAME);
  assert.equal((await tab.locator('partner-email-copy [part~="subject"]').first().textContent())?.trim(), `${NAME} ${PARTNER_NAME}`);
  const body = await tab.locator('partner-email-copy [part~="body"]').first().textContent();
  assert.ok(body?.startsWith(TEXT), body ?? '');
  assert.ok(body?.includes(`From ${PARTNER_NAME}: ${env.url}/r/mallory/xss`), body ?? '');
  assert.equal(await tab.locator('partner-links [data-link-id] h3').filter({ hasText: 'onerror' }).first().textContent(), NAME);

  // the banner snippet a partner pastes is one link around one image, its values escaped
  const snippet = await tab.locator('partner-banners [part~="snippet"]').first().inputValue();
  // (a string: the test runner's transpiler would wrap named functions in helpers the page lacks)
  const parsed = await tab.evaluate(`(() => {
    const describe = (el) => ({ tag: el.localName, attrs: [...el.attributes].map((a) => [a.name, a.value]), children: [...el.children].map(describe) });
    return [...new DOMParser().parseFromString(${JSON.stringify(snippet)}, 'text/html').body.children].map(describe);
  })()`);
  assert.deepEqual(parsed, [
    {
      tag: 'a',
      attrs: [
        ['href', `${env.url}/r/mallory/xss`],
        ['rel', 'sponsored'],
      ],
      children: [{ tag: 'img', attrs: [['src', imageUrl], ['width', '300'], ['height', '250'], ['alt', TEXT]], children: [] }],
    },
  ]);
  await context.close();
});

test('partner-supplied URLs are checked on the server, not only in the browser', async () => {
  const context = await env.browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${env.url}/`);
  const login = tab.locator('partner-login').first();
  await login.getByLabel('Partner code').fill('mallory');
  await login.getByLabel('Password', { exact: true }).fill('mallory-password');
  await login.getByLabel('Password', { exact: true }).press('Enter');
  await tab.locator('partner-links [part~="list"]').waitFor();
  const before = await tab.locator('partner-links [part~="link"]').count();

  // straight to the API, past the element's own checks
  const answers = await tab.evaluate(async () => {
    const token = JSON.parse(sessionStorage.getItem('partner-center:session')!).token;
    const out: [number, string, string][] = [];
    for (const destination of ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'https://evil.example.net/phish', 'https://northwind.example.evil.net/', 'https://user:pw@northwind.example/']) {
      const res = await fetch('/api/v1/partner/links', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ destination }) });
      const json = await res.json();
      out.push([res.status, json.error?.code, json.error?.field]);
    }
    return out;
  });
  assert.deepEqual(answers, [
    [400, 'invalid_destination', 'destination'],
    [400, 'invalid_destination', 'destination'],
    [422, 'destination_not_allowed', 'destination'],
    [422, 'destination_not_allowed', 'destination'],
    [400, 'invalid_destination', 'destination'],
  ]);

  // through the form: refused before sending, with the rule named
  const links = tab.locator('partner-links');
  await links.getByLabel('Page address').fill('https://evil.example.net/phish');
  await links.getByRole('button', { name: 'Create link' }).click();
  await links.getByText('Links may only point to northwind.example; evil.example.net is not one of them.').waitFor();
  await links.getByRole('button', { name: 'Refresh links and clicks' }).click();
  await tab.waitForTimeout(300);
  assert.equal(await tab.locator('partner-links [part~="link"]').count(), before, 'no link was created');
  const stored = await env.server.deps.db.kysely.selectFrom('links').select('destination').where('partner_id', 'is not', null).execute();
  assert.deepEqual(
    stored.filter((l) => !l.destination.startsWith('https://northwind.example/')),
    [],
    'only the demo partner’s own seeded deep link, nothing from the refused attempts',
  );
  await context.close();
});
