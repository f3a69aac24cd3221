import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';

const trustProxy = (value: string | undefined, argv: string[] = []) => loadConfig(argv, value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY / --trust-proxy', () => {
  test('off by default; true and 1 trust one proxy; a number trusts that many hops', () => {
    assert.equal(trustProxy(undefined), 0);
    assert.equal(trustProxy('false'), 0);
    assert.equal(trustProxy('0'), 0);
    assert.equal(trustProxy('true'), 1);
    assert.equal(trustProxy('1'), 1);
    assert.equal(trustProxy('2'), 2);
    assert.equal(trustProxy(undefined, ['--trust-proxy']), 1);
    assert.equal(trustProxy(undefined, ['--trust-proxy', '--demo']), 1);
    assert.equal(trustProxy('0', ['--trust-proxy=3']), 3, 'the flag wins');
  });

  test('a list of proxy addresses and CIDR ranges, IPv4 and IPv6', () => {
    assert.deepEqual(trustProxy('10.0.0.1, 10.1.0.0/16,::1, fd00::/8'), ['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8']);
    assert.deepEqual(trustProxy(undefined, ['--trust-proxy=127.0.0.1']), ['127.0.0.1']);
  });

  for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1,,10.0.0.2', '11']) {
    test(`"${bad}" is refused with a message naming TRUST_PROXY`, () => {
      assert.throws(() => trustProxy(bad), (err: Error) => err instanceof ConfigError && /trustProxy: TRUST_PROXY must be/.test(err.message));
    });
  }

  test('a bad value stops the server before it listens', () => {
    const bin = fileURLToPath(new URL('../../bin/partner-center.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'serve', '--db', ':memory:', '--port', '0'], {
      env: { ...process.env, TRUST_PROXY: 'everyone' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /partner-center serve: Invalid configuration: trustProxy: TRUST_PROXY must be/);
  });
});

describe('DATABASE_POOL_SIZE / --database-pool-size', () => {
  test('10 connections per instance by default; the flag wins over the environment; nonsense is named', () => {
    assert.equal(loadConfig([], {}).databasePoolSize, 10);
    assert.equal(loadConfig([], { DATABASE_POOL_SIZE: '4' }).databasePoolSize, 4);
    assert.equal(loadConfig(['--database-pool-size', '2'], { DATABASE_POOL_SIZE: '4' }).databasePoolSize, 2);
    assert.throws(() => loadConfig([], { DATABASE_POOL_SIZE: '0' }), (err: Error) => err instanceof ConfigError && /databasePoolSize/.test(err.message));
    assert.throws(() => loadConfig(['--database-pool-size', 'many']), (err: Error) => err instanceof ConfigError && /databasePoolSize/.test(err.message));
  });
});
