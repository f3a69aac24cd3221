import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../../server/config.js';

test('SMTP_URL, MAIL_FROM, MAIL_NOTIFY_TO and MAIL_RETRY_DELAYS: read from the environment or flags, a bad value names itself', () => {
  const config = loadConfig(['--mail-from', 'Shop Partners <partners@shop.example>'], {
    SMTP_URL: 'smtps://user:pass@smtp.shop.example:465',
    MAIL_FROM: 'ignored@shop.example',
    MAIL_NOTIFY_TO: 'team@shop.example',
    MAIL_RETRY_DELAYS: '10, 20',
  });
  assert.equal(config.smtpUrl, 'smtps://user:pass@smtp.shop.example:465');
  assert.equal(config.mailFrom, 'Shop Partners <partners@shop.example>', 'the flag wins');
  assert.equal(config.mailNotifyTo, 'team@shop.example');
  assert.deepEqual(config.mailRetryDelays, [10, 20]);
  assert.deepEqual(loadConfig([], {}).mailRetryDelays, [60, 300, 1800, 7200, 21600]);
  assert.equal(loadConfig([], {}).smtpUrl, undefined);

  assert.throws(() => loadConfig([], { SMTP_URL: 'https://smtp.shop.example' }), (e: Error) => e instanceof ConfigError && /SMTP_URL/.test(e.message));
  assert.throws(() => loadConfig([], { MAIL_FROM: 'not an address' }), /MAIL_FROM/);
  assert.throws(() => loadConfig([], { MAIL_NOTIFY_TO: 'team@' }), /MAIL_NOTIFY_TO/);
  assert.throws(() => loadConfig([], { MAIL_RETRY_DELAYS: '1m,5m' }), /MAIL_RETRY_DELAYS/);
});
