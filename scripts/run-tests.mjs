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
  // the type check and the build need nothing of each other: they run side by side (one core each)
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p tsconfig.json', beside: 'build' },
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

/** Runs `cmd`; its output goes through as it comes, or, with `quiet`, only into `out` (printed by the caller). */
function run(cmd, env = {}, { quiet = false } = {}) {
  return new Promise((resolve) => {
    // its own process group: stopping it stops what it started (npm → rollup) too
    const child = spawn(cmd, { shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    running.add(child);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, out });
    });
  });
}

/** Commands still running (a stage started beside the one that failed): stopped when the run ends early. */
const running = new Set();
const stopAll = () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** Stages started beside an earlier one (`beside`): name → its promised result and start time. */
const started = new Map();

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  const env = stage.env ? `${Object.entries(stage.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  const partner = stages.find((s) => s.name === stage.beside && (!only.length || only.includes(s.name)));
  if (partner && !started.has(partner.name)) {
    // start the partner stage now, quietly; its output is printed when its turn comes
    started.set(partner.name, { at: performance.now(), result: run(partner.cmd, partner.env, { quiet: true }) });
  }
  console.log(`\n━━ ${stage.name}: ${env}${stage.cmd}${partner ? `   (beside ${partner.name})` : ''}`);
  const early = started.get(stage.name);
  const startedAt = early?.at ?? performance.now();
  const { code, out } = early ? await early.result : await run(stage.cmd, stage.env);
  if (early) process.stdout.write(out);
  console.log(`(${stage.name}: ${Math.round((performance.now() - startedAt) / 1000)} s)`);
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
