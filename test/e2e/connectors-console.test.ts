import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { DEMO_CREDENTIALS, DEMO_OWNER } from '../../server/demo/seed.js';
import { e2e, type E2E } from '../helpers/e2e.js';
import { startReceiver } from '../server/webhooks/receiver.js';

/**
 * Issue 13 in the console, against the real server on the demo: the owner gives a partner a
 * coupon code (the partner sees it in <partner-links>), pastes a Stripe signing secret, and
 * registers a webhook endpoint — its secret shown once — whose test event arrives.
 */
let env: E2E;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
before(async () => {
  receiver = await startReceiver();
  env = await e2e({ allowPrivateWebhookUrls: true });
});
after(async () => {
  await env?.close();
  await receiver?.close();
});

const text = async (l: Locator) => (await l.textContent())!.replace(/\s+/g, ' ').trim();

async function signIn(page: Page) {
  await page.goto(`${env.url}/admin`);
  const console = page.locator('partner-admin');
  await console.getByLabel('Email').fill(DEMO_OWNER.email);
  await console.getByLabel('Password', { exact: true }).fill(DEMO_OWNER.password);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.locator('[part~="user"]').waitFor();
  return console;
}

test('coupon code, Stripe secret and a webhook endpoint, set up from the console', async () => {
  const page = await env.page();
  const console = await signIn(page);

  // a coupon code for the demo partner, from the partner's page
  await page.goto(`${env.url}/admin#/partners/${DEMO_CREDENTIALS.code}`);
  const coupons = console.locator('partner-admin-coupons');
  await coupons.getByRole('textbox').first().fill('DANA10');
  await coupons.getByRole('button', { name: /add/i }).click();
  await coupons.getByText('DANA10').first().waitFor();

  // Stripe: paste the signing secret in Settings › Integrations
  await console.getByRole('link', { name: 'Settings' }).click();
  const integrations = console.locator('partner-admin-integrations');
  await integrations.waitFor();
  const stripe = integrations.locator('[data-provider="stripe"]');
  assert.match(await text(stripe.locator('[part~="state"]')), /Not configured/);
  await stripe.getByLabel('Signing secret').fill('whsec_e2e_pasted_secret_0123456789');
  await stripe.getByRole('button', { name: 'Save secret' }).click();
  await stripe.getByText('Configured', { exact: true }).waitFor();
  assert.doesNotMatch(await text(integrations), /whsec_e2e_pasted_secret/, 'the secret is never shown back');

  // a webhook endpoint: the secret once, then a test event that arrives signed
  await console.getByRole('link', { name: 'Webhooks' }).click();
  const webhooks = console.locator('partner-admin-webhooks');
  await webhooks.getByRole('link', { name: 'Add endpoint' }).click();
  await webhooks.getByLabel('Endpoint URL').fill(receiver.url);
  await webhooks.locator('input[name="events"][value="commission.created"]').check();
  await webhooks.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = webhooks.getByText(/whsec_/).first();
  await secret.waitFor();
  const whsec = /whsec_[A-Za-z0-9+/=]+/.exec(await text(secret))![0];
  await webhooks.getByRole('button', { name: 'I have stored it' }).click();
  assert.equal(await webhooks.getByText(whsec).count(), 0, 'the secret is shown once');
  // the endpoint's page: its Send test event
  const testButton = webhooks.locator('[part~="test"]');
  if (!(await testButton.count())) await webhooks.getByRole('link', { name: receiver.url }).click();
  await testButton.click();
  const until = Date.now() + 15_000;
  while (!receiver.received.length && Date.now() < until) await new Promise((wake) => setTimeout(wake, 50));
  const [delivery] = receiver.received;
  assert.ok(delivery, 'the test event arrived');
  assert.equal((new Webhook(whsec).verify(delivery.body, receiver.headersOf(delivery)) as { type: string }).type, 'webhook.test');

  // the partner sees their coupon code in <partner-links>
  const partner = await env.signedInDemoPage();
  await partner.locator('partner-links').first().getByText('DANA10').first().waitFor();
  assert.deepEqual(env.errors.filter((e) => !/40[0-9]/.test(e)), []);
});
