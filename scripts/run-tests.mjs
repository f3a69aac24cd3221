#!/usr/bin/env node
// `npm test`: every test suite in order — typecheck, build, the server on SQLite, the server on
// PostgreSQL, elements (Chromium), stories (Chromium), end to end (Chromium). Stops at the first failing stage, fails when a
// runner reports no tests, and ends with one "N passed, N failed" line.
import { spawn } from 'node:child_process';
import { findChrome, NO_CHROME_MESSAGE } from './find-chrome.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(`\n${NO_CHROME_MESSAGE}\n`);
  process.exit(1);
}
process.env.CHROME_PATH = chrome;

const only = process.argv.slice(2);

const SERVER_TESTS = 'test/server/*.test.ts test/server/*/*.test.ts test/server/*/*/*.test.ts';

/** name, command, extra environment, how to read the counts from its output */
const stages = [
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p tsconfig.json' },
  { name: 'build', cmd: 'npm run --silent build' },
  // two test files at a time: many wait on child processes, sockets and timers rather than the CPU
  { name: 'server', cmd: `node --import tsx --test --test-reporter=spec --test-concurrency=2 ${SERVER_TESTS}`, counts: nodeCounts },
  // the same files on PostgreSQL (TEST_POSTGRES_URL when set, else in-process PGlite)
  { name: 'server-postgres', cmd: `node --import tsx --test --test-reporter=spec --test-concurrency=2 ${SERVER_TESTS}`, env: { PC_TEST_DB: 'postgres' }, counts: nodeCounts },
  { name: 'components', cmd: 'npx web-test-runner', counts: wtrCounts },
  // builds storybook-static/, then opens every story of its index.json in Chromium
  { name: 'stories', cmd: 'npm run --silent test:stories', counts: nodeCounts },
  { name: 'e2e', cmd: 'node --import tsx --test --test-reporter=spec --test-concurrency=1 test/e2e/*.test.ts', counts: nodeCounts },
];

function wtrCounts(out) {
  const all = [...out.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = all.at(-1);
  return last ? { pass: Number(last[1]), fail: Number(last[2]) } : undefined;
}

function nodeCounts(out) {
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? /# pass (\d+)/.exec(out)?.[1]);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? /# fail (\d+)/.exec(out)?.[1]);
  return Number.isNaN(pass) ? undefined : { pass, fail };
}

function run(cmd, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  const env = stage.env ? `${Object.entries(stage.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  console.log(`\n━━ ${stage.name}: ${env}${stage.cmd}`);
  const started = performance.now();
  const { code, out } = await run(stage.cmd, stage.env);
  console.log(`(${stage.name}: ${Math.round((performance.now() - started) / 1000)} s)`);
  const counts = stage.counts?.(out.replace(/\x1b\[[0-9;]*m/g, ''));
  if (counts) {
    passed += counts.pass;
    failed += counts.fail;
  }
  if (stage.counts && (!counts || counts.pass + counts.fail === 0)) {
    console.error(`\n✖ ${stage.name}: the runner found no tests`);
    console.log(`\ntests: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
  if (code !== 0) {
    console.error(`\n✖ ${stage.name} failed (exit ${code})`);
    console.log(`\ntests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
