/**
 * The hot path, over real HTTP on loopback with keep-alive connections:
 * redirects per second of a bare Hono route that only redirects, and of Partner Center's
 *     GET /r/:code/:slug recording every click — both served by one process, in alternating
 *     rounds that start and end with the bare route — and their ratio (goal ≥ 0.8), at 16 and
 *     64 connections: each Partner Center round against the mean of the bare rounds either side
 *     of it, the median of those (this machine's speed drifts by a third within minutes; a
 *     round's neighbours ran on the same machine it did), beside the ratio of the best rounds.
 * Sales ingested per second are bench/sales.bench.ts's.
 *
 * The load comes from wrk, which a Node loop cannot match (it would be the bottleneck and flatter
 * the ratio). Install it from Debian's packages: `apt-get install wrk`. With taskset and two
 * cores, the servers run on core 0 and wrk on core 1. Without wrk, a Node loop in this process
 * measures instead, with a warning. Beside req/s it prints the servers' CPU time per request,
 * which other work on a shared machine disturbs much less.
 *
 * Click check: no answered redirect without its stored click. wrk's counts give rows recorded
 * vs. redirects answered (rows may exceed answers only by the requests wrk cut off when its time
 * ran out, at most one per connection); an untimed wrk pass then logs every answer's click id
 * and each must be distinct and in the database. Prints figures; asserts no time.
 *
 * `measureRedirect()` returns the figures without printing (for a report); `BENCH_CONNECTIONS`,
 * `BENCH_SECONDS` (per wrk round) and `BENCH_REDIRECTS` (per Node round) change the load.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './support/load.js';
import { report, type Figure } from './support/report.js';

const REDIRECTS = Number(process.env.BENCH_REDIRECTS ?? 20_000);
/** keep-alive connections: a moderate and a busy load (more concurrent visitors, bigger commit batches) */
const CONNECTION_LEVELS = (process.env.BENCH_CONNECTIONS ?? '16,64').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/** Partner Center rounds per load, each between two bare rounds */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GOAL = 0.8;
const REDIRECT_PATH = '/r/bench/shop';
const USER_AGENT = 'bench/1.0';

const installed = (command: string) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;


function ask<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((answer) => {
    child.once('message', (m) => answer(m as T));
    child.send(message);
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One load generator's run: requests answered (all statuses), those that were not 2xx/3xx, and their rate. */
interface Run {
  requests: number;
  failed: number;
  perSecond: number;
  /** the servers' CPU time (user + system) per request, µs */
  cpuPerRequest: number;
}

interface Servers {
  child: ChildProcess;
  ports: { bare: number; full: number };
  /** wrk runs on core 1 and the servers on core 0 */
  pinned: boolean;
}

/** The servers in their own process (pinned to core 0 when it can be), until `use` settles. */
async function withServers<T>(use: (servers: Servers) => Promise<T>): Promise<T> {
  const pinned = installed('taskset') && availableParallelism() >= 2;
  // BENCH_PROFILE=<dir> writes a CPU profile of the servers there
  const nodeArgs = [...process.execArgv, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])];
  const child = fork(new URL('./support/redirect-servers.ts', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(pinned ? { execPath: 'taskset', execArgv: ['-c', '0', process.execPath, ...nodeArgs] } : { execArgv: nodeArgs }),
  });
  try {
    const ports = await new Promise<{ bare: number; full: number }>((ready, fail) => {
      child.once('message', (m) => ready(m as { bare: number; full: number }));
      child.once('exit', (code) => fail(new Error(`the bench servers exited (${code})`)));
    });
    return await use({ child, ports, pinned });
  } finally {
    if (child.connected) child.send({ ask: 'close' });
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}

const cpuOf = async (child: ChildProcess) => (await ask<{ cpu: number }>(child, { ask: 'cpu' })).cpu;

/** Runs wrk (one thread, on core 1 when pinned) against the redirect; `script` adds a Lua script and its arguments. */
function wrk(servers: Servers, port: number, connections: number, seconds: number, script: string[] = []): Promise<string> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '-H', `User-Agent: ${USER_AGENT}`, ...(script.length ? ['-s', script[0]!] : []), `http://127.0.0.1:${port}${REDIRECT_PATH}`];
  if (script.length > 1) args.push('--', ...script.slice(1));
  const [command, argv] = servers.pinned ? ['taskset', ['-c', '1', 'wrk', ...args]] : ['wrk', args];
  return new Promise((done, fail) => {
    const proc = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk));
    proc.on('error', fail);
    proc.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`wrk exited with ${code}: ${out}`))));
  });
}

const matched = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);

async function wrkRun(servers: Servers, port: number, connections: number): Promise<Run> {
  const cpu = await cpuOf(servers.child);
  const out = await wrk(servers, port, connections, SECONDS);
  const used = (await cpuOf(servers.child)) - cpu;
  const requests = matched(out, /(\d+) requests in/);
  return { requests, failed: matched(out, /Non-2xx or 3xx responses: (\d+)/), perSecond: matched(out, /Requests\/sec:\s+([\d.]+)/), cpuPerRequest: used / requests };
}

async function nodeRun(servers: Servers, port: number, connections: number, locations?: string[]): Promise<Run> {
  const cpu = await cpuOf(servers.child);
  const result = await load(port, REDIRECTS, connections, () => ({ method: 'GET', path: REDIRECT_PATH, headers: { 'User-Agent': USER_AGENT } }));
  const used = (await cpuOf(servers.child)) - cpu;
  locations?.push(...result.locations);
  const redirected = (result.statuses.get(302) ?? 0) + (result.statuses.get(200) ?? 0);
  return { requests: REDIRECTS, failed: REDIRECTS - redirected, perSecond: result.perSecond, cpuPerRequest: used / REDIRECTS };
}

/** Click ids of redirects, checked against the database: each answer's id distinct and stored. */
interface IdCheck {
  answers: number;
  redirects: number;
  distinct: number;
  stored: number;
  /** rows the pass added; more than `redirects` only by the requests cut off at its end */
  rows: number;
}

async function checkIds(servers: Servers, connections: number): Promise<IdCheck> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-ids-'));
  try {
    const file = join(dir, 'answers.txt');
    const before = (await ask<{ count: number }>(servers.child, { ask: 'count', table: 'clicks' })).count;
    await wrk(servers, servers.ports.full, connections, 1, [fileURLToPath(new URL('./support/click-ids.lua', import.meta.url)), file]);
    const rows = (await ask<{ count: number }>(servers.child, { ask: 'count', table: 'clicks' })).count - before;
    const answers = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(' '));
    const ids = answers.filter(([status, id]) => status === '302' && id !== '-').map(([, id]) => id!);
    const { stored } = await ask<{ stored: number }>(servers.child, { ask: 'stored', keys: ids });
    return { answers: answers.length, redirects: ids.length, distinct: new Set(ids).size, stored, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface LevelFigures {
  connections: number;
  /** best round, req/s */
  bare: number;
  full: number;
  /** full ÷ bare, best rounds */
  ratio: number;
  /** each full round ÷ the mean of the bare rounds before and after it; and their median (the budget's figure) */
  paired: number[];
  pairedRatio: number;
  rounds: { bare: number[]; full: number[] };
  /** the servers' CPU µs per request, least of the rounds; bare ÷ full is the ratio a quiet machine would show */
  cpuPerRequest: { bare: number; full: number };
  clicks: {
    /** redirects answered in the timed rounds, and click rows they added */
    answered: number;
    recorded: number;
    /** the click id check (wrk only; the Node loop checks every round's ids) */
    ids?: IdCheck;
    ok: boolean;
  };
}

export interface RedirectFigures {
  tool: 'wrk' | 'node';
  /** servers on core 0, wrk on core 1 */
  pinned: boolean;
  levels: LevelFigures[];
}

async function measureLevel(servers: Servers, tool: 'wrk' | 'node', connections: number): Promise<LevelFigures> {
  const { child, ports } = servers;
  const before = (await ask<{ count: number }>(child, { ask: 'count', table: 'clicks' })).count;
  const locations: string[] = [];
  const bare: Run[] = [];
  const full: Run[] = [];
  const bareRound = async () => bare.push(tool === 'wrk' ? await wrkRun(servers, ports.bare, connections) : await nodeRun(servers, ports.bare, connections));
  await bareRound();
  for (let round = 0; round < ROUNDS; round++) {
    full.push(tool === 'wrk' ? await wrkRun(servers, ports.full, connections) : await nodeRun(servers, ports.full, connections, locations));
    await bareRound();
  }
  const paired = full.map((f, i) => f.perSecond / ((bare[i]!.perSecond + bare[i + 1]!.perSecond) / 2));
  const recorded = (await ask<{ count: number }>(child, { ask: 'count', table: 'clicks' })).count - before;
  const answered = full.reduce((t, r) => t + r.requests - r.failed, 0);
  const failed = full.reduce((t, r) => t + r.failed, 0);
  const best = (runs: Run[]) => Math.max(...runs.map((r) => r.perSecond));
  const leastCpu = (runs: Run[]) => Math.min(...runs.map((r) => r.cpuPerRequest));

  let ok: boolean;
  let ids: IdCheck | undefined;
  if (tool === 'wrk') {
    ids = await checkIds(servers, connections);
    const idsOk = ids.redirects === ids.answers && ids.distinct === ids.redirects && ids.stored === ids.redirects && ids.rows >= ids.redirects && ids.rows <= ids.redirects + connections;
    ok = failed === 0 && recorded >= answered && recorded <= answered + connections * ROUNDS && idsOk;
  } else {
    const distinct = new Set(locations.map((l) => new URL(l).searchParams.get('pc_click')));
    distinct.delete(null);
    ok = failed === 0 && recorded === answered && distinct.size === answered;
  }
  return {
    connections,
    bare: best(bare),
    full: best(full),
    ratio: best(full) / best(bare),
    paired,
    pairedRatio: median(paired),
    rounds: { bare: bare.map((r) => r.perSecond), full: full.map((r) => r.perSecond) },
    cpuPerRequest: { bare: leastCpu(bare), full: leastCpu(full) },
    clicks: { answered, recorded, ...(ids && { ids }), ok },
  };
}

async function measureOn(servers: Servers, onLevel: (level: LevelFigures) => void = () => {}): Promise<RedirectFigures> {
  const tool = installed('wrk') ? 'wrk' : 'node';
  // warm up both (JIT, statement caches, SQLite pages)
  for (const port of [servers.ports.bare, servers.ports.full]) {
    if (tool === 'wrk') await wrk(servers, port, 16, 2);
    else await load(port, 2_000, 16, () => ({ method: 'GET', path: REDIRECT_PATH, headers: { 'User-Agent': USER_AGENT } }));
  }
  const levels: LevelFigures[] = [];
  for (const connections of CONNECTION_LEVELS) {
    const level = await measureLevel(servers, tool, connections);
    onLevel(level);
    levels.push(level);
  }
  return { tool, pinned: servers.pinned && tool === 'wrk', levels };
}

/** The redirect figures at each connection level, measured on fresh servers; prints nothing. */
export const measureRedirect = (): Promise<RedirectFigures> => withServers((servers) => measureOn(servers));

function printLevel(level: LevelFigures) {
  const { connections, rounds, cpuPerRequest: cpu, clicks } = level;
  const cpuRatio = cpu.bare / cpu.full;
  console.log(`\n${connections} connections`);
  console.log(`  redirect, bare Hono route        ${fmt(level.bare).padStart(8)} req/s   rounds: ${rounds.bare.map(fmt).join(' / ')}   ${cpu.bare.toFixed(1)} CPU µs/request`);
  console.log(`  redirect, Partner Center /r/…    ${fmt(level.full).padStart(8)} req/s   rounds: ${rounds.full.map(fmt).join(' / ')}   ${cpu.full.toFixed(1)} CPU µs/request`);
  console.log(`  ratio, each round between two bare ones ${level.pairedRatio.toFixed(2).padStart(5)} (median of ${level.paired.map((r) => r.toFixed(2)).join(' / ')})   goal ≥ ${GOAL.toFixed(2)} ${level.pairedRatio >= GOAL ? '✔ met' : '✖ not met'}`);
  console.log(`  ratio of the best rounds         ${level.ratio.toFixed(2).padStart(8)}   (by CPU per request: ${cpuRatio.toFixed(2)})`);
  const ids = clicks.ids;
  console.log(
    `  clicks recorded: ${clicks.recorded.toLocaleString('en-US')} rows for ${clicks.answered.toLocaleString('en-US')} redirects answered` +
      (ids ? `; id check: ${ids.redirects.toLocaleString('en-US')} redirects, ${ids.distinct.toLocaleString('en-US')} distinct ids, ${ids.stored.toLocaleString('en-US')} stored, ${ids.rows.toLocaleString('en-US')} rows` : '') +
      ` — ${clicks.ok ? 'none lost ✔' : '✖ MISMATCH'}`,
  );
}

export default async function redirectBench() {
  await withServers(async (servers) => {
    if (!installed('wrk')) {
      console.warn('⚠ wrk is not installed (apt-get install wrk): measuring with a Node loop in this process, which is itself the bottleneck — the ratio reads closer to 1 than it is');
    }
    console.log(
      installed('wrk')
        ? `wrk, 1 thread, ${SECONDS} s per round, ${ROUNDS} Partner Center rounds per load, each between two bare rounds${servers.pinned ? '; servers on core 0, wrk on core 1' : ' (not pinned: taskset or a second core is missing)'}`
        : `${REDIRECTS.toLocaleString('en-US')} requests per round, keep-alive, ${ROUNDS} Partner Center rounds per load, each between two bare rounds`,
    );
    const figures = await measureOn(servers, printLevel);
    if (figures.levels.some((level) => !level.clicks.ok)) throw new Error('clicks were lost or a redirect failed');
    report({
      title: 'The redirect with its click recorded, next to a bare Hono redirect (SQLite)',
      command: 'npm run bench -- redirect (wrk: apt-get install wrk)',
      figures: figures.levels.flatMap((level): Figure[] => [
        {
          name: `GET /r/<code>/<slug> ÷ bare Hono redirect, ${level.connections} connections: each round against the bare rounds either side, median of ${level.paired.length}`,
          value: level.pairedRatio,
          unit: '×',
          budget: { atLeast: GOAL },
          note: `rounds: ${level.paired.map((r) => r.toFixed(2)).join(' / ')}`,
        },
        { name: `GET /r/<code>/<slug>, ${level.connections} connections (best round)`, value: level.full, unit: 'req/s', peer: { name: 'bare Hono, best round', value: level.bare } },
        {
          name: `server CPU per redirect, ${level.connections} connections`,
          value: level.cpuPerRequest.full,
          unit: 'µs',
          peer: { name: 'bare Hono', value: level.cpuPerRequest.bare },
          note: `bare ÷ Partner Center by CPU: ${(level.cpuPerRequest.bare / level.cpuPerRequest.full).toFixed(2)}`,
        },
        { name: `clicks lost, ${level.connections} connections (${level.clicks.answered.toLocaleString('en-US')} redirects answered)`, value: level.clicks.ok ? 0 : Math.max(1, level.clicks.answered - level.clicks.recorded), unit: 'clicks', budget: { atMost: 0 } },
      ]),
      notes: [
        figures.tool === 'wrk'
          ? `wrk, 1 thread, ${SECONDS} s rounds, ${ROUNDS} Partner Center rounds per load, each between two bare rounds${figures.pinned ? '; servers on core 0, wrk on core 1' : ' (not pinned)'}.`
          : 'Measured with the Node loop (wrk was not installed), which is itself the bottleneck.',
      ],
    });
  });
}
