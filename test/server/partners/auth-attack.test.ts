import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../../../server/config.js';
import { ADDRESS_LIMIT, STRANGER_LIMIT } from '../../../server/partners/auth.js';
import { testServer, type TestServer } from '../../helpers/server.js';

/**
 * Sign-in under attack, over real HTTP on loopback so simultaneous requests really are
 * simultaneous. The clock is the test's (deps.clock); addresses other than 127.0.0.1 come from
 * X-Forwarded-For written the way a proxy in front would write it.
 */
let s: TestServer;
let server: ServerType | undefined;
let base: string;

async function start(config: Partial<Config> = {}) {
  s = await testServer(config);
  await s.addPartner({ code: 'owner', password: 'owner-password' });
  server = await new Promise<ServerType>((ready) => {
    const listening = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  (server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
  server = undefined;
  await s.close();
});

interface Answer {
  status: number;
  retryAfter: number | undefined;
  deviceToken?: string;
}

async function signIn(password: string, options: { forwardedFor?: string; deviceToken?: string; code?: string } = {}): Promise<Answer> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(options.forwardedFor ? { 'X-Forwarded-For': options.forwardedFor } : {}) },
    body: JSON.stringify({ code: options.code ?? 'owner', password, deviceToken: options.deviceToken }),
  });
  const body = (await res.json()) as { deviceToken?: string };
  const retryAfter = res.headers.get('Retry-After');
  return { status: res.status, retryAfter: retryAfter ? Number(retryAfter) : undefined, deviceToken: body.deviceToken };
}

const tally = (answers: Answer[]) => {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
};

describe('Sign-in under attack', () => {
  test(`60 simultaneous guesses from one address get at most ${ADDRESS_LIMIT.max} password checks, the right password among them included`, async () => {
    await start();
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(i === 59 ? 'owner-password' : `guess-${i}`)),
    );
    const counts = tally(burst);
    const checked = (counts[401] ?? 0) + (counts[200] ?? 0);
    assert.ok(checked <= ADDRESS_LIMIT.max, `password checked ${checked} times: ${JSON.stringify(counts)}`);
    assert.equal(counts[429], 60 - checked, JSON.stringify(counts));
    assert.ok(burst.filter((a) => a.status === 429).every((a) => a.retryAfter! > 0), 'every refusal says how long to wait');
    assert.equal((await signIn('owner-password')).status, 429, 'the address stays locked after the burst');
  });

  test(`60 simultaneous guesses from 60 addresses get at most ${STRANGER_LIMIT.free} password checks for the code`, async () => {
    await start({ trustProxy: 1 });
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`guess-${i}`, { forwardedFor: `192.0.2.${i}` })));
    const counts = tally(burst);
    assert.ok((counts[401] ?? 0) <= STRANGER_LIMIT.free, JSON.stringify(counts));
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 60, JSON.stringify(counts));
  });

  test('the keep-out attack: 20 failures from 5 addresses, then a guess each time the wait ends, 150 seconds long — the owner’s browser gets in every time, strangers wait longer and longer', async () => {
    await start({ trustProxy: 1 });
    const owner = { forwardedFor: '198.51.100.77' };
    // the owner signed in on this browser before: it keeps the device token
    const first = await signIn('owner-password', owner);
    assert.equal(first.status, 200);
    const deviceToken = first.deviceToken!;
    assert.ok(deviceToken);

    const attackers = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    for (let i = 0; i < 20; i++) await signIn(`guess-${i}`, { forwardedFor: attackers[i % 5] });

    let ownerIn = 0;
    let guesses = 0;
    for (let second = 0; second < 150; second += 5) {
      const guess = await signIn(`guess-late-${second}`, { forwardedFor: attackers[(second / 5) % 5] });
      if (guess.status === 401) guesses++;
      else assert.equal(guess.status, 429);
      const attempt = await signIn('owner-password', { ...owner, deviceToken });
      if (attempt.status === 200) ownerIn++;
      s.advance(5_000);
    }
    assert.equal(ownerIn, 30, 'the owner signed in on each of 30 tries');
    assert.ok(guesses <= 2, `the attacker got ${guesses} more guesses`);

    // strangers, the owner on a new browser included, meet waits that double each time
    const pauses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const stranger = await signIn('owner-password', { forwardedFor: '198.51.100.200' });
      assert.equal(stranger.status, 429);
      s.advance(stranger.retryAfter! * 1000);
      assert.equal((await signIn('still-guessing', { forwardedFor: `203.0.113.${10 + round}` })).status, 401);
      pauses.push((await signIn('owner-password', { forwardedFor: '198.51.100.200' })).retryAfter!);
    }
    assert.deepEqual(pauses, [pauses[0], pauses[0]! * 2, pauses[0]! * 4], `waits after each guess: ${pauses} s`);
  });

  test('the owner’s browser has its own limit: five wrong passwords there slow that browser, not the code for the others', async () => {
    await start({ trustProxy: 1 });
    const { deviceToken } = await signIn('owner-password', { forwardedFor: '198.51.100.77' });
    for (let i = 0; i < 5; i++) assert.equal((await signIn(`typo-${i}`, { forwardedFor: '198.51.100.77', deviceToken })).status, 401);
    const slowed = await signIn('owner-password', { forwardedFor: '198.51.100.77', deviceToken });
    assert.equal(slowed.status, 429);
    assert.equal(slowed.retryAfter, 60);
    assert.equal((await signIn('owner-password', { forwardedFor: '198.51.100.8' })).status, 200, 'another browser is not held by it');
  });

  test('a spoofed X-Forwarded-For cannot buy fresh addresses: one hop trusted, the address the proxy saw counts', async () => {
    await start({ trustProxy: 1 });
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      // the client wrote the left entry; our proxy appended the address it saw
      assert.equal((await signIn(`guess-${i}`, { forwardedFor: `10.9.9.${i}, 203.0.113.50` })).status, 401);
    }
    const locked = await signIn('owner-password', { forwardedFor: '10.9.9.200, 203.0.113.50' });
    assert.equal(locked.status, 429);
  });

  test('with a list of trusted proxies the right-most address not written by one of them counts', async () => {
    await start({ trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      assert.equal((await signIn(`guess-${i}`, { forwardedFor: `192.0.2.${i}, 203.0.113.50, 10.1.2.3` })).status, 401);
    }
    assert.equal((await signIn('owner-password', { forwardedFor: '192.0.2.200, 203.0.113.50, 10.1.2.3' })).status, 429);
    assert.equal((await signIn('owner-password', { forwardedFor: '203.0.113.51, 10.1.2.3' })).status, 200, 'the next client behind the proxy is someone else');
  });

  test('a caller that is not a listed proxy cannot choose its address with X-Forwarded-For', async () => {
    await start({ trustProxy: ['10.0.0.1'] });
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) assert.equal((await signIn(`guess-${i}`, { forwardedFor: `192.0.2.${i}` })).status, 401);
    assert.equal((await signIn('owner-password', { forwardedFor: '192.0.2.99' })).status, 429);
  });
});
