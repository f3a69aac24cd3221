import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../../server/config.js';
import { SETTINGS_HELP } from '../../../server/cli/core.js';

test('STRIPE_WEBHOOK_SECRET and SHOPIFY_WEBHOOK_SECRET come from the environment or flags (flags win), and serve --help names them', () => {
  const env = { STRIPE_WEBHOOK_SECRET: 'whsec_from_env_123', SHOPIFY_WEBHOOK_SECRET: 'shopify-env-secret' };
  assert.deepEqual(
    [loadConfig([], env).stripeWebhookSecret, loadConfig([], env).shopifyWebhookSecret],
    ['whsec_from_env_123', 'shopify-env-secret'],
  );
  const flagged = loadConfig(['--stripe-webhook-secret', 'whsec_from_flag_45', '--shopify-webhook-secret=shopify-flag-secret'], env);
  assert.deepEqual([flagged.stripeWebhookSecret, flagged.shopifyWebhookSecret], ['whsec_from_flag_45', 'shopify-flag-secret']);
  assert.equal(loadConfig([], {}).stripeWebhookSecret, undefined);
  assert.throws(() => loadConfig([], { STRIPE_WEBHOOK_SECRET: 'short' }), /STRIPE_WEBHOOK_SECRET/);
  assert.match(SETTINGS_HELP, /--stripe-webhook-secret .*STRIPE_WEBHOOK_SECRET/);
  assert.match(SETTINGS_HELP, /--shopify-webhook-secret .*SHOPIFY_WEBHOOK_SECRET/);
});
