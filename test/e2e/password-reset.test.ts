import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_CREDENTIALS, DEMO_OWNER } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';
import { startSmtp } from '../server/mail/smtp.js';

/**
 * A partner who forgot their password gets it back from the sign-in form alone: on the demo
 * (no SMTP server) by following the link from the demo outbox page, and with SMTP_URL set by
 * following the link in the message that arrives over SMTP.
 */

const NEW_PASSWORD = 'a-brand-new-password-9';

const signIn = async (page: Page, url: string, password: string) => {
  await page.goto(url);
  const login = page.locator('partner-login').first();
  await login.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await login.getByLabel('Password', { exact: true }).fill(password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  return login;
};

/** On the demo page: Forgot your password? → the request form → the server's answer. */
async function askForReset(page: Page, url: string, login: string) {
  await page.goto(url);
  const form = page.locator('partner-login').first();
  await form.getByRole('button', { name: 'Forgot your password?' }).click();
  await form.getByLabel('Partner code or email').fill(login);
  await form.getByRole('button', { name: 'Send reset link' }).click();
  await form.getByRole('heading', { name: 'Check your email' }).waitFor();
  return (await form.textContent())!.replace(/\s+/g, ' ');
}

/** Follows an emailed link: the new password form on the merchant's page, the new password set. */
async function resetWith(page: Page, link: string) {
  await page.goto(link);
  const form = page.locator('partner-login').first();
  await form.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel('Repeat new password').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('Password changed — sign in with your new password.').waitFor();
  assert.doesNotMatch(page.url(), /pc_reset=/, 'the token leaves the address bar');
}

async function expectSignedIn(page: Page, url: string, password: string) {
  await signIn(page, url, password);
  await page.locator('partner-ledger').first().locator('table').first().waitFor();
}

async function expectRefused(page: Page, url: string, password: string) {
  const login = await signIn(page, url, password);
  await login.getByRole('alert').waitFor();
  assert.match((await login.getByRole('alert').textContent())!, /partner code or password|incorrect|not right/i);
}

describe('password reset on the demo (no SMTP: the demo outbox)', () => {
  let env: E2E;
  before(async () => {
    env = await e2e();
  });
  after(() => env?.close());

  test('forgot password → demo outbox → link → new password; the old one and the used link no longer work', async () => {
    const page = await env.page();
    const known = await askForReset(page, `${env.url}/`, DEMO_CREDENTIALS.code);
    const unknown = await askForReset(page, `${env.url}/`, 'nobody-at-all');
    assert.equal(unknown, known, 'the same words whether or not the partner exists');

    // the demo page links to the outbox, where the message waits
    await page.goto(`${env.url}/`);
    await page.getByRole('link', { name: /outbox/i }).first().click();
    await page.waitForURL(/\/demo\/outbox$/);
    const message = page.locator('article').filter({ hasText: /password/i }).first();
    await message.waitFor();
    assert.equal(await page.locator('article').filter({ hasText: 'nobody-at-all' }).count(), 0);
    const link = await message.locator('a[href*="pc_reset="]').first().getAttribute('href');
    assert.ok(link?.startsWith(`${env.url}/`), `the link leads back to the page the request came from: ${link}`);

    await resetWith(page, link!);
    await expectSignedIn(await env.page(), `${env.url}/`, NEW_PASSWORD);
    await expectRefused(await env.page(), `${env.url}/`, DEMO_CREDENTIALS.password);

    // the link is single-use
    const again = await env.page();
    await again.goto(link!);
    const form = again.locator('partner-login').first();
    await form.getByLabel('New password', { exact: true }).fill('yet-another-password-1');
    await form.getByLabel('Repeat new password').fill('yet-another-password-1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').waitFor();
    assert.match((await form.getByRole('alert').textContent())!, /already been used|used/i);

    // the owner finds the message in the console's outbox (kept: the demo has no SMTP server)
    const owner = await env.page();
    await owner.goto(`${env.url}/admin`);
    const console = owner.locator('partner-admin');
    await console.getByLabel('Email').fill(DEMO_OWNER.email);
    await console.getByLabel('Password', { exact: true }).fill(DEMO_OWNER.password);
    await console.getByRole('button', { name: 'Sign in' }).click();
    await console.getByRole('link', { name: 'Email', exact: true }).click();
    const row = console.locator('partner-admin-outbox [part~="row"]').filter({ hasText: DEMO_CREDENTIALS.code }).first();
    await row.waitFor();
    assert.match((await row.textContent())!.replace(/\s+/g, ' '), /kept/i);
    assert.deepEqual(env.errors.filter((e) => !/40[0-9]|429/.test(e)), []);
  });
});

describe('password reset with SMTP_URL set (the message arrives over SMTP)', () => {
  let env: E2E;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    env = await e2e({ smtpUrl: smtp.url, mailFrom: 'Northwind Partners <partners@northwind.example>' });
  });
  after(async () => {
    await env?.close();
    await smtp?.close();
  });

  test('the reset link comes by email with a text and an HTML part; following it sets the new password', async () => {
    const page = await env.page();
    await askForReset(page, `${env.url}/portal`, DEMO_CREDENTIALS.code);
    // the demo's seed may have mailed commissions already: the reset is the one carrying pc_reset
    let mail = smtp.arrived.find((m) => m.text?.includes('pc_reset='));
    for (let n = smtp.arrived.length + 1; !mail && n < 50; n++) mail = (await smtp.waitFor(n)).find((m) => m.text?.includes('pc_reset='));
    assert.ok(mail, `the reset message arrived; arrived: ${smtp.arrived.map((m) => m.subject).join(' | ')}`);
    assert.match(mail.from?.text ?? '', /partners@northwind\.example/);
    assert.ok(mail.text && mail.html, 'a plain-text and an HTML part');
    const link = /https?:\/\/\S*pc_reset=[A-Za-z0-9_-]+/.exec(mail.text!)?.[0];
    assert.ok(link?.startsWith(`${env.url}/portal`), `the link opens the page the request came from: ${link}`);
    assert.ok(String(mail.html).includes(link!.replace(/&/g, '&amp;')), 'the HTML part carries the same link');
    await resetWith(page, link!);
    await expectSignedIn(await env.page(), `${env.url}/`, NEW_PASSWORD);
  });
});
