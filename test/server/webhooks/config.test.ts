import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../../server/config.js';

test('ALLOW_PRIVATE_WEBHOOK_URLS and --allow-private-webhook-urls turn the SSRF rule off; it is on by default', () => {
  assert.equal(loadConfig([], {}).allowPrivateWebhookUrls, false);
  assert.equal(loadConfig([], { ALLOW_PRIVATE_WEBHOOK_URLS: '1' }).allowPrivateWebhookUrls, true);
  assert.equal(loadConfig([], { ALLOW_PRIVATE_WEBHOOK_URLS: '0' }).allowPrivateWebhookUrls, false);
  assert.equal(loadConfig(['--allow-private-webhook-urls'], {}).allowPrivateWebhookUrls, true);
});

test('WEBHOOK_RETRY_BASE_SECONDS: 30 by default; a bad value stops the server naming it', () => {
  assert.equal(loadConfig([], {}).webhookRetryBaseSeconds, 30);
  assert.equal(loadConfig([], { WEBHOOK_RETRY_BASE_SECONDS: '5' }).webhookRetryBaseSeconds, 5);
  assert.throws(() => loadConfig([], { WEBHOOK_RETRY_BASE_SECONDS: 'soon' }), /webhookRetryBaseSeconds/);
});
